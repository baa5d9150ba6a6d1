using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Tests.Bpmn;

/// <summary>The .bpmn files in Bpmn/Fixtures, copied to the output folder.</summary>
internal static class Fixture
{
    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bpmn", "Fixtures", name + ".bpmn"));

    public static BpmnParseResult Parse(string name) => BpmnParser.Parse(Text(name));

    /// <summary>The 1-based line of the first line containing <paramref name="marker"/>, so tests
    /// state where a problem is by content rather than by a number that drifts with edits.</summary>
    public static int LineOf(string name, string marker)
    {
        var lines = Text(name).Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{marker}' is not in fixture {name}");
        return index + 1;
    }

    /// <summary>The one problem with <paramref name="code"/>; fails listing all problems otherwise.</summary>
    public static BpmnProblem Single(this BpmnParseResult result, string code)
    {
        var matches = result.Problems.Where(p => p.Code == code).ToList();
        Assert.True(matches.Count == 1, $"Expected one '{code}', got {matches.Count}:\n{Describe(result)}");
        return matches[0];
    }

    public static IReadOnlyList<BpmnProblem> All(this BpmnParseResult result, string code) =>
        result.Problems.Where(p => p.Code == code).ToList();

    public static void AssertDeployable(this BpmnParseResult result) =>
        Assert.True(result.IsDeployable, $"Expected a deployable file, got:\n{Describe(result)}");

    public static string Describe(BpmnParseResult result) =>
        result.Problems.Count == 0 ? "(no problems)" : string.Join('\n', result.Problems);
}
