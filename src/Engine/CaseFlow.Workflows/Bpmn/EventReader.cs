using System.Xml.Linq;
using CaseFlow.Workflows.Model;
using static CaseFlow.Workflows.Bpmn.BpmnNames;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Reads events and their event definitions (timer, message, error, ...) with the Zeebe
/// message subscription. Whether a kind runs is not decided here but in <see cref="Support"/>.</summary>
internal sealed class EventReader(BpmnDocument document, ProblemList problems, ExpressionReader expressions)
{
    private static readonly Dictionary<string, EventTrigger> Triggers = new(StringComparer.Ordinal)
    {
        ["timerEventDefinition"] = EventTrigger.Timer,
        ["messageEventDefinition"] = EventTrigger.Message,
        ["errorEventDefinition"] = EventTrigger.Error,
        ["terminateEventDefinition"] = EventTrigger.Terminate,
        ["signalEventDefinition"] = EventTrigger.Signal,
        ["escalationEventDefinition"] = EventTrigger.Escalation,
        ["compensateEventDefinition"] = EventTrigger.Compensation,
        ["conditionalEventDefinition"] = EventTrigger.Conditional,
        ["linkEventDefinition"] = EventTrigger.Link,
        ["cancelEventDefinition"] = EventTrigger.Cancel,
    };

    public EventNode Read(XElement xml, string local, string id, string? name, int line)
    {
        var definitions = Definitions(xml);
        var trigger = definitions.Count switch
        {
            0 => EventTrigger.None,
            1 => Triggers[definitions[0].Name.LocalName],
            _ => EventTrigger.Multiple,
        };
        var definition = definitions.Count == 1 ? definitions[0] : null;
        // A message start event is correlated by its name alone; every other catching message event
        // waits for one particular instance and so needs a correlation key.
        var timer = trigger == EventTrigger.Timer ? Timer(definition!, id, line) : null;
        var message = trigger != EventTrigger.Message ? null : local switch
        {
            "startEvent" => Message(definition!, id, line, needsKey: false),
            "intermediateCatchEvent" or "boundaryEvent" => Message(definition!, id, line, needsKey: true),
            // Zeebe hands throwing message events to a job worker; CaseFlow publishes the message itself,
            // so it needs to know which.
            _ => ThrownMessage(definition!, id, line),
        };
        var errorCode = trigger == EventTrigger.Error ? ErrorCode(definition!, local, id, line) : null;

        return local switch
        {
            "startEvent" => new StartEvent(id, name, line, trigger) { Timer = timer, Message = message, ErrorCode = errorCode },
            "endEvent" => new EndEvent(id, name, line, trigger) { Timer = timer, Message = message, ErrorCode = errorCode },
            "intermediateCatchEvent" => new IntermediateCatchEvent(id, name, line, trigger) { Timer = timer, Message = message, ErrorCode = errorCode },
            "intermediateThrowEvent" => new IntermediateThrowEvent(id, name, line, trigger) { Timer = timer, Message = message, ErrorCode = errorCode },
            _ => new BoundaryEvent(id, name, line, trigger, cancelActivity: xml.Attr("cancelActivity") is not ("false" or "0"))
            {
                Timer = timer, Message = message, ErrorCode = errorCode,
            },
        };
    }

    /// <summary>The message a receive task waits for; a stand-in with an empty name when it has none
    /// (reported), because the model requires one.</summary>
    public MessageDefinition ReceiveTaskMessage(XElement xml, string id, int line) =>
        Message(xml, id, line, needsKey: true) ?? new MessageDefinition("", null);

    /// <summary>Inline definitions, plus eventDefinitionRef to definitions declared at the file's root.</summary>
    private List<XElement> Definitions(XElement xml)
    {
        var inline = xml.Elements().Where(e => e.IsBpmn() && Triggers.ContainsKey(e.Name.LocalName));
        var referenced = xml.Elements(BpmnNs + "eventDefinitionRef")
            .Select(r => document.Find(r.Text()))
            .OfType<XElement>()
            .Where(e => Triggers.ContainsKey(e.Name.LocalName));
        return inline.Concat(referenced).ToList();
    }

    private TimerDefinition? Timer(XElement definition, string id, int line)
    {
        foreach (var (kind, element) in new[] { (TimerKind.Date, "timeDate"), (TimerKind.Duration, "timeDuration"), (TimerKind.Cycle, "timeCycle") })
        {
            if (definition.Element(BpmnNs + element).Text() is { } text)
            {
                return new TimerDefinition(kind, expressions.Attribute(text, $"timer {element}", id, line)!);
            }
        }
        problems.Error(ProblemCodes.MissingTimerValue, id, line,
            "The timer has no timeDate, timeDuration or timeCycle, so it never knows when to fire.");
        return null;
    }

    private MessageDefinition? Message(XElement holder, string id, int line, bool needsKey)
    {
        var reference = holder.Attr("messageRef");
        if (document.Find(reference, "message") is not { } message || message.Attr("name") is not { } name)
        {
            problems.Error(ProblemCodes.MissingMessage, id, line, reference is null
                ? "It waits for a message but does not say which: choose a message (messageRef) with a name."
                : $"It refers to the message '{reference}', but the file has no bpmn:message with that id and a name.");
            return null;
        }
        var keyText = message.ZeebeExtension("subscription")?.Attr("correlationKey");
        if (keyText is null && needsKey)
        {
            problems.Error(ProblemCodes.MissingCorrelationKey, id, line,
                $"The message '{name}' has no correlation key (zeebe:subscription correlationKey), so CaseFlow cannot tell which case a received message belongs to.");
        }
        return new MessageDefinition(name, expressions.Attribute(keyText, "correlation key", id, line));
    }

    private MessageDefinition? ThrownMessage(XElement definition, string id, int line)
    {
        if (definition.Attr("messageRef") is not null) return Message(definition, id, line, needsKey: false);
        problems.Error(ProblemCodes.MissingMessage, id, line,
            "It throws a message but does not say which: choose a message (messageRef) with a name. CaseFlow publishes it itself " +
            "(a job worker on a message event, zeebe:taskDefinition, is not supported).");
        return null;
    }

    private string? ErrorCode(XElement definition, string local, string id, int line)
    {
        var code = document.Find(definition.Attr("errorRef"), "error")?.Attr("errorCode");
        if (code is null && local is "endEvent" or "intermediateThrowEvent")
        {
            problems.Error(ProblemCodes.MissingErrorCode, id, line,
                "The error end event must reference a bpmn:error with an errorCode: the code is what a boundary event catches.");
        }
        return code;
    }
}
