using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Engine.Jobs;

/// <summary>
/// Runs the in-process job handlers. Each round locks due jobs of the handled types (<see cref="JobLocks"/>),
/// runs their handlers outside any transaction, then reports each outcome as its own command: CompleteJob, a
/// BPMN error, or FailJob with one retry fewer and the next attempt after an exponential back-off. It wakes
/// when a command commits a new job (<see cref="JobSignal"/>) and otherwise polls for due retries and expired
/// locks; the same loop deletes expired buffered messages.
/// </summary>
internal sealed class JobDispatcher(
    IServiceScopeFactory scopes, JobHandlers handlers, JobSignal signal, IOptions<JobOptions> options, TimeProvider clock,
    ILogger<JobDispatcher> logger) : BackgroundService
{
    /// <summary>Attempts to report one outcome when the instance is busy with another command.</summary>
    private const int ReportAttempts = 5;

    private readonly JobOptions _options = options.Value;
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    /// <summary>This node's name on the jobs it locks: a report is accepted only while the lock is still its own.</summary>
    public string Worker { get; } = $"caseflow@{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var more = false;
            try
            {
                await SweepAsync(stop);
                more = await DispatchAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The job dispatcher's round failed; it tries again after {Interval}.", _options.PollInterval);
            }
            if (more) continue;
            try
            {
                await signal.WaitAsync(_options.PollInterval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>True when the round locked a full batch, so more may be due.</returns>
    private async Task<bool> DispatchAsync(CancellationToken stop)
    {
        if (handlers.Types.Count == 0) return false;
        List<Job> locked;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
            locked = await JobLocks.LockAsync(db, handlers.Types, Worker, _options.BatchSize, _options.LockDuration, clock.GetUtcNow(), stop);
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Concurrency), CancellationToken = stop };
        await Parallel.ForEachAsync(locked, parallel, async (job, ct) => await RunAsync(job, ct));
        return locked.Count == _options.BatchSize;
    }

    private async Task RunAsync(Job job, CancellationToken ct)
    {
        Func<InstanceCommands, LoadedJob, Task> report;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var context = new JobContext(job.Id, job.InstanceId, job.ProcessId, job.ElementKey, job.ElementId, job.Type, job.Retries,
                StoredVariables.ReadHeaders(job.Headers), StoredVariables.Read(job.Variables));
            try
            {
                var variables = await handlers.Create(scope.ServiceProvider, job.Type).HandleAsync(context, ct);
                report = (commands, loaded) => JobOutcomes.CompleteAsync(commands, loaded, variables, ct);
            }
            catch (BpmnErrorException error)
            {
                report = (commands, loaded) => JobOutcomes.ThrowErrorAsync(commands, loaded, error.ErrorCode, error.Message, error.Variables, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                var retriesLeft = Math.Max(0, job.Retries - 1);
                logger.LogWarning(e, "Job {Job} ({Type}) of instance {Instance} failed; {Retries} retries left.", job.Id, job.Type, job.InstanceId, retriesLeft);
                var backOff = _options.BackOff(job.Failures + 1);
                report = (commands, loaded) => JobOutcomes.FailAsync(commands, loaded, retriesLeft, e.Message, e.ToString(), backOff, ct);
            }
        }
        try
        {
            await ReportAsync(job, report, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The command the outcome caused was refused (e.g. a called process that is not deployed): the
            // lock runs out and the job is tried again, so nothing is lost.
            logger.LogError(e, "Reporting job {Job} ({Type}) of instance {Instance} failed.", job.Id, job.Type, job.InstanceId);
        }
    }

    /// <summary>
    /// Each attempt in a fresh scope (a lost race leaves the context dirty). The report is dropped when the
    /// lock is no longer this node's (it expired and someone else took the job, or the job was cancelled).
    /// </summary>
    private async Task ReportAsync(Job job, Func<InstanceCommands, LoadedJob, Task> report, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
            var loaded = await JobOutcomes.LoadAsync(db, job.Id, ct);
            if (loaded is null || loaded.Job.State != JobState.Activated || loaded.Job.Worker != Worker)
            {
                logger.LogInformation("Job {Job} is no longer locked by this node; its outcome is dropped.", job.Id);
                return;
            }
            try
            {
                await report(scope.ServiceProvider.GetRequiredService<InstanceCommands>(), loaded);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < ReportAttempts)
            {
                // Another command changed the instance first: load it again and report on top of that.
            }
            catch (WorkflowException e) when (e.Kind == WorkflowErrorKind.Conflict)
            {
                // The element is no longer waiting for this job (it was interrupted or the instance ended).
                logger.LogInformation("Job {Job} is no longer active ({Code}); its outcome is dropped.", job.Id, e.Code);
                await CloseAsync(job.Id, ct);
                return;
            }
        }
    }

    private async Task CloseAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        await JobRows.CancelAsync(db.Jobs.Where(j => j.Id == id && j.State == JobState.Activated && j.Worker == Worker), clock.GetUtcNow(), ct);
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - _lastSweep < _options.SweepInterval) return;
        _lastSweep = now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        var deleted = await db.Messages.Where(m => m.DeleteAfter <= now).ExecuteDeleteAsync(ct);
        if (deleted > 0) logger.LogDebug("Deleted {Count} expired messages.", deleted);
    }
}
