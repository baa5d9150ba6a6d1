using System.Runtime.CompilerServices;

namespace CaseFlow.Workflows.Feel;

/// <summary>
/// Recursive-descent parser for FEEL (DMN 1.5 ch. 10), one method per precedence level, lowest first:
/// textual forms (if, for, some/every, function) &lt; or &lt; and &lt; comparison (=, !=, &lt;, between, in,
/// instance of) &lt; + - &lt; * / &lt; ** &lt; unary minus &lt; path, filter, invocation &lt; primary.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Words that end a multi-word name; FEEL names may otherwise contain spaces.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "and", "or", "if", "then", "else", "for", "in", "return", "some", "every", "satisfies",
        "between", "function", "true", "false", "null",
    };

    private readonly List<Token> _tokens;
    private int _i;

    /// <summary>Set while parsing the end of a range, where <c>[</c> closes it (<c>[1..10[</c>) instead of starting a filter.</summary>
    private bool _inRangeEnd;

    private Parser(string source) => _tokens = Lexer.Tokenize(source);

    public static Node ParseExpression(string source)
    {
        var p = new Parser(source);
        return p.Guarded(() =>
        {
            var node = p.Expression();
            if (p.Cur.Kind != TokenKind.End) throw p.Unexpected();
            NodeQueries.EnsureDepth(node);
            return node;
        });
    }

    private T Guarded<T>(Func<T> parse)
    {
        try { return parse(); }
        catch (InsufficientExecutionStackException) { throw new FeelSyntaxException("Expression is nested too deeply", Cur.Line, Cur.Column); }
    }

    private Token Cur => _tokens[_i];

    private Token Peek(int ahead) => _tokens[Math.Min(_i + ahead, _tokens.Count - 1)];

    private Token Advance()
    {
        var t = _tokens[_i];
        if (t.Kind != TokenKind.End) _i++;
        return t;
    }

    private bool Accept(TokenKind kind)
    {
        if (Cur.Kind != kind) return false;
        _i++;
        return true;
    }

    private Token Expect(TokenKind kind, string what) =>
        Cur.Kind == kind ? Advance() : throw new FeelSyntaxException($"Expected {what} but found {Cur.Describe()}", Cur.Line, Cur.Column);

    private void ExpectWord(string word)
    {
        if (!Cur.IsName(word)) throw new FeelSyntaxException($"Expected '{word}' but found {Cur.Describe()}", Cur.Line, Cur.Column);
        _i++;
    }

    private FeelSyntaxException Unexpected() => new($"Unexpected {Cur.Describe()}", Cur.Line, Cur.Column);

    /// <summary>Runs a nested parse where brackets are balanced again, so a range end's <c>[</c> rule does not leak in.</summary>
    private T Nested<T>(Func<T> parse)
    {
        var saved = _inRangeEnd;
        _inRangeEnd = false;
        try { return parse(); }
        finally { _inRangeEnd = saved; }
    }

    private Node Expression()
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return TryTextual() ?? Disjunction();
    }

    /// <summary>if / for / some / every / function, recognised only in the shape that starts them.</summary>
    private Node? TryTextual()
    {
        var t = Cur;
        if (t.Kind != TokenKind.Name) return null;
        var at = Pos.Of(t);
        switch (t.Text)
        {
            case "if":
                Advance();
                var condition = Expression();
                ExpectWord("then");
                var then = Expression();
                ExpectWord("else");
                return new IfNode(at, condition, then, Expression());
            case "for" when IsNameToken(Peek(1)):
                Advance();
                var iterations = Iterations();
                ExpectWord("return");
                return new ForNode(at, iterations, Expression());
            case "some" or "every" when IsNameToken(Peek(1)):
                Advance();
                var its = Iterations();
                ExpectWord("satisfies");
                return new QuantifiedNode(at, t.Text == "every", its, Expression());
            case "function" when Peek(1).Kind == TokenKind.LParen:
                return FunctionDefinition();
            default:
                return null;
        }
    }

    private static bool IsNameToken(Token t) => t.Kind is TokenKind.Name or TokenKind.QuotedName;

    private List<Iteration> Iterations()
    {
        var list = new List<Iteration>();
        do
        {
            var name = NameUntil(stopAtReserved: true, "a variable name");
            ExpectWord("in");
            var source = Expression();
            Node? end = null;
            if (Accept(TokenKind.DotDot)) end = Additive();
            list.Add(new Iteration(name, source, end));
        } while (Accept(TokenKind.Comma));
        return list;
    }

    private FunctionNode FunctionDefinition()
    {
        var at = Pos.Of(Advance());
        Expect(TokenKind.LParen, "'('");
        var parameters = new List<string>();
        if (Cur.Kind != TokenKind.RParen)
        {
            do
            {
                var nameToken = Cur;
                var name = NameUntil(stopAtReserved: false, "a parameter name");
                if (parameters.Contains(name)) throw new FeelSyntaxException($"Duplicate parameter '{name}'", nameToken.Line, nameToken.Column);
                parameters.Add(name);
                // Parameter types are checked by nobody yet; parsing them keeps typed definitions valid.
                if (Accept(TokenKind.Colon)) ParseType();
            } while (Accept(TokenKind.Comma));
        }
        Expect(TokenKind.RParen, "')' or ','");
        if (Cur.IsName("external")) throw new FeelSyntaxException("External functions are not supported", Cur.Line, Cur.Column);
        return new FunctionNode(at, parameters, Expression());
    }

    /// <summary>A backtick name, or one or more words joined by single spaces.</summary>
    private string NameUntil(bool stopAtReserved, string what)
    {
        if (Cur.Kind == TokenKind.QuotedName) return Advance().Text;
        if (Cur.Kind != TokenKind.Name || (stopAtReserved && Reserved.Contains(Cur.Text)))
            throw new FeelSyntaxException($"Expected {what} but found {Cur.Describe()}", Cur.Line, Cur.Column);
        var name = Advance().Text;
        while (Cur.Kind == TokenKind.Name && !(stopAtReserved && Reserved.Contains(Cur.Text))) name += " " + Advance().Text;
        return name;
    }

    private Node Disjunction()
    {
        var left = Conjunction();
        while (Cur.IsName("or"))
        {
            var at = Pos.Of(Advance());
            left = new BinaryNode(at, BinaryOp.Or, left, Conjunction());
        }
        return left;
    }

    private Node Conjunction()
    {
        var left = Comparison();
        while (Cur.IsName("and"))
        {
            var at = Pos.Of(Advance());
            left = new BinaryNode(at, BinaryOp.And, left, Comparison());
        }
        return left;
    }

    private Node Comparison()
    {
        // "< 10" on its own is a range value (DMN 1.5 simple positive unary test as expression).
        var left = IsUnaryComparison(Cur.Kind) ? UnaryComparison() : Additive();
        while (true)
        {
            var t = Cur;
            var at = Pos.Of(t);
            BinaryOp? op = t.Kind switch
            {
                TokenKind.Eq => BinaryOp.Eq, TokenKind.NotEq => BinaryOp.NotEq,
                TokenKind.Lt => BinaryOp.Lt, TokenKind.LtEq => BinaryOp.LtEq,
                TokenKind.Gt => BinaryOp.Gt, TokenKind.GtEq => BinaryOp.GtEq,
                _ => null,
            };
            if (op is { } o)
            {
                Advance();
                left = new BinaryNode(at, o, left, Additive());
            }
            else if (t.IsName("between"))
            {
                Advance();
                var low = Additive();
                ExpectWord("and");
                left = new BetweenNode(at, left, low, Additive());
            }
            else if (t.IsName("in"))
            {
                Advance();
                left = new InNode(at, left, InTests());
            }
            else if (t.IsName("instance") && Peek(1).IsName("of"))
            {
                Advance();
                Advance();
                left = new InstanceOfNode(at, left, ParseType());
            }
            else return left;
        }
    }

    private static bool IsUnaryComparison(TokenKind k) => k is TokenKind.Lt or TokenKind.LtEq or TokenKind.Gt or TokenKind.GtEq;

    private RangeNode UnaryComparison()
    {
        var t = Advance();
        var at = Pos.Of(t);
        var endpoint = Additive();
        return t.Kind switch
        {
            TokenKind.Lt => new RangeNode(at, null, false, endpoint, false),
            TokenKind.LtEq => new RangeNode(at, null, false, endpoint, true),
            TokenKind.Gt => new RangeNode(at, endpoint, false, null, false),
            _ => new RangeNode(at, endpoint, true, null, false),
        };
    }

    private Node Additive()
    {
        var left = Multiplicative();
        while (Cur.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var t = Advance();
            left = new BinaryNode(Pos.Of(t), t.Kind == TokenKind.Plus ? BinaryOp.Add : BinaryOp.Sub, left, Multiplicative());
        }
        return left;
    }

    private Node Multiplicative()
    {
        var left = Power();
        while (Cur.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var t = Advance();
            left = new BinaryNode(Pos.Of(t), t.Kind == TokenKind.Star ? BinaryOp.Mul : BinaryOp.Div, left, Power());
        }
        return left;
    }

    private Node Power()
    {
        var left = Unary();
        while (Cur.Kind == TokenKind.StarStar)
        {
            var t = Advance();
            left = new BinaryNode(Pos.Of(t), BinaryOp.Pow, left, Unary());
        }
        return left;
    }

    private Node Unary()
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (Cur.Kind != TokenKind.Minus) return Postfix();
        var at = Pos.Of(Advance());
        var operand = Unary();
        return operand switch
        {
            LiteralNode { Value: decimal d } => new LiteralNode(at, -d),
            LiteralNode { Value: FeelNumber n } => new LiteralNode(at, -n),
            _ => new NegateNode(at, operand),
        };
    }
}
