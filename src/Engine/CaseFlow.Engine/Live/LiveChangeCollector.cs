using System.Data.Common;
using System.Runtime.CompilerServices;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Documents;
using CaseFlow.Engine.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseFlow.Engine.Live;

/// <summary>A task change seen in a unit of work, before it is known to have committed.</summary>
/// <param name="Known">False for a row the command attached without reading it (ResultWriter): only its id and the changed
/// values are known, the rest is read after the commit.</param>
internal sealed record TaskChange(Guid TaskId, bool Known, Guid InstanceId, Guid? CaseId, Guid? UnitId, string ElementId, string? Name,
    string Change, string? Assignee, DateTimeOffset At);

/// <summary>A case change; <paramref name="UnitId"/> is null when the case row was not in the unit of work (read after the commit).</summary>
internal sealed record CaseChange(Guid CaseId, Guid? UnitId, string Change, DateTimeOffset At);

internal sealed record LiveChanges(List<TaskChange> Tasks, List<CaseChange> Cases)
{
    public void AddRange(LiveChanges more)
    {
        Tasks.AddRange(more.Tasks);
        Cases.AddRange(more.Cases);
    }
}

/// <summary>
/// Collects task and case changes from the change tracker of every unit of work, and hands them to the
/// <see cref="LivePublisher"/> only once they are committed: right after SaveChanges when it ran in its own
/// transaction, else when the surrounding transaction commits (a command's, the idempotency middleware's). A rolled
/// back or failed write is never announced. Every path that changes tasks (TasksApi, InstanceCommands with
/// ResultWriter, BackgroundCommands for timers, jobs and messages, case closing) writes through SaveChanges, so this
/// one place sees them all.
/// </summary>
internal sealed class LiveChangeCollector(LivePublisher publisher, TimeProvider clock) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, LiveChanges> _saving = new();
    private readonly ConditionalWeakTable<DbTransaction, LiveChanges> _pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context) _saving.Remove(context);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData)
    {
        if (eventData.Context is { } context) _saving.Remove(context);
    }

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesCanceled(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (!_pending.TryGetValue(transaction, out var changes)) return;
        _pending.Remove(transaction);
        publisher.Publish(changes);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _pending.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => _pending.Remove(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Remove(transaction);
        return Task.CompletedTask;
    }

    /// <summary>Whether the write is committed now (SaveChanges' own transaction) or waits for the caller's.</summary>
    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var changes)) return;
        _saving.Remove(context);
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
            _pending.GetValue(transaction, _ => new LiveChanges([], [])).AddRange(changes);
        else
            publisher.Publish(changes);
    }

    /// <summary>
    /// Reads the change tracker before SaveChanges accepts the changes (afterwards the original values are gone): one
    /// DetectChanges (which SaveChanges runs anyway) and one pass over the few rows a request tracks.
    /// </summary>
    private void Collect(DbContext? context)
    {
        if (context is null) return;
        _saving.Remove(context);
        var tracker = context.ChangeTracker;
        var auto = tracker.AutoDetectChangesEnabled;
        if (auto) tracker.DetectChanges();
        var now = clock.GetUtcNow();
        var tasks = new List<TaskChange>();
        var unitOf = new Dictionary<Guid, Guid>();
        var touched = new List<(Guid CaseId, string Change)>();
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries())
            {
                switch (entry.Entity)
                {
                    case UserTask t when ChangeOf(entry, t) is { } change:
                        tasks.Add(new TaskChange(t.Id, t.InstanceId != Guid.Empty, t.InstanceId, t.CaseId, t.UnitId, t.ElementId, t.Name, change, t.Assignee, now));
                        break;
                    case Case c:
                        unitOf[c.Id] = c.UnitId;
                        // A new case has no watchers yet, and its first task announces it; its later changes are announced.
                        if (entry.State == EntityState.Modified) touched.Add((c.Id, entry.Property(nameof(Case.Status)).IsModified ? "status" : "updated"));
                        break;
                    case CaseNote n when entry.State == EntityState.Added:
                        touched.Add((n.CaseId, "note"));
                        break;
                    case Document d when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                        touched.Add((d.CaseId, "document"));
                        break;
                    case CaseParty p when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                        touched.Add((p.CaseId, "party"));
                        break;
                }
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = auto;
        }
        var cases = touched.Distinct()
            .Select(x => new CaseChange(x.CaseId, unitOf.TryGetValue(x.CaseId, out var unit) ? unit : null, x.Change, now))
            .ToList();
        if (tasks.Count > 0 || cases.Count > 0) _saving.AddOrUpdate(context, new LiveChanges(tasks, cases));
    }

    private static string? ChangeOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, UserTask task)
    {
        if (entry.State == EntityState.Added) return "created";
        if (entry.State != EntityState.Modified) return null;
        if (entry.Property(nameof(UserTask.State)).IsModified)
        {
            return task.State switch
            {
                UserTaskState.Completed => "completed",
                UserTaskState.Cancelled => "cancelled",
                _ => null,
            };
        }
        if (entry.Property(nameof(UserTask.Assignee)).IsModified) return task.Assignee is null ? "unclaimed" : "claimed";
        return null;
    }
}
