using System.Diagnostics.CodeAnalysis;

namespace CaseFlow.Workflows.Feel;

/// <summary>The body of a built-in: receives arguments already imported to FEEL values, in parameter order.</summary>
internal delegate object? BuiltinBody(object?[] args, Env env);

/// <summary>One signature of a built-in. Trailing optional parameters may be absent from the argument array;
/// a variadic last parameter collects the rest of the arguments.</summary>
internal sealed class BuiltinOverload(string[] parameters, int required, bool variadic, bool pure, BuiltinBody body)
{
    public string[] Parameters => parameters;
    public int Required => required;

    /// <summary>Same arguments, same result: calls with literal arguments may be evaluated at compile time.</summary>
    public bool Pure => pure;

    public bool Accepts(int count) => count >= required && (variadic || count <= parameters.Length);

    public object? Invoke(object?[] args, Env env)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is not (null or decimal or string or bool)) args[i] = FeelValue.Import(args[i]);
        }
        return body(args, env);
    }
}

internal sealed class BuiltinFunction(string name) : FeelFunction
{
    internal readonly List<BuiltinOverload> Overloads = [];

    public override string Name => name;
    public override IReadOnlyList<string> Parameters => Overloads[0].Parameters;

    public BuiltinOverload? Resolve(int count) => Overloads.FirstOrDefault(o => o.Accepts(count));

    /// <summary>Picks the signature whose parameter names cover <paramref name="names"/> (preferring one whose
    /// required parameters are all given) and reports where each named argument goes.</summary>
    public BuiltinOverload? Resolve(IReadOnlyList<string> names, out int[]? positions)
    {
        var candidates = Overloads.Where(o => names.All(n => o.Parameters.Contains(n))).ToList();
        var chosen = candidates.FirstOrDefault(o => o.Parameters.Take(o.Required).All(names.Contains)) ?? candidates.FirstOrDefault();
        positions = chosen is null ? null : names.Select(n => Array.IndexOf(chosen.Parameters, n)).ToArray();
        return chosen;
    }

    /// <summary>Lays named arguments out by position; unnamed parameters are null.</summary>
    public static object?[] Arrange(BuiltinOverload overload, int[] positions, object?[] values)
    {
        var width = Math.Max(overload.Required, positions.Length == 0 ? 0 : positions.Max() + 1);
        var args = new object?[width];
        for (var i = 0; i < positions.Length; i++) args[positions[i]] = values[i];
        return args;
    }

    internal override object? Invoke(object?[] args, Env env) =>
        Resolve(args.Length) is { } o ? o.Invoke(args, env) : env.Fail(ArityMessage(args.Length));

    internal override object? InvokeNamed(string[] names, object?[] values, Env env) =>
        Resolve(names, out var positions) is { } o ? o.Invoke(Arrange(o, positions!, values), env) : env.Fail(NamesMessage(names));

    public string ArityMessage(int count) =>
        $"Function '{name}' does not take {count} argument(s); expected ({string.Join(" | ", Overloads.Select(o => string.Join(", ", o.Parameters)))})";

    public string NamesMessage(IEnumerable<string> names) =>
        $"Function '{name}' has no parameters named ({string.Join(", ", names)}); expected ({string.Join(" | ", Overloads.Select(o => string.Join(", ", o.Parameters)))})";
}

/// <summary>The table of built-in functions, filled by one Register method per family.</summary>
internal static class Builtins
{
    private static readonly Dictionary<string, BuiltinFunction> Table = Build();

    public static bool TryGet(string name, [NotNullWhen(true)] out BuiltinFunction? function) => Table.TryGetValue(name, out function);

    private static Dictionary<string, BuiltinFunction> Build()
    {
        var registry = new BuiltinRegistry();
        ConversionFunctions.Register(registry);
        StringFunctions.Register(registry);
        ListFunctions.Register(registry);
        NumericFunctions.Register(registry);
        TemporalFunctions.Register(registry);
        ContextFunctions.Register(registry);
        ListEditFunctions.Register(registry);
        StatisticsFunctions.Register(registry);
        CalendarFunctions.Register(registry);
        RangeFunctions.Register(registry);
        RangeParsing.Register(registry);
        return registry.Table;
    }
}

internal sealed class BuiltinRegistry
{
    public Dictionary<string, BuiltinFunction> Table { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds a signature. <paramref name="parameters"/> lists names as the spec spells them, comma separated;
    /// a trailing <c>?</c> marks an optional parameter and a trailing <c>...</c> a variadic last one.
    /// </summary>
    public void Add(string name, string parameters, BuiltinBody body, bool pure = true)
    {
        var specs = parameters.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var variadic = specs.Length > 0 && specs[^1].EndsWith("...", StringComparison.Ordinal);
        var names = specs.Select(s => s.TrimEnd('?', '.')).ToArray();
        var required = specs.TakeWhile(s => !s.EndsWith('?') && !s.EndsWith("...", StringComparison.Ordinal)).Count();
        if (!Table.TryGetValue(name, out var function)) Table[name] = function = new BuiltinFunction(name);
        function.Overloads.Add(new BuiltinOverload(names, required, variadic, pure, body));
    }
}
