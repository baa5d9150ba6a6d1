namespace CaseFlow.Workflows.Feel;

internal sealed partial class Parser
{
    private static readonly string[][] MultiWordTypes =
    [
        ["days", "and", "time", "duration"],
        ["years", "and", "months", "duration"],
        ["date", "and", "time"],
    ];

    /// <summary>Parses a unary-tests text such as a decision table cell: <c>-</c>, <c>&lt; 5, [8..10]</c>, <c>not("a", "b")</c>.</summary>
    public static UnaryTestsNode ParseUnaryTests(string source)
    {
        var p = new Parser(source);
        var tests = p.Guarded(p.UnaryTests);
        foreach (var test in tests.Tests) NodeQueries.EnsureDepth(test);
        return tests;
    }

    private UnaryTestsNode UnaryTests()
    {
        if (Cur.Kind == TokenKind.End) return new UnaryTestsNode(UnaryTestsKind.Any, []);
        if (Cur.Kind == TokenKind.Minus && Peek(1).Kind == TokenKind.End) return new UnaryTestsNode(UnaryTestsKind.Any, []);
        if (Cur.IsName("not") && Peek(1).Kind == TokenKind.LParen)
        {
            var start = _i;
            _i += 2;
            var negated = PositiveTests();
            if (Accept(TokenKind.RParen) && Cur.Kind == TokenKind.End) return new UnaryTestsNode(UnaryTestsKind.Negated, negated);
            // Not "not(tests)" after all, e.g. "not(x) = y": read it again as an ordinary test.
            _i = start;
        }
        var tests = PositiveTests();
        if (Cur.Kind != TokenKind.End) throw Unexpected();
        return new UnaryTestsNode(UnaryTestsKind.Positive, tests);
    }

    private List<Node> PositiveTests()
    {
        var tests = new List<Node>();
        do tests.Add(Expression());
        while (Accept(TokenKind.Comma));
        return tests;
    }

    /// <summary>
    /// The right side of <c>in</c>: one positive unary test, or several in parentheses. A parenthesis
    /// that turns out to start a range (<c>(1..5]</c>) is read as that range.
    /// </summary>
    private List<Node> InTests()
    {
        if (Cur.Kind != TokenKind.LParen) return [IsUnaryComparison(Cur.Kind) ? UnaryComparison() : Additive()];
        var at = Pos.Of(Advance());
        return Nested(() =>
        {
            var first = Expression();
            if (Accept(TokenKind.DotDot)) return [RangeRest(at, first, startIncluded: false)];
            var tests = new List<Node> { first };
            while (Accept(TokenKind.Comma)) tests.Add(Expression());
            Expect(TokenKind.RParen, "')' or ','");
            return tests;
        });
    }

    /// <summary>A type after <c>instance of</c> or a parameter's colon.</summary>
    private FeelType ParseType()
    {
        var t = Cur;
        if (t.Kind != TokenKind.Name) throw new FeelSyntaxException($"Expected a type name but found {t.Describe()}", t.Line, t.Column);
        foreach (var words in MultiWordTypes)
        {
            if (MatchesWords(words))
            {
                _i += words.Length;
                return new FeelType(string.Join(' ', words));
            }
        }
        var name = Advance().Text;
        if (!FeelType.Known.Contains(name)) throw new FeelSyntaxException($"Unknown type '{name}'", t.Line, t.Column);
        if (!Accept(TokenKind.Lt)) return new FeelType(name);
        switch (name)
        {
            case "list" or "range":
                var element = ParseType();
                Expect(TokenKind.Gt, "'>'");
                return new FeelType(name, [element]);
            case "context":
                var fields = new List<KeyValuePair<string, FeelType>>();
                do
                {
                    var key = NameUntil(stopAtReserved: false, "a context key");
                    Expect(TokenKind.Colon, "':'");
                    fields.Add(new(key, ParseType()));
                } while (Accept(TokenKind.Comma));
                Expect(TokenKind.Gt, "'>'");
                return new FeelType(name, Fields: fields);
            case "function":
                var parameters = new List<FeelType>();
                if (Cur.Kind != TokenKind.Gt)
                {
                    do parameters.Add(ParseType());
                    while (Accept(TokenKind.Comma));
                }
                Expect(TokenKind.Gt, "'>'");
                Expect(TokenKind.Arrow, "'->'");
                return new FeelType(name, parameters, Returns: ParseType());
            default:
                throw new FeelSyntaxException($"Type '{name}' takes no parameters", t.Line, t.Column);
        }
    }
}
