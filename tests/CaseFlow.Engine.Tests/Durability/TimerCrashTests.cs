using System.Diagnostics;
using System.Globalization;
using CaseFlow.Engine.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace CaseFlow.Engine.Tests.Durability;

/// <summary>
/// Ten thousand timers fall due within a minute; the service is killed (SIGKILL) while it fires them, and
/// restarted. Every timer's step must then have happened exactly once: no timer lost, none fired twice,
/// checked from the history.
/// </summary>
public sealed class TimerCrashTests(ITestOutputHelper output)
{
    private const int Timers = 10_000;

    [PostgresFact]
    public async Task Ten_thousand_timers_fire_exactly_once_across_a_kill_and_a_restart()
    {
        var clock = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync();
        var settings = ClusterNode.Settings(database);
        var first = await ServiceProcess.StartAsync(settings);
        int firedBeforeKill;
        try
        {
            using var client = first.CreateClient();
            await client.DeployAsync("timer-date");
            // Due from 20 s after the first start, spread over 30 s: the last ones fall due while the first fire.
            var from = DateTimeOffset.UtcNow.AddSeconds(20);
            await Parallel.ForEachAsync(Enumerable.Range(0, Timers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                var due = from.AddMilliseconds(i * 3).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                await client.StartAsync("timer-date", new { due }, businessKey: $"timer-{i}");
            });
            output.WriteLine($"{Timers} instances started at {clock.Elapsed.TotalSeconds:F1} s");

            firedBeforeKill = await Eventually.UntilAsync(() => CompletedAsync(database), n => n >= Timers / 4,
                TimeSpan.FromMinutes(3), "a quarter of the timers to fire");
            first.Kill();
            output.WriteLine($"killed at {clock.Elapsed.TotalSeconds:F1} s with {firedBeforeKill} instances completed");
        }
        finally
        {
            first.Dispose();
        }
        Assert.True(firedBeforeKill < Timers, "Every timer fired before the kill.");

        using var second = await ServiceProcess.StartAsync(settings);
        await Eventually.UntilAsync(() => CompletedAsync(database), n => n == Timers, TimeSpan.FromMinutes(5), "every instance to complete");
        output.WriteLine($"all completed at {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(Timers, await ScalarAsync(database, "SELECT COUNT(*) FROM instances WHERE process_id = 'timer-date'"));
        // Exactly one firing and one completion per instance, and a history without gaps.
        Assert.Equal(0, await ScalarAsync(database, """
            SELECT COUNT(*) FROM (
              SELECT i.id FROM instances i LEFT JOIN history h ON h.instance_id = i.id AND h.type = 'TimerFired'
              WHERE i.process_id = 'timer-date' GROUP BY i.id HAVING COUNT(h.seq) <> 1) wrong
            """));
        Assert.Equal(0, await ScalarAsync(database, """
            SELECT COUNT(*) FROM (
              SELECT instance_id FROM history WHERE type = 'InstanceCompleted' GROUP BY instance_id HAVING COUNT(*) <> 1) wrong
            """));
        Assert.Equal(0, await ScalarAsync(database, """
            SELECT COUNT(*) FROM (
              SELECT instance_id FROM history GROUP BY instance_id HAVING MAX(seq) <> COUNT(*)) gaps
            """));
        Assert.Equal(0, await ScalarAsync(database, "SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_group = 'timers'"));
    }

    private static Task<int> CompletedAsync(TestDatabase database) =>
        ScalarAsync(database, "SELECT COUNT(*) FROM instances WHERE process_id = 'timer-date' AND status = 'Completed'");

    private static async Task<int> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
