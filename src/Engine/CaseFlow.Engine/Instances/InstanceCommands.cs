using System.Text;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Decisions;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.History;
using CaseFlow.Engine.Incidents;
using CaseFlow.Engine.Jobs;
using CaseFlow.Engine.Messages;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Scheduling;
using CaseFlow.Workflows.Calendars;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseFlow.Engine.Instances;

/// <summary>
/// Runs one state-changing request as one transaction: load, execute, apply the result, then the
/// follow-on work it causes (child instances, parents resuming, decisions, messages) until nothing is left,
/// and write it all with a single SaveChanges. Any exception leaves the database untouched.
/// Scoped: one per request.
/// </summary>
internal sealed class InstanceCommands(
    CaseFlowDb db, DefinitionCache definitions, DecisionEvaluator decisions, TimerSchedule timers, IWorkCalendar calendar, TimeProvider clock)
{
    /// <summary>Bounds a command's follow-on work, e.g. a process that calls itself.</summary>
    private const int MaxSteps = 1000;

    private readonly Dictionary<Guid, LoadedInstance> _loaded = [];
    private readonly Queue<Work> _work = new();
    private readonly ResultWriter _writer = new(db);
    private readonly JobRows _jobs = new(db);
    private readonly MessageCorrelation _messages = new(db);
    private DateTimeOffset _now;
    private int _steps;

    /// <summary>The incident rows this command writes; the incident routes say who resolves and how.</summary>
    public IncidentRows Incidents { get; } = new(db);

    /// <summary>The time the command runs at.</summary>
    public DateTimeOffset Now => _now;

    private abstract record Work;
    /// <summary>By id: a parent or child is loaded only when its turn comes.</summary>
    private sealed record Run(Guid Target, Command Command) : Work;
    private sealed record StartChild(LoadedInstance Parent, ChildInstanceRequested Request) : Work;
    private sealed record TakeBufferedMessage(LoadedInstance Target, MessageSubscriptionOpened Subscription) : Work;
    private sealed record Publish(string Name, string CorrelationKey, IReadOnlyDictionary<string, object?> Variables, PublishOutcome Outcome) : Work;
    private sealed record EvaluateDecision(LoadedInstance Target, DecisionRequested Request) : Work;

    /// <param name="owner">The unit (and case) the instance belongs to: its tasks are seen by that unit and those above it.</param>
    public async Task<LoadedInstance> StartAsync(Guid definitionId, int version, StartInstance command, InstanceOwner owner, CancellationToken ct)
    {
        _now = clock.GetUtcNow();
        var started = await StartInstanceAsync(definitionId, version, command, owner, ct);
        await DrainAsync(ct);
        return started;
    }

    /// <param name="row">The instance row, loaded tracked by the caller.</param>
    public async Task<LoadedInstance> ExecuteAsync(Instance row, Command command, CancellationToken ct)
    {
        _now = clock.GetUtcNow();
        var target = await TrackAsync(row, ct);
        _work.Enqueue(new Run(row.Id, command));
        await DrainAsync(ct);
        return target;
    }

    /// <summary>Publishes a message: correlates it to every waiting instance and starts the processes it starts.</summary>
    public async Task<PublishOutcome> PublishAsync(string name, string correlationKey, IReadOnlyDictionary<string, object?> variables, CancellationToken ct)
    {
        _now = clock.GetUtcNow();
        var outcome = new PublishOutcome();
        _work.Enqueue(new Publish(name, correlationKey, variables, outcome));
        await DrainAsync(ct);
        return outcome;
    }

    /// <summary>
    /// Writes every touched instance's state once, then commits rows and history in one transaction:
    /// one SaveChanges batch plus one history INSERT, however much the command did.
    /// </summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        foreach (var instance in _loaded.Values)
        {
            var row = instance.Row;
            row.State = Encoding.UTF8.GetString(InstanceStateSerializer.Serialize(instance.State));
            row.Status = instance.State.Status;
            row.EndedAt = instance.State.EndedAt;
            row.UpdatedAt = _now;
            // The concurrency token: the UPDATE matches only the version this command read.
            if (!instance.IsNew) row.RowVersion++;
        }
        // Joins the transaction of the idempotency middleware when there is one.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        await _jobs.SaveAsync(_now, ct);
        // After the instance rows: history references them.
        await HistoryInsert.ExecuteAsync(db, _writer.History, ct);
        // Quartz writes the timers through this same transaction: they commit, or vanish, with the state.
        await timers.ApplyAsync(db.Database.CurrentTransaction!.GetDbTransaction(), ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        while (_work.TryDequeue(out var work))
        {
            if (++_steps > MaxSteps)
                throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "too_many_steps",
                    $"The command caused more than {MaxSteps} steps (a call activity calling itself?); nothing was written.");
            switch (work)
            {
                case Run run:
                    var target = await LoadAsync(run.Target, ct);
                    Apply(target, Executor.Execute(target.Definition, target.State, run.Command, _now, calendar));
                    break;
                case StartChild start:
                    await StartChildAsync(start.Parent, start.Request, ct);
                    break;
                case TakeBufferedMessage take when _messages.IsOpen(take.Target.Row, take.Subscription)
                                                  && await _messages.TakeBufferedAsync(take.Subscription, _now, ct) is { } correlate:
                    _work.Enqueue(new Run(take.Target.Row.Id, correlate));
                    break;
                case TakeBufferedMessage:
                    break;
                case Publish publish:
                    await PublishToTargetsAsync(publish, ct);
                    break;
                case EvaluateDecision evaluate when evaluate.Target.State.Find(evaluate.Request.ElementKey) is { Kind: ElementKind.BusinessRuleTask }:
                    _work.Enqueue(new Run(evaluate.Target.Row.Id, await EvaluateDecisionAsync(evaluate.Request, ct)));
                    break;
                case EvaluateDecision:
                    // The task ended in the same command that entered it (a terminate end event on a
                    // parallel branch): nobody waits for the answer.
                    break;
            }
        }
    }

    private async Task<LoadedInstance> StartInstanceAsync(Guid definitionId, int version, StartInstance command, InstanceOwner owner, CancellationToken ct)
    {
        var definition = await definitions.GetAsync(db, definitionId, ct);
        var result = Executor.Start(definition, version, command, _now, calendar);
        var row = new Instance
        {
            Id = command.InstanceId, DefinitionId = definitionId, ProcessId = definition.Id, ProcessVersion = version,
            BusinessKey = command.BusinessKey, Status = result.State.Status, State = "", RowVersion = 1,
            ParentInstanceId = command.Parent?.InstanceId, ParentElementKey = command.Parent?.ElementKey,
            StartedAt = _now, UpdatedAt = _now, UnitId = owner.UnitId, CaseId = owner.CaseId,
        };
        db.Instances.Add(row);
        var started = new LoadedInstance(row, definition, result.State, isNew: true);
        _loaded.Add(row.Id, started);
        Apply(started, result);
        return started;
    }

    private async Task StartChildAsync(LoadedInstance parent, ChildInstanceRequested request, CancellationToken ct)
    {
        var called = await db.Definitions.AsNoTracking()
            .Where(d => d.ProcessId == request.ProcessId)
            .OrderByDescending(d => d.Version)
            .Select(d => new { d.Id, d.Version })
            .FirstOrDefaultAsync(ct);
        if (called is null)
        {
            // The call activity waits with an incident until the process is deployed and an operator retries.
            _work.Enqueue(new Run(parent.Row.Id, new FailElement(request.ElementKey, "called_process_not_found",
                $"The call activity '{request.ElementId}' calls process '{request.ProcessId}', which is not deployed.")));
            return;
        }
        var link = new ParentLink(parent.Row.Id, request.ElementKey, request.ElementId);
        // The child keeps the case's business key, so a case's instances are found together.
        var command = new StartInstance(request.ChildInstanceId, request.Variables, parent.Row.BusinessKey, link);
        // The child belongs to the parent's unit and case.
        await StartInstanceAsync(called.Id, called.Version, command, new InstanceOwner(parent.Row.UnitId, parent.Row.CaseId), ct);
    }

    /// <summary>The decision's answer, or an incident on the task when no version of the decision is deployed.</summary>
    private async Task<Command> EvaluateDecisionAsync(DecisionRequested request, CancellationToken ct)
    {
        if (await decisions.EvaluateAsync(request.DecisionId, request.Variables, ct) is not var (_, result))
            return new FailElement(request.ElementKey, "called_decision_not_found",
                $"The business rule task '{request.ElementId}' calls decision '{request.DecisionId}', which is not deployed.");
        var matches = result.MatchedRules.Select(m => new DecisionMatch(m.DecisionId, m.RuleId, m.RuleIndex, m.Annotation)).ToList();
        return new CompleteDecision(request.ElementKey, result.Result, matches, result.Warnings);
    }

    private async Task PublishToTargetsAsync(Publish publish, CancellationToken ct)
    {
        var targets = await _messages.FindTargetsAsync(publish.Name, publish.CorrelationKey, ct);
        foreach (var subscription in targets.Subscriptions)
        {
            publish.Outcome.Correlated.Add(subscription.InstanceId);
            _work.Enqueue(new Run(subscription.InstanceId, new CorrelateMessage(subscription.SubscriptionKey, publish.Name, publish.Variables)));
        }
        foreach (var start in targets.Starts)
        {
            var command = new StartInstance(Guid.CreateVersion7(_now), publish.Variables, StartEventId: start.EventId);
            publish.Outcome.Started.Add(command.InstanceId);
            // Started by a message, not by a person or a case: owned by no unit, so only those who see every unit see it.
            await StartInstanceAsync(start.DefinitionId, start.Version, command, default, ct);
        }
    }

    private void Apply(LoadedInstance instance, ExecutionResult result)
    {
        instance.State = result.State;
        _writer.AppendHistory(instance.Row, result.History);
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case JobCreated or JobCancelled:
                    _jobs.Apply(instance.Row, effect, _now);
                    break;
                case IncidentRaised or IncidentResolved:
                    Incidents.Apply(instance.Row, effect, _now);
                    break;
                case MessageSubscriptionOpened opened:
                    _messages.Open(instance.Row, opened, _now);
                    _work.Enqueue(new TakeBufferedMessage(instance, opened));
                    break;
                case MessageSubscriptionClosed closed:
                    _messages.Close(instance.Row, closed);
                    break;
                case MessagePublished published:
                    _work.Enqueue(new Publish(published.MessageName, published.CorrelationKey, published.Variables, new PublishOutcome()));
                    break;
                case ErrorPassedToParent error when instance.Row.ParentInstanceId is { } parentId:
                    _work.Enqueue(new Run(parentId, new ThrowError(instance.Row.ParentElementKey!.Value, error.ErrorCode, error.ErrorMessage, error.Variables)));
                    break;
                case TimerScheduled timer:
                    timers.Schedule(instance.Row.Id, timer);
                    break;
                case TimerCancelled cancelled:
                    timers.Cancel(instance.Row.Id, cancelled.TimerKey);
                    break;
                case ChildInstanceRequested request:
                    _work.Enqueue(new StartChild(instance, request));
                    break;
                case DecisionRequested request:
                    _work.Enqueue(new EvaluateDecision(instance, request));
                    break;
                case ChildInstanceCancelled cancelled:
                    _work.Enqueue(new Run(cancelled.ChildInstanceId, new CancelInstance(null, "The parent instance left the call activity.")));
                    break;
                case InstanceEnded { Status: InstanceStatus.Completed } when instance.Row.ParentInstanceId is { } parentId:
                    var variables = new Dictionary<string, object?>(instance.State.Variables, StringComparer.Ordinal);
                    _work.Enqueue(new Run(parentId, new CompleteCallActivity(instance.Row.ParentElementKey!.Value, variables)));
                    break;
                default:
                    _writer.Apply(instance.Row, effect, _now);
                    break;
            }
        }
    }

    private async Task<LoadedInstance> LoadAsync(Guid id, CancellationToken ct)
    {
        if (_loaded.TryGetValue(id, out var loaded)) return loaded;
        var row = await db.Instances.SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new InvalidOperationException($"Instance {id}, named by a parent or child link, does not exist.");
        return await TrackAsync(row, ct);
    }

    private async Task<LoadedInstance> TrackAsync(Instance row, CancellationToken ct)
    {
        if (_loaded.TryGetValue(row.Id, out var loaded)) return loaded;
        var definition = await definitions.GetAsync(db, row.DefinitionId, ct);
        var state = InstanceStateSerializer.Deserialize(Encoding.UTF8.GetBytes(row.State));
        loaded = new LoadedInstance(row, definition, state, isNew: false);
        _loaded.Add(row.Id, loaded);
        return loaded;
    }
}

/// <summary>The unit and case an instance belongs to.</summary>
public readonly record struct InstanceOwner(Guid? UnitId, Guid? CaseId);
