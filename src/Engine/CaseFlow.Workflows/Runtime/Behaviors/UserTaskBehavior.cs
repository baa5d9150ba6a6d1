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
        var state = new TaskState
        {
            Assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee,
            CandidateGroups = task.CandidateGroups is { } g ? AsList(run.Evaluate(g, element.Key, task.Id)) : [],
            CandidateUsers = task.CandidateUsers is { } u ? AsList(run.Evaluate(u, element.Key, task.Id)) : [],
            DueDate = task.DueDate is { } due ? AsDateTime(run.Evaluate(due, element.Key, task.Id), task.Id, "dueDate") : null,
            FollowUpDate = task.FollowUpDate is { } follow ? AsDateTime(run.Evaluate(follow, element.Key, task.Id), task.Id, "followUpDate") : null,
            FormKey = task.FormKey,
        };
        element.Task = state;
        run.Effects.Add(new TaskCreated(element.Key, task.Id, task.Name, state.Assignee, state.CandidateGroups,
            state.CandidateUsers, state.DueDate, state.FollowUpDate, state.FormKey));
        run.Record(HistoryEventType.TaskCreated, task.Id, element.Key, state.Assignee);
    }

    private static string? AsText(object? value) => value switch
    {
        null => null,
        string s => s,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString(),
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
