using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Feel;

/// <summary>get value, get entries, context put, context merge. New contexts keep insertion order.</summary>
internal static class ContextFunctions
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("get value", "m, key", GetValue);
        r.Add("get entries", "m", GetEntries);
        r.Add("context put", "context, key, value", Put);
        r.Add("context put", "context, keys, value", Put);
        r.Add("context merge", "contexts", Merge);
        r.Add("context", "entries", FromEntries);
    }

    /// <summary>The inverse of get entries: a list of {key, value} contexts; a repeated key is an error.</summary>
    private static object? FromEntries(object?[] a, Env e)
    {
        if (Args.List(a[0]) is not { } list) return Args.Invalid(e, "context", a);
        var result = new OrderedDictionary<string, object?>(list.Count);
        foreach (var item in list)
        {
            if (Context(item) is not { } entry || !entry.TryGetValue("key", out var k) || k is not string key || !entry.ContainsKey("value"))
                return e.Fail("Function 'context': every item must be a context with a string 'key' and a 'value'");
            if (!result.TryAdd(key, entry["value"])) return e.Fail($"Function 'context': duplicate key '{key}'");
        }
        return result;
    }

    private static IReadOnlyDictionary<string, object?>? Context(object? v) => v as IReadOnlyDictionary<string, object?>;

    /// <summary>A missing key is null without a warning: asking is the point of get value.</summary>
    private static object? GetValue(object?[] a, Env e)
    {
        if (Context(a[0]) is not { } context) return Args.Invalid(e, "get value", a);
        if (a[1] is string key) return context.TryGetValue(key, out var v) ? v : null;
        if (Args.List(a[1]) is not { } path || path.Count == 0) return Args.Invalid(e, "get value", a);
        object? current = context;
        foreach (var step in path)
        {
            if (step is not string k || Context(current) is not { } c) return null;
            if (!c.TryGetValue(k, out current)) return null;
        }
        return current;
    }

    private static object? GetEntries(object?[] a, Env e)
    {
        if (Context(a[0]) is not { } context) return Args.Invalid(e, "get entries", a);
        var entries = new List<object?>(context.Count);
        foreach (var (key, value) in context)
        {
            entries.Add(new OrderedDictionary<string, object?> { ["key"] = key, ["value"] = value });
        }
        return entries;
    }

    /// <summary>Returns a copy with the entry set; a list of keys sets a nested entry, creating contexts on the way.</summary>
    private static object? Put(object?[] a, Env e)
    {
        if (Context(a[0]) is not { } context) return Args.Invalid(e, "context put", a);
        if (a[1] is string key) return ContextPath.With(context, [key], a[2]);
        if (Args.List(a[1]) is not { Count: > 0 } keys || keys.Any(k => k is not string)) return Args.Invalid(e, "context put", a);
        return ContextPath.With(context, keys.Cast<string>().ToArray(), a[2]);
    }

    private static object? Merge(object?[] a, Env e)
    {
        if (Args.List(a[0]) is not { } list) return Args.Invalid(e, "context merge", a);
        var merged = new OrderedDictionary<string, object?>();
        foreach (var item in list)
        {
            if (Context(item) is not { } c) return e.Fail($"Function 'context merge': {FeelValue.TypeName(item)} is not a context");
            foreach (var (key, value) in c) merged[key] = value;
        }
        return merged;
    }
}
