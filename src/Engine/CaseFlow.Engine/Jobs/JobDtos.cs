using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Engine.Api;

namespace CaseFlow.Engine.Jobs;

/// <param name="LockDuration">Milliseconds the jobs stay locked for this worker.</param>
public sealed record ActivateJobsRequest(string? Type, string? Worker, int? MaxJobs, long? LockDuration);

public sealed record CompleteJobRequest(JsonElement? Variables);

/// <param name="Retries">Retries left after this failure; default: one fewer than the job had.</param>
/// <param name="RetryBackOff">Milliseconds until the next attempt; default: the service's exponential back-off.</param>
public sealed record FailJobRequest(int? Retries, string? ErrorMessage, long? RetryBackOff);

public sealed record ThrowErrorRequest(string? ErrorCode, string? ErrorMessage, JsonElement? Variables);

public sealed record ActivatedJobsDto(IReadOnlyList<ActivatedJobDto> Jobs);

public sealed record ActivatedJobDto(
    Guid Key, string Type, Guid InstanceId, string ProcessId, string ElementId, long ElementKey, int Retries,
    IReadOnlyDictionary<string, string> Headers,
    [property: JsonConverter(typeof(FeelValuesConverter))] IReadOnlyDictionary<string, object?> Variables,
    string Worker, DateTimeOffset Deadline);

public sealed record JobDto(
    Guid Key, string Type, Guid InstanceId, string ProcessId, string ElementId, long ElementKey, string State, int Retries,
    string? Worker, DateTimeOffset? Deadline, DateTimeOffset? NextAttemptAt, string? ErrorMessage, string? ErrorDetails,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal static class JobMappings
{
    public static ActivatedJobDto ToActivatedDto(this Job job) => new(
        job.Id, job.Type, job.InstanceId, job.ProcessId, job.ElementId, job.ElementKey, job.Retries,
        StoredVariables.ReadHeaders(job.Headers), StoredVariables.Read(job.Variables), job.Worker!, job.LockedUntil!.Value);

    public static JobDto ToDto(this Job job) => new(
        job.Id, job.Type, job.InstanceId, job.ProcessId, job.ElementId, job.ElementKey, job.State.ToString(), job.Retries,
        job.Worker, job.LockedUntil, job.NextAttemptAt, job.ErrorMessage, job.ErrorDetails, job.CreatedAt, job.UpdatedAt);
}
