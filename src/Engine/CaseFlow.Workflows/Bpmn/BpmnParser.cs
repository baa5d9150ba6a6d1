using System.Xml.Linq;
using CaseFlow.Workflows.Xml;
using CaseFlow.Workflows.Model;
using static CaseFlow.Workflows.Bpmn.BpmnNames;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Reads BPMN 2.0 XML into immutable process definitions and validates them, reporting every problem at once.</summary>
public static class BpmnParser
{
    /// <summary>Never throws on bad input: malformed XML, unknown elements and invalid graphs come back as problems.</summary>
    public static BpmnParseResult Parse(string xml)
    {
        var problems = new ProblemList();
        var root = Load(xml, problems)?.Root;
        if (root is null) return new BpmnParseResult([], problems.InFileOrder());
        if (root.Name != BpmnNs + "definitions")
        {
            problems.Error(ProblemCodes.NotBpmn, null, root.LineOf(),
                $"This is not a BPMN 2.0 file: it starts with <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}', " +
                $"not <definitions> in '{BpmnNs.NamespaceName}'.");
            return new BpmnParseResult([], problems.InFileOrder());
        }

        var document = new BpmnDocument(root, problems);
        foreach (var choreography in root.Elements(BpmnNs + "choreography"))
        {
            Support.Check("choreography", "choreography", document.IdOf(choreography), choreography.LineOf(), problems);
        }

        var processes = new List<ProcessDefinition>();
        foreach (var element in ExecutableProcesses(root))
        {
            if (!document.Owns(element)) continue;
            var process = new BpmnReader(document, problems).Read(element).Seal();
            BpmnValidator.Validate(process, problems);
            processes.Add(process);
        }
        if (processes.Count == 0)
        {
            problems.Error(ProblemCodes.NoExecutableProcess, document.DefinitionsId, root.LineOf(),
                "The file contains no process to run: add a process (pools, lanes and collaborations alone only draw one).");
        }
        return new BpmnParseResult(processes, problems.InFileOrder());
    }

    private static XDocument? Load(string? xml, ProblemList problems)
    {
        var document = SafeXml.Load(xml, out var error, out var line);
        if (document is null) problems.Error(ProblemCodes.InvalidXml, null, line, error!);
        return document;
    }

    /// <summary>Processes marked isExecutable="true"; when none is, every process, because many modelers
    /// write isExecutable="false" by default and the upload itself says the file is meant to run.</summary>
    private static List<XElement> ExecutableProcesses(XElement definitions)
    {
        var all = definitions.Elements(BpmnNs + "process").ToList();
        var marked = all.Where(IsExecutable).ToList();
        return marked.Count > 0 ? marked : all;
    }

    internal static bool IsExecutable(XElement process) => process.Attr("isExecutable") is "true" or "1";
}
