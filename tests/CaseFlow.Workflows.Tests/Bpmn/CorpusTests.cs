using System.Text;
using CaseFlow.Workflows.Bpmn;
using Xunit.Abstractions;

namespace CaseFlow.Workflows.Tests.Bpmn;

/// <summary>
/// Every file of the external corpora (Corpora/README.md): nothing was written for CaseFlow, so this
/// is where the parser meets real modelers' output and malformed input. Needs the FEEL parser for the
/// files with conditions and mappings.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Corpora");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in CorpusFiles()) data.Add(file);
        return data;
    }

    private static IEnumerable<string> CorpusFiles() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is not (".md" or ".dmn") && !Path.GetFileName(f).StartsWith("LICENSE", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            // The DMN TCK's models and expected results have their own runner (Dmn/TckTests).
            .Where(f => !f.StartsWith("dmn-tck/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_corpus_file_parses_without_throwing_and_is_deployable_or_explained(string file)
    {
        var result = BpmnParser.Parse(File.ReadAllText(Path.Combine(Root, file)));

        if (result.IsDeployable) return;
        var errors = result.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, p =>
        {
            Assert.Matches("^[a-z_]+$", p.Code);
            Assert.False(string.IsNullOrWhiteSpace(p.Message));
            if (p.Code is not (ProblemCodes.InvalidXml or ProblemCodes.NotBpmn)) Assert.False(string.IsNullOrEmpty(p.ElementId), p.ToString());
        });
        output.WriteLine(string.Join('\n', result.Problems));
    }

    [Fact]
    public void Corpus_summary()
    {
        var table = new StringBuilder("| file | processes | result | problem codes |\n|---|---|---|---|\n");
        var deployable = 0;
        var files = CorpusFiles().ToList();
        foreach (var file in files)
        {
            var result = BpmnParser.Parse(File.ReadAllText(Path.Combine(Root, file)));
            if (result.IsDeployable) deployable++;
            var codes = result.Problems.GroupBy(p => p.Code).Select(g => g.Count() > 1 ? $"{g.Key} x{g.Count()}" : g.Key);
            table.Append($"| {file} | {result.Processes.Count} | {(result.IsDeployable ? "deploys" : "refused")} | {string.Join(", ", codes)} |\n");
        }
        table.Append($"\n{deployable} of {files.Count} files deploy, {files.Count - deployable} are refused.\n");
        output.WriteLine(table.ToString());
        Assert.NotEmpty(files);
    }
}
