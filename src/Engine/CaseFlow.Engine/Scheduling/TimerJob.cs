using CaseFlow.Engine.Instances;
using CaseFlow.Workflows.Runtime;
using Quartz;

namespace CaseFlow.Engine.Scheduling;

/// <summary>
/// Fires one timer of one instance: runs <see cref="FireTimer"/> as a command of its own. Quartz may run a
/// job again after a crash (the job requests recovery); the instance state decides: a timer that already
/// fired is no longer active and the repeat changes nothing, so each timer's step happens exactly once.
/// </summary>
internal sealed class TimerJob(BackgroundCommands commands, SchedulerCounters counters, ILogger<TimerJob> log) : IJob
{
    public const string Group = "timers";
    private const string InstanceKey = "instance";
    private const string TimerKey = "timer";

    public static JobKey KeyOf(Guid instanceId, long timerKey) => new($"{instanceId:N}-{timerKey}", Group);

    public static IJobDetail Create(JobKey key, Guid instanceId, TimerScheduled timer) =>
        JobBuilder.Create<TimerJob>()
            .WithIdentity(key)
            .WithDescription($"{timer.EventId} of instance {instanceId}")
            .UsingJobData(InstanceKey, instanceId.ToString())
            .UsingJobData(TimerKey, timer.TimerKey.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .RequestRecovery()
            .Build();

    /// <summary>
    /// A one-shot trigger for <paramref name="job"/> at <paramref name="at"/>, named after the job unless it is a
    /// second trigger of a job whose first is still firing. Found overdue (the service was down), it fires at once.
    /// </summary>
    public static ITrigger OneShot(JobKey job, DateTimeOffset at, bool namedAfterJob = true)
    {
        var trigger = TriggerBuilder.Create().ForJob(job).StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow));
        return (namedAfterJob ? trigger.WithIdentity(job.Name, job.Group) : trigger).Build();
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var data = context.MergedJobDataMap;
        var instanceId = Guid.Parse(data.GetString(InstanceKey)!);
        var timerKey = long.Parse(data.GetString(TimerKey)!, System.Globalization.CultureInfo.InvariantCulture);
        var outcome = await commands.RunAsync(instanceId, new FireTimer(timerKey), ct);
        if (outcome == BackgroundOutcome.Done) counters.TimerFired();
        if (outcome != BackgroundOutcome.Failed) return;
        // Keep the timer: try again in a minute rather than leave the instance waiting for nothing.
        var retryAt = context.FireTimeUtc.AddMinutes(1);
        log.LogWarning("Timer {TimerKey} of instance {InstanceId} could not fire; trying again at {RetryAt}.", timerKey, instanceId, retryAt);
        await context.Scheduler.ScheduleJob(OneShot(context.JobDetail.Key, retryAt, namedAfterJob: false), cancellationToken: ct);
    }
}
