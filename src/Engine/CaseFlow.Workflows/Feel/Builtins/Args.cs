namespace CaseFlow.Workflows.Feel;

/// <summary>Argument checks shared by the built-ins.</summary>
internal static class Args
{
    /// <summary>
    /// The result for arguments a built-in cannot use: null, with a warning unless an argument was null
    /// (a null input yields a null result silently, as operators do).
    /// </summary>
    public static object? Invalid(Env env, string function, object?[] args)
    {
        if (args.Any(a => a is null)) return null;
        return env.Fail($"Function '{function}' cannot be applied to ({string.Join(", ", args.Select(FeelValue.TypeName))})");
    }

    public static object? Arg(this object?[] args, int i) => i < args.Length ? args[i] : null;

    public static bool Has(this object?[] args, int i) => i < args.Length && args[i] is not null;

    public static bool TryInt(object? value, out int result)
    {
        result = 0;
        if (value is not decimal d || d != decimal.Truncate(d) || d < int.MinValue || d > int.MaxValue) return false;
        result = (int)d;
        return true;
    }

    public static IReadOnlyList<object?>? List(object? value) =>
        value is IReadOnlyList<object?> list and not IReadOnlyDictionary<string, object?> ? list : null;

    /// <summary>Functions such as min, sum and all take either one list or the items themselves.</summary>
    public static IReadOnlyList<object?> Items(object?[] args) => args.Length == 1 && List(args[0]) is { } list ? list : args;
}
