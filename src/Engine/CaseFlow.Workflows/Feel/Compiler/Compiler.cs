namespace CaseFlow.Workflows.Feel;

/// <summary>
/// Turns the syntax tree into a tree of closures once, at parse time. Each closure does only its own
/// node's work at run time: no tree walking, no dispatch on node kinds.
/// </summary>
internal sealed partial class Compiler
{
    /// <summary>Names bound by the expression itself (parameters, loop variables, context entries, <c>item</c>):
    /// a call through one of these may reach a user function rather than the built-in of that name.</summary>
    private readonly List<string> _locals = [];

    public static Eval Compile(Node node) => new Compiler().Node(node);

    private Eval Node(Node node) => node switch
    {
        LiteralNode l => Constant(l.Value),
        NameNode n => Name(n.Name),
        InputNode => Name("?"),
        PathNode p => Path(p),
        FilterNode f => Filter(f),
        CallNode c => Call(c),
        BinaryNode b => Binary(b),
        NegateNode n => Negate(n),
        IfNode i => If(i),
        ForNode f => For(f),
        QuantifiedNode q => Quantified(q),
        InNode i => In(i),
        BetweenNode b => Between(b),
        InstanceOfNode i => InstanceOf(i),
        ListNode l => List(l),
        ContextNode c => Context(c),
        RangeNode r => Range(r),
        FunctionNode f => Function(f),
        _ => throw new InvalidOperationException($"Unknown node {node.GetType().Name}"),
    };

    private T WithLocals<T>(IEnumerable<string> names, Func<T> compile)
    {
        var count = _locals.Count;
        _locals.AddRange(names);
        try { return compile(); }
        finally { _locals.RemoveRange(count, _locals.Count - count); }
    }

    private static Eval Constant(object? value) => _ => value;

    private static Eval Name(string name) => env =>
    {
        if (env.Scope.TryGetVariable(name, out var value)) return value;
        // A built-in named without a call is a function value, e.g. for sort's precedes argument.
        return Builtins.TryGet(name, out var builtin) ? builtin : env.Fail($"No variable found with name '{name}'");
    };

    private Eval Path(PathNode p)
    {
        var target = Node(p.Target);
        var member = p.Member;
        return env => Member(target(env), member, env);
    }

    /// <summary><c>value.name</c>: a context entry, the entry of each element of a list, or a property of a temporal value or range.</summary>
    private static object? Member(object? value, string member, Env env)
    {
        if (value is IReadOnlyDictionary<string, object?> context)
            return context.TryGetValue(member, out var v) ? v : env.Fail($"No context entry found with key '{member}'");
        if (value is null) return null;
        if (value is IReadOnlyList<object?> list)
        {
            var result = new List<object?>(list.Count);
            for (var i = 0; i < list.Count; i++) result.Add(Member(list[i], member, env));
            return result;
        }
        return FeelValue.Import(value) is { } imported ? Properties.Get(imported, member, env) : null;
    }

    private Eval Filter(FilterNode f)
    {
        var target = Node(f.Target);
        if (f.Condition is LiteralNode { Value: decimal or FeelNumber } literal) return env => Index(AsList(target(env)), literal.Value, env);
        var condition = WithLocals(["item"], () => Node(f.Condition));
        return env =>
        {
            var list = AsList(target(env));
            if (list is null) return null;
            if (list.Count == 0)
            {
                // Nothing to bind item to: a probe decides whether this was meant as an index (null) or a filter ([]).
                return Feel.Numbers.IsNumber(condition(env.Muted.With(new FilterScope(null, env.Scope)))) ? null : new List<object?>();
            }
            var result = new List<object?>();
            for (var i = 0; i < list.Count; i++)
            {
                var keep = condition(env.With(new FilterScope(list[i], env.Scope)));
                // A number (computed, e.g. list[n - 1]) means an index; it cannot depend on item, so the first answer decides.
                if (i == 0 && FeelValue.Import(keep) is decimal or FeelNumber) return Index(list, FeelValue.Import(keep), env);
                if (keep is true) result.Add(list[i]);
            }
            return result;
        };
    }

    /// <summary>FEEL treats a single value as a list of one wherever a list is expected.</summary>
    internal static IReadOnlyList<object?>? AsList(object? value) => value switch
    {
        null => null,
        IReadOnlyList<object?> list and not IReadOnlyDictionary<string, object?> => list,
        _ => [value],
    };

    private static object? Index(IReadOnlyList<object?>? list, object? number, Env env)
    {
        if (list is null) return null;
        // A number decimal cannot hold has over 28 digits: a fraction, or far beyond any list's length.
        if (number is not decimal index)
            return env.Fail($"List index {FeelValue.ToFeelString(number)} is {(((FeelNumber)number!).IsInteger ? "out of range" : "not an integer")}");
        if (index != decimal.Truncate(index)) return env.Fail($"List index {FeelValue.FormatNumber(index)} is not an integer");
        var i = index > 0 ? index - 1 : list.Count + index;
        return index != 0 && i >= 0 && i < list.Count ? list[(int)i] : env.Fail($"List index {FeelValue.FormatNumber(index)} is out of range for a list of {list.Count}");
    }

    private Eval If(IfNode i)
    {
        var condition = Node(i.Condition);
        var then = Node(i.Then);
        var otherwise = Node(i.Else);
        // Anything but true, including null, selects the else branch.
        return env => condition(env) is true ? then(env) : otherwise(env);
    }

    private Eval InstanceOf(InstanceOfNode i)
    {
        var value = Node(i.Value);
        var type = i.Type;
        return env => Boxes.Bool(type.IsInstance(value(env)));
    }

    private Eval List(ListNode l)
    {
        var items = l.Items.Select(Node).ToArray();
        return env =>
        {
            var list = new List<object?>(items.Length);
            foreach (var item in items) list.Add(item(env));
            return list;
        };
    }

    private Eval Context(ContextNode c)
    {
        var keys = c.Entries.Select(e => e.Key).ToArray();
        var values = new Eval[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var entry = c.Entries[i].Value;
            values[i] = WithLocals(keys.Take(i), () => Node(entry));
        }
        return env =>
        {
            var context = new OrderedDictionary<string, object?>(keys.Length);
            // Later entries see earlier ones; a function entry sees all of them, so it can recurse.
            var inner = env.With(new ContextScope(context, env.Scope));
            for (var i = 0; i < keys.Length; i++) context[keys[i]] = values[i](inner);
            return context;
        };
    }

    private Eval Function(FunctionNode f)
    {
        var parameters = f.Parameters.ToArray();
        var body = WithLocals(parameters, () => Node(f.Body));
        return env => new LambdaFunction(parameters, body, env.Scope);
    }
}
