using System.Xml;
using System.Xml.Linq;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Namespaces and the element vocabulary the reader sorts BPMN children by.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace BpmnNs = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace ZeebeNs = "http://camunda.org/schema/zeebe/1.0";
    public static readonly XNamespace Camunda7Ns = "http://camunda.org/schema/1.0/bpmn";

    /// <summary>
    /// Children of a process or sub-process that are not flow elements: lanes, artifacts, data and
    /// documentation only describe or draw the process, so they are skipped without a problem; loop
    /// characteristics are read with their activity.
    /// </summary>
    public static readonly HashSet<string> NotFlowElements = new(StringComparer.Ordinal)
    {
        "multiInstanceLoopCharacteristics", "standardLoopCharacteristics",
        "documentation", "extensionElements", "laneSet", "lane", "dataObject", "dataObjectReference",
        "dataStoreReference", "dataInput", "dataOutput", "association", "group", "textAnnotation",
        "category", "property", "ioSpecification", "ioBinding", "auditing", "monitoring", "performer",
        "humanPerformer", "potentialOwner", "resourceRole", "correlationSubscription", "supports",
        "incoming", "outgoing", "dataInputAssociation", "dataOutputAssociation",
    };

    /// <summary>BPMN flow nodes CaseFlow has no model for; each becomes an <c>UnsupportedElement</c>
    /// placeholder. The value is how the element is named to a supervisor.</summary>
    public static readonly Dictionary<string, string> UnmodelledFlowNodes = new(StringComparer.Ordinal)
    {
        ["complexGateway"] = "complex gateway",
        ["transaction"] = "transaction sub-process",
        ["adHocSubProcess"] = "ad-hoc sub-process",
        ["callChoreography"] = "call choreography",
        ["choreographyTask"] = "choreography task",
        ["subChoreography"] = "sub-choreography",
        ["implicitThrowEvent"] = "implicit throw event",
    };

    public static bool IsBpmn(this XElement element) => element.Name.Namespace == BpmnNs;

    public static int LineOf(this XObject node) => ((IXmlLineInfo)node).HasLineInfo() ? ((IXmlLineInfo)node).LineNumber : 0;

    /// <summary>An attribute's trimmed value, or null when it is absent or blank: modelers often
    /// leave empty attributes behind, and those mean "not set".</summary>
    public static string? Attr(this XElement element, XName name)
    {
        var value = element.Attribute(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The zeebe:* element inside bpmn:extensionElements.</summary>
    public static XElement? ZeebeExtension(this XElement element, string localName) =>
        element.Element(BpmnNs + "extensionElements")?.Element(ZeebeNs + localName);

    /// <summary>Non-blank trimmed text content, or null.</summary>
    public static string? Text(this XElement? element)
    {
        var value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
