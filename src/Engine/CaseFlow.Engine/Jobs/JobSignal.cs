using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseFlow.Engine.Jobs;

/// <summary>
/// Wakes this node's dispatcher as soon as a transaction that created a job commits (whoever owns the
/// transaction: a command, or the idempotency middleware around it). Other nodes find the job by polling.
/// </summary>
internal sealed class JobSignal : DbTransactionInterceptor
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        if (_wake.CurrentCount > 0) return;
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another commit woke it in between: once is enough.
        }
    }

    /// <summary>Returns when notified or after <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (HasActivatableJob(eventData.Context)) Notify();
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    private static bool HasActivatableJob(DbContext? context) =>
        context is not null && context.ChangeTracker.Entries<Job>().Any(e => e.Entity.State == JobState.Activatable);
}
