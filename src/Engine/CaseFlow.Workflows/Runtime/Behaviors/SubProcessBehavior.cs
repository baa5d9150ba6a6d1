using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>An embedded sub-process is a scope: its none start event fires inside it, and it leaves when its last token ends.</summary>
internal static class SubProcessBehavior
{
    public static void Activate(Run run, SubProcess sub, ElementInstance element)
    {
        var start = sub.Body.NoneStart ?? throw new WorkflowException(WorkflowErrorKind.Invalid, "no_start_event",
            $"The sub-process '{sub.Id}' has no none start event.", sub.Id);
        run.EnqueueActivate(start, element.Key);
    }
}
