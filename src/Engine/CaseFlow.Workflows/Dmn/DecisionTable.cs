using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Dmn;

public enum HitPolicy { Unique, Any, Priority, First, Collect, RuleOrder, OutputOrder }

public enum CollectAggregation { None, Sum, Min, Max, Count }

internal sealed record TableInput(string? Id, string? Label, FeelExpression Expression, string? TypeRef, FeelUnaryTests? InputValues, int Line)
{
    public string Describe(int index) => $"input {index + 1}{(Label is null ? "" : $" '{Label}'")}";
}

/// <summary>An output column. <see cref="Priorities"/> is the outputValues list in order, for P and O.</summary>
internal sealed record TableOutput(string? Id, string? Name, string? Label, string? TypeRef, FeelUnaryTests? OutputValues,
    IReadOnlyList<object?>? Priorities, FeelExpression? Default, int Line)
{
    public string Describe(int index) => $"output {index + 1}{((Label ?? Name) is { } l ? $" '{l}'" : "")}";
}

/// <summary>A rule; a null input entry is <c>-</c> (matches anything), so the hot loop skips it for free.</summary>
internal sealed record TableRule(string? Id, int Index, FeelUnaryTests?[] InputEntries, FeelExpression[] OutputEntries, string? Annotation, int Line);

internal sealed partial class DecisionTable(string? id, HitPolicy hitPolicy, CollectAggregation aggregation,
    IReadOnlyList<TableInput> inputs, IReadOnlyList<TableOutput> outputs, IReadOnlyList<TableRule> rules) : BoxedExpression(id)
{
    public override string Kind => "decisionTable";
    public HitPolicy HitPolicy => hitPolicy;
    public CollectAggregation Aggregation => aggregation;
    public IReadOnlyList<TableInput> Inputs => inputs;
    public IReadOnlyList<TableOutput> Outputs => outputs;
    public IReadOnlyList<TableRule> Rules => rules;

    /// <summary>The compound name of the table's single result, or of a context's entries.</summary>
    public bool SingleOutput => outputs.Count == 1;

    public static string Code(HitPolicy policy, CollectAggregation aggregation) => policy switch
    {
        HitPolicy.Unique => "U", HitPolicy.Any => "A", HitPolicy.Priority => "P", HitPolicy.First => "F",
        HitPolicy.RuleOrder => "R", HitPolicy.OutputOrder => "O",
        _ => aggregation switch
        {
            CollectAggregation.Sum => "C+", CollectAggregation.Min => "C<", CollectAggregation.Max => "C>", CollectAggregation.Count => "C#", _ => "C",
        },
    };

    public static bool TryParseHitPolicy(string? text, out HitPolicy policy)
    {
        policy = HitPolicy.Unique;
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "" or "UNIQUE" or "U": return true;
            case "ANY" or "A": policy = HitPolicy.Any; return true;
            case "PRIORITY" or "P": policy = HitPolicy.Priority; return true;
            case "FIRST" or "F": policy = HitPolicy.First; return true;
            case "COLLECT" or "C": policy = HitPolicy.Collect; return true;
            case "RULE ORDER" or "R": policy = HitPolicy.RuleOrder; return true;
            case "OUTPUT ORDER" or "O": policy = HitPolicy.OutputOrder; return true;
            default: return false;
        }
    }

    public static bool TryParseAggregation(string? text, out CollectAggregation aggregation)
    {
        aggregation = CollectAggregation.None;
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "": return true;
            case "SUM": aggregation = CollectAggregation.Sum; return true;
            case "MIN": aggregation = CollectAggregation.Min; return true;
            case "MAX": aggregation = CollectAggregation.Max; return true;
            case "COUNT": aggregation = CollectAggregation.Count; return true;
            default: return false;
        }
    }
}
