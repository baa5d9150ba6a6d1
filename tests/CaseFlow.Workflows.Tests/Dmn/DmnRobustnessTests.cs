using CaseFlow.Workflows.Dmn;

namespace CaseFlow.Workflows.Tests.Dmn;

/// <summary>The parser never throws: every corpus file (BPMN, DMN, TCK test XML, schema) comes back as a result.</summary>
public sealed class DmnRobustnessTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Corpora");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Where(f => Path.GetExtension(f) is ".dmn" or ".bpmn" or ".xsd")
                     .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Parsing_any_corpus_file_returns_decisions_or_problems(string file)
    {
        var result = DmnParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpora", file)));
        Assert.True(result.Decisions.Count > 0 || result.Problems.Count > 0);
    }

    [Fact]
    public void A_document_type_definition_is_refused_as_invalid_xml() =>
        Assert.Equal(DmnProblemCodes.InvalidXml, Assert.Single(DmnParser.Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE d [<!ENTITY a "aaaa">]>
            <definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/">&a;</definitions>
            """).Problems).Code);

    [Fact]
    public void A_decision_without_logic_is_a_missing_expression_problem() =>
        Assert.Contains(DmnParser.Parse("""
            <definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" id="d"><decision id="a" name="A"/></definitions>
            """).Problems, p => p.Code == DmnProblemCodes.MissingExpression && p.ElementId == "a");

    [Fact]
    public void Evaluation_is_safe_from_several_threads()
    {
        var graph = DmnFixture.Graph("aid-level.dmn");
        var results = new string?[64];
        Parallel.For(0, results.Length, i => results[i] = graph.Evaluate("aidLevel", new Dictionary<string, object?>
        {
            ["hardship cause"] = "elderly", ["monthly income"] = 20000m, ["family size"] = 4m,
        }).Result as string);
        Assert.All(results, r => Assert.Equal("basic", r));
    }
}
