using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Jobs;

/// <summary>A job's row and its instance's row, loaded tracked for one outcome.</summary>
internal sealed record LoadedJob(Job Job, Instance Instance);

/// <summary>
/// What a handler or worker reports, as one command each: the executor's command on the instance and the
/// job row's new state, saved together. Used by the dispatcher and the worker routes alike.
/// </summary>
internal static class JobOutcomes
{
    public static async Task<LoadedJob?> LoadAsync(CaseFlowDb db, Guid key, CancellationToken ct)
    {
        var loaded = await (
                from j in db.Jobs
                join i in db.Instances on j.InstanceId equals i.Id
                where j.Id == key
                select new { Job = j, Instance = i })
            .SingleOrDefaultAsync(ct);
        return loaded is null ? null : new LoadedJob(loaded.Job, loaded.Instance);
    }

    public static async Task CompleteAsync(InstanceCommands commands, LoadedJob loaded, IReadOnlyDictionary<string, object?>? variables, CancellationToken ct)
    {
        await commands.ExecuteAsync(loaded.Instance, new CompleteJob(loaded.Job.ElementKey, variables), ct);
        loaded.Job.Close(JobState.Completed, commands.Now);
        await commands.SaveAsync(ct);
    }

    /// <param name="backOff">How long until the next attempt (when retries are left).</param>
    public static async Task FailAsync(InstanceCommands commands, LoadedJob loaded, int retriesLeft, string message, string? details,
        TimeSpan backOff, CancellationToken ct)
    {
        var job = loaded.Job;
        await commands.ExecuteAsync(loaded.Instance, new FailJob(job.ElementKey, retriesLeft, message, details), ct);
        var now = commands.Now;
        job.Failures++;
        job.Retries = retriesLeft;
        job.ErrorMessage = message;
        job.ErrorDetails = details;
        job.Worker = null;
        if (retriesLeft > 0)
        {
            job.State = JobState.Activatable;
            job.LockedUntil = null;
            job.NextAttemptAt = now + backOff;
            job.UpdatedAt = now;
        }
        else
        {
            // The executor raised an incident: the job waits for an operator, not for a worker.
            job.Close(JobState.Failed, now);
        }
        await commands.SaveAsync(ct);
    }

    public static async Task ThrowErrorAsync(InstanceCommands commands, LoadedJob loaded, string errorCode, string? message,
        IReadOnlyDictionary<string, object?>? variables, CancellationToken ct)
    {
        var job = loaded.Job;
        await commands.ExecuteAsync(loaded.Instance, new ThrowError(job.ElementKey, errorCode, message, variables), ct);
        job.ErrorMessage = message is null ? errorCode : $"{errorCode}: {message}";
        job.Close(JobState.ErrorThrown, commands.Now);
        await commands.SaveAsync(ct);
    }
}
