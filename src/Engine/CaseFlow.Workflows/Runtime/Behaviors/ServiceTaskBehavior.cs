using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>A service task hands a job to whoever handles its type and waits for the result.</summary>
internal static class ServiceTaskBehavior
{
    public const int DefaultRetries = 3;

    public static void Activate(Run run, ServiceTask task, ElementInstance element)
    {
        var type = run.Evaluate(task.JobType, element.Key, task.Id) as string;
        if (string.IsNullOrWhiteSpace(type))
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid_job_type",
                $"The job type of '{task.Id}' ({task.JobType.Source}) did not evaluate to a text.", task.Id);
        var retries = task.Retries is { } r ? run.Evaluate(r, element.Key, task.Id) switch
        {
            decimal d => (int)d,
            string s when int.TryParse(s, out var n) => n,
            _ => DefaultRetries,
        } : DefaultRetries;

        element.JobType = type;
        run.Effects.Add(new JobCreated(element.Key, task.Id, type, retries, task.Headers, run.VisibleVariables(element.Key)));
        run.Record(HistoryEventType.JobCreated, task.Id, element.Key, detail: type);
    }
}
