using System.Threading.Channels;
using CaseFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Live;

/// <summary>
/// Turns committed changes into hub events, off the request's path: it reads what the unit of work did not know
/// (the task rows a command changed without reading, the unit of a case), then delivers the events. On SQLite (one
/// node) it delivers them to this node's clients; on PostgreSQL it sends each with <c>pg_notify('caseflow_live', …)</c>,
/// and every node, this one included, forwards what its <see cref="LiveListener"/> hears to its own clients.
/// Best effort: an event that cannot be sent is logged and dropped (clients reload what they show on reconnect).
/// </summary>
internal sealed class LivePublisher(IServiceScopeFactory scopes, DatabaseSettings settings, LiveDelivery delivery, ILogger<LivePublisher> logger)
    : BackgroundService
{
    public const string Channel = "caseflow_live";
    /// <summary>PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.</summary>
    public const int MaxPayloadBytes = 7900;
    private const int MaxNameLength = 200;

    // Bounded: a stalled database must not let events pile up without limit; the oldest go first.
    private readonly Channel<LiveChanges> _queue = System.Threading.Channels.Channel.CreateBounded<LiveChanges>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Publish(LiveChanges changes) => _queue.Writer.TryWrite(changes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var changes in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // The scope's actor is the system: the events name rows whoever changed them; the hub decides who hears them.
                var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
                var envelopes = await ResolveAsync(db, changes, stoppingToken);
                if (settings.Provider == DatabaseProvider.Postgres) await NotifyAsync(db, envelopes, stoppingToken);
                else foreach (var envelope in envelopes) await delivery.DeliverAsync(envelope, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Live events were not sent");
            }
        }
    }

    private static async Task<List<LiveEnvelope>> ResolveAsync(CaseFlowDb db, LiveChanges changes, CancellationToken ct)
    {
        var unknownTasks = changes.Tasks.Where(t => !t.Known).Select(t => t.TaskId).Distinct().ToList();
        var rows = unknownTasks.Count == 0 ? [] : await db.UserTasks.AsNoTracking().Where(t => unknownTasks.Contains(t.Id))
            .Select(t => new { t.Id, t.InstanceId, t.CaseId, t.UnitId, t.ElementId, t.Name })
            .ToDictionaryAsync(t => t.Id, ct);
        var unknownCases = changes.Cases.Where(c => c.UnitId is null).Select(c => c.CaseId).Distinct().ToList();
        var units = unknownCases.Count == 0 ? [] : await db.Cases.AsNoTracking().Where(c => unknownCases.Contains(c.Id))
            .Select(c => new { c.Id, c.UnitId })
            .ToDictionaryAsync(c => c.Id, c => c.UnitId, ct);

        var envelopes = new List<LiveEnvelope>(changes.Tasks.Count + changes.Cases.Count);
        foreach (var t in changes.Tasks)
        {
            var e = t.Known
                ? new TaskChangedEvent(t.TaskId, t.InstanceId, t.CaseId, t.UnitId, t.ElementId, Shorten(t.Name), t.Change, t.Assignee, t.At)
                : rows.TryGetValue(t.TaskId, out var row)
                    ? new TaskChangedEvent(t.TaskId, row.InstanceId, row.CaseId, row.UnitId, row.ElementId, Shorten(row.Name), t.Change, t.Assignee, t.At)
                    : null;
            if (e is not null) envelopes.Add(LiveEnvelope.Of(e));
        }
        foreach (var c in changes.Cases)
        {
            var unit = c.UnitId ?? (units.TryGetValue(c.CaseId, out var found) ? found : null);
            if (unit is not null) envelopes.Add(LiveEnvelope.Of(new CaseChangedEvent(c.CaseId, c.Change, c.At), unit));
        }
        return envelopes;
    }

    private static string? Shorten(string? name) => name is { Length: > MaxNameLength } ? name[..MaxNameLength] : name;

    /// <summary>One NOTIFY per event, all in one statement (one round trip); delivered in order, after this commit.</summary>
    private async Task NotifyAsync(CaseFlowDb db, List<LiveEnvelope> envelopes, CancellationToken ct)
    {
        var payloads = new List<string>(envelopes.Count);
        foreach (var envelope in envelopes)
        {
            var payload = envelope.Serialize();
            if (System.Text.Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
            {
                logger.LogWarning("A live {Event} event of {Bytes} bytes is too large for NOTIFY and was dropped", envelope.Event, payload.Length);
                continue;
            }
            payloads.Add(payload);
        }
        if (payloads.Count == 0) return;
        // SELECT pg_notify({0}, {1}), pg_notify({0}, {2}), ...: one row, its columns evaluated in order.
        var sql = "SELECT " + string.Join(", ", payloads.Select((_, i) => $"pg_notify({{0}}, {{{i + 1}}})"));
        await db.Database.ExecuteSqlRawAsync(sql, [Channel, .. payloads], ct);
    }
}
