using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Feel;

/// <summary>A FEEL expression parsed and compiled once, evaluated many times.</summary>
public sealed class FeelExpression
{
    public string Source { get; }

    private FeelExpression(string source) => Source = source;

    /// <summary>Parses <paramref name="source"/>; throws <see cref="FeelSyntaxException"/> with line and column.</summary>
    public static FeelExpression Parse(string source) => throw new NotImplementedException();

    /// <summary>Evaluates against <paramref name="scope"/>. Evaluation errors yield null (as the spec says)
    /// and add a message to <paramref name="warnings"/> when it is given.</summary>
    public object? Evaluate(IVariableScope scope, ICollection<string>? warnings = null) => throw new NotImplementedException();
}

public sealed class FeelSyntaxException(string message, int line, int column)
    : Exception($"{message} (line {line}, column {column})")
{
    public string Reason { get; } = message;
    public int Line { get; } = line;
    public int Column { get; } = column;
}
