namespace CaseFlow.Engine.Jobs;

/// <summary>What a job handler is told about the service task it works for.</summary>
public sealed record JobContext(
    Guid JobKey, Guid InstanceId, string ProcessId, long ElementKey, string ElementId, string JobType, int Retries,
    IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, object?> Variables);

/// <summary>
/// In-process work for a service task's job type, run by the <see cref="JobDispatcher"/> after the command that
/// created the job has committed, outside any transaction. What it returns completes the job; an exception fails
/// the attempt (retried after a back-off while retries last, then an incident with the exception's text and stack).
/// Jobs run at least once: a node that dies mid-handler leaves the lock to expire and the job runs again, so make
/// the handler's outside calls idempotent (the job key is stable across attempts).
/// </summary>
public interface IJobHandler
{
    /// <returns>Variables to set on completion, or null for none.</returns>
    Task<IReadOnlyDictionary<string, object?>?> HandleAsync(JobContext job, CancellationToken ct);
}

/// <summary>
/// A job handler that wants a BPMN error instead of a failure throws this: the job's element throws
/// <see cref="ErrorCode"/>, caught by a boundary error event (or an incident when nobody catches it).
/// </summary>
public sealed class BpmnErrorException(string errorCode, string? message = null, IReadOnlyDictionary<string, object?>? variables = null)
    : Exception(message ?? $"BPMN error {errorCode}")
{
    public string ErrorCode { get; } = errorCode;
    public IReadOnlyDictionary<string, object?>? Variables { get; } = variables;
}

internal sealed record JobHandlerRegistration(string JobType, Type HandlerType);

public static class JobHandlerRegistrations
{
    /// <summary>Runs <typeparamref name="THandler"/> (scoped) for every job of <paramref name="jobType"/>.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, string jobType)
        where THandler : class, IJobHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new JobHandlerRegistration(jobType, typeof(THandler)));
        return services;
    }
}

/// <summary>The registered handlers by job type; jobs of other types wait for external workers.</summary>
internal sealed class JobHandlers
{
    private readonly Dictionary<string, Type> _byType = new(StringComparer.Ordinal);

    public JobHandlers(IEnumerable<JobHandlerRegistration> registrations)
    {
        foreach (var registration in registrations)
        {
            if (!_byType.TryAdd(registration.JobType, registration.HandlerType))
                throw new InvalidOperationException($"Two job handlers are registered for job type '{registration.JobType}'.");
        }
        Types = [.. _byType.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Types { get; }

    public IJobHandler Create(IServiceProvider scope, string jobType) => (IJobHandler)scope.GetRequiredService(_byType[jobType]);
}
