using System.Text.Json;

namespace CaseFlow.Engine.Tasks;

/// <param name="User">Assign to someone else (supervisors and administrators); the caller when absent.</param>
public sealed record ClaimTaskRequest(string? User);

/// <param name="User">Complete on behalf of the assignee (supervisors and administrators); the caller when absent.</param>
public sealed record CompleteTaskRequest(JsonElement? Variables, string? User);

public sealed record TaskDto(
    Guid Id, Guid InstanceId, string ProcessId, long ElementKey, string ElementId, string? Name,
    string? Assignee, IReadOnlyList<string> CandidateGroups, IReadOnlyList<string> CandidateUsers,
    DateTimeOffset? DueDate, bool DueInWorkingDays, DateTimeOffset? FollowUpDate, string? FormKey, string State,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string? CompletedBy, Guid? UnitId, Guid? CaseId);

internal static class TaskMappings
{
    public static TaskDto ToDto(this UserTask task) => new(
        task.Id, task.InstanceId, task.ProcessId, task.ElementKey, task.ElementId, task.Name, task.Assignee,
        Names(task.Candidates, CandidateKind.Group), Names(task.Candidates, CandidateKind.User),
        task.DueDate, task.DueInWorkingDays, task.FollowUpDate, task.FormKey, task.State.ToString(), task.CreatedAt, task.CompletedAt, task.CompletedBy,
        task.UnitId, task.CaseId);

    private static List<string> Names(IEnumerable<TaskCandidate> candidates, CandidateKind kind) =>
        candidates.Where(c => c.Kind == kind).Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
}
