using CaseFlow.Workflows.Bpmn;
using Xunit.Abstractions;

namespace CaseFlow.Workflows.Tests.Dmn;

/// <summary>The DMN TCK test cases copied under Corpora/dmn-tck: one theory row per TCK testCase.</summary>
public sealed class TckTests(ITestOutputHelper output)
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in TckCatalog.Cases.Value) data.Add(c.Name);
        return data;
    }

    [TckTheory]
    [MemberData(nameof(CaseNames))]
    public void Tck_case_gives_the_expected_results(string name)
    {
        var failures = Run(TckCatalog.Cases.Value.Single(c => c.Name == name), out var log);
        foreach (var line in log) output.WriteLine(line);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>The per-folder table, and a guard that the known-failure list holds only cases that still fail.</summary>
    [Fact]
    public void Tck_pass_counts_per_folder()
    {
        var known = TckCatalog.KnownFailures.Value;
        var stale = new List<string>();
        output.WriteLine($"{"folder",-60} {"pass",5} {"total",6} {"known",6}");
        var all = 0;
        var passed = 0;
        foreach (var folder in TckCatalog.Cases.Value.GroupBy(c => c.Folder))
        {
            var pass = 0;
            foreach (var c in folder)
            {
                var ok = Run(c, out _).Count == 0;
                if (ok) pass++;
                if (ok && known.ContainsKey(c.Name)) stale.Add(c.Name);
            }
            output.WriteLine($"{folder.Key,-60} {pass,5} {folder.Count(),6} {folder.Count(c => known.ContainsKey(c.Name)),6}");
            all += folder.Count();
            passed += pass;
        }
        output.WriteLine($"{"total",-60} {passed,5} {all,6} {known.Count,6}");
        Assert.True(stale.Count == 0, "These now pass; remove them from tck-known-failures.txt: " + string.Join(", ", stale));
        Assert.True(known.Keys.All(k => TckCatalog.Cases.Value.Any(c => c.Name == k)), "tck-known-failures.txt names a case that does not exist");
    }

    /// <summary>Decisions the TCK writes invalid on purpose (it expects an error result from them).</summary>
    private static readonly string[] InvalidOnPurpose = ["_decision008"];

    [Fact]
    public void Every_tck_model_parses_without_errors_except_the_deliberate_ones()
    {
        var models = TckCatalog.Cases.Value.Select(c => c.ModelPath).Distinct().ToList();
        var errors = models.SelectMany(m => TckCatalog.Model(m).Problems
            .Where(p => p.Severity == ProblemSeverity.Error && !InvalidOnPurpose.Contains(p.ElementId))
            .Select(p => $"{Path.GetFileName(m)}: {p}")).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private static List<string> Run(TckCase c, out List<string> log)
    {
        log = [];
        var failures = new List<string>();
        var model = TckCatalog.Model(c.ModelPath);
        foreach (var problem in model.Problems) log.Add($"problem: {problem}");
        if (model.DecisionRequirementsGraph is not { } graph) return [$"model did not parse: {string.Join("; ", model.Problems)}"];
        foreach (var expected in c.Results)
        {
            if (expected.Type != "decision")
            {
                failures.Add($"{expected.Name}: result nodes of type '{expected.Type}' are not supported");
                continue;
            }
            var result = graph.Evaluate(expected.Name, c.Inputs);
            foreach (var warning in result.Warnings) log.Add($"{expected.Name} warning: {warning}");
            var want = expected.ExpectsError ? null : expected.Expected;
            if (!TckComparison.Same(want, result.Result, out var why)) failures.Add($"{expected.Name}: {why}");
        }
        return failures;
    }
}
