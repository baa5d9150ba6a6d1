namespace CaseFlow.Workflows.Feel;

/// <summary>A compiled positive unary test: true, false, or null when the input cannot be compared.</summary>
internal delegate bool? UnaryTest(object? input, Env env);

internal sealed partial class Compiler
{
    public static UnaryTest CompileUnaryTests(UnaryTestsNode node)
    {
        if (node.Kind == UnaryTestsKind.Any) return static (_, _) => true;
        var any = AnyOf(node.Tests.Select(new Compiler().Test).ToArray());
        if (node.Kind == UnaryTestsKind.Positive) return any;
        return (input, env) => !any(input, env);
    }

    private Eval In(InNode i)
    {
        var value = Node(i.Value);
        var test = AnyOf(i.Tests.Select(Test).ToArray());
        return env => Boxes.Bool(test(value(env), env));
    }

    /// <summary>Several tests hold when one does; null only when none holds and one could not tell.</summary>
    private static UnaryTest AnyOf(UnaryTest[] tests)
    {
        if (tests.Length == 1) return tests[0];
        return (input, env) =>
        {
            var unknown = false;
            foreach (var test in tests)
            {
                var r = test(input, env);
                if (r == true) return true;
                unknown |= r is null;
            }
            return unknown ? null : false;
        };
    }

    private UnaryTest Test(Node test)
    {
        var usesInput = NodeQueries.UsesInput(test);
        if (test is RangeNode r && !usesInput) return RangeTest(r);
        if (test is ListNode list && list.Items.All(x => x is LiteralNode))
        {
            // A literal list ("status in ["open", "new"]") is built once, not per evaluation.
            var items = list.Items.Select(x => ((LiteralNode)x).Value).ToArray();
            return (input, _) => InList(items, input);
        }
        var expression = Node(test);
        if (usesInput)
            return (input, env) => expression(env.With(new BindingScope("?", input, env.Scope))) is bool b ? b : null;
        return (input, env) => MatchesValue(input, expression(env));
    }

    /// <summary>
    /// A test that is a plain expression (no <c>?</c>): a range or list tests membership, a boolean is the
    /// answer itself when the input is not a boolean, anything else is compared with <c>=</c>.
    /// </summary>
    private static bool? MatchesValue(object? input, object? value) => value switch
    {
        FeelRange range => range.Contains(input),
        IReadOnlyList<object?> list and not IReadOnlyDictionary<string, object?> => InList(list, input),
        bool b when input is not bool => b,
        _ => Ops.Equal(input, value),
    };

    /// <summary>Membership, or equality when the input is itself that list.</summary>
    private static bool InList(IReadOnlyList<object?> list, object? input) =>
        Ops.ListContains(list, input) || (input is IReadOnlyList<object?> && Ops.Equal(input, list) == true);

    /// <summary>Tests a range literal or unary comparison without building the range value.</summary>
    private UnaryTest RangeTest(RangeNode r)
    {
        var start = r.Start is null ? null : Node(r.Start);
        var end = r.End is null ? null : Node(r.End);
        bool startIncluded = r.StartIncluded, endIncluded = r.EndIncluded;
        return (input, env) =>
        {
            if (input is null) return null;
            if (start is not null && Side(input, start(env), env) is var s)
            {
                if (s is not { } c) return null;
                if (c < 0 || (c == 0 && !startIncluded)) return false;
            }
            if (end is not null && Side(input, end(env), env) is var e)
            {
                if (e is not { } c) return null;
                if (c > 0 || (c == 0 && !endIncluded)) return false;
            }
            return true;
        };
    }

    private static int? Side(object input, object? endpoint, Env env)
    {
        if (input is decimal x && endpoint is decimal y) return x.CompareTo(y);
        if (endpoint is null) return null;
        var c = Ops.Compare(input, endpoint);
        if (c is null) env.Fail($"Cannot compare {FeelValue.TypeName(input)} with a range of {FeelValue.TypeName(endpoint)}");
        return c;
    }

    private Eval Range(RangeNode r)
    {
        var start = r.Start is null ? null : Node(r.Start);
        var end = r.End is null ? null : Node(r.End);
        bool startIncluded = r.StartIncluded, endIncluded = r.EndIncluded;
        return env =>
        {
            var s = start is null ? null : FeelValue.Import(start(env));
            var e = end is null ? null : FeelValue.Import(end(env));
            if ((start is not null && s is null) || (end is not null && e is null)) return env.Fail("A range endpoint is null");
            if (s is not null && e is not null && Ops.Compare(s, e) is null)
                return env.Fail($"Range endpoints {FeelValue.TypeName(s)} and {FeelValue.TypeName(e)} cannot be compared");
            return new FeelRange(s, startIncluded, e, endIncluded);
        };
    }

    private Eval Between(BetweenNode b)
    {
        var value = Node(b.Value);
        var low = Node(b.Low);
        var high = Node(b.High);
        return env =>
        {
            var v = value(env);
            var atLeast = BoundCheck(v, low(env), env);
            if (atLeast == false) return Boxes.False;
            var atMost = BoundCheck(high(env), v, env);
            if (atMost == false) return Boxes.False;
            return atLeast is null || atMost is null ? null : Boxes.True;
        };
    }

    /// <summary>Whether <paramref name="greater"/> &gt;= <paramref name="smaller"/>, three-valued.</summary>
    private static bool? BoundCheck(object? greater, object? smaller, Env env)
    {
        if (greater is decimal x && smaller is decimal y) return x >= y;
        if (greater is null || smaller is null) return null;
        var c = Ops.Compare(greater, smaller);
        if (c is null) env.Fail($"Cannot compare {FeelValue.TypeName(greater)} and {FeelValue.TypeName(smaller)} in between");
        return c >= 0;
    }
}
