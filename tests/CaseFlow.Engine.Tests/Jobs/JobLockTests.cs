using CaseFlow.Engine.Jobs;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Jobs;

/// <summary>Several nodes locking at once (on PostgreSQL, FOR UPDATE SKIP LOCKED) never hand one job to two of them.</summary>
public sealed class JobLockTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Workers_locking_at_the_same_time_get_disjoint_jobs_and_together_all_of_them()
    {
        var xml = TestApi.Fixture("worker").Replace("worker-type", "contended", StringComparison.Ordinal);
        await _client.DeployXmlAsync(xml);
        var started = new List<Guid>();
        for (var i = 0; i < 24; i++) started.Add((await _client.StartAsync("worker")).Id);

        var rounds = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => Task.Run(() => LockAsync($"node-{n}", 6))));

        var keys = rounds.SelectMany(r => r).Select(j => j.Id).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(24, keys.Count);
        Assert.Equal(started.Order(), rounds.SelectMany(r => r).Select(j => j.InstanceId).Order());
        Assert.All(rounds.SelectMany((jobs, n) => jobs.Select(j => (j.Worker, n))), x => Assert.Equal($"node-{x.n}", x.Worker));
    }

    [Fact]
    public async Task Expired_buffered_messages_are_deleted_by_the_sweep()
    {
        await _client.PostJsonAsync("/api/messages", new { name = "nobody-waits", correlationKey = "k", timeToLive = 50 });

        var deadline = DateTime.UtcNow + Eventually.Patience;
        while (await CountMessagesAsync("nobody-waits") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The expired message was not deleted.");
            await Task.Delay(50);
        }
    }

    private async Task<List<Job>> LockAsync(string worker, int max)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        return await JobLocks.LockAsync(db, ["contended"], worker, max, TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow, CancellationToken.None);
    }

    private async Task<int> CountMessagesAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseFlowDb>().Messages.CountAsync(m => m.Name == name);
    }
}
