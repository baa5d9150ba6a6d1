using CaseFlow.Workflows.Model;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Engine.Instances;

/// <summary>An instance taking part in one command: its tracked row, its definition and its live state.</summary>
internal sealed class LoadedInstance(Instance row, ProcessDefinition definition, InstanceState state, bool isNew)
{
    public Instance Row { get; } = row;
    public ProcessDefinition Definition { get; } = definition;
    public InstanceState State { get; set; } = state;
    public bool IsNew { get; } = isNew;
}
