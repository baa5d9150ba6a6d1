using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Engine.Api;

/// <summary>Writes FEEL values (decimals, contexts, temporals) through <see cref="VariableJson"/>, as the engine stores them.</summary>
internal sealed class FeelValuesConverter : JsonConverter<IReadOnlyDictionary<string, object?>>
{
    public override IReadOnlyDictionary<string, object?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return VariableJson.ReadObject(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> value, JsonSerializerOptions options) =>
        VariableJson.Write(writer, value);
}

/// <summary>One FEEL value of any kind (a decision's result), written as <see cref="VariableJson"/> writes it.</summary>
internal sealed class FeelValueConverter : JsonConverter<object?>
{
    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return VariableJson.Read(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options) => VariableJson.Write(writer, value);
}

internal static class Variables
{
    /// <summary>The <c>variables</c> member of a request: absent or null is none; anything but an object is a 400.</summary>
    public static IReadOnlyDictionary<string, object?>? Read(JsonElement? element)
    {
        if (element is null || element.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (element.Value.ValueKind != JsonValueKind.Object)
            throw new JsonException($"variables must be a JSON object, not {element.Value.ValueKind}.", "$.variables", null, null);
        return VariableJson.ReadObject(element.Value);
    }
}
