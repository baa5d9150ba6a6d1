using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Dmn;

/// <summary>An itemDefinition: a base type or components, optionally a collection, optionally restricted by allowed values.</summary>
internal sealed class ItemDefinition(string name)
{
    public string Name => name;
    public string? TypeRef { get; set; }
    public bool IsCollection { get; set; }
    public FeelUnaryTests? AllowedValues { get; set; }
    public List<ItemDefinition> Components { get; } = [];
}

/// <summary>Resolves typeRefs (FEEL's built-in types and the file's itemDefinitions) and applies DMN's
/// conformance rules to values crossing a decision or input boundary (DMN 1.5, 10.3.2.9.4).</summary>
internal sealed class TypeRegistry(IReadOnlyDictionary<string, ItemDefinition> items)
{
    public static readonly TypeRegistry Empty = new(new Dictionary<string, ItemDefinition>());

    private static readonly Dictionary<string, Func<object, bool>> BuiltIn = new(StringComparer.Ordinal)
    {
        ["Any"] = _ => true,
        ["string"] = v => v is string,
        ["number"] = v => v is decimal or FeelNumber,
        ["boolean"] = v => v is bool,
        ["date"] = v => v is DateOnly or FeelDate,
        ["time"] = v => v is FeelTime,
        ["dateTime"] = v => v is FeelDateTime,
        ["date and time"] = v => v is FeelDateTime,
        ["dayTimeDuration"] = v => v is TimeSpan,
        ["days and time duration"] = v => v is TimeSpan,
        ["yearMonthDuration"] = v => v is YearsMonthsDuration,
        ["years and months duration"] = v => v is YearsMonthsDuration,
        ["context"] = v => v is IReadOnlyDictionary<string, object?>,
        ["list"] = v => v is IReadOnlyList<object?> and not IReadOnlyDictionary<string, object?>,
        ["function"] = v => v is FeelFunction,
        ["range"] = v => v is FeelRange,
    };

    public static string? Strip(string? typeRef) =>
        typeRef is null ? null : typeRef.StartsWith("feel:", StringComparison.Ordinal) ? typeRef[5..] : typeRef;

    public bool IsKnown(string? typeRef) =>
        Strip(typeRef) is not { } t || BuiltIn.ContainsKey(t) || items.ContainsKey(t) || t.StartsWith("list<", StringComparison.Ordinal) || t.StartsWith("context<", StringComparison.Ordinal);

    /// <summary>True when the value already conforms as it is: the common case, checked without building a message.</summary>
    public bool Fits(object? value, string? typeRef)
    {
        if (value is null || typeRef is null) return true;
        var t = Strip(typeRef)!;
        if (BuiltIn.TryGetValue(t, out var test)) return test(value);
        return !items.ContainsKey(t) && !t.StartsWith("list<", StringComparison.Ordinal);
    }

    /// <summary>The value as the type wants it (singleton lists unwrapped or wrapped), or null with a
    /// warning when it does not conform. Unknown types accept anything (they were reported at deploy).</summary>
    public object? Conform(object? value, string? typeRef, string what, ICollection<string> warnings)
    {
        if (value is null || Strip(typeRef) is not { } t) return value;
        value = FeelValue.Import(value);
        if (TryConform(value, t, out var result, out var reason)) return result;
        warnings.Add($"{what}: {reason}; the value is null");
        return null;
    }

    private bool TryConform(object? value, string type, out object? result, out string reason)
    {
        result = value;
        reason = "";
        if (value is null) return true;
        if (items.TryGetValue(type, out var item)) return TryItem(value, item, out result, out reason);
        if (BuiltIn.TryGetValue(type, out var test))
        {
            if (test(value)) return true;
            // A list of one conforms to its item's type (DMN's "from singleton list" conversion).
            if (value is IReadOnlyList<object?> { Count: 1 } one and not IReadOnlyDictionary<string, object?> && one[0] is { } single && test(single))
            {
                result = single;
                return true;
            }
            reason = $"{FeelValue.TypeName(value)} {Short(value)} is not a {type}";
            return false;
        }
        return true;
    }

    private bool TryItem(object value, ItemDefinition item, out object? result, out string reason)
    {
        result = value;
        reason = "";
        if (item.IsCollection)
        {
            var list = value is IReadOnlyList<object?> l and not IReadOnlyDictionary<string, object?> ? l : [value];
            var converted = new List<object?>(list.Count);
            var element = new ItemDefinition(item.Name) { TypeRef = item.TypeRef, AllowedValues = item.AllowedValues };
            element.Components.AddRange(item.Components);
            foreach (var entry in list)
            {
                if (entry is null) { converted.Add(null); continue; }
                if (!TryItem(FeelValue.Import(entry)!, element, out var c, out reason)) return false;
                converted.Add(c);
            }
            result = converted;
            return true;
        }
        if (item.Components.Count > 0)
        {
            if (value is not IReadOnlyDictionary<string, object?> context)
            {
                reason = $"{FeelValue.TypeName(value)} is not a {item.Name} (a context)";
                return false;
            }
            var copy = new OrderedDictionary<string, object?>();
            foreach (var (key, entry) in context) copy[key] = entry;
            foreach (var component in item.Components)
            {
                if (!context.TryGetValue(component.Name, out var v) || v is null) continue;
                if (!TryItem(FeelValue.Import(v)!, component, out var c, out reason)) { reason = $"{component.Name}: {reason}"; return false; }
                copy[component.Name] = c;
            }
            result = copy;
            return true;
        }
        if (item.TypeRef is { } baseType && !TryConform(value, Strip(baseType)!, out result, out reason)) return false;
        if (item.AllowedValues is { } allowed && result is not null && allowed.Evaluate(result, DictionaryScope.Empty) != true)
        {
            reason = $"{Short(result)} is not one of the allowed values {allowed.Source} of {item.Name}";
            return false;
        }
        return true;
    }

    private static string Short(object? value)
    {
        var s = FeelValue.ToFeelString(value) ?? "null";
        return value is string ? $"\"{(s.Length > 40 ? s[..40] + "..." : s)}\"" : s.Length > 40 ? s[..40] + "..." : s;
    }
}
