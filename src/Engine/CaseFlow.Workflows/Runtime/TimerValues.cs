using System.Text.RegularExpressions;
using CaseFlow.Workflows.Calendars;
using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Model;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// When a timer is due. <paramref name="DueAt"/> is the first occurrence (null for a cron cycle, which the
/// service's scheduler reads from <paramref name="Cron"/>). A cycle repeats every <paramref name="Interval"/>,
/// <paramref name="Repetitions"/> times in all (null: for ever).
/// </summary>
public sealed record TimerPlan(
    DateTimeOffset? DueAt, IsoDuration? Interval = null, int? Repetitions = 1, string? Cron = null, bool InWorkingDays = false);

/// <summary>A timer value that cannot be scheduled: <see cref="Code"/> is <c>invalid_timer_value</c> or <c>no_work_calendar</c>.</summary>
public sealed class TimerValueException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// Reads timer values, for the executor and for the service's start-event scheduling alike: an ISO 8601
/// date-time (with an offset or zone), a duration, a repeating interval <c>R[n]/[start/]duration</c>, a
/// cron expression (Camunda 8 cycles, six fields with seconds) or the FEEL value of a <c>=...</c> expression
/// giving one of those. Pure: the caller passes the clock and the calendar.
/// </summary>
public static partial class TimerValues
{
    /// <param name="value">The timer's text, or the FEEL value its expression gave.</param>
    /// <param name="inWorkingDays">Count the day part of durations as working days of <paramref name="calendar"/>.</param>
    public static TimerPlan Plan(TimerKind kind, object? value, DateTimeOffset now, bool inWorkingDays = false, IWorkCalendar? calendar = null)
    {
        // A date needs no calendar, so only durations ask for one.
        IWorkCalendar? Days() => !inWorkingDays ? null : calendar ?? throw new TimerValueException("no_work_calendar",
            "The timer counts working days, but no work calendar was given.");
        return kind switch
        {
            TimerKind.Date => new TimerPlan(DateTime(value)),
            TimerKind.Duration => new TimerPlan(After(now, Duration(value), Days()), InWorkingDays: inWorkingDays),
            _ => Cycle(value, now, inWorkingDays, Days),
        };
    }

    /// <summary>The plan of a process's timer start event; its expression sees no variables.</summary>
    public static TimerPlan ForStartEvent(StartEvent start, DateTimeOffset now, IWorkCalendar? calendar = null)
    {
        var timer = start.Timer ?? throw new ArgumentException($"'{start.Id}' is not a timer start event.", nameof(start));
        return Plan(timer.Kind, timer.Value.Evaluate(NoVariables.Instance), now, start.CountsWorkingDays, calendar);
    }

    /// <summary>The occurrence of a cycle after <paramref name="previous"/>.</summary>
    public static DateTimeOffset Next(IsoDuration interval, DateTimeOffset previous, bool inWorkingDays = false, IWorkCalendar? calendar = null)
    {
        if (inWorkingDays && calendar is null)
            throw new TimerValueException("no_work_calendar", "The timer counts working days, but no work calendar was given.");
        return After(previous, interval, inWorkingDays ? calendar : null);
    }

    /// <summary>A cron expression: five to seven fields of cron characters, as Camunda 8 accepts for cycles.</summary>
    public static bool IsCron(string text)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return fields.Length is >= 5 and <= 7 && fields.All(f => CronField().IsMatch(f));
    }

    [GeneratedRegex(@"^[0-9A-Za-z*?/,\-#]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CronField();

    private static DateTimeOffset DateTime(object? value) => value switch
    {
        FeelDateTime { IsLocal: false } dt => Instant(dt),
        FeelDateTime dt => throw Invalid($"the date and time {dt} has no offset or zone, so it names no instant; write e.g. {dt}+08:00 or {dt}@Asia/Shanghai"),
        string text when TemporalParser.TryParseDateTime(text.Trim(), out var dt) => DateTime(dt),
        _ => throw Invalid($"{Describe(value)} is not an ISO 8601 date and time such as 2026-03-01T09:00:00+08:00"),
    };

    private static DateTimeOffset Instant(FeelDateTime value)
    {
        try
        {
            return value.ToDateTimeOffset();
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Invalid($"the date and time {value} is outside the calendar");
        }
    }

    private static IsoDuration Duration(object? value)
    {
        var duration = value switch
        {
            TimeSpan span when span >= TimeSpan.Zero => IsoDuration.FromTimeSpan(span),
            YearsMonthsDuration ym when ym.TotalMonths >= 0 => new IsoDuration(ym.TotalMonths, 0, TimeSpan.Zero),
            string text when IsoDuration.TryParse(text, out var parsed) => parsed,
            _ => throw Invalid($"{Describe(value)} is not an ISO 8601 duration such as PT1H or P3D"),
        };
        return duration.IsZero ? throw Invalid("a duration of zero would fire at once, again and again") : duration;
    }

    private static TimerPlan Cycle(object? value, DateTimeOffset now, bool inWorkingDays, Func<IWorkCalendar?> workingDays)
    {
        if (value is TimeSpan or YearsMonthsDuration)
        {
            var every = Duration(value);
            return new TimerPlan(After(now, every, workingDays()), every, null, InWorkingDays: inWorkingDays);
        }
        if (value is not string text) throw Invalid($"{Describe(value)} is not a cycle such as R3/PT1H or a cron expression");
        text = text.Trim();
        if (!text.StartsWith('R')) return IsCron(text)
            ? new TimerPlan(null, Repetitions: null, Cron: text)
            : throw Invalid($"'{text}' is not a cycle such as R3/PT1H, R/P1D or R5/2026-03-01T09:00:00+08:00/P1D, nor a cron expression");

        var parts = text.Split('/');
        int? repetitions = parts[0] == "R" ? null
            : int.TryParse(parts[0].AsSpan(1), out var n) && n > 0 ? n
            : throw Invalid($"'{parts[0]}' is not a repetition count: write R followed by a number above zero, or R alone for ever");
        if (parts.Length == 2)
        {
            var interval = Duration(parts[1]);
            return new TimerPlan(After(now, interval, workingDays()), interval, repetitions, InWorkingDays: inWorkingDays);
        }
        if (parts.Length == 3 && !parts[1].StartsWith('P'))
        {
            // The later occurrences count working days, so the calendar is needed now rather than at the second firing.
            var first = DateTime(parts[1]);
            var interval = Duration(parts[2]);
            workingDays();
            return new TimerPlan(first, interval, repetitions, InWorkingDays: inWorkingDays);
        }
        throw Invalid($"'{text}' is not a cycle CaseFlow runs: write R[n]/duration or R[n]/start/duration (an end date is not supported)");
    }

    private static DateTimeOffset After(DateTimeOffset start, IsoDuration duration, IWorkCalendar? workingDays) =>
        duration.TryAddTo(start, workingDays, out var due) ? due : throw Invalid($"{duration} from {start:O} goes past the year 9999");

    private static TimerValueException Invalid(string reason) => new("invalid_timer_value", reason);

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        _ => $"the {FeelValue.TypeName(value)} {FeelValue.ToFeelString(value)}",
    };

    private sealed class NoVariables : IVariableScope
    {
        public static readonly NoVariables Instance = new();

        public bool TryGetVariable(string name, out object? value)
        {
            value = null;
            return false;
        }
    }
}
