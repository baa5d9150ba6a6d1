using System.Text.Json;
using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Tests.Feel;

/// <summary>
/// FEEL arithmetic against an independent decimal128: Feel/Decimal128/cases.json holds 1,220 cases computed by
/// Python's decimal module in IEEE 754-2008 decimal128's context (34 digits, half even, exponents to ±6144),
/// written by generate.py beside it. Operands span what decimal holds, 34-digit numbers and huge and tiny
/// magnitudes, so both the decimal fast path and the FeelNumber path are checked.
/// </summary>
public sealed class Decimal128OracleTests
{
    private static readonly Lazy<IReadOnlyList<JsonElement>> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Feel", "Decimal128", "cases.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray().ToList();
    });

    public static TheoryData<string> Operators() => ["+", "-", "*", "/", "compare", "sqrt", "log", "exp", "**"];

    [Theory]
    [MemberData(nameof(Operators))]
    public void Results_equal_decimal128s(string op)
    {
        var cases = Cases.Value.Where(c => c.GetProperty("op").GetString() == op).ToList();
        Assert.NotEmpty(cases);
        var text = op switch
        {
            "sqrt" or "log" or "exp" => $"{op}(a)",
            "compare" => "if a < b then -1 else if a > b then 1 else if a = b then 0 else null",
            _ => $"a {op} b",
        };
        var expression = FeelExpression.Parse(text);
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var operands = c.GetProperty("args").EnumerateArray().Select(a => Number(a.GetString()!)).ToList();
            var variables = new Dictionary<string, object?> { ["a"] = operands[0], ["b"] = operands.ElementAtOrDefault(1) };
            var actual = expression.Evaluate(new DictionaryScope(variables));
            var expected = c.GetProperty("expected");
            var same = expected.ValueKind == JsonValueKind.Null
                ? actual is null
                : FeelValue.FeelEquals(Number(expected.GetString()!), actual) == true;
            if (!same) failures.Add($"{string.Join($" {op} ", operands.Select(FeelValue.ToFeelString))}: expected {expected}, got {FeelValue.ToFeelString(actual) ?? "null"}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static object Number(string text) =>
        FeelNumber.TryParse(text, out var n) ? n.ToValue() : throw new FormatException($"Not a number: {text}");
}
