using System.Diagnostics.CodeAnalysis;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Feel;

/// <summary>A FEEL expression parsed and compiled once, evaluated many times.</summary>
public sealed class FeelExpression
{
    private readonly Eval _eval;

    public string Source { get; }

    private FeelExpression(string source, Eval eval)
    {
        Source = source;
        _eval = eval;
    }

    /// <summary>Parses <paramref name="source"/>; throws <see cref="FeelSyntaxException"/> with line and column.
    /// One leading <c>=</c> (Zeebe's marker for an expression attribute) is accepted and ignored.</summary>
    public static FeelExpression Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var node = Parser.ParseExpression(BlankLeadingEquals(source));
        return new FeelExpression(source, Compiler.Compile(node));
    }

    public static bool TryParse(string source, [NotNullWhen(true)] out FeelExpression? expression, [NotNullWhen(false)] out FeelSyntaxException? error)
    {
        try
        {
            expression = Parse(source);
            error = null;
            return true;
        }
        catch (FeelSyntaxException e)
        {
            expression = null;
            error = e;
            return false;
        }
    }

    /// <summary>Parses a unary-tests text (a decision table input entry such as <c>&lt; 5, [8..10]</c> or <c>not("x")</c>).</summary>
    public static FeelUnaryTests ParseUnaryTests(string source) => FeelUnaryTests.Parse(source);

    /// <summary>Evaluates against <paramref name="scope"/>. Evaluation errors yield null (as the spec says)
    /// and add a message to <paramref name="warnings"/> when it is given.</summary>
    public object? Evaluate(IVariableScope scope, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            return _eval(new Env(scope, warnings));
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // FEEL has no exceptions: whatever goes wrong (runaway recursion included) is a null result.
            warnings?.Add(FailureMessage(e));
            return null;
        }
    }

    public override string ToString() => Source;

    internal static string FailureMessage(Exception e) => e is InsufficientExecutionStackException
        ? "Evaluation nested too deeply (runaway recursion?)"
        : $"Evaluation failed: {e.GetType().Name}: {e.Message}";

    /// <summary>Replaces the marker with a space rather than cutting it, so error columns match the original text.</summary>
    private static string BlankLeadingEquals(string source)
    {
        var i = 0;
        while (i < source.Length && char.IsWhiteSpace(source[i])) i++;
        return i < source.Length && source[i] == '=' ? string.Concat(source.AsSpan(0, i), " ", source.AsSpan(i + 1)) : source;
    }
}

/// <summary>FEEL unary tests, compiled once: tests an input value, as a decision table cell does.</summary>
public sealed class FeelUnaryTests
{
    private readonly UnaryTest _test;

    public string Source { get; }

    private FeelUnaryTests(string source, UnaryTest test)
    {
        Source = source;
        _test = test;
    }

    /// <summary>Parses <c>-</c> (any input), comma-separated positive tests, or <c>not(tests)</c>.
    /// Inside a test, <c>?</c> names the input (<c>? &gt; 5 and ? &lt; 10</c>).</summary>
    public static FeelUnaryTests Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new FeelUnaryTests(source, Compiler.CompileUnaryTests(Parser.ParseUnaryTests(source)));
    }

    /// <summary>True or false, or null when the input cannot be compared with the tests.</summary>
    public bool? Evaluate(object? input, IVariableScope scope, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            return _test(input, new Env(scope, warnings));
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            warnings?.Add(FeelExpression.FailureMessage(e));
            return null;
        }
    }

    /// <summary>Whether the input satisfies the tests (null counts as not satisfied).</summary>
    public bool Matches(object? input, IVariableScope scope, ICollection<string>? warnings = null) => Evaluate(input, scope, warnings) == true;

    public override string ToString() => Source;
}

public sealed class FeelSyntaxException(string message, int line, int column)
    : Exception($"{message} (line {line}, column {column})")
{
    public string Reason { get; } = message;
    public int Line { get; } = line;
    public int Column { get; } = column;
}
