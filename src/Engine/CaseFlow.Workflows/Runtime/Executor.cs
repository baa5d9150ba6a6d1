using CaseFlow.Workflows.Calendars;
using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>What a command did: the changed state, the effects for the service, and the history to append.</summary>
public sealed record ExecutionResult(InstanceState State, IReadOnlyList<Effect> Effects, IReadOnlyList<HistoryEvent> History);

/// <summary>
/// The functional core: (definition, state, command, clock) -> (state, effects, history). Deterministic,
/// no I/O. Throws <see cref="WorkflowException"/> for a command it refuses; the state it was given
/// must then be discarded.
/// </summary>
public static class Executor
{
    /// <param name="calendar">Counts working days for due dates and timers that ask for them; without one they count calendar days.</param>
    public static ExecutionResult Start(ProcessDefinition definition, int version, StartInstance command, DateTimeOffset now,
        IWorkCalendar? calendar = null)
    {
        var start = StartEventOf(definition, command.StartEventId);
        var state = new InstanceState
        {
            InstanceId = command.InstanceId,
            ProcessId = definition.Id,
            ProcessVersion = version,
            BusinessKey = command.BusinessKey,
            Parent = command.Parent,
            StartedAt = now,
        };
        var run = new Run(definition, state, now, calendar);
        run.Record(HistoryEventType.InstanceStarted, user: command.User, detail: command.BusinessKey);
        if (command.Variables is { } variables)
        {
            foreach (var (name, value) in variables) run.SetPropagating(null, name, value);
        }
        run.EnqueueActivate(start, null);
        run.Drain();
        return new ExecutionResult(state, run.Effects, run.History);
    }

    /// <summary>The none start event, or the process-level start event the service triggered.</summary>
    private static StartEvent StartEventOf(ProcessDefinition definition, string? startEventId)
    {
        if (startEventId is null)
            return definition.Root.NoneStart ?? throw new WorkflowException(WorkflowErrorKind.Invalid, "no_start_event",
                $"The process '{definition.Id}' has no none start event.");
        return definition.Root.Nodes.OfType<StartEvent>().FirstOrDefault(s => s.Id == startEventId)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "start_event_not_found",
                $"The process '{definition.Id}' has no start event '{startEventId}' at its top level.", startEventId);
    }

    public static ExecutionResult Execute(ProcessDefinition definition, InstanceState state, Command command, DateTimeOffset now,
        IWorkCalendar? calendar = null)
    {
        if (state.Status != InstanceStatus.Active)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "instance_not_active",
                $"The instance {state.InstanceId} is {state.Status.ToString().ToLowerInvariant()}.");
        var run = new Run(definition, state, now, calendar);
        switch (command)
        {
            case CompleteTask c: CompleteTask(run, c); break;
            case ClaimTask c: ClaimTask(run, c); break;
            case UnclaimTask c: UnclaimTask(run, c); break;
            case CompleteJob c: CompleteJob(run, c); break;
            case CompleteCallActivity c: CompleteCallActivity(run, c); break;
            case CompleteDecision c: CompleteDecision(run, c); break;
            case CancelInstance c: Completion.CancelInstance(run, c.User, c.Reason); break;
            case FailJob c: FailJob(run, c); break;
            case ResolveIncident c: Incidents.Resolve(run, c); break;
            case SetVariables c: SetVariables(run, c); break;
            case FailElement c: FailElement(run, c); break;
            case FireTimer c: Timers.Fire(run, c); break;
            case ThrowError c: ThrowError(run, c); break;
            case CorrelateMessage c: Messages.Correlate(run, c); break;
            case StartInstance: throw new ArgumentException("Use Executor.Start to start an instance.", nameof(command));
            default: throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command));
        }
        run.Drain();
        return new ExecutionResult(state, run.Effects, run.History);
    }

    private static void CompleteTask(Run run, CompleteTask command)
    {
        var element = Require(run, command.ElementKey, ElementKind.UserTask, "task");
        var task = element.Task!;
        if (task.Assignee is { } assignee && command.User is { } user && user != assignee)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "task_claimed_by_other",
                $"The task is claimed by {assignee}.", element.ElementId);
        var node = run.Definition.Node(element.ElementId);
        run.Effects.Add(new TaskCompleted(element.Key, command.User));
        run.Record(HistoryEventType.TaskCompleted, element.ElementId, element.Key, command.User);
        Completion.ApplyResult(run, node, element, command.Variables);
        run.EnqueueLeave(element);
    }

    private static void ClaimTask(Run run, ClaimTask command)
    {
        var element = Require(run, command.ElementKey, ElementKind.UserTask, "task");
        var task = element.Task!;
        if (task.Assignee == command.User) return;
        if (task.Assignee is { } assignee)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "task_already_claimed",
                $"The task is already claimed by {assignee}.", element.ElementId);
        task.Assignee = command.User;
        run.Effects.Add(new TaskAssigned(element.Key, command.User));
        run.Record(HistoryEventType.TaskClaimed, element.ElementId, element.Key, command.User);
    }

    private static void UnclaimTask(Run run, UnclaimTask command)
    {
        var element = Require(run, command.ElementKey, ElementKind.UserTask, "task");
        var task = element.Task!;
        if (task.Assignee is null) return;
        task.Assignee = null;
        run.Effects.Add(new TaskAssigned(element.Key, null));
        run.Record(HistoryEventType.TaskUnclaimed, element.ElementId, element.Key, command.User);
    }

    private static void CompleteJob(Run run, CompleteJob command)
    {
        var element = RequireJob(run, command.ElementKey);
        run.Record(HistoryEventType.JobCompleted, element.ElementId, element.Key, detail: element.JobType);
        Completion.ApplyResult(run, run.Definition.Node(element.ElementId), element, command.Variables);
        run.EnqueueLeave(element);
    }

    private static void FailJob(Run run, FailJob command)
    {
        var element = RequireJob(run, command.ElementKey);
        var retries = Math.Max(command.RetriesLeft, 0);
        run.Record(HistoryEventType.JobFailed, element.ElementId, element.Key,
            detail: $"{command.ErrorMessage} (retries left: {retries})");
        if (retries > 0) return;
        Incidents.Raise(run, element, "job_failed", command.ErrorMessage, IncidentRetry.Job, command.ErrorDetails);
    }

    /// <summary>A job worker's business error, or an error a called instance passed up to its call activity.</summary>
    private static void ThrowError(Run run, ThrowError command)
    {
        ElementInstance element;
        if (run.State.Find(command.ElementKey) is { Kind: ElementKind.CallActivity } call)
        {
            // The child ended by passing the error up: terminating the call activity has no child to cancel.
            call.ChildInstanceId = null;
            element = call;
        }
        else
        {
            element = RequireJob(run, command.ElementKey);
        }
        Errors.Throw(run, element, command.ErrorCode, command.ErrorMessage, command.Variables);
    }

    private static void SetVariables(Run run, SetVariables command)
    {
        var first = run.History.Count;
        if (command.ScopeKey is not { } key)
        {
            foreach (var (name, value) in command.Variables) run.SetPropagating(null, name, value);
        }
        else
        {
            var scope = run.State.Find(key) ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "scope_not_found",
                $"The element instance {key} is not active in instance {run.State.InstanceId}.");
            foreach (var (name, value) in command.Variables) run.SetLocal(scope, name, value);
        }
        // An operator's fix is part of the case file: the changes carry who made them.
        for (var i = first; i < run.History.Count; i++) run.History[i] = run.History[i] with { User = command.User };
    }

    private static void CompleteCallActivity(Run run, CompleteCallActivity command)
    {
        var element = Require(run, command.ElementKey, ElementKind.CallActivity, "call activity");
        CallActivityBehavior.Complete(run, (CallActivity)run.Definition.Node(element.ElementId), element, command.ChildVariables);
    }

    private static void CompleteDecision(Run run, CompleteDecision command)
    {
        var element = Require(run, command.ElementKey, ElementKind.BusinessRuleTask, "business rule task");
        BusinessRuleTaskBehavior.Complete(run, (BusinessRuleTask)run.Definition.Node(element.ElementId), element, command);
    }

    /// <summary>A service task whose job is out: not while an incident holds it (the job is gone until resolved).</summary>
    private static ElementInstance RequireJob(Run run, long key)
    {
        var element = Require(run, key, ElementKind.ServiceTask, "job");
        if (element.JobType is null || Incidents.HasOpen(run, key))
            throw new WorkflowException(WorkflowErrorKind.Conflict, "job_not_active",
                $"The job {key} is not active in instance {run.State.InstanceId}: it waits for an incident to be resolved.", element.ElementId);
        return element;
    }

    private static void FailElement(Run run, FailElement command)
    {
        var element = run.State.Find(command.ElementKey);
        if (element is not { Kind: ElementKind.CallActivity or ElementKind.BusinessRuleTask })
            throw new WorkflowException(WorkflowErrorKind.Conflict, "element_not_waiting",
                $"No call activity or business rule task {command.ElementKey} waits in instance {run.State.InstanceId}.");
        Incidents.Raise(run, element, command.Kind, command.Message, IncidentRetry.Activate);
    }

    private static ElementInstance Require(Run run, long key, ElementKind kind, string what)
    {
        var element = run.State.Find(key);
        if (element is null || element.Kind != kind)
            throw new WorkflowException(WorkflowErrorKind.Conflict, $"{what.Replace(' ', '_')}_not_active",
                $"The {what} {key} is not active in instance {run.State.InstanceId}.");
        return element;
    }
}
