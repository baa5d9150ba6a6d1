using System.Data.Common;
using CaseFlow.Workflows.Runtime;
using Quartz;

namespace CaseFlow.Engine.Scheduling;

/// <summary>
/// The timer changes of one command, written to Quartz's job store through the command's own transaction:
/// a timer exists exactly when the state that waits for it was committed. Scoped: one per command. The
/// enlistment ends when the scope is disposed, after the commit, which is when Quartz is told to look.
/// </summary>
internal sealed class TimerSchedule(ISchedulerFactory schedulers) : IDisposable
{
    private readonly List<Change> _changes = [];
    private readonly List<(IJobDetail Job, ITrigger Trigger)> _jobs = [];
    private readonly List<string> _clearedGroups = [];
    private IDisposable? _enlistment;

    private readonly record struct Change(Guid InstanceId, long TimerKey, TimerScheduled? Scheduled);

    public void Schedule(Guid instanceId, TimerScheduled timer) => _changes.Add(new(instanceId, timer.TimerKey, timer));

    public void Cancel(Guid instanceId, long timerKey) => _changes.Add(new(instanceId, timerKey, null));

    /// <summary>Another job to schedule in this transaction (a start event's next occurrence).</summary>
    public void ScheduleJob(IJobDetail job, ITrigger trigger) => _jobs.Add((job, trigger));

    /// <summary>Removes every job of <paramref name="group"/> first (a process's start events, when a new version replaces them).</summary>
    public void ClearGroup(string group) => _clearedGroups.Add(group);

    public async Task ApplyAsync(DbTransaction transaction, CancellationToken ct)
    {
        if (_changes.Count == 0 && _jobs.Count == 0 && _clearedGroups.Count == 0) return;
        var scheduler = await schedulers.GetScheduler(ct);
        _enlistment ??= scheduler.EnlistTransaction(transaction);
        foreach (var change in _changes)
        {
            var key = TimerJob.KeyOf(change.InstanceId, change.TimerKey);
            if (change.Scheduled is { } timer) await scheduler.ScheduleJob(TimerJob.Create(key, change.InstanceId, timer), TimerJob.OneShot(key, timer.DueAt), cancellationToken: ct);
            else await scheduler.DeleteJob(key, ct);
        }
        foreach (var group in _clearedGroups) await scheduler.DeleteJobs(GroupMatcher<JobKey>.GroupEquals(group), ct);
        foreach (var (job, trigger) in _jobs) await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, ct);
        _changes.Clear();
        _jobs.Clear();
        _clearedGroups.Clear();
    }

    public void Dispose() => _enlistment?.Dispose();
}
