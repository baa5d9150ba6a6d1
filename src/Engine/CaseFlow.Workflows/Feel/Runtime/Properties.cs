namespace CaseFlow.Workflows.Feel;

/// <summary>Properties reachable by a path on non-context values: <c>d.year</c>, <c>t.time offset</c>, <c>r.start</c>.</summary>
internal static class Properties
{
    public static object? Get(object value, string name, Env env)
    {
        var result = value switch
        {
            DateOnly d => DateProperty(d, name),
            FeelDate d => name switch
            {
                "year" => (decimal)d.Year,
                "month" => d.Month,
                "day" => d.Day,
                "weekday" => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek,
                _ => null,
            },
            FeelDateTime dt => name switch
            {
                "time offset" => dt.Offset,
                "timezone" => dt.ZoneId,
                _ => DateProperty(dt.Date, name) ?? TimeProperty(new FeelTime(TimeOnly.FromDateTime(dt.Local)), name),
            },
            FeelTime t => TimeProperty(t, name),
            TimeSpan ts => name switch
            {
                "days" => ts.Days, "hours" => ts.Hours, "minutes" => ts.Minutes, "seconds" => ts.Seconds, _ => Missing,
            },
            YearsMonthsDuration m => name switch { "years" => m.Years, "months" => m.Months, _ => Missing },
            FeelRange r => name switch
            {
                "start" => r.Start, "end" => r.End,
                "start included" => Boxes.Bool(r.StartIncluded), "end included" => Boxes.Bool(r.EndIncluded),
                _ => Missing,
            },
            _ => Missing,
        };
        return ReferenceEquals(result, Missing) || result is null && IsTemporal(value) && !IsZoneProperty(name)
            ? env.Fail($"A {FeelValue.TypeName(value)} has no property '{name}'")
            : result is int i ? (decimal)i : result;
    }

    private static readonly object Missing = new();

    private static bool IsTemporal(object value) => value is DateOnly or FeelDate or FeelDateTime or FeelTime;

    private static bool IsZoneProperty(string name) => name is "time offset" or "timezone";

    private static object? DateProperty(DateOnly d, string name) => name switch
    {
        "year" => d.Year,
        "month" => d.Month,
        "day" => d.Day,
        // ISO weekday: Monday is 1, Sunday is 7.
        "weekday" => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek,
        _ => null,
    };

    private static object? TimeProperty(FeelTime t, string name) => name switch
    {
        "hour" => t.Local.Hour,
        "minute" => t.Local.Minute,
        "second" => t.Local.Second,
        "time offset" => t.Offset,
        "timezone" => t.ZoneId,
        _ => Missing,
    };
}
