using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>What a command did: the changed state, the effects for the service, and the history to append.</summary>
public sealed record ExecutionResult(InstanceState State, IReadOnlyList<Effect> Effects, IReadOnlyList<HistoryEvent> History);

/// <summary>
/// The functional core: (definition, state, command, clock) -> (state, effects, history). Deterministic,
/// no I/O. Throws <see cref="WorkflowException"/> for a command it refuses.
/// </summary>
public static class Executor
{
    public static ExecutionResult Start(ProcessDefinition definition, int version, StartInstance command, DateTimeOffset now) =>
        throw new NotImplementedException();

    public static ExecutionResult Execute(ProcessDefinition definition, InstanceState state, Command command, DateTimeOffset now) =>
        throw new NotImplementedException();
}
