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

    /// <summary>A one-shot trigger; a timer found overdue (the service was down) fires at once.</summary>
    public static ITrigger TriggerAt(JobKey key, DateTimeOffset dueAt) =>
        TriggerBuilder.Create()
            .WithIdentity(key.Name, key.Group)
            .ForJob(key)
            .StartAt(dueAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

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
        await context.Scheduler.ScheduleJob(
            TriggerBuilder.Create().ForJob(context.JobDetail.Key).StartAt(retryAt)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build(),
            cancellationToken: ct);
    }
}
