using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Dmn;

/// <summary>Evaluation of a decision table: inputs once, rules in order, then the hit policy (DMN 1.5, 8.3).</summary>
internal sealed partial class DecisionTable
{
    public override object? Evaluate(IVariableScope scope, EvalContext context)
    {
        var values = new object?[inputs.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var value = inputs[i].Expression.Evaluate(scope, context.Warnings);
            values[i] = context.Types.Fits(value, inputs[i].TypeRef) ? value : context.Conform(value, inputs[i].TypeRef, $"Table {Id}, {inputs[i].Describe(i)}");
        }
        var matched = new List<TableRule>();
        foreach (var rule in rules)
        {
            if (Matches(rule, values, scope))
            {
                matched.Add(rule);
                // First: the rest of the table cannot change the answer.
                if (hitPolicy == HitPolicy.First) break;
            }
        }
        if (matched.Count == 0) return Unmatched(scope, context);
        return Apply(matched, scope, context);
    }

    private static bool Matches(TableRule rule, object?[] values, IVariableScope scope)
    {
        var entries = rule.InputEntries;
        for (var i = 0; i < entries.Length; i++)
        {
            // A cell that cannot compare (null) does not match; its message would repeat for every row, so none is kept.
            if (entries[i] is { } test && test.Evaluate(values[i], scope) != true) return false;
        }
        return true;
    }

    /// <summary>No rule matched: the default output entries if any (single-hit tables), else null.</summary>
    private object? Unmatched(IVariableScope scope, EvalContext context)
    {
        if (outputs.All(o => o.Default is null))
        {
            return hitPolicy == HitPolicy.Collect && aggregation == CollectAggregation.Count ? 0m
                : hitPolicy is HitPolicy.Collect or HitPolicy.RuleOrder or HitPolicy.OutputOrder && aggregation == CollectAggregation.None ? new List<object?>()
                : null;
        }
        var defaults = new object?[outputs.Count];
        for (var o = 0; o < outputs.Count; o++) defaults[o] = outputs[o].Default?.Evaluate(scope, context.Warnings);
        var single = Shape(defaults);
        return hitPolicy is HitPolicy.Collect or HitPolicy.RuleOrder or HitPolicy.OutputOrder && aggregation == CollectAggregation.None
            ? new List<object?> { single }
            : single;
    }

    /// <summary>Evaluates a rule's output entries, checking each against its column's outputValues.</summary>
    private object?[] OutputsOf(TableRule rule, IVariableScope scope, EvalContext context)
    {
        var result = new object?[outputs.Count];
        for (var o = 0; o < outputs.Count; o++)
        {
            var value = o < rule.OutputEntries.Length ? rule.OutputEntries[o].Evaluate(scope, context.Warnings) : null;
            if (!context.Types.Fits(value, outputs[o].TypeRef)) value = context.Conform(value, outputs[o].TypeRef, $"Table {Id}, rule {rule.Index}, {outputs[o].Describe(o)}");
            if (value is not null && outputs[o].OutputValues is { } allowed && allowed.Evaluate(value, scope) != true)
            {
                context.Warn($"Table {Id}, rule {rule.Index}, {outputs[o].Describe(o)}: {FeelValue.ToFeelString(value)} is not one of the output values {allowed.Source}; the output is null");
                value = null;
            }
            result[o] = value;
        }
        return result;
    }

    /// <summary>One output is its value; several make a context keyed by output name.</summary>
    private object? Shape(object?[] values)
    {
        if (SingleOutput) return values[0];
        var context = new OrderedDictionary<string, object?>(values.Length);
        for (var o = 0; o < values.Length; o++) context[outputs[o].Name ?? $"output{o + 1}"] = values[o];
        return context;
    }

    private void Record(EvalContext context, TableRule rule, object?[] values)
    {
        if (context.Matched is null) return;
        var outputsByName = new OrderedDictionary<string, object?>(values.Length);
        for (var o = 0; o < values.Length; o++) outputsByName[outputs[o].Name ?? outputs[o].Label ?? $"output{o + 1}"] = values[o];
        context.Matched.Add(new MatchedRule(context.DecisionId, rule.Id ?? $"rule{rule.Index}", rule.Index, rule.Annotation, outputsByName));
    }
}
