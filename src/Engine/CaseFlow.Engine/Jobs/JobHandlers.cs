namespace CaseFlow.Engine.Jobs;

/// <summary>What a job handler is told about the service task it works for.</summary>
public sealed record JobContext(
    Guid InstanceId, string ProcessId, long ElementKey, string ElementId, string JobType, int Retries,
    IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, object?> Variables);

/// <summary>
/// In-process work for a service task's job type. Runs inside the command that created the job, before
/// its transaction commits: what it returns completes the job in the same transaction, and an
/// exception fails the whole command with nothing written. A handler that touches other systems may
/// run again if the command then loses a race (409), so make those calls idempotent.
/// </summary>
public interface IJobHandler
{
    /// <returns>Variables to set on completion, or null for none.</returns>
    Task<IReadOnlyDictionary<string, object?>?> HandleAsync(JobContext job, CancellationToken ct);
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

/// <summary>Finds the handler of a job type; jobs without one wait for an external worker.</summary>
internal sealed class JobHandlers(IEnumerable<JobHandlerRegistration> registrations, IServiceProvider services)
{
    private readonly Dictionary<string, Type> _byType = BuildIndex(registrations);

    private static Dictionary<string, Type> BuildIndex(IEnumerable<JobHandlerRegistration> registrations)
    {
        var index = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            if (!index.TryAdd(registration.JobType, registration.HandlerType))
                throw new InvalidOperationException($"Two job handlers are registered for job type '{registration.JobType}'.");
        }
        return index;
    }

    public IJobHandler? Find(string jobType) =>
        _byType.TryGetValue(jobType, out var type) ? (IJobHandler)services.GetRequiredService(type) : null;
}

/// <summary>A job handler threw: the command fails as a whole (422 <c>job_failed</c>).</summary>
public sealed class JobFailedException(string elementId, string jobType, string message, Exception inner)
    : Exception($"The job '{jobType}' of '{elementId}' failed: {message}", inner)
{
    public string ElementId { get; } = elementId;
    public string JobType { get; } = jobType;
}
