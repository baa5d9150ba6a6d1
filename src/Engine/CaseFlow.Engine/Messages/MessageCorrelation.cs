using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Jobs;
using CaseFlow.Engine.Persistence;
using CaseFlow.Workflows.Model;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CaseFlow.Engine.Messages;

/// <summary>Where a published message goes: one subscription per waiting instance, and the processes it starts.</summary>
internal sealed record MessageTargets(IReadOnlyList<MessageSubscription> Subscriptions, IReadOnlyList<MessageStart> Starts)
{
    public bool IsEmpty => Subscriptions.Count == 0 && Starts.Count == 0;
}

/// <summary>The latest version of a process whose message start event has the message's name.</summary>
internal sealed record MessageStart(Guid DefinitionId, int Version, string EventId);

/// <summary>
/// Subscription rows and correlation inside one command. The queries see the command's own changes
/// (subscriptions opened or closed, buffered messages taken) before they are saved.
/// </summary>
internal sealed class MessageCorrelation(CaseFlowDb db)
{
    public void Open(Instance instance, MessageSubscriptionOpened opened, DateTimeOffset now) =>
        db.MessageSubscriptions.Add(new MessageSubscription
        {
            InstanceId = instance.Id, SubscriptionKey = opened.SubscriptionKey, ElementKey = opened.ElementKey, EventId = opened.EventId,
            MessageName = opened.MessageName, CorrelationKey = opened.CorrelationKey, CreatedAt = now,
        });

    public void Close(Instance instance, MessageSubscriptionClosed closed)
    {
        var entry = db.MessageSubscriptions.Local.FindEntryUntyped([instance.Id, closed.SubscriptionKey]);
        if (entry is null)
        {
            // Opened by an earlier command: delete by key, no read.
            var stub = new MessageSubscription { InstanceId = instance.Id, SubscriptionKey = closed.SubscriptionKey, EventId = "", MessageName = "", CorrelationKey = "" };
            db.MessageSubscriptions.Attach(stub);
            db.MessageSubscriptions.Remove(stub);
        }
        else if (entry.State == EntityState.Added) entry.State = EntityState.Detached;
        else entry.State = EntityState.Deleted;
    }

    /// <summary>Still open: not closed again in the command that opened it.</summary>
    public bool IsOpen(Instance instance, MessageSubscriptionOpened opened) =>
        db.MessageSubscriptions.Local.FindEntryUntyped([instance.Id, opened.SubscriptionKey]) is { State: EntityState.Added };

    /// <summary>
    /// A subscription that just opened takes the oldest buffered message of its name and key that has not
    /// expired. Taking it is an update guarded by <see cref="PublishedMessage.BufferedUntil"/>, so two
    /// subscriptions opening at once cannot both take it (the second command fails with 409).
    /// </summary>
    public async Task<CorrelateMessage?> TakeBufferedAsync(MessageSubscriptionOpened opened, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = await db.Messages
            .Where(m => m.Name == opened.MessageName && m.CorrelationKey == opened.CorrelationKey && m.BufferedUntil > now)
            .OrderBy(m => m.PublishedAt).ThenBy(m => m.Id)
            .Take(8)
            .ToListAsync(ct);
        // Tracked rows keep what this command did to them: one taken earlier in it has no BufferedUntil any more.
        var message = candidates.FirstOrDefault(m => m.BufferedUntil > now);
        if (message is null) return null;
        message.BufferedUntil = null;
        return new CorrelateMessage(opened.SubscriptionKey, opened.MessageName, StoredVariables.Read(message.Variables));
    }

    public async Task<MessageTargets> FindTargetsAsync(string name, string correlationKey, CancellationToken ct)
    {
        var stored = await db.MessageSubscriptions
            .Where(s => s.MessageName == name && s.CorrelationKey == correlationKey)
            .ToListAsync(ct);
        var open = stored
            .Where(s => db.Entry(s).State != EntityState.Deleted)
            .Concat(Added().Where(s => s.MessageName == name && s.CorrelationKey == correlationKey))
            .DistinctBy(s => (s.InstanceId, s.SubscriptionKey))
            // One subscription per instance: the one that waited longest.
            .GroupBy(s => s.InstanceId)
            .Select(g => g.MinBy(s => s.SubscriptionKey)!)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.InstanceId)
            .ToList();

        var starts = await (
                from s in db.MessageStartEvents.AsNoTracking()
                join d in db.Definitions on s.DefinitionId equals d.Id
                where s.MessageName == name
                      && d.Version == db.Definitions.Where(o => o.ProcessId == d.ProcessId).Max(o => o.Version)
                orderby d.ProcessId
                select new MessageStart(d.Id, d.Version, s.EventId))
            .ToListAsync(ct);
        return new MessageTargets(open, starts);
    }

    private IEnumerable<MessageSubscription> Added() =>
        db.ChangeTracker.Entries<MessageSubscription>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);

    /// <summary>Records the message start events of a process version being deployed.</summary>
    public static void RegisterStartEvents(CaseFlowDb db, Guid definitionId, ProcessDefinition process)
    {
        foreach (var start in process.Root.Nodes.OfType<StartEvent>())
        {
            if (start is { Trigger: EventTrigger.Message, Message: { } message })
                db.MessageStartEvents.Add(new MessageStartEvent { DefinitionId = definitionId, EventId = start.Id, MessageName = message.Name });
        }
    }
}

/// <summary>What one publication did: the instances it reached and the ones it started.</summary>
internal sealed class PublishOutcome
{
    public List<Guid> Correlated { get; } = [];
    public List<Guid> Started { get; } = [];
}
