using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using CaseFlow.Workflows.Calendars;
using CaseFlow.Workflows.Model;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CaseFlow.Engine.Scheduling;

/// <summary>
/// Starts an instance at a timer start event. Each occurrence is a job of its own in the group of its process
/// (<c>start:{processId}</c>), so deploying a new version replaces the whole schedule at once. A cycle's next
/// occurrence is scheduled in the same transaction as the instance this one starts; a cron cycle is one
/// Quartz cron trigger. The instance id is derived from the occurrence, so a firing that Quartz repeats after
/// a crash finds its instance already there and starts nothing.
/// </summary>
internal sealed class StartTimerJob(IServiceScopeFactory scopes, StartTimerSettings settings, ILogger<StartTimerJob> log) : IJob
{
    private const string DefinitionKey = "definition";
    private const string EventKey = "event";
    private const string RemainingKey = "remaining";

    public static string GroupOf(string processId) => $"start:{processId}";

    /// <summary>The schedule of every timer start event of a newly deployed version.</summary>
    public static List<(IJobDetail Job, ITrigger Trigger)> ForDeployment(
        Guid definitionId, ProcessDefinition process, DateTimeOffset now, IWorkCalendar? calendar, TimeZoneInfo zone) =>
        Schedule(definitionId, process, now, calendar, zone).ToList();

    private static IEnumerable<(IJobDetail Job, ITrigger Trigger)> Schedule(
        Guid definitionId, ProcessDefinition process, DateTimeOffset now, IWorkCalendar? calendar, TimeZoneInfo zone)
    {
        foreach (var start in process.TimerStartEvents)
        {
            TimerPlan plan;
            try
            {
                plan = TimerValues.ForStartEvent(start, now, calendar);
            }
            catch (TimerValueException e)
            {
                throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, e.Code,
                    $"The timer start event '{start.Id}' of '{process.Id}' cannot be scheduled: {e.Message}", elementId: start.Id);
            }
            if (plan.Cron is { } cron)
            {
                var job = Job(definitionId, process.Id, start.Id, "cron", remaining: -1);
                yield return (job, TriggerBuilder.Create().ForJob(job.Key).WithIdentity(job.Key.Name, job.Key.Group)
                    .WithSchedule(CronScheduleBuilder.Create(QuartzCron(cron)).InTimeZone(zone)
                        .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                    .Build());
            }
            else if (plan.DueAt is { } due)
            {
                yield return Occurrence(definitionId, process.Id, start.Id, due, plan.Repetitions ?? -1);
            }
        }
    }

    private static (IJobDetail Job, ITrigger Trigger) Occurrence(Guid definitionId, string processId, string eventId, DateTimeOffset due, int remaining)
    {
        var job = Job(definitionId, processId, eventId, due.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), remaining);
        return (job, TimerJob.OneShot(job.Key, due));
    }

    private static IJobDetail Job(Guid definitionId, string processId, string eventId, string occurrence, int remaining) =>
        JobBuilder.Create<StartTimerJob>()
            .WithIdentity($"{eventId}@{occurrence}", GroupOf(processId))
            .WithDescription($"Timer start event {eventId} of {processId}")
            .UsingJobData(DefinitionKey, definitionId.ToString())
            .UsingJobData(EventKey, eventId)
            .UsingJobData(RemainingKey, remaining.ToString(CultureInfo.InvariantCulture))
            .RequestRecovery()
            .Build();

    /// <summary>
    /// Camunda 8 writes cycles as Spring cron (six fields, seconds first); Quartz wants '?' in one of the two
    /// day fields. Five fields are classic Unix cron.
    /// </summary>
    public static CronExpression QuartzCron(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 5) return CronExpression.Parse(cron, CronFormat.Unix);
        if (fields.Length >= 6 && fields[3] != "?" && fields[5] != "?")
        {
            if (fields[5] == "*") fields[5] = "?";
            else fields[3] = "?";
        }
        return CronExpression.Parse(string.Join(' ', fields), CronFormat.Quartz);
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var data = context.MergedJobDataMap;
        var definitionId = Guid.Parse(data.GetString(DefinitionKey)!);
        var eventId = data.GetString(EventKey)!;
        var remaining = int.Parse(data.GetString(RemainingKey)!, CultureInfo.InvariantCulture);
        var occurrence = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var instanceId = InstanceIdOf(definitionId, eventId, occurrence);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<CaseFlowDb>();
            if (await db.Instances.AnyAsync(i => i.Id == instanceId, ct)) return; // a repeat after a crash
            var row = await db.Definitions.AsNoTracking().Where(d => d.Id == definitionId)
                .Select(d => new { d.ProcessId, d.Version }).SingleOrDefaultAsync(ct);
            if (row is null) return;
            var commands = services.GetRequiredService<InstanceCommands>();
            await commands.StartAsync(definitionId, row.Version, new StartInstance(instanceId, StartEventId: eventId), default, ct);
            if (remaining != 1 && context.Trigger is ISimpleTrigger)
            {
                var definition = await services.GetRequiredService<DefinitionCache>().GetAsync(db, definitionId, ct);
                var start = definition.TimerStartEvents.Single(s => s.Id == eventId);
                var plan = TimerValues.ForStartEvent(start, occurrence, settings.Calendar);
                if (plan.Interval is { } interval)
                {
                    var next = TimerValues.Next(interval, occurrence, start.CountsWorkingDays, settings.Calendar);
                    var (job, trigger) = Occurrence(definitionId, row.ProcessId, eventId, next, remaining < 0 ? -1 : remaining - 1);
                    services.GetRequiredService<TimerSchedule>().ScheduleJob(job, trigger);
                }
            }
            await commands.SaveAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A unique-key failure here means another node started this occurrence at the same moment.
            if (e is DbUpdateException && await ExistsAsync(instanceId, ct)) return;
            log.LogError(e, "Timer start event {EventId} of definition {DefinitionId} could not start an instance.", eventId, definitionId);
        }
    }

    private async Task<bool> ExistsAsync(Guid instanceId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseFlowDb>().Instances.AnyAsync(i => i.Id == instanceId, ct);
    }

    /// <summary>A name-based id (RFC 9562 version 8) of one occurrence of one start event.</summary>
    public static Guid InstanceIdOf(Guid definitionId, string eventId, DateTimeOffset occurrence)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{definitionId:N}/{eventId}/{occurrence.UtcTicks}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
