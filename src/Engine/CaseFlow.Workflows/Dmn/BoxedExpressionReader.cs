using System.Xml.Linq;
using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Dmn;

/// <summary>Reads boxed expressions and compiles every FEEL text in them once; what does not parse is
/// reported with the FEEL line and column and evaluates to null.</summary>
internal sealed partial class BoxedExpressionReader(XNamespace ns, DmnProblemList problems, NameQuoter names)
{
    private static readonly HashSet<string> Kinds =
        ["literalExpression", "decisionTable", "context", "relation", "list", "invocation", "functionDefinition"];

    private static readonly FeelExpression Null = FeelExpression.Parse("null");

    // What a cell that did not parse tests: nothing matches it (the file is refused at deploy anyway).
    private static readonly FeelUnaryTests Never = FeelUnaryTests.Parse("? != ?");

    /// <summary>The decision logic of a decision or a BKM's encapsulatedLogic: its one boxed-expression child.</summary>
    public BoxedExpression? ReadLogic(XElement owner, string ownerId, string ownerName)
    {
        var logic = owner.Elements().FirstOrDefault(e => e.Name.Namespace == ns && Kinds.Contains(e.Name.LocalName));
        if (logic is null)
        {
            var other = owner.Elements().FirstOrDefault(e => e.Name.Namespace == ns && e.Name.LocalName is "conditional" or "filter" or "for" or "every" or "some");
            if (other is not null) Unsupported(other, ownerId);
            else problems.Error(DmnProblemCodes.MissingExpression, ownerId, DmnParser.Line(owner), $"'{ownerName}' has no decision logic (a decision table, literal expression, context...).");
            return null;
        }
        return Read(logic, ownerId);
    }

    private BoxedExpression? Read(XElement e, string ownerId)
    {
        var id = (string?)e.Attribute("id");
        switch (e.Name.LocalName)
        {
            case "literalExpression":
                var text = e.Element(ns + "text")?.Value;
                if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Error(DmnProblemCodes.MissingExpression, id ?? ownerId, DmnParser.Line(e), "The literal expression has no text.");
                    return new LiteralExpression(id, Null);
                }
                return new LiteralExpression(id, Expression(text, "literal expression", id ?? ownerId, e));
            case "decisionTable":
                return ReadTable(e, id ?? ownerId);
            case "context":
                return new ContextExpression(id, e.Elements(ns + "contextEntry").Select(entry =>
                {
                    var variable = entry.Element(ns + "variable");
                    var value = ReadChild(entry, ownerId) ?? new LiteralExpression(null, Null);
                    return new ContextEntry((string?)variable?.Attribute("name"), (string?)variable?.Attribute("typeRef"), value);
                }).ToList());
            case "list":
                return new ListExpression(id, e.Elements().Where(IsBoxed).Select(x => Read(x, ownerId) ?? new LiteralExpression(null, Null)).ToList());
            case "relation":
                var columns = e.Elements(ns + "column").Select(c => (string?)c.Attribute("name") ?? "").ToList();
                var rows = e.Elements(ns + "row").Select(r =>
                    (IReadOnlyList<BoxedExpression>)r.Elements().Where(IsBoxed).Select(x => Read(x, ownerId) ?? new LiteralExpression(null, Null)).ToList()).ToList();
                return new RelationExpression(id, columns, rows);
            case "invocation":
                var callee = e.Elements().FirstOrDefault(IsBoxed) is { Name.LocalName: "literalExpression" } c0
                    ? Expression(c0.Element(ns + "text")?.Value ?? "null", "invoked function", id ?? ownerId, c0)
                    : Null;
                var bindings = e.Elements(ns + "binding").Select(b =>
                    ((string?)b.Element(ns + "parameter")?.Attribute("name") ?? "", ReadChild(b, ownerId) ?? new LiteralExpression(null, Null))).ToList();
                return new InvocationExpression(id, callee, bindings);
            case "functionDefinition":
                var parameters = e.Elements(ns + "formalParameter").ToList();
                var kind = (string?)e.Attribute("kind");
                if (kind is not (null or "FEEL")) Unsupported(e, ownerId, $"functions of kind '{kind}'");
                return new FunctionDefinitionExpression(id, parameters.Select(p => (string?)p.Attribute("name") ?? "").ToArray(),
                    parameters.Select(p => (string?)p.Attribute("typeRef")).ToArray(), ReadChild(e, ownerId) ?? new LiteralExpression(null, Null));
            default:
                Unsupported(e, ownerId);
                return null;
        }
    }

    private bool IsBoxed(XElement e) => e.Name.Namespace == ns && Kinds.Contains(e.Name.LocalName);

    private BoxedExpression? ReadChild(XElement parent, string ownerId) => parent.Elements().FirstOrDefault(IsBoxed) is { } child ? Read(child, ownerId) : null;

    private void Unsupported(XElement e, string ownerId, string? what = null) =>
        problems.Error(DmnProblemCodes.UnsupportedElement, (string?)e.Attribute("id") ?? ownerId, DmnParser.Line(e),
            $"CaseFlow does not evaluate {what ?? $"<{e.Name.LocalName}> boxed expressions"} yet.");

    internal FeelExpression Expression(string text, string what, string elementId, XElement at)
    {
        try
        {
            return FeelExpression.Parse(names.Quote(text));
        }
        catch (FeelSyntaxException ex)
        {
            Invalid(text, what, elementId, at, ex);
            return Null;
        }
    }

    /// <summary>Null for <c>-</c> or an empty cell: the caller treats it as "any input".</summary>
    internal FeelUnaryTests? UnaryTests(string? text, string what, string elementId, XElement at)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "-") return null;
        try
        {
            return FeelUnaryTests.Parse(names.Quote(text));
        }
        catch (FeelSyntaxException ex)
        {
            Invalid(text, what, elementId, at, ex);
            return Never;
        }
    }

    private void Invalid(string text, string what, string elementId, XElement at, FeelSyntaxException ex)
    {
        var shown = text.Length > 80 ? text[..80] + "..." : text;
        problems.Error(DmnProblemCodes.InvalidExpression, elementId, DmnParser.Line(at),
            $"The {what} '{shown}' is not valid FEEL: {ex.Reason} (line {ex.Line}, column {ex.Column}).");
    }
}
