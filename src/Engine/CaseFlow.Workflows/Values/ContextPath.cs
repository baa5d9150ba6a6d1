namespace CaseFlow.Workflows.Values;

/// <summary>Copy-on-write updates of nested contexts: FEEL's <c>context put</c> and mapping targets like <c>checks.verified</c>.</summary>
internal static class ContextPath
{
    /// <summary>A copy of <paramref name="context"/> (a new context when it is none) with the entry at
    /// <paramref name="keys"/> set, creating contexts on the way.</summary>
    public static OrderedDictionary<string, object?> With(object? context, IReadOnlyList<string> keys, object? value, int at = 0)
    {
        var existing = context as IReadOnlyDictionary<string, object?>;
        var copy = existing is null
            ? new OrderedDictionary<string, object?>(StringComparer.Ordinal)
            : new OrderedDictionary<string, object?>(existing, StringComparer.Ordinal);
        var key = keys[at];
        if (at == keys.Count - 1)
        {
            copy[key] = value;
            return copy;
        }
        copy.TryGetValue(key, out var inner);
        copy[key] = With(inner, keys, value, at + 1);
        return copy;
    }
}
