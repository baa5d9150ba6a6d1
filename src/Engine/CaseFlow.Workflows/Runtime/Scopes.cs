using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Runtime;

internal sealed class RootScope(InstanceState state) : IVariableScope
{
    public bool TryGetVariable(string name, out object? value) => state.Variables.TryGetValue(name, out value);
}

/// <summary>Looks a name up in an element instance's locals, then outwards to the process.</summary>
internal sealed class ElementScope(InstanceState state, long key) : IVariableScope
{
    public bool TryGetVariable(string name, out object? value)
    {
        for (long? current = key; current is not null;)
        {
            if (!state.Elements.TryGetValue(current.Value, out var element)) break;
            if (element.Variables is { } locals && locals.TryGetValue(name, out value)) return true;
            current = element.ScopeKey;
        }
        return state.Variables.TryGetValue(name, out value);
    }
}
