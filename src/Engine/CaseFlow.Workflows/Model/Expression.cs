using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Model;

/// <summary>
/// A value in a Zeebe attribute: a FEEL expression when the text starts with '=', a static string
/// otherwise (as in Camunda 8). Conditions are always FEEL, with or without the '='.
/// </summary>
public sealed class Expression
{
    private readonly FeelExpression? _feel;

    public string Source { get; }
    public bool IsFeel => _feel is not null;

    private Expression(string source, FeelExpression? feel)
    {
        Source = source;
        _feel = feel;
    }

    public static Expression Static(string text) => new(text, null);

    public static Expression Feel(string source) => new(source, FeelExpression.Parse(source));

    /// <summary>'=expr' is FEEL, anything else a static string.</summary>
    public static Expression FromAttribute(string text) =>
        text.TrimStart().StartsWith('=') ? Feel(text) : Static(text);

    public object? Evaluate(IVariableScope scope, ICollection<string>? warnings = null) =>
        _feel is null ? Source : _feel.Evaluate(scope, warnings);

    public override string ToString() => Source;
}
