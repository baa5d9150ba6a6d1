using CaseFlow.Workflows.Calendars;
using CaseFlow.Workflows.Model;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// One command's execution: the agenda of pending steps, and the effects and history it produces.
/// Steps run in FIFO order from an explicit queue (no recursion), so long chains of pass-through
/// elements cannot overflow the stack and the order of events is deterministic.
/// </summary>
internal sealed class Run(ProcessDefinition definition, InstanceState state, DateTimeOffset now, IWorkCalendar? calendar = null)
{
    private readonly Queue<Step> _agenda = new();
    // Tokens queued but not yet arrived, per scope (0 = process level): a scope with tokens in transit
    // is not finished even when it holds no element instance right now.
    private int _inTransitAtRoot;
    private Dictionary<long, int>? _inTransit;
    private HashSet<long>? _terminatedScopes;
    private List<string>? _warnings;

    public ProcessDefinition Definition { get; } = definition;
    public InstanceState State { get; } = state;
    public DateTimeOffset Now { get; } = now;
    public IWorkCalendar? Calendar { get; } = calendar;
    public List<Effect> Effects { get; } = [];
    public List<HistoryEvent> History { get; } = [];

    private enum StepKind { Activate, Leave, TakeFlow }

    private readonly record struct Step(StepKind Kind, FlowNode? Node, long? ScopeKey, ElementInstance? Element, SequenceFlow? Flow);

    public void EnqueueActivate(FlowNode node, long? scopeKey) => Enqueue(new(StepKind.Activate, node, scopeKey, null, null));

    public void EnqueueLeave(ElementInstance element) => _agenda.Enqueue(new(StepKind.Leave, null, element.ScopeKey, element, null));

    public void EnqueueTakeFlow(SequenceFlow flow, long? scopeKey) => Enqueue(new(StepKind.TakeFlow, null, scopeKey, null, flow));

    private void Enqueue(Step step)
    {
        CountInTransit(step.ScopeKey, +1);
        _agenda.Enqueue(step);
    }

    private void CountInTransit(long? scopeKey, int delta)
    {
        if (scopeKey is not { } key)
        {
            _inTransitAtRoot += delta;
            return;
        }
        _inTransit ??= [];
        _inTransit[key] = _inTransit.GetValueOrDefault(key) + delta;
    }

    private int InTransit(long? scopeKey) =>
        scopeKey is { } key ? _inTransit?.GetValueOrDefault(key) ?? 0 : _inTransitAtRoot;

    /// <summary>Steps queued for a scope that ended meanwhile (terminated, cancelled) are dropped.</summary>
    private bool IsAlive(long? scopeKey) =>
        scopeKey is { } key
            ? State.Elements.ContainsKey(key) && _terminatedScopes?.Contains(key) != true
            : State.Status == InstanceStatus.Active;

    public void MarkTerminated(long scopeKey) => (_terminatedScopes ??= []).Add(scopeKey);

    /// <summary>Drops the tokens still in transit inside a scope that an interrupting event sub-process takes
    /// over; the scope itself lives on.</summary>
    public void DropPending(long? scopeKey)
    {
        if (InTransit(scopeKey) == 0) return;
        var pending = _agenda.ToArray();
        _agenda.Clear();
        foreach (var step in pending)
        {
            if (step.Kind != StepKind.Leave && step.ScopeKey == scopeKey)
            {
                CountInTransit(scopeKey, -1);
                continue;
            }
            _agenda.Enqueue(step);
        }
    }

    /// <summary>Runs every pending step; then fires inclusive joins that nothing can reach any more, and repeats.</summary>
    public void Drain()
    {
        do
        {
            while (_agenda.TryDequeue(out var step))
            {
                if (step.Kind != StepKind.Leave) CountInTransit(step.ScopeKey, -1);
                if (!IsAlive(step.ScopeKey)) continue;
                switch (step.Kind)
                {
                    case StepKind.Activate: Activation.Activate(this, step.Node!, step.ScopeKey); break;
                    case StepKind.Leave: Completion.Leave(this, step.Element!); break;
                    case StepKind.TakeFlow: Activation.TakeFlow(this, step.Flow!, step.ScopeKey); break;
                }
            }
        }
        while (State.Status == InstanceStatus.Active && InclusiveJoins.FireReady(this));
    }

    public ElementInstance CreateElement(FlowNode node, ElementKind kind, long? scopeKey, int? loopCounter = null)
    {
        var element = new ElementInstance
        {
            Key = State.NextKey++,
            ElementId = node.Id,
            Kind = kind,
            ScopeKey = scopeKey,
            ActivatedAt = Now,
            LoopCounter = loopCounter,
        };
        State.Elements.Add(element.Key, element);
        Record(HistoryEventType.ElementEntered, node.Id, element.Key);
        return element;
    }

    public void Record(HistoryEventType type, string? elementId = null, long? elementKey = null, string? user = null, string? detail = null) =>
        History.Add(new HistoryEvent(type, Now, elementId, elementKey, user, Detail: detail));

    // ---- expressions ----

    /// <summary>The variables visible from <paramref name="scopeKey"/>: its locals, then each enclosing scope's, then the process's.</summary>
    public IVariableScope ScopeOf(long? scopeKey) => scopeKey is null ? _root ??= new RootScope(State) : new ElementScope(State, scopeKey.Value);

    private RootScope? _root;

    public object? Evaluate(Expression expression, long? scopeKey, string elementId)
    {
        _warnings?.Clear();
        var value = expression.Evaluate(ScopeOf(scopeKey), _warnings ??= []);
        foreach (var warning in _warnings)
            Record(HistoryEventType.ExpressionWarning, elementId, scopeKey, detail: $"{expression.Source}: {warning}");
        return value;
    }

    /// <summary>Flattens the visible variables, inner scopes overriding outer ones (for jobs and called processes).</summary>
    public Dictionary<string, object?> VisibleVariables(long? scopeKey)
    {
        var chain = new List<Dictionary<string, object?>>();
        for (var key = scopeKey; key is not null;)
        {
            var element = State.Elements[key.Value];
            if (element.Variables is { } locals) chain.Add(locals);
            key = element.ScopeKey;
        }
        var result = new Dictionary<string, object?>(State.Variables, StringComparer.Ordinal);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var (name, value) in chain[i]) result[name] = value;
        }
        return result;
    }

    // ---- variables ----

    /// <summary>Sets a local variable of an element instance (input mappings, the input element, loopCounter).</summary>
    public void SetLocal(ElementInstance element, string name, object? value)
    {
        var locals = element.Variables ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        locals.TryGetValue(name, out var old);
        var existed = locals.ContainsKey(name);
        locals[name] = value;
        RecordVariable(existed, name, old, value, element);
    }

    /// <summary>
    /// Zeebe's propagation: the variable is set in the nearest scope, from <paramref name="scopeKey"/>
    /// outwards, that already defines it; otherwise at process level.
    /// </summary>
    public void SetPropagating(long? scopeKey, string name, object? value)
    {
        for (var key = scopeKey; key is not null;)
        {
            var element = State.Elements[key.Value];
            if (element.Variables is { } locals && locals.TryGetValue(name, out var old))
            {
                locals[name] = value;
                RecordVariable(true, name, old, value, element);
                return;
            }
            key = element.ScopeKey;
        }
        var existed = State.Variables.TryGetValue(name, out var previous);
        State.Variables[name] = value;
        RecordVariable(existed, name, previous, value, null);
    }

    /// <summary>Sets a mapping target: a name, or a dotted path into a context (<c>applicant.address.city</c>).</summary>
    public void SetTarget(long? scopeKey, string target, object? value)
    {
        var (name, whole) = ResolveTarget(scopeKey, target, value);
        SetPropagating(scopeKey, name, whole);
    }

    /// <summary>The variable a target names and its new whole value: for a path, a copy of the context
    /// visible from <paramref name="scopeKey"/> with the nested entry set.</summary>
    public (string Name, object? Value) ResolveTarget(long? scopeKey, string target, object? value)
    {
        if (target.IndexOf('.') < 0) return (target, value);
        var keys = target.Split('.');
        ScopeOf(scopeKey).TryGetVariable(keys[0], out var existing);
        return (keys[0], ContextPath.With(existing, keys, value, at: 1));
    }

    private void RecordVariable(bool existed, string name, object? old, object? value, ElementInstance? scope)
    {
        if (existed && ValueEquality.AreEqual(old, value)) return;
        History.Add(new HistoryEvent(
            existed ? HistoryEventType.VariableUpdated : HistoryEventType.VariableCreated, Now,
            scope?.ElementId, scope?.Key, Variable: name, OldValue: existed ? old : null, NewValue: value));
    }

    /// <summary>The element instances directly inside a scope, oldest first.</summary>
    public List<ElementInstance> ChildrenOf(long? scopeKey)
    {
        var children = new List<ElementInstance>();
        foreach (var element in State.Elements.Values)
        {
            if (element.ScopeKey == scopeKey) children.Add(element);
        }
        children.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        return children;
    }

    /// <summary>True while the scope holds element instances, tokens waiting at joins, or tokens in transit.</summary>
    public bool HasChildren(long? scopeKey)
    {
        if (InTransit(scopeKey) > 0) return true;
        foreach (var element in State.Elements.Values)
        {
            if (element.ScopeKey == scopeKey) return true;
        }
        foreach (var token in State.JoinTokens)
        {
            if (token.ScopeKey == scopeKey) return true;
        }
        return false;
    }
}
