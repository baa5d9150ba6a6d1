using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>A service task hands a job to whoever handles its type and waits for the result.</summary>
internal static class ServiceTaskBehavior
{
    public const int DefaultRetries = 3;

    public static void Activate(Run run, ServiceTask task, ElementInstance element)
    {
        if (run.Evaluate(task.JobType, element.Key, task.Id) is not string type || string.IsNullOrWhiteSpace(type))
            throw new ElementFailure("invalid_job_type",
                $"The job type of '{task.Id}' ({task.JobType.Source}) did not evaluate to a text.");
        var retries = DefaultRetries;
        if (task.Retries is { } expression)
        {
            var value = run.Evaluate(expression, element.Key, task.Id);
            if (!FeelNumbers.TryInt(value, out retries) && !(value is string s && int.TryParse(s, out retries)))
                throw new ElementFailure("invalid_retries",
                    $"The retries of '{task.Id}' ({expression.Source}) did not evaluate to a whole number.");
        }
        element.JobType = type;
        CreateJob(run, task, element, retries);
    }

    /// <summary>Announces the job; also how a resolved <c>job_failed</c> incident gets a fresh one.</summary>
    public static void CreateJob(Run run, ServiceTask task, ElementInstance element, int retries)
    {
        var type = element.JobType!;
        run.Effects.Add(new JobCreated(element.Key, task.Id, type, retries, task.Headers, run.VisibleVariables(element.Key)));
        run.Record(HistoryEventType.JobCreated, task.Id, element.Key, detail: type);
    }
}
