using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Bpmn;

public enum SupportLevel
{
    /// <summary>The executor runs it.</summary>
    Executable,
    /// <summary>Parsed into the model, refused at deploy until the issue that runs it lands.</summary>
    NotYet,
    /// <summary>Not planned: refused at deploy.</summary>
    Unsupported,
}

/// <summary>
/// The one table of which element kinds CaseFlow runs. The parser reads far more than the executor
/// runs; this is where a deploy is refused for that gap, and where a later issue flips a kind from
/// <see cref="SupportLevel.NotYet"/> to <see cref="SupportLevel.Executable"/> once it executes it.
/// A kind missing from the table is <see cref="SupportLevel.Unsupported"/>.
/// </summary>
public static class Support
{
    private static readonly Dictionary<string, SupportLevel> Kinds = new(StringComparer.Ordinal)
    {
        ["none start event"] = SupportLevel.Executable,
        ["none end event"] = SupportLevel.Executable,
        ["terminate end event"] = SupportLevel.Executable,
        ["task"] = SupportLevel.Executable,
        ["user task"] = SupportLevel.Executable,
        ["service task"] = SupportLevel.Executable,
        ["script task"] = SupportLevel.Executable,
        ["sub-process"] = SupportLevel.Executable,
        ["call activity"] = SupportLevel.Executable,
        ["business rule task"] = SupportLevel.Executable,
        ["exclusive gateway"] = SupportLevel.Executable,
        ["parallel gateway"] = SupportLevel.Executable,
        ["inclusive gateway"] = SupportLevel.Executable,
        // A milestone marker: the executor passes straight through it.
        ["none intermediate throw event"] = SupportLevel.Executable,

        // The service schedules timer start events (TimerValues) and starts the instance there.
        ["timer start event"] = SupportLevel.Executable,
        ["timer intermediate catch event"] = SupportLevel.Executable,
        ["timer boundary event"] = SupportLevel.Executable,
        // The service correlates messages to subscriptions and to message start events by name.
        ["message start event"] = SupportLevel.Executable,
        ["message intermediate catch event"] = SupportLevel.Executable,
        ["message intermediate throw event"] = SupportLevel.Executable,
        ["message end event"] = SupportLevel.Executable,
        ["message boundary event"] = SupportLevel.Executable,
        ["receive task"] = SupportLevel.Executable,
        ["event-based gateway"] = SupportLevel.Executable,
        // Errors thrown by end events, job workers and called instances.
        ["error end event"] = SupportLevel.Executable,
        ["error boundary event"] = SupportLevel.Executable,
        // Event sub-processes run when started by an error; error start events only exist in them.
        ["error start event"] = SupportLevel.Executable,
        ["event sub-process"] = SupportLevel.Executable,
        ["timer start event in an event sub-process"] = SupportLevel.NotYet,
        ["message start event in an event sub-process"] = SupportLevel.NotYet,
    };

    public static SupportLevel LevelOf(string kind) => Kinds.GetValueOrDefault(kind, SupportLevel.Unsupported);

    public static SupportLevel LevelOf(FlowNode node) => LevelOf(Describe(node).Kind);

    /// <summary>How a supervisor calls the node (the table's key) and how it is written in the XML.</summary>
    public static (string Kind, string Xml) Describe(FlowNode node) => node switch
    {
        EventNode e => ($"{TriggerWord(e.Trigger)} {EventPosition(e)}", EventXml(e)),
        UnsupportedElement u => (BpmnNames.UnmodelledFlowNodes.GetValueOrDefault(u.ElementName, u.ElementName), u.ElementName),
        PassThroughTask => ("task", "task"),
        UserTask => ("user task", "userTask"),
        ServiceTask => ("service task", "serviceTask"),
        ScriptTask => ("script task", "scriptTask"),
        BusinessRuleTask => ("business rule task", "businessRuleTask"),
        ReceiveTask => ("receive task", "receiveTask"),
        SubProcess { TriggeredByEvent: true } => ("event sub-process", "subProcess triggeredByEvent=\"true\""),
        SubProcess => ("sub-process", "subProcess"),
        CallActivity => ("call activity", "callActivity"),
        ExclusiveGateway => ("exclusive gateway", "exclusiveGateway"),
        ParallelGateway => ("parallel gateway", "parallelGateway"),
        InclusiveGateway => ("inclusive gateway", "inclusiveGateway"),
        EventBasedGateway => ("event-based gateway", "eventBasedGateway"),
        _ => (node.GetType().Name, node.GetType().Name),
    };

    /// <summary>Reports <paramref name="kind"/> unless it is executable.</summary>
    internal static void Check(string kind, string xml, string elementId, int line, ProblemList problems)
    {
        var level = LevelOf(kind);
        if (level == SupportLevel.Executable) return;
        var what = $"The {kind} ({xml})";
        problems.Error(ProblemCodes.UnsupportedElement, elementId, line, level == SupportLevel.NotYet
            ? $"{what} is not supported yet; CaseFlow will run it in a later version."
            : $"{what} is not supported: CaseFlow cannot run it. Model it with the supported elements instead.");
    }

    internal static void Check(FlowNode node, ProblemList problems)
    {
        var (kind, xml) = Describe(node);
        Check(kind, xml, node.Id, node.Line, problems);
    }

    private static string TriggerWord(EventTrigger trigger) => trigger switch
    {
        EventTrigger.Multiple => "multiple-trigger",
        _ => trigger.ToString().ToLowerInvariant(),
    };

    private static string EventPosition(EventNode e) => e switch
    {
        StartEvent => "start event",
        EndEvent => "end event",
        IntermediateCatchEvent => "intermediate catch event",
        IntermediateThrowEvent => "intermediate throw event",
        _ => "boundary event",
    };

    private static string EventXml(EventNode e)
    {
        var element = e switch
        {
            StartEvent => "startEvent",
            EndEvent => "endEvent",
            IntermediateCatchEvent => "intermediateCatchEvent",
            IntermediateThrowEvent => "intermediateThrowEvent",
            _ => "boundaryEvent",
        };
        return e.Trigger switch
        {
            EventTrigger.None => $"{element} without an event definition",
            EventTrigger.Multiple => $"{element} with several event definitions",
            EventTrigger.Compensation => $"{element} with compensateEventDefinition",
            var t => $"{element} with {t.ToString().ToLowerInvariant()}EventDefinition",
        };
    }
}
