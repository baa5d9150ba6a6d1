using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Feel;

internal sealed partial class Compiler
{
    /// <summary>The iteration contexts of a for/some/every, compiled: each source sees the variables bound before it.</summary>
    private sealed class IterationPlan(string[] names, Eval[] sources, Eval?[] ends)
    {
        public string[] Names => names;

        /// <summary>Visits the cartesian product; <paramref name="visit"/> returns false to stop early.
        /// Returns null when a source could not be iterated (an error already reported), else whether it ran to the end.</summary>
        public bool? Run(Env env, Func<IVariableScope, bool> visit) => Run(0, env.Scope, env, visit);

        private bool? Run(int k, IVariableScope scope, Env env, Func<IVariableScope, bool> visit)
        {
            var at = env.With(scope);
            var items = Sequence(sources[k](at), ends[k] is { } end ? end(at) : null, ends[k] is not null, env);
            if (items is null) return null;
            foreach (var item in items)
            {
                var inner = new BindingScope(names[k], item, scope);
                var more = k == names.Length - 1 ? visit(inner) : Run(k + 1, inner, env, visit);
                if (more != true) return more;
            }
            return true;
        }
    }

    private IterationPlan Iterations(IReadOnlyList<Iteration> iterations)
    {
        var names = iterations.Select(i => i.Name).ToArray();
        var sources = new Eval[names.Length];
        var ends = new Eval?[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var it = iterations[i];
            sources[i] = WithLocals(names.Take(i), () => Node(it.Source));
            ends[i] = it.End is null ? null : WithLocals(names.Take(i), () => Node(it.End));
        }
        return new IterationPlan(names, sources, ends);
    }

    private Eval For(ForNode f)
    {
        var plan = Iterations(f.Iterations);
        var usesPartial = NodeQueries.Mentions(f.Body, "partial");
        var body = WithLocals([.. plan.Names, "partial"], () => Node(f.Body));
        return env =>
        {
            var results = new List<object?>();
            var completed = plan.Run(env, scope =>
            {
                // partial is a snapshot: the live list could end up containing itself.
                if (usesPartial) scope = new BindingScope("partial", results.ToArray(), scope);
                results.Add(body(env.With(scope)));
                return true;
            });
            return completed is null ? null : results;
        };
    }

    /// <summary>some: true when any condition is true, else false. every: true when all are true, else false.
    /// A null condition counts as not satisfied, as the DMN text reads.</summary>
    private Eval Quantified(QuantifiedNode q)
    {
        var plan = Iterations(q.Iterations);
        var condition = WithLocals(plan.Names, () => Node(q.Condition));
        var every = q.Every;
        return env =>
        {
            var decided = false;
            var completed = plan.Run(env, scope =>
            {
                var satisfied = condition(env.With(scope)) is true;
                decided = satisfied != every;
                return !decided;
            });
            if (completed is null) return null;
            return Boxes.Bool(decided ? !every : every);
        };
    }

    /// <summary>What an iteration context ranges over: a list, an integer or date sequence (a..b), the
    /// integers of a bounded range, or a single value as a list of one.</summary>
    private static IEnumerable<object?>? Sequence(object? source, object? end, bool hasEnd, Env env)
    {
        source = FeelValue.Import(source);
        if (hasEnd)
        {
            return (source, FeelValue.Import(end)) switch
            {
                (decimal a, decimal b) when IsInteger(a) && IsInteger(b) => Numbers(a, b),
                (DateOnly a, DateOnly b) => Dates(a, b),
                _ => Fail<IEnumerable<object?>>(env, $"Cannot iterate from {FeelValue.TypeName(source)} to {FeelValue.TypeName(end)}: expected integers or dates"),
            };
        }
        switch (source)
        {
            case null:
                return Fail<IEnumerable<object?>>(env, "Cannot iterate over null");
            case IReadOnlyList<object?> list and not IReadOnlyDictionary<string, object?>:
                return list;
            case FeelRange { Start: decimal a, End: decimal b } r when IsInteger(a) && IsInteger(b):
                var from = r.StartIncluded ? a : a + 1;
                var to = r.EndIncluded ? b : b - 1;
                return from <= to ? Numbers(from, to) : [];
            case FeelRange:
                return Fail<IEnumerable<object?>>(env, "Only ranges of integers with both ends can be iterated");
            default:
                return [source];
        }
    }

    private static bool IsInteger(decimal d) => d == decimal.Truncate(d);

    private static IEnumerable<object?> Numbers(decimal from, decimal to)
    {
        var step = from <= to ? 1 : -1;
        for (var n = from; step > 0 ? n <= to : n >= to; n += step) yield return n;
    }

    private static IEnumerable<object?> Dates(DateOnly from, DateOnly to)
    {
        var step = from <= to ? 1 : -1;
        for (var d = from; step > 0 ? d <= to : d >= to; d = d.AddDays(step))
        {
            yield return d;
            if (d == to) yield break;
        }
    }

    private static T? Fail<T>(Env env, string message) where T : class
    {
        env.Fail(message);
        return null;
    }
}
