using System.Text.Json;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Engine.Jobs;

/// <summary>Variables kept as a JSON object in a text column (a job's snapshot, a buffered message), read back as FEEL values.</summary>
internal static class StoredVariables
{
    public static OrderedDictionary<string, object?> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return VariableJson.ReadObject(document.RootElement);
    }

    public static IReadOnlyDictionary<string, string> ReadHeaders(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
