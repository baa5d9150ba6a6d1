using System.Globalization;
using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>A user task waits for a person: it resolves assignment, form and schedule, then announces the task.</summary>
internal static class UserTaskBehavior
{
    public static void Activate(Run run, UserTask task, ElementInstance element)
    {
        var assignee = task.Assignee is { } a ? AsText(run.Evaluate(a, element.Key, task.Id)) : null;
        var due = Date(run, task, element, task.DueDate, "dueDate");
        var followUp = Date(run, task, element, task.FollowUpDate, "followUpDate");
        var state = new TaskState
        {
            Assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee,
            CandidateGroups = task.CandidateGroups is { } g ? AsList(run.Evaluate(g, element.Key, task.Id)) : [],
            CandidateUsers = task.CandidateUsers is { } u ? AsList(run.Evaluate(u, element.Key, task.Id)) : [],
            DueDate = due.At,
            FollowUpDate = followUp.At,
            FormKey = task.FormKey,
        };
        element.Task = state;
        run.Effects.Add(new TaskCreated(element.Key, task.Id, task.Name, state.Assignee, state.CandidateGroups,
            state.CandidateUsers, state.DueDate, state.FollowUpDate, state.FormKey, due.InWorkingDays));
        run.Record(HistoryEventType.TaskCreated, task.Id, element.Key, state.Assignee);
    }

    /// <summary>
    /// A date-time, or a duration from now (<c>P5D</c>, <c>=duration("P5D")</c>), whose day part counts working
    /// days when the task has <c>caseflow:workingDays</c>.
    /// </summary>
    private static (DateTimeOffset? At, bool InWorkingDays) Date(Run run, UserTask task, ElementInstance element, Expression? expression, string attribute)
    {
        if (expression is null) return (null, false);
        var value = run.Evaluate(expression, element.Key, task.Id);
        if (AsDuration(value) is not { } duration) return (AsDateTime(value, task.Id, attribute), false);
        var calendar = !task.CountsWorkingDays ? null : run.Calendar ?? throw new ElementFailure("no_work_calendar",
            $"The {attribute} of '{task.Id}' ({expression.Source}) counts working days, but no work calendar was given.");
        return duration.TryAddTo(run.Now, calendar, out var at)
            ? (at, task.CountsWorkingDays)
            : throw new ElementFailure("invalid_date", $"The {attribute} of '{task.Id}' ({expression.Source}) goes past the year 9999.");
    }

    private static IsoDuration? AsDuration(object? value) => value switch
    {
        TimeSpan span when span > TimeSpan.Zero => IsoDuration.FromTimeSpan(span),
        YearsMonthsDuration months when months.TotalMonths > 0 => new IsoDuration(months.TotalMonths, 0, TimeSpan.Zero),
        string text when text.StartsWith('P') && IsoDuration.TryParse(text, out var parsed) => parsed,
        _ => null,
    };

    private static string? AsText(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => FeelNumbers.PlainText(value) ?? value.ToString(),
    };

    /// <summary>"reviewer, approver" (static) or a FEEL list or string.</summary>
    private static IReadOnlyList<string> AsList(object? value) => value switch
    {
        null => [],
        string s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        IReadOnlyList<object?> list => list.Select(AsText).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!).ToArray(),
        _ => [AsText(value)!],
    };

    private static DateTimeOffset? AsDateTime(object? value, string elementId, string attribute) => value switch
    {
        null => null,
        DateTimeOffset dto => dto,
        FeelDateTime feel => feel.ToDateTimeOffset(),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        DateOnly date => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        _ when DateTimeOffset.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => throw new ElementFailure("invalid_date", $"The {attribute} of '{elementId}' is not a date and time: {value}."),
    };
}
