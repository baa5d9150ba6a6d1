using CaseFlow.Engine.Api;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Instances;

public enum BackgroundOutcome
{
    Done,
    /// <summary>The command no longer applies (the instance ended, the timer or job is not active): nothing to do.</summary>
    Stale,
    /// <summary>It failed for another reason (logged); the caller decides whether to try again later.</summary>
    Failed,
}

/// <summary>
/// Runs a command that comes from inside the service (a timer, a job's result) rather than from a request:
/// each attempt in a scope and transaction of its own, trying again when it loses an optimistic-concurrency
/// race with a person working on the same instance.
/// </summary>
public sealed class BackgroundCommands(IServiceScopeFactory scopes, ILogger<BackgroundCommands> log)
{
    private const int MaxAttempts = 8;

    /// <summary>
    /// A lost optimistic-concurrency race, SQLite's writer lock still taken after its busy timeout (the
    /// scheduler writes to the same file), or a failure PostgreSQL or Npgsql call transient.
    /// </summary>
    private static bool IsWorthRetrying(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } => true, // SQLITE_BUSY, SQLITE_LOCKED
        Npgsql.NpgsqlException { IsTransient: true } => true,
        DbUpdateException { InnerException: { } inner } => IsWorthRetrying(inner),
        _ => false,
    };

    public async Task<BackgroundOutcome> RunAsync(Guid instanceId, Command command, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CaseFlow.Engine.Persistence.CaseFlowDb>();
                var row = await db.Instances.SingleOrDefaultAsync(i => i.Id == instanceId, ct);
                if (row is null) return BackgroundOutcome.Stale;
                var commands = scope.ServiceProvider.GetRequiredService<InstanceCommands>();
                await commands.ExecuteAsync(row, command, ct);
                await commands.SaveAsync(ct);
                return BackgroundOutcome.Done;
            }
            catch (WorkflowException e) when (e.Kind is WorkflowErrorKind.Conflict or WorkflowErrorKind.NotFound)
            {
                log.LogDebug("{Command} on instance {InstanceId} no longer applies: {Message}", command, instanceId, e.Message);
                return BackgroundOutcome.Stale;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsWorthRetrying(e))
            {
                // Someone changed the instance meanwhile, or the database was busy: read it again. A short,
                // growing pause spreads retries out.
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt * attempt), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogError(e, "{Command} on instance {InstanceId} failed.", command, instanceId);
                return BackgroundOutcome.Failed;
            }
        }
    }
}
