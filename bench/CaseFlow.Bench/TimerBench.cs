using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseFlow.Bench;

/// <summary>
/// Timer lag: N instances wait at a timer catch event, all due at the same instant; the lag of each is the
/// time from that instant to the command that fired it (its TimerFired history entry, written in the same
/// transaction that moved the instance on). Runs the real service as one or two child processes.
/// </summary>
internal static class TimerBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var database = BenchDatabase.From(args);
        var (provider, connection) = (database.Provider, database.Connection);
        var timers = int.Parse(Options.Get(args, "--timers") ?? "10000", CultureInfo.InvariantCulture);
        var nodes = int.Parse(Options.Get(args, "--nodes") ?? "1", CultureInfo.InvariantCulture);
        if (nodes > 1 && provider == "sqlite") throw new ArgumentException("Two nodes need PostgreSQL.");

        var started = new List<ServiceNode>();
        try
        {
            for (var i = 0; i < nodes; i++) started.Add(await ServiceNode.StartAsync(provider, connection));
            var client = started[0].Client;
            var xml = File.ReadAllText(Path.Combine(Options.RepoRoot(), "bench", "processes", "timer-date.bpmn"));
            (await client.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();

            // Instances are started with a due time far enough ahead that all of them wait when it comes.
            var clock = Stopwatch.StartNew();
            var lead = TimeSpan.FromSeconds(double.Parse(Options.Get(args, "--lead") ?? "60", CultureInfo.InvariantCulture));
            var due = DateTimeOffset.UtcNow + lead;
            var dueText = due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            await Parallel.ForEachAsync(Enumerable.Range(0, timers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                var node = started[i % started.Count].Client;
                var response = await node.PostAsJsonAsync("/api/instances",
                    new { processId = "timer-date", businessKey = $"bench-{i}", variables = new { due = dueText } }, ct);
                response.EnsureSuccessStatusCode();
            });
            var created = clock.Elapsed;
            if (DateTimeOffset.UtcNow > due)
                Console.Error.WriteLine($"warning: starting took {created.TotalSeconds:F0} s, longer than --lead; the lag includes that backlog");

            while (await CountAsync(provider, connection, "SELECT COUNT(*) FROM instances WHERE status = 'Completed'") < timers)
                await Task.Delay(200);
            var lags = await LagsAsync(provider, connection, due);
            var perNode = new List<long>();
            foreach (var node in started)
            {
                var status = await node.Client.GetFromJsonAsync<JsonElement>("/api/scheduler");
                perNode.Add(status.GetProperty("timersFired").GetInt64());
            }
            lags.Sort();
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                bench = "timers", provider, nodes, timers,
                startSeconds = Math.Round(created.TotalSeconds, 1),
                startsPerSecond = Math.Round(timers / created.TotalSeconds, 1),
                lagP50Ms = Percentile(lags, 0.50), lagP99Ms = Percentile(lags, 0.99), lagMaxMs = Math.Round(lags[^1], 0),
                firedPerSecond = Math.Round(timers / (lags[^1] / 1000), 1),
                firedPerNode = perNode,
            }));
            return 0;
        }
        finally
        {
            foreach (var node in started) await node.DisposeAsync();
            database.Cleanup();
        }
    }

    private static async Task<List<double>> LagsAsync(string provider, string connection, DateTimeOffset due)
    {
        await using var db = Open(provider, connection);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT at FROM history WHERE type = 'TimerFired'";
        await using var reader = await command.ExecuteReaderAsync();
        var lags = new List<double>();
        while (await reader.ReadAsync())
        {
            var at = reader.GetValue(0) switch
            {
                DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
                DateTimeOffset d => d,
                var text => DateTimeOffset.Parse(Convert.ToString(text, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
            };
            lags.Add((at - due).TotalMilliseconds);
        }
        return lags;
    }

    private static async Task<long> CountAsync(string provider, string connection, string sql)
    {
        await using var db = Open(provider, connection);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static DbConnection Open(string provider, string connection) =>
        provider == "postgres" ? new NpgsqlConnection(connection) : new SqliteConnection(connection);

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))], 0);
}
