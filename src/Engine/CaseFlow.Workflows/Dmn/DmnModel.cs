using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Dmn;

/// <summary>The decisions, input data and knowledge of one DMN file (its <c>definitions</c>), linked by requirements.
/// Immutable after parsing; evaluate from any number of threads.</summary>
public sealed class DecisionRequirementsGraph
{
    internal DecisionRequirementsGraph(string? id, string? name, string? ns, IReadOnlyList<DmnDecision> decisions,
        IReadOnlyList<DmnInputData> inputData, IReadOnlyList<DmnBusinessKnowledgeModel> knowledge, TypeRegistry types)
    {
        Id = id;
        Name = name;
        Namespace = ns;
        Decisions = decisions;
        InputData = inputData;
        BusinessKnowledgeModels = knowledge;
        Types = types;
        // Every model sees all the others by name (a knowledge requirement only documents the dependency).
        var byName = new Dictionary<string, object?>(StringComparer.Ordinal);
        var closure = new DictionaryScope(byName);
        foreach (var model in knowledge)
        {
            var function = new BoxedFunction(model.Name, [.. model.Parameters], [.. model.ParameterTypes], model.Body, closure, model.Id, types);
            _functions[model] = function;
            byName[model.Name] = function;
        }
    }

    private readonly Dictionary<DmnBusinessKnowledgeModel, BoxedFunction> _functions = [];

    internal BoxedFunction KnowledgeFunction(DmnBusinessKnowledgeModel model) => _functions[model];

    public string? Id { get; }
    public string? Name { get; }
    public string? Namespace { get; }
    public IReadOnlyList<DmnDecision> Decisions { get; }
    public IReadOnlyList<DmnInputData> InputData { get; }
    public IReadOnlyList<DmnBusinessKnowledgeModel> BusinessKnowledgeModels { get; }
    internal TypeRegistry Types { get; }

    /// <summary>A decision by id, or else by name (ids are what BPMN's calledDecision uses; names are what people type).</summary>
    public DmnDecision? FindDecision(string idOrName) =>
        Decisions.FirstOrDefault(d => d.Id == idOrName) ?? Decisions.FirstOrDefault(d => d.Name == idOrName);

    public DecisionResult Evaluate(string decisionIdOrName, IVariableScope variables) =>
        FindDecision(decisionIdOrName) is { } decision
            ? decision.Evaluate(variables)
            : new DecisionResult(null, [], [$"No decision with id or name '{decisionIdOrName}'"]);

    public DecisionResult Evaluate(string decisionIdOrName, IReadOnlyDictionary<string, object?> variables) =>
        Evaluate(decisionIdOrName, new DictionaryScope(variables));
}

/// <summary>A decision: its logic (a decision table, literal expression, context...) and what it requires.</summary>
public sealed class DmnDecision
{
    internal DmnDecision(string id, string name, int? line) { Id = id; Name = name; Line = line; }

    public string Id { get; }
    public string Name { get; }
    public int? Line { get; }
    public string? TypeRef { get; internal set; }
    public IReadOnlyList<DmnDecision> RequiredDecisions { get; internal set; } = [];
    public IReadOnlyList<DmnInputData> RequiredInputs { get; internal set; } = [];
    public IReadOnlyList<DmnBusinessKnowledgeModel> RequiredKnowledge { get; internal set; } = [];

    /// <summary>Kind of the top-level boxed expression: decisionTable, literalExpression, context, relation, list, invocation.</summary>
    public string? ExpressionKind => Logic?.Kind;

    internal BoxedExpression? Logic { get; set; }
    internal DecisionRequirementsGraph Graph { get; set; } = null!;

    /// <summary>Evaluates the required decisions first (each once), then this one. Never throws for model or
    /// FEEL errors: they give a null result and a warning.</summary>
    public DecisionResult Evaluate(IVariableScope variables) => new DecisionEngine(Graph).Evaluate(this, variables);

    public DecisionResult Evaluate(IReadOnlyDictionary<string, object?> variables) => Evaluate(new DictionaryScope(variables));

    public override string ToString() => $"decision {Id} '{Name}'";
}

public sealed record DmnInputData(string Id, string Name, string? TypeRef);

/// <summary>A business knowledge model: a function (parameters and a boxed body) decisions call by name.</summary>
public sealed class DmnBusinessKnowledgeModel
{
    internal DmnBusinessKnowledgeModel(string id, string name) { Id = id; Name = name; }

    public string Id { get; }
    public string Name { get; }
    public IReadOnlyList<string> Parameters { get; internal set; } = [];
    internal IReadOnlyList<string?> ParameterTypes { get; set; } = [];
    internal BoxedExpression? Body { get; set; }
    public IReadOnlyList<DmnBusinessKnowledgeModel> RequiredKnowledge { get; internal set; } = [];
}

/// <summary>The outcome of evaluating a decision.</summary>
/// <param name="Result">A single value, a context for several outputs, or a list for multi-hit tables.</param>
/// <param name="MatchedRules">The decision-table rules that produced the result, across the required decisions too.</param>
/// <param name="Warnings">Why a value became null: FEEL errors, hit-policy violations, values outside allowed values.</param>
public sealed record DecisionResult(object? Result, IReadOnlyList<MatchedRule> MatchedRules, IReadOnlyList<string> Warnings);

/// <summary>One rule of a decision table that matched and counted towards the result.</summary>
/// <param name="RuleIndex">1-based, as the modeler numbers rows.</param>
public sealed record MatchedRule(string DecisionId, string RuleId, int RuleIndex, string? Annotation, IReadOnlyDictionary<string, object?> Outputs);
