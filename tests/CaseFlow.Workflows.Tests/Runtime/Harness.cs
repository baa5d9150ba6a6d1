using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Calendars;
using CaseFlow.Workflows.Dmn;
using CaseFlow.Workflows.Model;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Tests.Runtime;

/// <summary>
/// Drives the executor the way the service does, in memory: commands in, effects collected, call
/// activities started as child instances. Every command round-trips the state through its durable form.
/// </summary>
internal sealed class Harness
{
    private readonly Dictionary<string, ProcessDefinition> _definitions = new();
    private readonly Dictionary<string, DecisionRequirementsGraph> _decisions = new(StringComparer.Ordinal);
    private DateTimeOffset _now = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    public Dictionary<Guid, InstanceState> Instances { get; } = [];
    /// <summary>The work calendar passed to every command; none unless a test sets one.</summary>
    public IWorkCalendar? Calendar { get; set; }
    public DateTimeOffset Now => _now;
    public List<Effect> Effects { get; } = [];
    public List<HistoryEvent> History { get; } = [];

    public static Harness For(params string[] fixtures)
    {
        var harness = new Harness();
        foreach (var fixture in fixtures)
        {
            var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Runtime", "Fixtures", fixture));
            if (fixture.EndsWith(".dmn", StringComparison.Ordinal)) harness.DeployDecisions(xml);
            else harness.Deploy(xml);
        }
        return harness;
    }

    public void Deploy(string xml)
    {
        var result = BpmnParser.Parse(xml);
        Assert.True(result.IsDeployable, string.Join("\n", result.Problems));
        foreach (var process in result.Processes) _definitions[process.Id] = process;
    }

    /// <summary>Decisions the harness evaluates for business rule tasks; a task whose decision is not here waits.</summary>
    public void DeployDecisions(string xml)
    {
        var result = DmnParser.Parse(xml);
        Assert.True(result.IsDeployable, string.Join("\n", result.Problems));
        foreach (var decision in result.Decisions) _decisions[decision.Id] = result.DecisionRequirementsGraph!;
    }

    public InstanceState Start(string processId, object? variables = null, string? startEventId = null)
    {
        var id = Guid.NewGuid();
        Apply(Executor.Start(_definitions[processId], 1, new StartInstance(id, Vars(variables), StartEventId: startEventId), Tick(), Calendar));
        return Instances[id];
    }

    public ProcessDefinition Definition(string processId) => _definitions[processId];

    public void Execute(InstanceState instance, Command command)
    {
        // The service reloads the state from its durable form for every command; so do we.
        var reloaded = InstanceStateSerializer.Deserialize(InstanceStateSerializer.Serialize(instance));
        Apply(Executor.Execute(_definitions[reloaded.ProcessId], reloaded, command, Tick(), Calendar));
    }

    public void CompleteTask(Guid instanceId, string elementId, object? variables = null, string? user = null)
    {
        var instance = Instances[instanceId];
        Execute(instance, new CompleteTask(TaskKey(instance, elementId), Vars(variables), user));
    }

    public void CompleteJob(Guid instanceId, string elementId, object? variables = null)
    {
        var instance = Instances[instanceId];
        var key = instance.Elements.Values.First(e => e.ElementId == elementId && e.Kind == ElementKind.ServiceTask).Key;
        Execute(instance, new CompleteJob(key, Vars(variables)));
    }

    /// <summary>Fires the active timer of <paramref name="eventId"/>, as the scheduler would when it is due.</summary>
    public void FireTimer(Guid instanceId, string eventId) =>
        Execute(instanceId, new FireTimer(Timer(instanceId, eventId).Key));

    public TimerInstance Timer(Guid instanceId, string eventId) => Instances[instanceId].Timers.Single(t => t.EventId == eventId);

    /// <summary>Correlates a message to the subscription of <paramref name="eventId"/>, as the service would.</summary>
    public void Correlate(Guid instanceId, string eventId, object? variables = null)
    {
        var subscription = Subscription(instanceId, eventId);
        Execute(instanceId, new CorrelateMessage(subscription.Key, subscription.MessageName, Vars(variables)));
    }

    public MessageSubscription Subscription(Guid instanceId, string eventId) =>
        Instances[instanceId].Subscriptions.Single(s => s.EventId == eventId);

    public long KeyOf(Guid instanceId, string elementId) =>
        Instances[instanceId].Elements.Values.First(e => e.ElementId == elementId).Key;

    public Incident Incident(Guid instanceId) => Assert.Single(Instances[instanceId].Incidents);

    public void Execute(Guid instanceId, Command command) => Execute(Instances[instanceId], command);

    public long TaskKey(InstanceState instance, string elementId) =>
        instance.Elements.Values.First(e => e.ElementId == elementId && e.Kind == ElementKind.UserTask).Key;

    public InstanceState Get(Guid id) => Instances[id];

    public string[] ActiveTasks(Guid id) =>
        Instances[id].Elements.Values.Where(e => e.Kind == ElementKind.UserTask).Select(e => e.ElementId).ToArray();

    public IEnumerable<HistoryEvent> HistoryOf(HistoryEventType type) => History.Where(h => h.Type == type);

    private void Apply(ExecutionResult result)
    {
        Instances[result.State.InstanceId] = result.State;
        Effects.AddRange(result.Effects);
        History.AddRange(result.History);
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case ChildInstanceRequested child:
                    Apply(Executor.Start(_definitions[child.ProcessId], 1,
                        new StartInstance(child.ChildInstanceId, child.Variables,
                            Parent: new ParentLink(result.State.InstanceId, child.ElementKey, child.ElementId)), Tick(), Calendar));
                    break;
                case ErrorPassedToParent error when result.State.Parent is { } parent:
                    Execute(Instances[parent.InstanceId], new ThrowError(parent.ElementKey, error.ErrorCode, error.ErrorMessage, error.Variables));
                    break;
                case InstanceEnded { Status: InstanceStatus.Completed } when result.State.Parent is { } parent:
                    Execute(Instances[parent.InstanceId], new CompleteCallActivity(parent.ElementKey, result.State.Variables));
                    break;
                case DecisionRequested request when _decisions.TryGetValue(request.DecisionId, out var graph)
                    && result.State.Find(request.ElementKey) is { Kind: ElementKind.BusinessRuleTask }:
                    // As the service does: evaluate over the visible variables and answer in the same step.
                    var evaluated = graph.Evaluate(request.DecisionId, request.Variables);
                    var matches = evaluated.MatchedRules.Select(m => new DecisionMatch(m.DecisionId, m.RuleId, m.RuleIndex, m.Annotation)).ToList();
                    Execute(Instances[result.State.InstanceId], new CompleteDecision(request.ElementKey, evaluated.Result, matches, evaluated.Warnings));
                    break;
                case ChildInstanceCancelled cancelled when Instances[cancelled.ChildInstanceId].Status == InstanceStatus.Active:
                    Execute(Instances[cancelled.ChildInstanceId], new CancelInstance(null, "parent ended"));
                    break;
            }
        }
    }

    private DateTimeOffset Tick() => _now = _now.AddSeconds(1);

    /// <summary>Anonymous objects as variables; numbers become decimals as they would from JSON.</summary>
    public static IReadOnlyDictionary<string, object?>? Vars(object? variables) => variables switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> d => d,
        _ => variables.GetType().GetProperties().ToDictionary(p => p.Name, p => Normalize(p.GetValue(variables))),
    };

    private static object? Normalize(object? value) => value switch
    {
        int i => (decimal)i,
        long l => (decimal)l,
        double d => (decimal)d,
        Array a => a.Cast<object?>().Select(Normalize).ToList(),
        _ => value,
    };
}
