using CaseFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;
using CaseFlow.Engine.Security;

namespace CaseFlow.Engine.Scheduling;

/// <param name="Node">This node's scheduler instance id.</param>
/// <param name="TimersFired">Timers this node fired since it started (the step was done).</param>
/// <param name="PendingTimers">Timers scheduled and not yet fired, across the cluster.</param>
public sealed record SchedulerStatusDto(
    string Node, bool Clustered, string Status, long TimersFired, int PendingTimers, IReadOnlyList<SchedulerNodeDto> Nodes);

public sealed record SchedulerNodeDto(string Node, DateTimeOffset? LastCheckin, string State, bool IsThisNode);

/// <summary>What operators need to see of the scheduler: is it running, which nodes share the work, what is due.</summary>
public static class SchedulerApi
{
    public static RouteGroupBuilder MapScheduler(this RouteGroupBuilder api)
    {
        api.MapGet("/scheduler", GetStatus).WithTags("Scheduler").RequireRoles(Roles.Supervisor, Roles.Admin);
        return api;
    }

    private static async Task<SchedulerStatusDto> GetStatus(
        ISchedulerFactory schedulers, SchedulerCounters counters, CaseFlowDb db, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var pending = await db.Database
            .SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM qrtz_triggers WHERE trigger_group = '{TimerJob.Group}'")
            .SingleAsync(ct);
        var nodes = (await scheduler.QueryClusterNodes(ct))
            .Select(n => new SchedulerNodeDto(n.InstanceId, n.LastCheckInUtc, n.State.ToString(), n.IsCurrentNode))
            .ToList();
        return new SchedulerStatusDto(scheduler.SchedulerInstanceId, db.IsPostgres, (await scheduler.GetStatus(ct)).ToString(),
            counters.TimersFired, pending, nodes);
    }
}

/// <summary>Counts of this node's work since it started, for the status route and the cluster tests.</summary>
public sealed class SchedulerCounters
{
    private long _timersFired;
    public long TimersFired => Interlocked.Read(ref _timersFired);
    public void TimerFired() => Interlocked.Increment(ref _timersFired);
}
