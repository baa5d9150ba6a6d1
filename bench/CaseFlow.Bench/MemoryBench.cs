using System.Diagnostics;
using System.Text.Json;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Model;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Bench;

/// <summary>
/// Instances per second through the pure executor on one thread: start, then complete every user task
/// and job until the instance ends, as a case worker and a payment handler would. Optionally runs the
/// bpmn-engine peer on the same file in the same run, for the ratio.
/// </summary>
internal static class MemoryBench
{
    public static int Run(string[] args)
    {
        var root = Options.RepoRoot();
        var file = Options.Get(args, "--process") ?? Path.Combine(root, "bench", "processes", "approval.bpmn");
        var count = int.Parse(Options.Get(args, "--instances") ?? "200000");
        var parsed = BpmnParser.Parse(File.ReadAllText(file));
        if (!parsed.IsDeployable)
        {
            Console.Error.WriteLine(string.Join("\n", parsed.Problems));
            return 1;
        }
        var definition = parsed.Processes[0];

        RunInstances(definition, Math.Min(count, 20_000)); // warm-up: tiered JIT settles
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var steps = RunInstances(definition, count);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var self = Process.GetCurrentProcess();

        var perSecond = count / clock.Elapsed.TotalSeconds;
        var result = new Dictionary<string, object>
        {
            ["engine"] = "caseflow",
            ["process"] = Path.GetFileName(file),
            ["instances"] = count,
            ["commands"] = steps,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
            ["instancesPerSecond"] = Math.Round(perSecond),
            ["microsecondsPerInstance"] = Math.Round(clock.Elapsed.TotalMicroseconds / count, 2),
            ["allocatedBytesPerInstance"] = allocated / count,
            ["peakWorkingSetMb"] = Math.Round(self.PeakWorkingSet64 / 1048576.0, 1),
        };
        Console.WriteLine(JsonSerializer.Serialize(result));

        if (Options.Has(args, "--peer")) RunPeer(root, file, perSecond);
        return 0;
    }

    /// <summary>Runs <paramref name="count"/> instances to the end; returns the number of commands executed.</summary>
    public static long RunInstances(ProcessDefinition definition, int count)
    {
        var now = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
        long commands = 0;
        var small = new Dictionary<string, object?> { ["amount"] = 3000m };
        var large = new Dictionary<string, object?> { ["amount"] = 8000m };
        for (var i = 0; i < count; i++)
        {
            var start = new StartInstance(Guid.NewGuid(), (i & 1) == 0 ? small : large);
            var state = Executor.Start(definition, 1, start, now).State;
            commands++;
            while (state.Status == InstanceStatus.Active)
            {
                state = Executor.Execute(definition, state, Worker.NextCommand(state), now).State;
                commands++;
            }
        }
        return commands;
    }

    private static void RunPeer(string root, string file, double ourPerSecond)
    {
        var peers = Path.Combine(root, "bench", "peers");
        if (!Directory.Exists(Path.Combine(peers, "node_modules")))
        {
            Console.Error.WriteLine("bench/peers has no node_modules: run `npm ci --prefix bench/peers` first.");
            return;
        }
        var start = new ProcessStartInfo("node", [Path.Combine(peers, "bpmn-engine-bench.mjs"), "--bpmn", file]) { RedirectStandardOutput = true };
        using var peer = Process.Start(start)!;
        var output = peer.StandardOutput.ReadToEnd().Trim().Split('\n').Last();
        peer.WaitForExit();
        Console.WriteLine(output);
        using var json = JsonDocument.Parse(output);
        var theirs = json.RootElement.GetProperty("instancesPerSecond").GetDouble();
        Console.WriteLine(JsonSerializer.Serialize(new { ratio = Math.Round(ourPerSecond / theirs, 1), against = "bpmn-engine" }));
    }
}
