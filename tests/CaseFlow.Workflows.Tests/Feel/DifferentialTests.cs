using System.Globalization;
using System.Text.Json;
using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Values;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CaseFlow.Workflows.Tests.Feel;

/// <summary>
/// The differential corpus (Feel/Differential/corpus.json): CaseFlow must give the DMN 1.5 answer
/// (<c>expected</c>) for every entry. feelin's recorded results (bench/peers/feel-differential.mjs --record)
/// are a second opinion only; where they differ from the spec the entry must say why.
/// </summary>
public class DifferentialTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in DifferentialCorpus.Entries.Value.Keys) data.Add(id);
        return data;
    }

    [DifferentialTheory]
    [MemberData(nameof(Ids))]
    public void CaseFlow_gives_the_spec_answer(string id)
    {
        var entry = DifferentialCorpus.Entries.Value[id];
        var actual = Evaluate(entry);
        Assert.True(DifferentialCorpus.Same(entry.Expected, actual),
            $"{entry.Expression}: expected {entry.Expected.GetRawText()}, CaseFlow gave {actual.GetRawText()}");
    }

    [Fact]
    public void Every_known_limitation_still_differs_from_the_spec()
    {
        // Otherwise a skipped row would hide a limitation that has gone away.
        var stale = DifferentialCorpus.Entries.Value.Values
            .Where(e => e.CaseflowLimitation is not null && DifferentialCorpus.Same(e.Expected, Evaluate(e)))
            .Select(e => e.Id).ToList();
        Assert.Empty(stale);
    }

    [Fact]
    public void Every_entry_where_feelin_departs_from_the_spec_names_the_reason()
    {
        var unexplained = DifferentialCorpus.Entries.Value.Values
            .Where(e => !DifferentialCorpus.Same(e.Expected, e.Feelin) && !e.Note.Contains("feelin:", StringComparison.Ordinal))
            .Select(e => e.Id).ToList();
        Assert.Empty(unexplained);
    }

    [Fact]
    public void The_corpus_has_unique_ids_and_covers_the_gateway_shapes()
    {
        var entries = DifferentialCorpus.Entries.Value.Values.ToList();
        Assert.InRange(entries.Count, 150, 300);
        Assert.Contains(entries, e => e.Expression == "amount > 5000");
        Assert.Contains(entries, e => e.Expression == "applicant.category = \"illness\" and amount <= 3000");
        Assert.Contains(entries, e => e.Expression == "status in [\"open\", \"new\"]");
    }

    private static JsonElement Evaluate(DifferentialEntry entry)
    {
        object? value;
        try
        {
            value = FeelExpression.Parse(entry.Expression).Evaluate(new DictionaryScope(VariableJson.ReadObject(entry.Context)));
        }
        catch (FeelSyntaxException)
        {
            value = null;
        }
        using var document = JsonDocument.Parse(VariableJson.Serialize(value));
        return document.RootElement.Clone();
    }
}

internal sealed record DifferentialEntry(string Id, string Expression, JsonElement Context, JsonElement Expected, JsonElement Feelin,
    string Note, string? CaseflowLimitation);

internal static class DifferentialCorpus
{
    public static readonly Lazy<IReadOnlyDictionary<string, DifferentialEntry>> Entries = new(Load);

    private static IReadOnlyDictionary<string, DifferentialEntry> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Feel", "Differential", "corpus.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var entries = new Dictionary<string, DifferentialEntry>(StringComparer.Ordinal);
        foreach (var e in document.RootElement.EnumerateArray())
        {
            var id = e.GetProperty("id").GetString()!;
            var entry = new DifferentialEntry(id, e.GetProperty("expression").GetString()!, e.GetProperty("context").Clone(),
                e.GetProperty("expected").Clone(), e.GetProperty("feelin").Clone(), e.GetProperty("note").GetString() ?? "",
                e.TryGetProperty("caseflowLimitation", out var limitation) ? limitation.GetString() : null);
            if (!entries.TryAdd(id, entry)) throw new InvalidDataException($"Duplicate corpus id {id}");
        }
        return entries;
    }

    /// <summary>Deep JSON equality with numbers compared by value (1.50 = 1.5), as FEEL's = does.</summary>
    public static bool Same(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind) return false;
        switch (a.ValueKind)
        {
            case JsonValueKind.Number:
                return Canonical(a.GetRawText()) == Canonical(b.GetRawText());
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            case JsonValueKind.Array:
                return a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => Same(p.First, p.Second));
            case JsonValueKind.Object:
                var left = a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                var right = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                return left.Count == right.Count && left.All(p => right.TryGetValue(p.Key, out var v) && Same(p.Value, v));
            default:
                return true;
        }
    }

    // Exact on the text rather than through decimal: TryGetDecimal rounds beyond 28-29 digits, which would
    // make the spec's 34-digit 1/3 equal CaseFlow's 28-digit one.
    private static string Canonical(string number)
    {
        var e = number.IndexOfAny(['e', 'E']);
        var exponent = e < 0 ? 0 : int.Parse(number[(e + 1)..], CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? number : number[..e];
        var negative = mantissa.StartsWith('-');
        mantissa = mantissa.TrimStart('-');
        var point = mantissa.IndexOf('.');
        if (point >= 0)
        {
            exponent -= mantissa.Length - point - 1;
            mantissa = mantissa.Remove(point, 1);
        }
        mantissa = mantissa.TrimStart('0');
        if (mantissa.Length == 0) return "0";
        var trimmed = mantissa.TrimEnd('0');
        exponent += mantissa.Length - trimmed.Length;
        return $"{(negative ? "-" : "")}{trimmed}e{exponent}";
    }
}

/// <summary>A theory whose corpus rows marked <c>caseflowLimitation</c> are reported as skipped with that reason
/// (xunit 2 has no per-row skip, so the discoverer decides per data row).</summary>
[XunitTestCaseDiscoverer("CaseFlow.Workflows.Tests.Feel.DifferentialTheoryDiscoverer", "CaseFlow.Workflows.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DifferentialTheoryAttribute : TheoryAttribute;

public sealed class DifferentialTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        if (dataRow is [string id] && DifferentialCorpus.Entries.Value.TryGetValue(id, out var entry) && entry.CaseflowLimitation is { } reason)
        {
            return CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, $"CaseFlow limitation: {reason}");
        }
        return base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
    }
}
