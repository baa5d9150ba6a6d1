using System.Collections.Concurrent;
using System.Diagnostics;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Tasks;
using CaseFlow.Engine.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CaseFlow.Engine.Tests.Durability;

/// <summary>
/// The service is killed (SIGKILL) in the middle of a load of task completions. After a restart,
/// every acknowledged completion must be in the history exactly once, nothing may be doubled, a
/// retry of any request with its Idempotency-Key must succeed without doubling, and every instance
/// must still run to its end.
/// </summary>
public sealed class KillTests(ITestOutputHelper output)
{
    private const int Instances = 300;
    private const int Workers = 8;
    private const int KillAfterAcknowledged = 40;

    private sealed record Attempt(TaskDto Task, string Key, string User);

    [Fact]
    public async Task Acknowledged_completions_survive_a_kill_and_every_instance_can_finish()
    {
        var clock = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync();
        var first = await ServiceProcess.StartAsync(database);
        List<Attempt> acknowledged, unknown;
        try
        {
            using var client = first.CreateClient();
            await client.DeployAsync("approval");
            await ForEachAsync(Enumerable.Range(0, Instances), i => client.StartAsync("approval", businessKey: $"kill-{i}"));
            var reviews = (await client.TasksAsync("processId=approval&state=Created&pageSize=500")).Items;
            Assert.Equal(Instances, reviews.Count);
            output.WriteLine($"{database.Provider}: {Instances} instances started at {clock.ElapsedMilliseconds} ms");

            (acknowledged, unknown) = await CompleteUntilKilledAsync(client, reviews, first);
            output.WriteLine($"killed at {clock.ElapsedMilliseconds} ms: {acknowledged.Count} acknowledged, {unknown.Count} without an answer");
        }
        finally
        {
            first.Dispose();
        }
        Assert.True(acknowledged.Count >= KillAfterAcknowledged, "The load ended before the kill.");

        using var second = await ServiceProcess.StartAsync(database);
        using var after = second.CreateClient();
        await AssertAcknowledgedExactlyOnceAsync(after, acknowledged);

        // An answer lost in the crash: the same request with the same key succeeds (stored answer or a fresh run).
        await ForEachAsync(unknown, async attempt =>
        {
            var retry = await after.CompleteAsync(attempt.Task.Id, new { approved = true }, attempt.User, attempt.Key);
            Assert.True(retry.IsSuccessStatusCode, $"Retrying {attempt.Task.Id} with its key: {(int)retry.StatusCode} {await retry.Content.ReadAsStringAsync()}");
        });

        await FinishEverythingAsync(after);
        var instances = await (await after.GetAsync("/api/instances?processId=approval&pageSize=500")).ReadAsync<PageDto<InstanceSummaryDto>>();
        Assert.Equal(Instances, instances.Total);
        Assert.All(instances.Items, i => Assert.Equal("Completed", i.Status));
        await ForEachAsync(instances.Items, async instance =>
        {
            var history = await after.HistoryAsync(instance.Id);
            Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => h.Seq));
            Assert.Equal(["decide", "review"], history.Where(h => h.Type == "TaskCompleted").Select(h => h.ElementId).Order());
        });
        output.WriteLine($"verified at {clock.ElapsedMilliseconds} ms");
    }

    private async Task<(List<Attempt> Acknowledged, List<Attempt> Unknown)> CompleteUntilKilledAsync(
        HttpClient client, IReadOnlyList<TaskDto> tasks, ServiceProcess service)
    {
        var queue = new ConcurrentQueue<TaskDto>(tasks);
        var acknowledged = new ConcurrentBag<Attempt>();
        var unknown = new ConcurrentBag<Attempt>();
        var inFlight = 0;
        var atKill = -1;
        var acknowledgedCount = 0;
        using var stop = new CancellationTokenSource();

        // The worker whose acknowledgement reaches the threshold kills the service at once, while the
        // other workers' requests are in flight. (A watcher polling from outside can be starved of a
        // thread on a busy machine and fire only after the load has ended.)
        void KillWhenDue()
        {
            if (Interlocked.Increment(ref acknowledgedCount) != KillAfterAcknowledged) return;
            atKill = Volatile.Read(ref inFlight) - 1;
            stop.Cancel(); // no new requests; those in flight meet the kill
            service.Kill();
        }

        var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && queue.TryDequeue(out var task))
            {
                var key = Guid.NewGuid().ToString();
                var attempt = new Attempt(task, key, $"worker{worker}-{key[..8]}");
                Interlocked.Increment(ref inFlight);
                try
                {
                    var response = await client.CompleteAsync(task.Id, new { approved = true }, attempt.User, key);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add(attempt);
                        KillWhenDue();
                    }
                    else throw new InvalidOperationException($"Completing {task.Id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    unknown.Add(attempt);
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
        })).ToList();

        await Task.WhenAll(workers);
        Assert.True(atKill >= 0, "The load ended before the kill.");
        output.WriteLine($"{atKill} other requests were in flight at the kill");
        Assert.False(queue.IsEmpty, "Every task was completed before the kill; lower KillAfterAcknowledged.");
        return (acknowledged.ToList(), unknown.ToList());
    }

    private static Task AssertAcknowledgedExactlyOnceAsync(HttpClient client, IEnumerable<Attempt> acknowledged) =>
        ForEachAsync(acknowledged, async attempt =>
        {
            var history = await client.HistoryAsync(attempt.Task.InstanceId);
            var completions = history.Where(h => h.Type == "TaskCompleted" && h.ElementKey == attempt.Task.ElementKey).ToList();
            Assert.Equal(attempt.User, Assert.Single(completions).User);
        });

    private static async Task FinishEverythingAsync(HttpClient client)
    {
        for (var round = 0; round < 5; round++)
        {
            var open = (await client.TasksAsync("processId=approval&state=Created&pageSize=500")).Items;
            if (open.Count == 0) return;
            await ForEachAsync(open, async task => (await client.CompleteAsync(task.Id, new { approved = true }, "closer")).EnsureSuccessStatusCode());
        }
        Assert.Fail("Tasks were still open after five rounds of completing them.");
    }

    private static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> action) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (item, _) => await action(item));
}
