using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Dmn;

/// <summary>The hit policies of DMN 1.5, 8.2.11: how the matched rules become one result.</summary>
internal sealed partial class DecisionTable
{
    private object? Apply(List<TableRule> matched, IVariableScope scope, EvalContext context)
    {
        switch (hitPolicy)
        {
            case HitPolicy.Unique when matched.Count > 1:
                context.Warn($"Table {Id} has hit policy UNIQUE but rules {RuleList(matched)} match; the result is null");
                return null;
            case HitPolicy.Unique or HitPolicy.First:
                return Single(matched[0], scope, context);
            case HitPolicy.Any:
                return AnyOf(matched, scope, context);
            case HitPolicy.Priority:
                return Single(ByPriority(matched, scope, context)[0].Rule, scope, context);
            case HitPolicy.OutputOrder:
                return ByPriority(matched, scope, context).Select(x => Keep(x.Rule, x.Values, context)).ToList();
            case HitPolicy.RuleOrder:
                return matched.Select(r => Keep(r, OutputsOf(r, scope, context), context)).ToList();
            default:
                return Collect(matched, scope, context);
        }
    }

    private object? Single(TableRule rule, IVariableScope scope, EvalContext context) => Keep(rule, OutputsOf(rule, scope, context), context);

    private object? Keep(TableRule rule, object?[] values, EvalContext context)
    {
        Record(context, rule, values);
        return Shape(values);
    }

    private object? AnyOf(List<TableRule> matched, IVariableScope scope, EvalContext context)
    {
        var first = OutputsOf(matched[0], scope, context);
        var all = new List<object?[]> { first };
        for (var i = 1; i < matched.Count; i++)
        {
            var other = OutputsOf(matched[i], scope, context);
            if (!SameOutputs(first, other))
            {
                context.Warn($"Table {Id} has hit policy ANY but rules {matched[0].Index} and {matched[i].Index} give different outputs; the result is null");
                return null;
            }
            all.Add(other);
        }
        for (var i = 0; i < matched.Count; i++) Record(context, matched[i], all[i]);
        return Shape(first);
    }

    private static bool SameOutputs(object?[] a, object?[] b)
    {
        for (var o = 0; o < a.Length; o++)
        {
            if (FeelValue.FeelEquals(a[o], b[o]) != true) return false;
        }
        return true;
    }

    /// <summary>Matched rules sorted by their outputs' positions in the outputValues lists (first output first);
    /// a value not in the list sorts last, ties keep rule order.</summary>
    private List<(TableRule Rule, object?[] Values)> ByPriority(List<TableRule> matched, IVariableScope scope, EvalContext context)
    {
        var evaluated = matched.Select(r => (Rule: r, Values: OutputsOf(r, scope, context))).ToList();
        return evaluated.OrderBy(x => x, Comparer<(TableRule Rule, object?[] Values)>.Create(ComparePriority)).ThenBy(x => x.Rule.Index).ToList();
    }

    private int ComparePriority((TableRule Rule, object?[] Values) x, (TableRule Rule, object?[] Values) y)
    {
        for (var o = 0; o < outputs.Count; o++)
        {
            if (outputs[o].Priorities is not { } order) continue;
            var c = Rank(order, x.Values[o]).CompareTo(Rank(order, y.Values[o]));
            if (c != 0) return c;
        }
        return 0;
    }

    private static int Rank(IReadOnlyList<object?> order, object? value)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (FeelValue.FeelEquals(order[i], value) == true) return i;
        }
        return int.MaxValue;
    }

    private object? Collect(List<TableRule> matched, IVariableScope scope, EvalContext context)
    {
        var results = new List<object?>(matched.Count);
        foreach (var rule in matched)
        {
            var values = OutputsOf(rule, scope, context);
            Record(context, rule, values);
            results.Add(Shape(values));
        }
        if (aggregation == CollectAggregation.None) return results;
        if (aggregation == CollectAggregation.Count) return (decimal)results.Count;
        var present = results.Where(r => r is not null).ToList();
        if (present.Count == 0) return null;
        if (aggregation == CollectAggregation.Sum)
        {
            object? sum = 0m;
            var warnings = new List<string>();
            foreach (var value in present)
            {
                if (!Numbers.IsNumber(value))
                {
                    context.Warn($"Table {Id} sums its outputs (C+) but {FeelValue.TypeName(value)} is not a number; the result is null");
                    return null;
                }
                sum = Ops.Add(sum, value, new Env(DictionaryScope.Empty, warnings));
            }
            foreach (var warning in warnings) context.Warn($"Table {Id} sums its outputs (C+): {warning}");
            return sum;
        }
        var best = present[0];
        foreach (var value in present.Skip(1))
        {
            if (Ops.Compare(value, best) is not { } c)
            {
                context.Warn($"Table {Id} cannot compare {FeelValue.TypeName(value)} with {FeelValue.TypeName(best)} for C{(aggregation == CollectAggregation.Min ? "<" : ">")}; the result is null");
                return null;
            }
            if (aggregation == CollectAggregation.Min ? c < 0 : c > 0) best = value;
        }
        return best;
    }

    private static string RuleList(IEnumerable<TableRule> rules) => string.Join(", ", rules.Select(r => r.Index));
}
