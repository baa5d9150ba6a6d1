using CaseFlow.Engine.History;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Tasks;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Engine.Instances;

/// <summary>
/// Turns an execution result into rows: the task list as tracked entities, history entries as a list
/// for <see cref="HistoryInsert"/>. Nothing here talks to the database.
/// </summary>
internal sealed class ResultWriter(CaseFlowDb db)
{
    public List<HistoryEntry> History { get; } = [];

    public void AppendHistory(Instance row, IReadOnlyList<HistoryEvent> events)
    {
        foreach (var e in events)
        {
            History.Add(new HistoryEntry
            {
                InstanceId = row.Id, Seq = ++row.HistorySeq, Type = e.Type.ToString(), At = e.At,
                ElementId = e.ElementId, ElementKey = e.ElementKey, UserName = e.User, Variable = e.Variable,
                // A created variable has no old value; an updated one may have had null.
                OldValue = e.Type == HistoryEventType.VariableUpdated || e.OldValue is not null ? VariableJson.Serialize(e.OldValue) : null,
                NewValue = e.Variable is not null || e.NewValue is not null ? VariableJson.Serialize(e.NewValue) : null,
                Detail = e.Detail,
            });
        }
    }

    public void Apply(Instance row, Effect effect, DateTimeOffset now)
    {
        switch (effect)
        {
            case TaskCreated created:
                db.UserTasks.Add(NewTask(row, created, now));
                break;
            case TaskAssigned assigned:
                Task(row.Id, assigned.ElementKey).Assignee = assigned.Assignee;
                break;
            case TaskCompleted completed:
                var task = Task(row.Id, completed.ElementKey);
                task.State = UserTaskState.Completed;
                task.CompletedAt = now;
                task.CompletedBy = completed.User;
                break;
            case TaskCancelled cancelled:
                var dropped = Task(row.Id, cancelled.ElementKey);
                dropped.State = UserTaskState.Cancelled;
                dropped.CompletedAt = now;
                break;
            // An instance's end is in its row's status.
            case InstanceEnded:
                break;
            default:
                throw new InvalidOperationException($"The service does not handle the effect {effect.GetType().Name}.");
        }
    }

    private static UserTask NewTask(Instance row, TaskCreated created, DateTimeOffset now)
    {
        var id = TaskIds.For(row.Id, created.ElementKey);
        var candidates = created.CandidateGroups.Distinct(StringComparer.Ordinal)
            .Select(name => new TaskCandidate { TaskId = id, Kind = CandidateKind.Group, Name = name })
            .Concat(created.CandidateUsers.Distinct(StringComparer.Ordinal)
                .Select(name => new TaskCandidate { TaskId = id, Kind = CandidateKind.User, Name = name }))
            .ToList();
        return new UserTask
        {
            Id = id, InstanceId = row.Id, ElementKey = created.ElementKey, ElementId = created.ElementId, Name = created.Name,
            ProcessId = row.ProcessId, Assignee = created.Assignee, DueDate = created.DueDate, DueInWorkingDays = created.DueInWorkingDays, FollowUpDate = created.FollowUpDate,
            FormKey = created.FormKey, State = UserTaskState.Created, CreatedAt = now, Candidates = candidates,
            UnitId = row.UnitId, CaseId = row.CaseId,
        };
    }

    /// <summary>The task row to change: tracked already, or attached by its derived id without a read.</summary>
    private UserTask Task(Guid instanceId, long elementKey)
    {
        var id = TaskIds.For(instanceId, elementKey);
        if (db.UserTasks.Local.FindEntry(id)?.Entity is { } tracked) return tracked;
        var stub = new UserTask { Id = id };
        db.UserTasks.Attach(stub);
        return stub;
    }
}
