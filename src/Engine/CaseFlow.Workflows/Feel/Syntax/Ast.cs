namespace CaseFlow.Workflows.Feel;

internal readonly record struct Pos(int Line, int Column)
{
    public static Pos Of(Token t) => new(t.Line, t.Column);
}

/// <summary>The syntax tree. It lives only between parsing and compiling; evaluation runs on delegates.</summary>
internal abstract record Node(Pos At);

internal sealed record LiteralNode(Pos At, object? Value) : Node(At);

internal sealed record NameNode(Pos At, string Name) : Node(At);

/// <summary>The <c>?</c> of unary tests: the value under test.</summary>
internal sealed record InputNode(Pos At) : Node(At);

internal sealed record PathNode(Pos At, Node Target, string Member) : Node(At);

internal sealed record FilterNode(Pos At, Node Target, Node Condition) : Node(At);

/// <summary>A call; <see cref="Names"/> is set for named arguments (same length as <see cref="Args"/>).</summary>
internal sealed record CallNode(Pos At, Node Callee, IReadOnlyList<Node> Args, IReadOnlyList<string>? Names) : Node(At);

internal enum BinaryOp { Or, And, Eq, NotEq, Lt, LtEq, Gt, GtEq, Add, Sub, Mul, Div, Pow }

internal sealed record BinaryNode(Pos At, BinaryOp Op, Node Left, Node Right) : Node(At);

internal sealed record NegateNode(Pos At, Node Operand) : Node(At);

internal sealed record IfNode(Pos At, Node Condition, Node Then, Node Else) : Node(At);

/// <summary><c>name in source</c>, or <c>name in source..End</c> for a numeric or date sequence.</summary>
internal sealed record Iteration(string Name, Node Source, Node? End);

internal sealed record ForNode(Pos At, IReadOnlyList<Iteration> Iterations, Node Body) : Node(At);

internal sealed record QuantifiedNode(Pos At, bool Every, IReadOnlyList<Iteration> Iterations, Node Condition) : Node(At);

/// <summary><c>value in test</c> or <c>value in (test, test...)</c>: true when any positive unary test holds.</summary>
internal sealed record InNode(Pos At, Node Value, IReadOnlyList<Node> Tests) : Node(At);

internal sealed record BetweenNode(Pos At, Node Value, Node Low, Node High) : Node(At);

internal sealed record InstanceOfNode(Pos At, Node Value, FeelType Type) : Node(At);

internal sealed record ListNode(Pos At, IReadOnlyList<Node> Items) : Node(At);

internal sealed record ContextNode(Pos At, IReadOnlyList<KeyValuePair<string, Node>> Entries) : Node(At);

/// <summary>A range literal or a unary comparison such as <c>&lt; 5</c> (one side open and unbounded).</summary>
internal sealed record RangeNode(Pos At, Node? Start, bool StartIncluded, Node? End, bool EndIncluded) : Node(At);

internal sealed record FunctionNode(Pos At, IReadOnlyList<string> Parameters, Node Body) : Node(At);

internal enum UnaryTestsKind { Any, Positive, Negated }

/// <summary>Top of a unary-tests text (a decision table cell): <c>-</c>, tests, or <c>not(tests)</c>.</summary>
internal sealed record UnaryTestsNode(UnaryTestsKind Kind, IReadOnlyList<Node> Tests);

internal static class NodeQueries
{
    /// <summary>Compiling and evaluating recurse once per tree level, and a stack overflow cannot be caught;
    /// real expressions stay far below this.</summary>
    public const int MaxDepth = 400;

    /// <summary>Rejects trees deeper than <see cref="MaxDepth"/> (e.g. thousands of chained "+"), walking without recursion.</summary>
    public static void EnsureDepth(Node root)
    {
        var pending = new Stack<(Node Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.TryPop(out var entry))
        {
            if (entry.Depth > MaxDepth) throw new FeelSyntaxException("Expression is nested too deeply", entry.Node.At.Line, entry.Node.At.Column);
            foreach (var child in Children(entry.Node)) pending.Push((child, entry.Depth + 1));
        }
    }

    /// <summary>Whether <c>?</c> occurs outside nested function bodies; such a test is a boolean condition on the input.</summary>
    public static bool UsesInput(Node node) => node is InputNode || (node is not FunctionNode && Children(node).Any(UsesInput));

    /// <summary>Whether <paramref name="name"/> is referenced anywhere below <paramref name="node"/>.</summary>
    public static bool Mentions(Node node, string name) => node is NameNode n && n.Name == name || Children(node).Any(c => Mentions(c, name));

    private static IEnumerable<Node> Children(Node node) => node switch
    {
        PathNode p => [p.Target],
        FilterNode f => [f.Target, f.Condition],
        CallNode c => [c.Callee, .. c.Args],
        BinaryNode b => [b.Left, b.Right],
        NegateNode n => [n.Operand],
        IfNode i => [i.Condition, i.Then, i.Else],
        ForNode f => [.. f.Iterations.SelectMany(Parts), f.Body],
        QuantifiedNode q => [.. q.Iterations.SelectMany(Parts), q.Condition],
        InNode i => [i.Value, .. i.Tests],
        BetweenNode b => [b.Value, b.Low, b.High],
        InstanceOfNode i => [i.Value],
        ListNode l => l.Items,
        ContextNode c => c.Entries.Select(e => e.Value),
        RangeNode r => new[] { r.Start, r.End }.OfType<Node>(),
        FunctionNode f => [f.Body],
        _ => [],
    };

    private static IEnumerable<Node> Parts(Iteration it) => it.End is null ? [it.Source] : [it.Source, it.End];
}
