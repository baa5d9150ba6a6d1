using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CaseFlow.Bench;

/// <summary>
/// Jobs per second: N instances wait at a service task; external workers (a few per node) activate jobs in
/// batches and complete each, as a bank-payment worker outside the service would. Each completion is one
/// command (instance state, job row, history) in one transaction. One or two service nodes on one database.
/// </summary>
internal static class JobBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var database = BenchDatabase.From(args);
        var (provider, connection) = (database.Provider, database.Connection);
        var jobs = int.Parse(Options.Get(args, "--jobs") ?? "2000", CultureInfo.InvariantCulture);
        var nodes = int.Parse(Options.Get(args, "--nodes") ?? "1", CultureInfo.InvariantCulture);
        var workersPerNode = int.Parse(Options.Get(args, "--workers") ?? "4", CultureInfo.InvariantCulture);
        if (nodes > 1 && provider == "sqlite") throw new ArgumentException("Two nodes need PostgreSQL.");

        var started = new List<ServiceNode>();
        try
        {
            for (var i = 0; i < nodes; i++) started.Add(await ServiceNode.StartAsync(provider, connection));
            var xml = File.ReadAllText(Path.Combine(Options.RepoRoot(), "bench", "processes", "job-once.bpmn"));
            (await started[0].Client.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
            await Parallel.ForEachAsync(Enumerable.Range(0, jobs), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
                (await started[i % nodes].Client.PostAsJsonAsync("/api/instances", new { processId = "job-once" }, ct)).EnsureSuccessStatusCode());

            var clock = Stopwatch.StartNew();
            var done = 0;
            var perNode = new int[nodes];
            var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
            await Task.WhenAll(Enumerable.Range(0, nodes * workersPerNode).Select(w => Task.Run(async () =>
            {
                var node = w % nodes;
                var client = started[node].Client;
                while (Volatile.Read(ref done) < jobs)
                {
                    var response = await client.PostAsJsonAsync("/api/jobs/activate",
                        new { type = "bank-transfer", worker = $"bench-{w}", maxJobs = 16, lockDuration = 60_000 });
                    response.EnsureSuccessStatusCode();
                    var batch = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobs");
                    if (batch.GetArrayLength() == 0)
                    {
                        await Task.Delay(20);
                        continue;
                    }
                    foreach (var job in batch.EnumerateArray())
                    {
                        var at = Stopwatch.GetTimestamp();
                        (await client.PostAsJsonAsync($"/api/jobs/{job.GetProperty("key").GetGuid()}/complete",
                            new { variables = new { receipt = "ok" } })).EnsureSuccessStatusCode();
                        latencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                        Interlocked.Increment(ref perNode[node]);
                        Interlocked.Increment(ref done);
                    }
                }
            })));
            var seconds = clock.Elapsed.TotalSeconds;
            var sorted = latencies.Order().ToList();
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                bench = "jobs", provider, nodes, workers = nodes * workersPerNode, jobs,
                seconds = Math.Round(seconds, 1), jobsPerSecond = Math.Round(jobs / seconds, 1),
                completeP50Ms = Math.Round(sorted[sorted.Count / 2], 1), completeP99Ms = Math.Round(sorted[(int)(sorted.Count * 0.99)], 1),
                completedPerNode = perNode,
            }));
            return 0;
        }
        finally
        {
            foreach (var node in started) await node.DisposeAsync();
            database.Cleanup();
        }
    }
}
