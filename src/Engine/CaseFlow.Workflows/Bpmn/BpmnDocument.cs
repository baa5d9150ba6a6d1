using System.Xml.Linq;
using static CaseFlow.Workflows.Bpmn.BpmnNames;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>
/// The whole-file facts the processes refer to: every BPMN element by id (ids are unique per file,
/// not per process), messages, errors, event definitions declared at the root, and the zeebe:userTaskForm
/// bodies that user tasks point at.
/// </summary>
internal sealed class BpmnDocument
{
    private readonly Dictionary<string, XElement> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, XElement> _forms = new(StringComparer.Ordinal);
    private readonly ProblemList _problems;

    public BpmnDocument(XElement definitions, ProblemList problems)
    {
        Definitions = definitions;
        _problems = problems;
        foreach (var element in definitions.DescendantsAndSelf())
        {
            if (element.Name == ZeebeNs + "userTaskForm" && element.Attr("id") is { } formId) _forms.TryAdd(formId, element);
            if (!element.IsBpmn() || element.Attr("id") is not { } id) continue;
            if (_byId.TryGetValue(id, out var first))
            {
                problems.Error(ProblemCodes.DuplicateId, id, element.LineOf(),
                    $"The id '{id}' is already used by the {first.Name.LocalName} on line {first.LineOf()}; every element in a file needs its own id.");
            }
            else
            {
                _byId.Add(id, element);
            }
        }
    }

    public XElement Definitions { get; }

    /// <summary>The id that names the file in file-level problems.</summary>
    public string DefinitionsId => Definitions.Attr("id") ?? "definitions";

    /// <summary>The element's id; an element without one gets a stand-in naming its kind and line, so
    /// that later problems can still point at it.</summary>
    public string IdOf(XElement element)
    {
        if (element.Attr("id") is { } id) return id;
        var standIn = $"{element.Name.LocalName}@line{element.LineOf()}";
        _problems.Error(ProblemCodes.MissingId, standIn, element.LineOf(),
            $"This {element.Name.LocalName} has no id; every BPMN element needs one so that flows and the engine can refer to it.");
        return standIn;
    }

    /// <summary>False for the second and later elements sharing an id: those are reported as
    /// duplicates and left out, so references resolve to the first.</summary>
    public bool Owns(XElement element) =>
        element.Attr("id") is not { } id || (_byId.TryGetValue(id, out var first) && first == element);

    /// <summary>The root-level BPMN element <paramref name="id"/> if it has the expected local name.</summary>
    public XElement? Find(string? id, string localName) =>
        id is not null && _byId.TryGetValue(Unqualify(id), out var element) && element.Name.LocalName == localName ? element : null;

    public XElement? Find(string? id) => id is not null && _byId.TryGetValue(Unqualify(id), out var element) ? element : null;

    public XElement? Form(string id) => _forms.GetValueOrDefault(id);

    /// <summary>References are QNames in the spec (<c>tns:Message_1</c>); ids never contain a colon.</summary>
    private static string Unqualify(string reference) =>
        reference.IndexOf(':') is var colon and >= 0 ? reference[(colon + 1)..] : reference;
}
