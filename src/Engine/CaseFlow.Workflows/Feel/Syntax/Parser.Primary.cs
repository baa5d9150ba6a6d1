namespace CaseFlow.Workflows.Feel;

internal sealed partial class Parser
{
    /// <summary>Built-in names that contain a keyword, so plain word-joining would stop inside them.</summary>
    private static readonly string[][] KeywordFunctionNames =
    [
        ["years", "and", "months", "duration"],
        ["date", "and", "time"],
    ];

    private Node Postfix()
    {
        var node = Primary();
        while (true)
        {
            var t = Cur;
            switch (t.Kind)
            {
                case TokenKind.Dot:
                    Advance();
                    node = new PathNode(Pos.Of(t), node, MemberName());
                    break;
                case TokenKind.LBracket when !_inRangeEnd:
                    Advance();
                    var condition = Nested(Expression);
                    Expect(TokenKind.RBracket, "']'");
                    node = new FilterNode(Pos.Of(t), node, condition);
                    break;
                case TokenKind.LParen:
                    node = Call(node);
                    break;
                default:
                    return node;
            }
        }
    }

    /// <summary>After a dot: a backtick name or words joined by spaces (<c>r.start included</c>).</summary>
    private string MemberName()
    {
        if (Cur.Kind == TokenKind.QuotedName) return Advance().Text;
        if (Cur.Kind != TokenKind.Name) throw new FeelSyntaxException($"Expected a name after '.' but found {Cur.Describe()}", Cur.Line, Cur.Column);
        var name = Advance().Text;
        while (Cur.Kind == TokenKind.Name && !Reserved.Contains(Cur.Text) && !IsInstanceOf()) name += " " + Advance().Text;
        return name;
    }

    private bool IsInstanceOf() => Cur.IsName("instance") && Peek(1).IsName("of");

    private Node Primary()
    {
        var t = Cur;
        var at = Pos.Of(t);
        switch (t.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new LiteralNode(at, t.Value);
            case TokenKind.String:
                Advance();
                return new LiteralNode(at, t.Value);
            case TokenKind.At:
                Advance();
                var text = Expect(TokenKind.String, "a string after '@'");
                return TemporalParser.TryParseLiteral((string)text.Value!, out var temporal)
                    ? new LiteralNode(at, temporal)
                    : throw new FeelSyntaxException($"Invalid temporal literal \"{text.Value}\"", text.Line, text.Column);
            case TokenKind.Question:
                Advance();
                return new InputNode(at);
            case TokenKind.QuotedName:
                Advance();
                return new NameNode(at, t.Text);
            case TokenKind.Name:
                return NameOrKeyword(t);
            case TokenKind.LParen:
                return Nested(ParenthesisOrRange);
            case TokenKind.LBracket:
                return Nested(ListOrRange);
            case TokenKind.RBracket:
                return Nested(OpenStartRange);
            case TokenKind.LBrace:
                return Nested(Context);
            default:
                throw Unexpected();
        }
    }

    private Node NameOrKeyword(Token t)
    {
        var at = Pos.Of(t);
        switch (t.Text)
        {
            case "true": Advance(); return new LiteralNode(at, Boxes.True);
            case "false": Advance(); return new LiteralNode(at, Boxes.False);
            case "null": Advance(); return new LiteralNode(at, null);
        }
        if (TryTextual() is { } textual) return textual;
        if (Reserved.Contains(t.Text)) throw Unexpected();
        foreach (var words in KeywordFunctionNames)
        {
            if (MatchesWords(words) && Peek(words.Length).Kind == TokenKind.LParen)
            {
                _i += words.Length;
                return new NameNode(at, string.Join(' ', words));
            }
        }
        var name = Advance().Text;
        while (Cur.Kind == TokenKind.Name && !Reserved.Contains(Cur.Text) && !IsInstanceOf()) name += " " + Advance().Text;
        return new NameNode(at, name);
    }

    private bool MatchesWords(string[] words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            if (!Peek(k).IsName(words[k])) return false;
        }
        return true;
    }

    private Node ParenthesisOrRange()
    {
        var at = Pos.Of(Advance());
        var first = Expression();
        if (Accept(TokenKind.DotDot)) return RangeRest(at, first, startIncluded: false);
        Expect(TokenKind.RParen, "')'");
        return first;
    }

    private Node ListOrRange()
    {
        var at = Pos.Of(Advance());
        if (Accept(TokenKind.RBracket)) return new ListNode(at, []);
        var first = Expression();
        if (Accept(TokenKind.DotDot)) return RangeRest(at, first, startIncluded: true);
        var items = new List<Node> { first };
        while (Accept(TokenKind.Comma)) items.Add(Expression());
        Expect(TokenKind.RBracket, "']' or ','");
        return new ListNode(at, items);
    }

    private Node OpenStartRange()
    {
        var at = Pos.Of(Advance());
        var start = Additive();
        Expect(TokenKind.DotDot, "'..'");
        return RangeRest(at, start, startIncluded: false);
    }

    /// <summary>Parses the end endpoint and the closing bracket: <c>]</c> includes it, <c>)</c> or <c>[</c> excludes it.</summary>
    private RangeNode RangeRest(Pos at, Node start, bool startIncluded)
    {
        _inRangeEnd = true;
        var end = Additive();
        _inRangeEnd = false;
        var close = Cur;
        if (close.Kind is not (TokenKind.RBracket or TokenKind.RParen or TokenKind.LBracket))
            throw new FeelSyntaxException($"Expected ']' or ')' to close the range but found {close.Describe()}", close.Line, close.Column);
        Advance();
        return new RangeNode(at, start, startIncluded, end, close.Kind == TokenKind.RBracket);
    }

    private Node Context()
    {
        var at = Pos.Of(Advance());
        var entries = new List<KeyValuePair<string, Node>>();
        if (Accept(TokenKind.RBrace)) return new ContextNode(at, entries);
        do
        {
            var keyToken = Cur;
            var key = keyToken.Kind == TokenKind.String ? (string)Advance().Value! : ContextKey();
            if (entries.Any(e => e.Key == key)) throw new FeelSyntaxException($"Duplicate context entry '{key}'", keyToken.Line, keyToken.Column);
            Expect(TokenKind.Colon, "':'");
            entries.Add(new(key, Expression()));
        } while (Accept(TokenKind.Comma));
        Expect(TokenKind.RBrace, "'}' or ','");
        return new ContextNode(at, entries);
    }

    /// <summary>A context key may hold the additional name symbols (<c>{foo+bar: 1}</c>, <c>{a.b-c: 2}</c>):
    /// when the tokens up to the colon include one, they are joined back as written.</summary>
    private string ContextKey()
    {
        var k = 0;
        var symbols = false;
        while (Peek(k).Kind is TokenKind.Name or TokenKind.Number or TokenKind.Plus or TokenKind.Minus or TokenKind.Star or TokenKind.Slash or TokenKind.Dot)
        {
            symbols |= Peek(k).Kind != TokenKind.Name;
            k++;
        }
        if (!symbols || Cur.Kind != TokenKind.Name || Peek(k).Kind != TokenKind.Colon) return NameUntil(stopAtReserved: false, "a context key");
        var key = new System.Text.StringBuilder();
        Token? previous = null;
        for (var i = 0; i < k; i++)
        {
            var t = Advance();
            if (previous is { } p && (p.Line != t.Line || p.Column + p.Text.Length != t.Column)) key.Append(' ');
            key.Append(t.Text);
            previous = t;
        }
        return key.ToString();
    }

    private CallNode Call(Node callee)
    {
        var at = Pos.Of(Advance());
        return Nested(() =>
        {
            var args = new List<Node>();
            if (Accept(TokenKind.RParen)) return new CallNode(at, callee, args, null);
            List<string>? names = IsNamedArgument() ? [] : null;
            do
            {
                if (names is not null)
                {
                    var nameToken = Cur;
                    if (!IsNamedArgument()) throw new FeelSyntaxException("Expected a named argument (name: value)", nameToken.Line, nameToken.Column);
                    var name = NameUntil(stopAtReserved: false, "a parameter name");
                    if (names.Contains(name)) throw new FeelSyntaxException($"Duplicate argument '{name}'", nameToken.Line, nameToken.Column);
                    names.Add(name);
                    Expect(TokenKind.Colon, "':'");
                }
                args.Add(Expression());
            } while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen, "')' or ','");
            return new CallNode(at, callee, args, names);
        });
    }

    /// <summary>Looks ahead for <c>words :</c> (or <c>`name` :</c>), which makes an argument named.</summary>
    private bool IsNamedArgument()
    {
        if (Cur.Kind == TokenKind.QuotedName) return Peek(1).Kind == TokenKind.Colon;
        var k = 0;
        while (Peek(k).Kind == TokenKind.Name) k++;
        return k > 0 && Peek(k).Kind == TokenKind.Colon;
    }
}
