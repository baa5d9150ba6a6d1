using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Scheduling;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseFlow.Engine.Tests.Timers;

/// <summary>Timers run on the real Quartz.NET job store in the test database (SQLite, or PostgreSQL in CI).</summary>
public sealed class TimerTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private Task<InstanceDto> CompletedAsync(Guid id) =>
        Eventually.UntilAsync(() => _client.InstanceAsync(id), i => i.Status != "Active", what: $"instance {id} to end");

    [Fact]
    public async Task A_timer_catch_event_fires_and_the_instance_completes()
    {
        await _client.DeployAsync("timer-wait");
        var started = await _client.StartAsync("timer-wait", new { wait = "PT1S" });
        Assert.Equal("coolingOff", Assert.Single(started.ActiveElements).ElementId);

        var ended = await CompletedAsync(started.Id);

        Assert.Equal("Completed", ended.Status);
        var history = await _client.HistoryAsync(started.Id);
        Assert.Equal("coolingOff", Assert.Single(history, h => h.Type == "TimerFired").ElementId);
    }

    [Fact]
    public async Task A_timer_fires_no_earlier_than_it_is_due()
    {
        await _client.DeployAsync("timer-wait");
        var started = await _client.StartAsync("timer-wait", new { wait = "PT2S" });

        await CompletedAsync(started.Id);

        var fired = Assert.Single(await _client.HistoryAsync(started.Id), h => h.Type == "TimerFired");
        Assert.True(fired.At >= started.StartedAt.AddSeconds(2), $"Fired at {fired.At:O}, started at {started.StartedAt:O}.");
    }

    [Fact]
    public async Task A_boundary_timer_hands_an_unfinished_review_to_the_supervisor()
    {
        await _client.DeployAsync("timer-deadline");
        var started = await _client.StartAsync("timer-deadline", new { deadline = "PT1S" });
        var review = await _client.OpenTaskAsync(started.Id);

        var escalate = await Eventually.UntilAsync(() => _client.OpenTaskAsync(started.Id), t => t.ElementId == "escalate",
            what: "the escalation task");

        Assert.Equal(["supervisor"], escalate.CandidateGroups);
        var cancelled = await _client.TasksAsync($"instanceId={started.Id}&state=Cancelled");
        var all = await _client.TasksAsync($"instanceId={started.Id}");
        Assert.True(cancelled.Items.Count == 1 && cancelled.Items[0].Id == review.Id,
            string.Join("\n", all.Items.Select(t => $"{t.Id} {t.ElementId} {t.State}")) + $"\nreview {review.Id} {review.ElementId}");
    }

    [Fact]
    public async Task Completing_the_review_in_time_cancels_its_deadline()
    {
        await _client.DeployAsync("timer-deadline");
        var started = await _client.StartAsync("timer-deadline", new { deadline = "PT2S" });
        var review = await _client.OpenTaskAsync(started.Id);

        (await _client.CompleteAsync(review.Id, user: "li")).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(3));

        var history = await _client.HistoryAsync(started.Id);
        Assert.Contains(history, h => h.Type == "TimerCancelled" && h.ElementId == "late");
        Assert.DoesNotContain(history, h => h.Type == "TimerFired");
        Assert.Equal("Completed", (await _client.InstanceAsync(started.Id)).Status);
        Assert.Equal(0, await app.Services.TimersOfAsync(started.Id));
    }

    /// <summary>Writes one timer through a transaction of the service's database, then commits or rolls back.</summary>
    private async Task WriteTimerAsync(Guid instanceId, bool commit)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        var timers = scope.ServiceProvider.GetRequiredService<TimerSchedule>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        timers.Schedule(instanceId, new TimerScheduled(7, 3, "late", DateTimeOffset.UtcNow.AddHours(1)));
        await timers.ApplyAsync(transaction.GetDbTransaction(), default);
        if (commit) await transaction.CommitAsync();
        else await transaction.RollbackAsync();
    }

    [Fact]
    public async Task A_timer_written_in_a_transaction_that_rolls_back_does_not_exist()
    {
        var instanceId = Guid.NewGuid();

        await WriteTimerAsync(instanceId, commit: false);

        Assert.False(await app.Services.TimerExistsAsync(instanceId, 7));
    }

    [Fact]
    public async Task A_timer_written_in_a_transaction_that_commits_exists()
    {
        var instanceId = Guid.NewGuid();

        await WriteTimerAsync(instanceId, commit: true);

        Assert.True(await app.Services.TimerExistsAsync(instanceId, 7));
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.DeleteJob(TimerJob.KeyOf(instanceId, 7));
    }

    [Fact]
    public async Task The_scheduler_route_reports_this_node_and_its_fired_timers()
    {
        await _client.DeployAsync("timer-wait");
        await CompletedAsync((await _client.StartAsync("timer-wait", new { wait = "PT1S" })).Id);

        var status = await (await _client.GetAsync("/api/scheduler")).ReadAsync<SchedulerStatusDto>();

        Assert.Equal("Running", status.Status);
        Assert.True(status.TimersFired >= 1);
        Assert.Contains(status.Nodes, n => n.IsThisNode && n.Node == status.Node);
    }
}

internal static class SchedulerProbe
{
    public static async Task<bool> TimerExistsAsync(this IServiceProvider services, Guid instanceId, long timerKey)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.Exists(TimerJob.KeyOf(instanceId, timerKey));
    }

    /// <summary>The triggers Quartz's store holds for an instance's timers.</summary>
    public static async Task<int> TimersOfAsync(this IServiceProvider services, Guid instanceId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        var prefix = $"{instanceId:N}-%";
        return await db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM qrtz_triggers WHERE trigger_group = {TimerJob.Group} AND trigger_name LIKE {prefix}")
            .SingleAsync();
    }
}
