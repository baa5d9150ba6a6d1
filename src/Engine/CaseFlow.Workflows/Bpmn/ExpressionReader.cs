using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>
/// Turns attribute values and expression bodies into <see cref="Expression"/>s, reporting what does not
/// parse. A refused expression comes back as static text rather than null, so the element keeps its
/// shape (a flow keeps "having a condition") and the other checks do not report follow-on noise.
/// </summary>
/// <remarks>
/// Only <see cref="FeelSyntaxException"/> is caught: anything else from the FEEL parser is a bug there
/// (or, before FEEL is merged, its NotImplementedException) and must not be dressed up as bad input.
/// </remarks>
internal sealed class ExpressionReader(ProblemList problems)
{
    /// <summary>A Zeebe attribute: <c>=...</c> is FEEL, anything else static text.</summary>
    /// <param name="what">Names the value for the reason, e.g. "assignee" or "job type".</param>
    public Expression? Attribute(string? text, string what, string elementId, int line)
    {
        if (text is null) return null;
        if (text.TrimStart().StartsWith('=')) return Feel(text, what, elementId, line);
        // Static text has no syntax to get wrong, but a Camunda 7 "${...}" left in it would silently
        // become a literal assignee or job type.
        if (text.Contains("${", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal))
        {
            ReportJuel(text, what, elementId, line);
        }
        return Expression.Static(text);
    }

    /// <summary>Always FEEL, with or without a leading <c>=</c>: conditions, input collections, completion conditions.</summary>
    public Expression Feel(string text, string what, string elementId, int line)
    {
        var body = text.TrimStart();
        if (body.StartsWith('=')) body = body[1..].TrimStart();
        if (body.StartsWith("${", StringComparison.Ordinal) || body.StartsWith("#{", StringComparison.Ordinal))
        {
            ReportJuel(text, what, elementId, line);
            return Expression.Static(text);
        }
        try
        {
            return Expression.Feel(text);
        }
        catch (FeelSyntaxException ex)
        {
            var where = ex.Line > 1 ? $"line {ex.Line}, column {ex.Column} of the expression" : $"column {ex.Column}";
            problems.Error(ProblemCodes.InvalidExpression, elementId, line,
                $"The {what} '{Shorten(text)}' is not valid FEEL: {ex.Reason} ({where}).");
            return Expression.Static(text);
        }
    }

    private void ReportJuel(string text, string what, string elementId, int line) =>
        problems.Error(ProblemCodes.InvalidExpression, elementId, line,
            $"The {what} '{Shorten(text)}' is a JUEL expression; CaseFlow uses FEEL (as Camunda 8 does). " +
            "Write it as FEEL starting with '=', e.g. '= approved' for '${approved}' or '= not(approved)' for '${!approved}'.");

    private static string Shorten(string text)
    {
        var oneLine = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
        return oneLine.Length <= 80 ? oneLine : oneLine[..77] + "...";
    }
}
