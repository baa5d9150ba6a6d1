using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Feel;

/// <summary>
/// What a compiled node needs at run time. A struct passed by value so that evaluating a simple
/// condition allocates nothing; nested scopes are new <see cref="IVariableScope"/> links, not copies.
/// </summary>
internal readonly struct Env(IVariableScope scope, ICollection<string>? warnings)
{
    public readonly IVariableScope Scope = scope;
    public readonly ICollection<string>? Warnings = warnings;

    public Env With(IVariableScope scope) => new(scope, Warnings);

    /// <summary>Same scope, but warnings go nowhere: for speculative evaluations whose failures are expected.</summary>
    public Env Muted => new(Scope, null);

    /// <summary>FEEL turns every evaluation error into null; the message is kept for the caller who asked.</summary>
    public object? Fail(string message)
    {
        Warnings?.Add(message);
        return null;
    }
}

/// <summary>A compiled FEEL node.</summary>
internal delegate object? Eval(Env env);

/// <summary>One name bound over a parent scope: loop and quantifier variables, the unary-test input <c>?</c>.</summary>
internal sealed class BindingScope(string name, object? value, IVariableScope parent) : IVariableScope
{
    public bool TryGetVariable(string n, out object? v)
    {
        if (n == name) { v = value; return true; }
        return parent.TryGetVariable(n, out v);
    }
}


/// <summary>Parameters of a user-defined function over the scope the function was defined in.</summary>
internal sealed class ParameterScope(string[] names, object?[] values, IVariableScope parent) : IVariableScope
{
    public bool TryGetVariable(string n, out object? v)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i] == n) { v = i < values.Length ? values[i] : null; return true; }
        }
        return parent.TryGetVariable(n, out v);
    }
}

/// <summary>Entries of a context as names: earlier entries of a context literal, or a filtered item's fields.</summary>
internal sealed class ContextScope(IReadOnlyDictionary<string, object?> entries, IVariableScope parent) : IVariableScope
{
    public bool TryGetVariable(string n, out object? v) => entries.TryGetValue(n, out v) || parent.TryGetVariable(n, out v);
}

/// <summary>Inside <c>list[condition]</c>: the item's own entries first (when it is a context), then <c>item</c>.</summary>
internal sealed class FilterScope(object? item, IVariableScope parent) : IVariableScope
{
    public bool TryGetVariable(string n, out object? v)
    {
        if (item is IReadOnlyDictionary<string, object?> context && context.TryGetValue(n, out v)) return true;
        if (n == "item") { v = item; return true; }
        return parent.TryGetVariable(n, out v);
    }
}
