namespace CaseFlow.Workflows.Values;

/// <summary>
/// Where an expression looks up names. Values are FEEL values: null, bool, decimal (a <c>FeelNumber</c> beyond
/// decimal's 28 digits), string,
/// <see cref="IReadOnlyList{T}"/> of values (a list), <see cref="IReadOnlyDictionary{TKey,TValue}"/>
/// from string to value (a context), or one of the temporal types in <c>CaseFlow.Workflows.Feel</c>.
/// </summary>
public interface IVariableScope
{
    bool TryGetVariable(string name, out object? value);
}

/// <summary>A scope over a plain dictionary, with an optional enclosing scope.</summary>
public sealed class DictionaryScope(IReadOnlyDictionary<string, object?> variables, IVariableScope? parent = null) : IVariableScope
{
    public static readonly IVariableScope Empty = new DictionaryScope(new Dictionary<string, object?>());

    public bool TryGetVariable(string name, out object? value)
    {
        if (variables.TryGetValue(name, out value)) return true;
        if (parent is not null) return parent.TryGetVariable(name, out value);
        value = null;
        return false;
    }
}
