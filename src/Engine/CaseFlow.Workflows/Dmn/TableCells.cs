using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Dmn;

/// <summary>An interval of one input's values, from a cell's literal test; null ends are unbounded.</summary>
internal sealed record Interval(object? Low, bool LowIncluded, object? High, bool HighIncluded)
{
    public static readonly Interval All = new(null, false, null, false);

    public bool Intersects(Interval other)
    {
        // The intersection is empty when one ends before the other starts.
        return !EndsBefore(this, other) && !EndsBefore(other, this);
    }

    private static bool EndsBefore(Interval a, Interval b)
    {
        if (a.High is null || b.Low is null)
        {
            var x = a.Low ?? a.High;
            var y = b.Low ?? b.High;
            return x is not null && y is not null && Ops.Compare(x, y) is null;
        }
        // Values of different types never meet the same input, so such cells cannot overlap.
        if (Ops.Compare(a.High, b.Low) is not { } c) return true;
        return c < 0 || (c == 0 && !(a.HighIncluded && b.LowIncluded));
    }
}

/// <summary>What deploy-time analysis can read from a cell: "any", a union of literal intervals, or unknown
/// (a negation, a name, a function call...), which the analysis then leaves alone.</summary>
internal sealed record Cell(bool IsAny, IReadOnlyList<Interval>? Intervals)
{
    public static readonly Cell Any = new(true, [Interval.All]);
    public static readonly Cell Unknown = new(false, null);

    public static Cell Of(FeelUnaryTests? tests)
    {
        if (tests is null) return Any;
        UnaryTestsNode node;
        try { node = Parser.ParseUnaryTests(tests.Source); }
        catch (FeelSyntaxException) { return Unknown; }
        if (node.Kind == UnaryTestsKind.Any) return Any;
        if (node.Kind != UnaryTestsKind.Positive) return Unknown;
        var intervals = new List<Interval>();
        foreach (var test in node.Tests)
        {
            switch (test)
            {
                case RangeNode r when Endpoint(r.Start, out var low) && Endpoint(r.End, out var high):
                    intervals.Add(new Interval(low, r.StartIncluded, high, r.EndIncluded));
                    break;
                case var n when Literal(n, out var value) && value is not null:
                    intervals.Add(new Interval(value, true, value, true));
                    break;
                default:
                    return Unknown;
            }
        }
        return new Cell(false, intervals);
    }

    public bool? Intersects(Cell other)
    {
        if (IsAny || other.IsAny) return true;
        if (Intervals is null || other.Intervals is null) return null;
        return Intervals.Any(a => other.Intervals.Any(a.Intersects));
    }

    /// <summary>The literal values a cell names, for type checks; empty when unknown.</summary>
    public IEnumerable<object> Values() =>
        Intervals is null || IsAny ? [] : Intervals.SelectMany(i => new[] { i.Low, i.High }).OfType<object>().Distinct();

    private static bool Endpoint(Node? node, out object? value)
    {
        value = null;
        return node is null || Literal(node, out value);
    }

    public static bool Literal(Node node, out object? value)
    {
        switch (node)
        {
            case LiteralNode l:
                value = l.Value;
                return true;
            case NegateNode { Operand: LiteralNode { Value: decimal d } }:
                value = -d;
                return true;
            default:
                value = null;
                return false;
        }
    }

    public static string? TypeOf(object value) => value switch
    {
        decimal or FeelNumber => "number",
        string => "string",
        bool => "boolean",
        _ => null,
    };
}
