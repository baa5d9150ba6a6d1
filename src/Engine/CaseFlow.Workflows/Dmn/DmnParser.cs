using System.Xml;
using System.Xml.Linq;
using CaseFlow.Workflows.Xml;

namespace CaseFlow.Workflows.Dmn;

/// <summary>Reads DMN 1.3 / 1.4 / 1.5 XML (as dmn-js, Camunda Modeler and the DMN TCK write it) into a
/// compiled decision requirements graph, and validates it, reporting every problem at once.</summary>
public static class DmnParser
{
    /// <summary>The MODEL namespaces of DMN 1.1 to 1.5; the older ones read the same for what is supported.</summary>
    public static readonly IReadOnlyList<string> Namespaces =
    [
        "https://www.omg.org/spec/DMN/20230324/MODEL/",
        "https://www.omg.org/spec/DMN/20211108/MODEL/",
        "https://www.omg.org/spec/DMN/20191111/MODEL/",
        "http://www.omg.org/spec/DMN/20180521/MODEL/",
        "http://www.omg.org/spec/DMN/20151101/dmn.xsd",
    ];

    /// <summary>Never throws on bad input: malformed XML, unknown elements, invalid FEEL and broken
    /// requirements come back as problems.</summary>
    public static DmnParseResult Parse(string xml)
    {
        var problems = new DmnProblemList();
        var root = Load(xml, problems)?.Root;
        if (root is null) return new DmnParseResult(null, problems.InFileOrder());
        if (root.Name.LocalName != "definitions" || !Namespaces.Contains(root.Name.NamespaceName))
        {
            problems.Error(DmnProblemCodes.NotDmn, null, Line(root),
                $"This is not a DMN file: it starts with <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}', " +
                $"not <definitions> in a DMN 1.3-1.5 namespace such as '{Namespaces[0]}'.");
            return new DmnParseResult(null, problems.InFileOrder());
        }
        var graph = new DmnReader(root, problems).Read();
        if (graph is not null) DmnValidator.Validate(graph, problems);
        return new DmnParseResult(graph, problems.InFileOrder());
    }

    private static XDocument? Load(string? xml, DmnProblemList problems)
    {
        var document = SafeXml.Load(xml, out var error, out var line);
        if (document is null) problems.Error(DmnProblemCodes.InvalidXml, null, line, error!);
        return document;
    }

    internal static int? Line(XElement e) => e is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;
}
