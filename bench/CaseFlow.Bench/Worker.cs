using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Bench;

/// <summary>What a case worker and the payment handler send next: approve the open task, or complete the job.</summary>
internal static class Worker
{
    private static readonly Dictionary<string, object?> Approved = new() { ["approved"] = true };
    private static readonly Dictionary<string, object?> Paid = new() { ["paid"] = true };

    public static Command NextCommand(InstanceState state)
    {
        var element = state.Elements.Values.First(e => e.Kind is ElementKind.UserTask or ElementKind.ServiceTask);
        return element.Kind == ElementKind.UserTask
            ? new CompleteTask(element.Key, Approved, "bench")
            : new CompleteJob(element.Key, Paid);
    }
}
