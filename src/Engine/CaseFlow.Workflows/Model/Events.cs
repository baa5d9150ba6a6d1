namespace CaseFlow.Workflows.Model;

/// <summary>What starts, ends or interrupts at an event. The executor runs None, Terminate, Timer, Message
/// and Error; the others are parsed and refused at deploy (see <c>Bpmn.Support</c>).</summary>
public enum EventTrigger { None, Terminate, Timer, Message, Error, Signal, Escalation, Compensation, Conditional, Link, Cancel, Multiple }

public abstract class EventNode(string id, string? name, int line, EventTrigger trigger) : FlowNode(id, name, line)
{
    public EventTrigger Trigger { get; } = trigger;
    /// <summary>Timer value (ISO 8601 or FEEL), for timer events.</summary>
    public TimerDefinition? Timer { get; init; }
    /// <summary>Message name and correlation key, for message events.</summary>
    public MessageDefinition? Message { get; init; }
    /// <summary>errorCode of the referenced error, for error events (null: catch all).</summary>
    public string? ErrorCode { get; init; }
}

public sealed class StartEvent(string id, string? name, int line, EventTrigger trigger) : EventNode(id, name, line, trigger);

public sealed class EndEvent(string id, string? name, int line, EventTrigger trigger) : EventNode(id, name, line, trigger);

public sealed class IntermediateCatchEvent(string id, string? name, int line, EventTrigger trigger) : EventNode(id, name, line, trigger);

public sealed class IntermediateThrowEvent(string id, string? name, int line, EventTrigger trigger) : EventNode(id, name, line, trigger);

public sealed class BoundaryEvent(string id, string? name, int line, EventTrigger trigger, bool cancelActivity) : EventNode(id, name, line, trigger)
{
    public bool CancelActivity { get; } = cancelActivity;
    public Activity AttachedTo { get; internal set; } = null!;
}

public enum TimerKind { Date, Duration, Cycle }

public sealed record TimerDefinition(TimerKind Kind, Expression Value);

public sealed record MessageDefinition(string Name, Expression? CorrelationKey);
