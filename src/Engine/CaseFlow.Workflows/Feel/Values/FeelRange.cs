namespace CaseFlow.Workflows.Feel;

/// <summary>
/// A FEEL range such as <c>[1..10)</c>. A null endpoint is unbounded on that side, which is how the
/// ranges written as unary comparisons (<c>&lt; 10</c>) are represented.
/// </summary>
public sealed class FeelRange(object? start, bool startIncluded, object? end, bool endIncluded)
{
    public object? Start { get; } = start;
    public bool StartIncluded { get; } = start is not null && startIncluded;
    public object? End { get; } = end;
    public bool EndIncluded { get; } = end is not null && endIncluded;

    /// <summary>True or false when <paramref name="value"/> is comparable with the endpoints, else null.</summary>
    public bool? Contains(object? value)
    {
        if (value is null) return null;
        if (Start is not null)
        {
            if (Ops.Compare(value, Start) is not { } c) return null;
            if (c < 0 || (c == 0 && !StartIncluded)) return false;
        }
        if (End is not null)
        {
            if (Ops.Compare(value, End) is not { } c) return null;
            if (c > 0 || (c == 0 && !EndIncluded)) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is FeelRange r && Ops.Equal(this, r) == true;
    public override int GetHashCode() => HashCode.Combine(StartIncluded, EndIncluded);
    public override string ToString() => FeelValue.ToFeelString(this)!;
}
