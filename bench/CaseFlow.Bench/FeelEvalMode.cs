using System.Text.Json;
using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Bench;

/// <summary>
/// Evaluates every entry of a FEEL differential corpus and prints one JSON line per entry,
/// <c>{"id", "value", "warnings"}</c>, for bench/peers/feel-differential.mjs to set against feelin.
/// Run: dotnet run --project bench/CaseFlow.Bench -- feel-eval tests/CaseFlow.Workflows.Tests/Feel/Differential/corpus.json
/// </summary>
public static class FeelEvalMode
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: feel-eval CORPUS.json");
            return 2;
        }
        using var corpus = JsonDocument.Parse(File.ReadAllText(args[0]));
        using var stdout = Console.OpenStandardOutput();
        foreach (var entry in corpus.RootElement.EnumerateArray())
        {
            var id = entry.GetProperty("id").GetString()!;
            var warnings = new List<string>();
            object? value = null;
            try
            {
                var variables = entry.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object
                    ? VariableJson.ReadObject(context)
                    : new OrderedDictionary<string, object?>();
                value = FeelExpression.Parse(entry.GetProperty("expression").GetString()!).Evaluate(new DictionaryScope(variables), warnings);
            }
            catch (FeelSyntaxException e)
            {
                // A syntax error is a result to compare (the spec's answer may be "not FEEL"), not a crash of the run.
                warnings.Add($"syntax error: {e.Message}");
            }
            using (var writer = new Utf8JsonWriter(stdout))
            {
                writer.WriteStartObject();
                writer.WriteString("id", id);
                writer.WritePropertyName("value");
                VariableJson.Write(writer, value);
                writer.WriteStartArray("warnings");
                foreach (var warning in warnings) writer.WriteStringValue(warning);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            stdout.WriteByte((byte)'\n');
        }
        return 0;
    }
}
