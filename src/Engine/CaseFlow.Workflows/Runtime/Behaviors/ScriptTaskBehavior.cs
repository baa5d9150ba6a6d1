using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>A script task evaluates its FEEL expression into its result variable and moves on.</summary>
internal static class ScriptTaskBehavior
{
    public static void Activate(Run run, ScriptTask task, ElementInstance element)
    {
        var value = run.Evaluate(task.Script, element.Key, task.Id);
        Completion.ApplyResult(run, task, element, new Dictionary<string, object?> { [task.ResultVariable] = value });
        run.EnqueueLeave(element);
    }
}
