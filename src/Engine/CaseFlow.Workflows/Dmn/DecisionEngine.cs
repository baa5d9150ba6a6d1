using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Dmn;

/// <summary>
/// Evaluates decisions of one graph. Required decisions run first, each once per call, and their results
/// are visible by decision name; input data are read from the caller's variables by name and checked
/// against their types; business knowledge models are functions in scope by name.
/// </summary>
/// <remarks>The caller's variables stay visible under the decision's own names, so a decision deployed
/// without inputData (as dmn-js writes them for Zeebe) still reads process variables.</remarks>
public sealed class DecisionEngine(DecisionRequirementsGraph graph)
{
    public DecisionRequirementsGraph Graph => graph;

    public DecisionResult Evaluate(string decisionIdOrName, IVariableScope variables) => graph.Evaluate(decisionIdOrName, variables);

    public DecisionResult Evaluate(DmnDecision decision, IVariableScope variables)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(variables);
        var warnings = new List<string>();
        var matched = new List<MatchedRule>();
        var context = new EvalContext(decision.Id, warnings, matched, graph.Types);
        object? result;
        try
        {
            result = Resolve(decision, variables, new Dictionary<DmnDecision, object?>(), [], context);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            warnings.Add($"Decision '{decision.Name}' failed: {e.Message}");
            result = null;
        }
        return new DecisionResult(result, matched, warnings);
    }

    private object? Resolve(DmnDecision decision, IVariableScope variables, Dictionary<DmnDecision, object?> done,
        HashSet<DmnDecision> visiting, EvalContext context)
    {
        if (done.TryGetValue(decision, out var known)) return known;
        if (!visiting.Add(decision))
        {
            context.Warn($"Decision '{decision.Name}' requires itself");
            return null;
        }
        var local = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var model in graph.BusinessKnowledgeModels) local[model.Name] = Knowledge(model);
        foreach (var input in decision.RequiredInputs)
        {
            if (variables.TryGetVariable(input.Name, out var value))
                local[input.Name] = graph.Types.Fits(value, input.TypeRef) ? value : context.Conform(value, input.TypeRef, $"Input data '{input.Name}'");
        }
        foreach (var required in decision.RequiredDecisions)
        {
            local[required.Name] = Resolve(required, variables, done, visiting, context.For(required.Id));
        }
        var scoped = context.For(decision.Id);
        object? result = null;
        if (decision.Logic is { } logic)
        {
            result = logic.Evaluate(local.Count == 0 ? variables : new DictionaryScope(local, variables), scoped);
            if (!graph.Types.Fits(result, decision.TypeRef)) result = scoped.Conform(result, decision.TypeRef, $"Decision '{decision.Name}'");
        }
        else
        {
            context.Warn($"Decision '{decision.Name}' has no decision logic");
        }
        visiting.Remove(decision);
        done[decision] = result;
        return result;
    }

    private BoxedFunction Knowledge(DmnBusinessKnowledgeModel model) => graph.KnowledgeFunction(model);
}
