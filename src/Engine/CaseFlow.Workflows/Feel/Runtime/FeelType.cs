namespace CaseFlow.Workflows.Feel;

/// <summary>
/// A type as written after <c>instance of</c>: a base name, with element/field/parameter types for
/// <c>list&lt;T&gt;</c>, <c>range&lt;T&gt;</c>, <c>context&lt;k: T&gt;</c> and <c>function&lt;T&gt; -&gt; R</c>.
/// </summary>
internal sealed record FeelType(
    string Name,
    IReadOnlyList<FeelType>? Arguments = null,
    IReadOnlyList<KeyValuePair<string, FeelType>>? Fields = null,
    FeelType? Returns = null)
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "Any", "Null", "number", "string", "boolean", "date", "time", "date and time",
        "days and time duration", "years and months duration", "list", "context", "range", "function",
    };

    /// <summary>Null is an instance of Null only: Any is every non-null value, as the DMN TCK reads DMN 1.5
    /// (0070-feel-instance-of, <c>null instance of Any</c> is false). Host values are judged after import.</summary>
    public bool IsInstance(object? value)
    {
        value = FeelValue.Import(value);
        return Name switch
        {
            "Any" => value is not null,
            "Null" => value is null,
            "number" => value is decimal or FeelNumber,
            "string" => value is string,
            "boolean" => value is bool,
            "date" => value is DateOnly or FeelDate,
            "time" => value is FeelTime,
            "date and time" => value is FeelDateTime,
            "days and time duration" => value is TimeSpan,
            "years and months duration" => value is YearsMonthsDuration,
            "list" => value is IReadOnlyList<object?> list && value is not IReadOnlyDictionary<string, object?> && ElementsMatch(list),
            "context" => value is IReadOnlyDictionary<string, object?> context && FieldsMatch(context),
            "range" => value is FeelRange range && RangeMatches(range),
            "function" => value is FeelFunction function && (Arguments is null || Arguments.Count == function.Parameters.Count),
            _ => false,
        };
    }

    private bool ElementsMatch(IReadOnlyList<object?> list)
    {
        if (Arguments is not [var element]) return true;
        for (var i = 0; i < list.Count; i++)
        {
            if (!element.IsInstance(list[i])) return false;
        }
        return true;
    }

    private bool FieldsMatch(IReadOnlyDictionary<string, object?> context)
    {
        if (Fields is null) return true;
        foreach (var (key, type) in Fields)
        {
            if (!context.TryGetValue(key, out var v) || !type.IsInstance(v)) return false;
        }
        return true;
    }

    private bool RangeMatches(FeelRange range) =>
        Arguments is not [var element] ||
        ((range.Start is null || element.IsInstance(range.Start)) && (range.End is null || element.IsInstance(range.End)));
}
