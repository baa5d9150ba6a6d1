using System.Globalization;
using System.Net.Http.Json;
using CaseFlow.Engine.Scheduling;
using CaseFlow.Engine.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace CaseFlow.Engine.Tests.Durability;

/// <summary>
/// Two service processes on one PostgreSQL database form a cluster: a burst of timers falls due and each
/// fires on exactly one node, and both nodes take a share of the work.
/// </summary>
public sealed class TwoNodeTests(ITestOutputHelper output)
{
    private const int Timers = 1_000;

    [PostgresFact]
    public async Task A_burst_of_timers_fires_once_across_two_nodes_and_both_share_the_work()
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = ClusterNode.Settings(database);
        using var first = await ServiceProcess.StartAsync(settings);
        using var second = await ServiceProcess.StartAsync(settings);
        using var a = first.CreateClient();
        using var b = second.CreateClient();
        await a.DeployAsync("timer-date");

        var due = DateTimeOffset.UtcNow.AddSeconds(15).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        await Parallel.ForEachAsync(Enumerable.Range(0, Timers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await (i % 2 == 0 ? a : b).StartAsync("timer-date", new { due }, businessKey: $"burst-{i}"));
        await Eventually.UntilAsync(() => CountAsync(database, "SELECT COUNT(*) FROM instances WHERE status = 'Completed'"),
            n => n == Timers, TimeSpan.FromMinutes(4), "every timer to fire");

        Assert.Equal(0, await CountAsync(database, """
            SELECT COUNT(*) FROM (
              SELECT i.id FROM instances i LEFT JOIN history h ON h.instance_id = i.id AND h.type = 'TimerFired'
              GROUP BY i.id HAVING COUNT(h.seq) <> 1) wrong
            """));
        var statusA = await a.GetFromJsonAsync<SchedulerStatusDto>("/api/scheduler", TestApi.Json);
        var statusB = await b.GetFromJsonAsync<SchedulerStatusDto>("/api/scheduler", TestApi.Json);
        output.WriteLine($"node {statusA!.Node} fired {statusA.TimersFired}, node {statusB!.Node} fired {statusB.TimersFired}");
        Assert.True(statusA.Clustered && statusB.Clustered);
        Assert.NotEqual(statusA.Node, statusB.Node);
        Assert.Equal(Timers, statusA.TimersFired + statusB.TimersFired);
        Assert.True(statusA.TimersFired > 0 && statusB.TimersFired > 0, "One node fired every timer.");
        Assert.Equal(2, statusA.Nodes.Count);
    }

    [PostgresFact]
    public async Task Jobs_taken_by_workers_of_both_nodes_each_run_once()
    {
        const int jobs = 400;
        await using var database = await TestDatabase.CreateAsync();
        var settings = ClusterNode.Settings(database);
        using var first = await ServiceProcess.StartAsync(settings);
        using var second = await ServiceProcess.StartAsync(settings);
        using var a = first.CreateClient();
        using var b = second.CreateClient();
        await a.DeployAsync("job-once");
        await Parallel.ForEachAsync(Enumerable.Range(0, jobs), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await (i % 2 == 0 ? a : b).StartAsync("job-once", businessKey: $"pay-{i}"));

        // Two workers per node, each asking its own node for work until none is left.
        var taken = new int[4];
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var node = w % 2 == 0 ? a : b;
            for (var idle = 0; idle < 3;)
            {
                var batch = await (await node.PostJsonAsync("/api/jobs/activate",
                    new { type = "bank-transfer", worker = $"worker-{w}", maxJobs = 10, lockDuration = 60_000 }))
                    .ReadAsync<CaseFlow.Engine.Jobs.ActivatedJobsDto>();
                if (batch.Jobs.Count == 0) { idle++; await Task.Delay(200); continue; }
                idle = 0;
                foreach (var job in batch.Jobs)
                {
                    (await node.PostJsonAsync($"/api/jobs/{job.Key}/complete", new { variables = new { paidBy = $"worker-{w}" } }))
                        .EnsureSuccessStatusCode();
                    Interlocked.Increment(ref taken[w]);
                }
            }
        })));

        output.WriteLine($"jobs per worker: {string.Join(", ", taken)}");
        Assert.Equal(jobs, taken.Sum());
        Assert.True(taken[0] + taken[2] > 0 && taken[1] + taken[3] > 0, "One node's workers did every job.");
        Assert.Equal(jobs, await CountAsync(database, "SELECT COUNT(*) FROM instances WHERE status = 'Completed'"));
        Assert.Equal(0, await CountAsync(database, """
            SELECT COUNT(*) FROM (
              SELECT i.id FROM instances i LEFT JOIN history h ON h.instance_id = i.id AND h.type = 'JobCompleted'
              GROUP BY i.id HAVING COUNT(h.seq) <> 1) wrong
            """));
    }

    private static async Task<int> CountAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
