namespace CaseFlow.Workflows.Feel;

/// <summary>date, time, date and time, duration, years and months duration, now, today.</summary>
internal static class TemporalFunctions
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("date", "from", DateFrom);
        r.Add("date", "year, month, day", DateOf);
        r.Add("time", "from", TimeFrom);
        r.Add("time", "hour, minute, second, offset?", TimeOf);
        r.Add("date and time", "from", DateTimeFrom);
        r.Add("date and time", "date, time", DateTimeOf);
        // Camunda's extension: the same instant on another zone's clock. Positional calls reach DateTimeOf,
        // which tells the two apart by the second argument's type.
        r.Add("date and time", "date, timezone", DateTimeOf);
        r.Add("duration", "from", (a, e) => a[0] is string s && TemporalParser.TryParseDuration(s, out var d) ? d : Bad(a, e, "duration"));
        r.Add("years and months duration", "from, to", YearsMonthsBetween);
        // The clock is read at each call, so these are never folded into constants.
        r.Add("now", "", (_, _) => FeelDateTime.FromDateTimeOffset(DateTimeOffset.Now), pure: false);
        r.Add("today", "", (_, _) => DateOnly.FromDateTime(DateTime.Now), pure: false);
    }

    private static object? Bad(object?[] a, Env e, string name) =>
        a[0] is string s ? e.Fail($"Function '{name}': \"{s}\" is not a valid {name}") : Args.Invalid(e, name, a);

    private static object? DateFrom(object?[] a, Env e) => a[0] switch
    {
        string s when TemporalParser.TryParseAnyDate(s, out var d) => d,
        DateOnly or FeelDate => a[0],
        FeelDateTime dt => dt.Date,
        _ => Bad(a, e, "date"),
    };

    private static object? DateOf(object?[] a, Env e)
    {
        if (!Args.TryInt(a[0], out var y) || !Args.TryInt(a[1], out var m) || !Args.TryInt(a[2], out var d)) return Args.Invalid(e, "date", a);
        return FeelDate.Create(y, m, d) ?? e.Fail($"Function 'date': {y}-{m}-{d} is not a valid date");
    }

    private static object? TimeFrom(object?[] a, Env e) => a[0] switch
    {
        string s when TemporalParser.TryParseTime(s, out var t) => t,
        FeelTime t => t,
        FeelDateTime dt => dt.Time,
        _ => Bad(a, e, "time"),
    };

    private static object? TimeOf(object?[] a, Env e)
    {
        if (!Args.TryInt(a[0], out var h) || !Args.TryInt(a[1], out var m) || Numbers.Approximate(a[2]) is not decimal s || (a.Has(3) && a[3] is not TimeSpan))
            return Args.Invalid(e, "time", a);
        if (h is < 0 or > 23 || m is < 0 or > 59 || s < 0 || s >= 60) return e.Fail("Function 'time': hour, minute or second out of range");
        var local = new TimeOnly(h, m).Add(new TimeSpan((long)decimal.Truncate(s * TimeSpan.TicksPerSecond)));
        if (a.Arg(3) is not TimeSpan offset) return new FeelTime(local);
        if (offset.Duration() > TimeSpan.FromHours(14) || offset.Ticks % TimeSpan.TicksPerMinute != 0)
            return e.Fail("Function 'time': offset must be whole minutes within ±14 hours");
        return new FeelTime(local, offset);
    }

    private static object? DateTimeFrom(object?[] a, Env e) => a[0] switch
    {
        string s when TemporalParser.TryParseDateTime(s, out var dt) => dt,
        // A date alone is midnight of that day.
        string s when TemporalParser.TryParseDate(s, out var d) => new FeelDateTime(d.ToDateTime(TimeOnly.MinValue)),
        FeelDateTime dt => dt,
        DateOnly d => new FeelDateTime(d.ToDateTime(TimeOnly.MinValue)),
        _ => Bad(a, e, "date and time"),
    };

    private static object? DateTimeOf(object?[] a, Env e)
    {
        if (a[0] is FeelDateTime at && a[1] is string zone) return AtZone(at, zone, e);
        DateOnly? date = a[0] switch { DateOnly d => d, FeelDateTime dt => dt.Date, _ => null };
        if (date is not { } day || a[1] is not FeelTime time) return Args.Invalid(e, "date and time", a);
        var local = day.ToDateTime(time.Local);
        if (time.ZoneId is not null) return FeelDateTime.InZone(local, time.ZoneId);
        return time.Offset is { } o ? new FeelDateTime(local, o) : new FeelDateTime(local);
    }

    /// <summary>
    /// <paramref name="value"/>'s instant as read in <paramref name="zone"/> (an IANA id, <c>Z</c> or an offset
    /// such as <c>+08:00</c>). A local date and time is read as UTC, as FEEL compares local values, rather
    /// than in the server's zone, so the result does not depend on where the engine runs.
    /// </summary>
    private static object? AtZone(FeelDateTime value, string zone, Env e)
    {
        var instant = value.ToDateTimeOffset();
        if (TemporalParser.TryParseOffset(zone, out var offset)) return FeelDateTime.FromDateTimeOffset(instant.ToOffset(offset));
        if (FeelZones.Find(zone) is null) return e.Fail($"Function 'date and time': \"{zone}\" is not a time zone");
        return FeelDateTime.AtInstant(instant, zone);
    }

    /// <summary>Whole months from one date (or date and time) to another, negative when going back.</summary>
    private static object? YearsMonthsBetween(object?[] a, Env e)
    {
        static DateTime? Point(object? v) => v switch
        {
            DateOnly d => d.ToDateTime(TimeOnly.MinValue),
            FeelDateTime dt => dt.Local,
            _ => null,
        };
        if (Point(a[0]) is not { } from || Point(a[1]) is not { } to) return Args.Invalid(e, "years and months duration", a);
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (months > 0 && from.AddMonths(months) > to) months--;
        if (months < 0 && from.AddMonths(months) < to) months++;
        return new YearsMonthsDuration(months);
    }
}
