namespace CaseFlow.Workflows.Feel;

/// <summary>insert before, remove, list replace, union: positions are 1-based, negative ones count from the end.</summary>
internal static class ListEditFunctions
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("insert before", "list, position, newItem", InsertBefore);
        r.Add("remove", "list, position", Remove);
        r.Add("list replace", "list, position, newItem", Replace);
        r.Add("union", "list...", Union);
    }

    /// <summary>The 0-based index of a 1-based (or negative, from the end) position, or -1 when outside the list.</summary>
    private static int Index(IReadOnlyList<object?> list, object? position) =>
        Args.TryInt(position, out var p) && p != 0 && Math.Abs(p) <= list.Count ? (p > 0 ? p - 1 : list.Count + p) : -1;

    private static object? InsertBefore(object?[] a, Env e)
    {
        if (Args.List(a[0]) is not { } list || !Args.TryInt(a[1], out _)) return Args.Invalid(e, "insert before", a);
        var at = Index(list, a[1]);
        if (at < 0) return e.Fail($"Function 'insert before': position {a[1]} is outside a list of {list.Count}");
        var result = new List<object?>(list);
        result.Insert(at, a[2]);
        return result;
    }

    private static object? Remove(object?[] a, Env e)
    {
        if (Args.List(a[0]) is not { } list || !Args.TryInt(a[1], out _)) return Args.Invalid(e, "remove", a);
        var at = Index(list, a[1]);
        if (at < 0) return e.Fail($"Function 'remove': position {a[1]} is outside a list of {list.Count}");
        var result = new List<object?>(list);
        result.RemoveAt(at);
        return result;
    }

    /// <summary>The position is a number, or a function(item, newItem) that says which items to replace.</summary>
    private static object? Replace(object?[] a, Env e)
    {
        if (Args.List(a[0]) is not { } list) return Args.Invalid(e, "list replace", a);
        var result = new List<object?>(list);
        if (a[1] is FeelFunction match)
        {
            for (var i = 0; i < result.Count; i++)
            {
                if (match.Invoke([result[i], a[2]], e) is true) result[i] = a[2];
            }
            return result;
        }
        if (!Args.TryInt(a[1], out _)) return Args.Invalid(e, "list replace", a);
        var at = Index(list, a[1]);
        if (at < 0) return e.Fail($"Function 'list replace': position {a[1]} is outside a list of {list.Count}");
        result[at] = a[2];
        return result;
    }

    private static object? Union(object?[] a, Env e)
    {
        var result = new List<object?>();
        foreach (var arg in a)
        {
            if (Args.List(arg) is not { } l) return Args.Invalid(e, "union", a);
            foreach (var item in l)
            {
                if (!Ops.ListContains(result, item)) result.Add(item);
            }
        }
        return result;
    }
}
