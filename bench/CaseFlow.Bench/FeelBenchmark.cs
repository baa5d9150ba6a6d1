using System.Diagnostics;
using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Bench;

/// <summary>
/// Times compiled FEEL evaluation (run with: dotnet run -c Release --project bench/CaseFlow.Bench -- feel).
/// A plain Stopwatch loop, not BenchmarkDotNet: the project takes no packages, and the numbers only need
/// to show the order of magnitude (nanoseconds, zero bytes) for gateway conditions.
/// </summary>
public static class FeelBenchmark
{
    public static int Run()
    {
        var scope = new DictionaryScope(new Dictionary<string, object?>
        {
            ["amount"] = 7500m,
            ["applicant"] = new Dictionary<string, object?> { ["category"] = "illness", ["age"] = 42m },
            ["status"] = "new",
            ["name"] = "Ada Lovelace",
            ["items"] = Enumerable.Range(1, 20).Select(i => (object?)new Dictionary<string, object?> { ["price"] = (decimal)i }).ToList(),
        });
        Console.WriteLine($"{"expression",-62} {"ns/eval",9} {"B/eval",7}");
        object yes = true, no = false;
        var (baseNs, _) = Time(() => scope.TryGetVariable("amount", out var v) && v is decimal d && d > 5000m ? yes : no, 2_000_000);
        Console.WriteLine($"{"(baseline: hand-written C# lookup and compare)",-62} {baseNs,9:F1}");
        foreach (var text in new[]
        {
            "amount > 5000",
            "amount > 5000 and applicant.category = \"illness\"",
            "status in [\"open\", \"new\"]",
            "applicant.age between 18 and 65",
            "string length(name) > 3 and contains(name, \"Ada\")",
            "if amount > 10000 then \"manual\" else \"auto\"",
            "sum(items[price > 10].price)",
            "date(\"2024-01-01\") + duration(\"P1M\") > date(\"2024-01-15\")",
        })
        {
            Measure(text, FeelExpression.Parse(text), scope);
        }
        var source = "{a: 1, b: [1, 2, 3], c: for x in b return x * a, d: some y in c satisfies y > 2}.d";
        var (ns, _) = Time(() => FeelExpression.Parse(source), 20_000);
        Console.WriteLine($"{"parse + compile: " + source[..40] + "...",-62} {ns,9:F0}");
        return 0;
    }

    private static void Measure(string text, FeelExpression expression, IVariableScope scope)
    {
        var (ns, bytes) = Time(() => expression.Evaluate(scope), 2_000_000);
        Console.WriteLine($"{text,-62} {ns,9:F1} {bytes,7:F0}");
    }

    private static (double Nanoseconds, double Bytes) Time(Func<object?> work, int iterations)
    {
        for (var i = 0; i < iterations / 10; i++) work();
        var best = double.MaxValue;
        var bytes = 0.0;
        // Best of five rounds: the minimum is the least disturbed by other processes on the machine.
        for (var round = 0; round < 5; round++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++) work();
            sw.Stop();
            best = Math.Min(best, sw.Elapsed.TotalNanoseconds / iterations);
            bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations;
        }
        return (best, bytes);
    }
}
