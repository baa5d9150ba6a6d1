using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>Message subscriptions of catch events, receive tasks, boundary events and event-based gateways,
/// their correlation, and the messages throw and end events publish.</summary>
internal static class Messages
{
    /// <summary>The subscription's correlation key, evaluated from <paramref name="scopeKey"/> as text; a value
    /// that is neither text nor a number is an <see cref="ElementFailure"/> of the element being started.</summary>
    public static string CorrelationKey(Run run, FlowNode node, MessageDefinition message, long scopeKey)
    {
        if (message.CorrelationKey is not { } expression) return "";
        var value = run.Evaluate(expression, scopeKey, node.Id);
        return value as string ?? FeelNumbers.PlainText(value) ?? throw new ElementFailure("correlation_key_invalid",
            $"The correlation key of '{node.Id}' ({expression.Source}) for message '{message.Name}' gave " +
            (value is null ? "null" : $"a {Feel.FeelValue.TypeName(value)}") + "; it must be a text or a number.");
    }

    public static void Subscribe(Run run, ElementInstance owner, FlowNode waiting, MessageDefinition message, string correlationKey)
    {
        var subscription = new MessageSubscription
        {
            Key = run.State.NextKey++,
            ElementKey = owner.Key,
            EventId = waiting.Id,
            MessageName = message.Name,
            CorrelationKey = correlationKey,
        };
        run.State.Subscriptions.Add(subscription);
        run.Effects.Add(new MessageSubscriptionOpened(subscription.Key, owner.Key, waiting.Id, message.Name, correlationKey));
        run.Record(HistoryEventType.MessageSubscribed, waiting.Id, owner.Key, detail: $"{message.Name} [{correlationKey}]");
    }

    /// <summary>An element that ends takes its subscriptions (its own and its boundary events') with it.</summary>
    public static void CloseFor(Run run, ElementInstance element)
    {
        if (run.State.Subscriptions.Count == 0) return;
        foreach (var subscription in run.State.Subscriptions.FindAll(s => s.ElementKey == element.Key)) Close(run, subscription);
    }

    private static void Close(Run run, MessageSubscription subscription)
    {
        run.State.Subscriptions.Remove(subscription);
        run.Effects.Add(new MessageSubscriptionClosed(subscription.Key));
    }

    /// <summary>
    /// The message's variables are set like a completion's on the element that waited, and it goes on. The
    /// subscription closes, except on a non-interrupting boundary event, which catches every such message
    /// while its activity runs.
    /// </summary>
    public static void Correlate(Run run, CorrelateMessage command)
    {
        var subscription = run.State.Subscriptions.Find(s => s.Key == command.SubscriptionKey)
            ?? throw new WorkflowException(WorkflowErrorKind.Conflict, "subscription_not_active",
                $"The message subscription {command.SubscriptionKey} is not active in instance {run.State.InstanceId}.");
        if (subscription.MessageName != command.MessageName)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "message_name_mismatch",
                $"The subscription {subscription.Key} waits for message '{subscription.MessageName}', not '{command.MessageName}'.", subscription.EventId);
        var owner = run.State.Elements[subscription.ElementKey];
        var waiting = run.Definition.Node(subscription.EventId);
        run.Record(HistoryEventType.MessageCorrelated, waiting.Id, owner.Key, detail: $"{subscription.MessageName} [{subscription.CorrelationKey}]");
        if (waiting is not BoundaryEvent { CancelActivity: false }) Close(run, subscription);
        Triggers.Trigger(run, owner, waiting, command.Variables);
    }

    /// <summary>A message throw or end event publishes its message: the key evaluated where it is thrown, its
    /// input mappings as the variables.</summary>
    public static void Publish(Run run, EventNode thrower, ElementInstance element)
    {
        var message = thrower.Message!;
        var key = CorrelationKey(run, thrower, message, element.Key);
        var variables = new Dictionary<string, object?>(element.Variables ?? [], StringComparer.Ordinal);
        run.Effects.Add(new MessagePublished(message.Name, key, variables));
        run.Record(HistoryEventType.MessagePublished, thrower.Id, element.Key, detail: $"{message.Name} [{key}]");
    }
}
