using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CaseFlow.Engine.Calendars;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Scheduling;
using CaseFlow.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseFlow.Bench;

/// <summary>
/// Full lifecycles (start, then every task and job completion) through the service's command path,
/// in-process: the same <see cref="InstanceCommands"/> every state-changing endpoint runs, one
/// transaction per command, without HTTP parsing. Reports lifecycles/s, commands/s and the p50/p99
/// latency of a command at each client count.
/// </summary>
internal static class PersistedBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var database = BenchDatabase.From(args);
        var (provider, connection) = (database.Provider, database.Connection);
        var clients = (Options.Get(args, "--clients") ?? "1,4,16").Split(',').Select(int.Parse).ToArray();
        var seconds = double.Parse(Options.Get(args, "--seconds") ?? "10");
        var file = Options.Get(args, "--process") ?? Path.Combine(Options.RepoRoot(), "bench", "processes", "approval.bpmn");

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["ConnectionStrings:CaseFlow"] = connection;
        builder.Services.AddCaseFlowPersistence();
        builder.Services.AddWorkflowRuntime();
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.AddWorkCalendar();
        await using var app = builder.Build();
        await app.MigrateDatabaseAsync();
        // The service's host creates the scheduler at start-up; this bench starts no host, and a scheduler
        // first created inside a deployment's SQLite transaction would wait for that transaction's lock.
        await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var (definitionId, version) = await DeployAsync(app.Services, File.ReadAllText(file));

        await RunClientsAsync(app.Services, definitionId, version, 2, TimeSpan.FromSeconds(2)); // warm-up
        foreach (var count in clients)
        {
            var result = await RunClientsAsync(app.Services, definitionId, version, count, TimeSpan.FromSeconds(seconds));
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                engine = "caseflow", provider, clients = count, seconds = Math.Round(result.Seconds, 2),
                lifecycles = result.Lifecycles, commands = result.Latencies.Count,
                lifecyclesPerSecond = Math.Round(result.Lifecycles / result.Seconds, 1),
                commandsPerSecond = Math.Round(result.Latencies.Count / result.Seconds, 1),
                p50Ms = Percentile(result.Latencies, 0.50), p99Ms = Percentile(result.Latencies, 0.99),
                conflicts = result.Conflicts,
            }));
        }
        database.Cleanup();
        return 0;
    }

    private static async Task<(Guid, int)> DeployAsync(IServiceProvider services, string xml)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        var scoped = scope.ServiceProvider;
        await DefinitionDeployment.DeployAsync(xml, db, scoped.GetRequiredService<DefinitionCache>(),
            scoped.GetRequiredService<TimerSchedule>(), scoped.GetRequiredService<StartTimerSettings>(), TimeProvider.System, default);
        var latest = await db.Definitions.AsNoTracking().OrderByDescending(d => d.DeployedAt).FirstAsync();
        return (latest.Id, latest.Version);
    }

    private sealed record Result(int Lifecycles, List<double> Latencies, int Conflicts, double Seconds);

    private static async Task<Result> RunClientsAsync(IServiceProvider services, Guid definitionId, int version, int clients, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var lifecycles = 0;
        var conflicts = 0;
        var clock = Stopwatch.StartNew();
        var deadline = clock.Elapsed + duration;
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var amount = client % 2 == 0 ? 3000m : 8000m;
            while (clock.Elapsed < deadline)
            {
                var state = await TimedAsync(services, latencies, commands => commands.StartAsync(definitionId, version,
                    new StartInstance(Guid.CreateVersion7(), new Dictionary<string, object?> { ["amount"] = amount }), default, default));
                while (state.Status == InstanceStatus.Active)
                {
                    var next = Worker.NextCommand(state);
                    var id = state.InstanceId;
                    try
                    {
                        state = await TimedAsync(services, latencies, async (commands, db) =>
                            await commands.ExecuteAsync(await db.Instances.SingleAsync(i => i.Id == id), next, default));
                    }
                    catch (DbUpdateConcurrencyException)
                    {
                        Interlocked.Increment(ref conflicts); // cannot happen: each client owns its instances
                        break;
                    }
                }
                Interlocked.Increment(ref lifecycles);
                amount = amount == 3000m ? 8000m : 3000m;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return new Result(lifecycles, latencies.ToList(), conflicts, clock.Elapsed.TotalSeconds);
    }

    private static Task<InstanceState> TimedAsync(IServiceProvider services, ConcurrentBag<double> latencies, Func<InstanceCommands, Task<LoadedInstance>> command) =>
        TimedAsync(services, latencies, (commands, _) => command(commands));

    /// <summary>One command as an endpoint runs it: a fresh scope (DbContext), execute, one SaveChanges.</summary>
    private static async Task<InstanceState> TimedAsync(IServiceProvider services, ConcurrentBag<double> latencies,
        Func<InstanceCommands, CaseFlowDb, Task<LoadedInstance>> command)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<InstanceCommands>();
        var loaded = await command(commands, scope.ServiceProvider.GetRequiredService<CaseFlowDb>());
        await commands.SaveAsync(default);
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return loaded.State;
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return 0;
        values.Sort();
        return Math.Round(values[(int)Math.Min(values.Count - 1, Math.Floor(p * values.Count))], 2);
    }
}
