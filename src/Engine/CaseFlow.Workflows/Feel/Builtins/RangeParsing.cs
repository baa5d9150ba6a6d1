namespace CaseFlow.Workflows.Feel;

/// <summary>
/// DMN 1.5's <c>range(from)</c>: a range from its FEEL text, e.g. <c>range("[1..10)")</c> or <c>range("&gt;= 18")</c>.
/// The text is read with FEEL's own grammar, but its endpoints may only be literals: numbers, strings,
/// <c>@"..."</c> temporals and <c>date</c>/<c>time</c>/<c>date and time</c>/<c>duration</c> of a string,
/// so that a range read from data can never reach variables or run functions.
/// </summary>
internal static class RangeParsing
{
    private static readonly HashSet<string> TemporalConstructors = new(StringComparer.Ordinal) { "date", "time", "date and time", "duration" };

    public static void Register(BuiltinRegistry r) => r.Add("range", "from", Range);

    private static object? Range(object?[] a, Env e)
    {
        if (a[0] is not string text) return Args.Invalid(e, "range", a);
        if (!TryRead(text, out var start, out var startIncluded, out var end, out var endIncluded))
            return e.Fail($"Function 'range': \"{text}\" is not a range literal");
        if (start is not null && end is not null && (Ops.Compare(start, end) is not { } order || order > 0))
            return e.Fail($"Function 'range': the endpoints of \"{text}\" are not in ascending order of one type");
        if (start is null && end is null) return e.Fail($"Function 'range': \"{text}\" has no endpoint");
        return new FeelRange(start, startIncluded, end, endIncluded);
    }

    private static bool TryRead(string text, out object? start, out bool startIncluded, out object? end, out bool endIncluded)
    {
        start = end = null;
        startIncluded = endIncluded = false;
        UnaryTestsNode tests;
        try { tests = Parser.ParseUnaryTests(text); }
        catch (FeelSyntaxException) { return false; }
        if (tests is not { Kind: UnaryTestsKind.Positive, Tests: [RangeNode range] }) return false;
        if (!TryLiteral(range.Start, out start) || !TryLiteral(range.End, out end)) return false;
        startIncluded = range.StartIncluded;
        endIncluded = range.EndIncluded;
        return true;
    }

    /// <summary>Evaluates an endpoint that is a literal; a missing endpoint (the open side of <c>&lt; 10</c>) is null.</summary>
    private static bool TryLiteral(Node? node, out object? value)
    {
        value = null;
        if (node is null) return true;
        if (!IsLiteral(node)) return false;
        value = Compiler.Compile(node)(new Env(Values.DictionaryScope.Empty, null));
        return value is not null;
    }

    private static bool IsLiteral(Node node) => node switch
    {
        LiteralNode => true,
        NegateNode { Operand: LiteralNode { Value: not (string or null or bool) } } => true,
        CallNode { Callee: NameNode callee, Args: [LiteralNode { Value: string }], Names: null } => TemporalConstructors.Contains(callee.Name),
        _ => false,
    };
}
