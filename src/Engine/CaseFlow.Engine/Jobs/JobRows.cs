using System.Text.Json;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Values;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Jobs;

/// <summary>
/// Turns job effects into <c>jobs</c> rows inside the command: a created job is inserted (or, retried after an
/// incident, its row made activatable again); a cancelled one is closed. Ids are derived from (instance,
/// element key), so neither needs a read.
/// </summary>
internal sealed class JobRows(CaseFlowDb db)
{
    private readonly HashSet<Guid> _cancelled = [];

    public void Apply(Instance instance, Effect effect, DateTimeOffset now)
    {
        switch (effect)
        {
            case JobCreated created:
                Create(instance, created, now);
                break;
            case JobCancelled cancelled:
                Cancel(JobIds.For(instance.Id, cancelled.ElementKey), now);
                break;
        }
    }

    private void Create(Instance instance, JobCreated created, DateTimeOffset now)
    {
        var id = JobIds.For(instance.Id, created.ElementKey);
        _cancelled.Remove(id);
        var headers = JsonSerializer.Serialize(created.Headers);
        var variables = VariableJson.Serialize(created.Variables);
        // Tracked when the job is created again for the same element (an incident retried, see IncidentsApi).
        if (db.Jobs.Local.FindEntry(id)?.Entity is { } job)
        {
            job.Type = created.JobType;
            job.State = JobState.Activatable;
            job.Retries = created.Retries;
            job.Failures = 0;
            job.Headers = headers;
            job.Variables = variables;
            job.Worker = null;
            job.LockedUntil = null;
            job.NextAttemptAt = now;
            job.UpdatedAt = now;
            return;
        }
        db.Jobs.Add(new Job
        {
            Id = id, InstanceId = instance.Id, ElementKey = created.ElementKey, ElementId = created.ElementId,
            ProcessId = instance.ProcessId, Type = created.JobType, State = JobState.Activatable, Retries = created.Retries,
            Headers = headers, Variables = variables, NextAttemptAt = now, CreatedAt = now, UpdatedAt = now,
        });
    }

    private void Cancel(Guid id, DateTimeOffset now)
    {
        if (db.Jobs.Local.FindEntry(id)?.Entity is { } job)
        {
            if (job.IsOpen) job.Close(JobState.Cancelled, now);
            return;
        }
        _cancelled.Add(id);
    }

    /// <summary>
    /// Closes the cancelled jobs that were not loaded, in the command's transaction after SaveChanges. Set-based,
    /// not through stubs: a service task that waited before jobs had rows has none, and must still be cancellable.
    /// </summary>
    public async Task SaveAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (_cancelled.Count == 0) return;
        var ids = _cancelled.ToList();
        await CancelAsync(db.Jobs.Where(j => ids.Contains(j.Id) && (j.State == JobState.Activatable || j.State == JobState.Activated)), now, ct);
        _cancelled.Clear();
    }

    /// <summary>Cancels the given jobs in one statement: no worker may take them and no retry is due.</summary>
    public static Task<int> CancelAsync(IQueryable<Job> jobs, DateTimeOffset now, CancellationToken ct) =>
        jobs.ExecuteUpdateAsync(set => set
            .SetProperty(j => j.State, JobState.Cancelled)
            .SetProperty(j => j.NextAttemptAt, (DateTimeOffset?)null)
            .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(j => j.UpdatedAt, now), ct);
}
