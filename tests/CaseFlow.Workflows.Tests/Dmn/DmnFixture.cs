using CaseFlow.Workflows.Dmn;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Tests.Dmn;

/// <summary>Loads the .dmn files under Dmn/Fixtures and evaluates their decisions in one line.</summary>
internal static class DmnFixture
{
    public static DmnParseResult Parse(string file) =>
        DmnParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dmn", "Fixtures", file)));

    public static DecisionRequirementsGraph Graph(string file) =>
        Parse(file).DecisionRequirementsGraph ?? throw new InvalidOperationException($"{file} did not parse");

    public static DecisionResult Evaluate(string file, string decision, params (string Name, object? Value)[] variables) =>
        Graph(file).Evaluate(decision, new DictionaryScope(variables.ToDictionary(v => v.Name, v => v.Value)));
}
