using System.Globalization;
using System.Text.Json;
using System.Xml;
using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Values;

/// <summary>
/// Converts between JSON and FEEL values. Numbers become decimal (never double, so 0.1 stays 0.1), or a
/// <see cref="FeelNumber"/> when they need decimal128's 34 digits or range, and are written back digit for digit;
/// objects become insertion-ordered contexts; temporal values are written as ISO 8601 strings.
/// </summary>
public static class VariableJson
{
    public static object? Read(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => ReadNumber(element),
        JsonValueKind.Array => ReadArray(element),
        JsonValueKind.Object => ReadObject(element),
        _ => throw new JsonException($"Unexpected JSON value kind {element.ValueKind}."),
    };

    /// <summary>Reads a JSON object as a context; throws <see cref="JsonException"/> when it is not one.</summary>
    public static OrderedDictionary<string, object?> ReadObject(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new JsonException($"Expected a JSON object, got {element.ValueKind}.");
        var context = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject()) context[property.Name] = Read(property.Value);
        return context;
    }

    private static List<object?> ReadArray(JsonElement element)
    {
        var list = new List<object?>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray()) list.Add(Read(item));
        return list;
    }

    private static object ReadNumber(JsonElement element)
    {
        // TryGetDecimal rounds silently past 28 digits and flushes 1e-30 to 0, so only short plain numbers take it.
        var raw = element.GetRawText();
        if (raw.Length <= 28 && raw.AsSpan().IndexOfAny('e', 'E') < 0 && element.TryGetDecimal(out var value)) return value;
        if (FeelNumber.TryParse(raw, out var number)) return number.ToValue();
        throw new JsonException($"The number {raw} is outside decimal128's range.");
    }

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case string s: writer.WriteStringValue(s); break;
            case decimal d: WriteDecimal(writer, d); break;
            case FeelNumber n: writer.WriteRawValue(n.ToString(), skipInputValidation: true); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double f: writer.WriteNumberValue(f); break;
            case DateOnly date: writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset dto: writer.WriteStringValue(dto.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)); break;
            case DateTime dt: writer.WriteStringValue(dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)); break;
            case TimeSpan span: writer.WriteStringValue(XmlConvert.ToString(span)); break;
            case IReadOnlyDictionary<string, object?> context:
                writer.WriteStartObject();
                foreach (var (key, item) in context)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }
                writer.WriteEndObject();
                break;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray();
                foreach (var item in list) Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                // FEEL's own temporal and range types print their ISO / FEEL form.
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    /// <summary>Writes a decimal without trailing zeros, so 1.50 round-trips as 1.5 and 2.0 as 2.</summary>
    private static void WriteDecimal(Utf8JsonWriter writer, decimal value)
    {
        Span<char> buffer = stackalloc char[64];
        var normalized = value / 1.000000000000000000000000000000000m;
        if (normalized.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
            writer.WriteRawValue(buffer[..written], skipInputValidation: true);
        else
            writer.WriteNumberValue(value);
    }

    public static string Serialize(object? value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer, value);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
