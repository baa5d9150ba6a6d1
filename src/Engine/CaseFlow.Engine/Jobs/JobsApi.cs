using CaseFlow.Engine.Api;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CaseFlow.Engine.Security;

namespace CaseFlow.Engine.Jobs;

/// <summary>External workers (as in Zeebe): lock jobs of a type, then complete, fail or throw a BPMN error.</summary>
public static class JobsApi
{
    public const int MaxJobsPerActivation = 100;
    public const int DefaultJobsPerActivation = 10;
    public static readonly TimeSpan DefaultLock = TimeSpan.FromMinutes(5);
    /// <summary>A day.</summary>
    public const long MaxLockMilliseconds = 24L * 3600 * 1000;

    public static RouteGroupBuilder MapJobs(this RouteGroupBuilder api)
    {
        // External workers are integrations: an API token with the admin role, or an administrator.
        var group = api.MapGroup("/jobs").WithTags("Jobs").RequireRoles(Roles.Admin);
        group.MapPost("/activate", Activate);
        group.MapGet("/{key}", Get);
        group.MapPost("/{key}/complete", Complete).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{key}/fail", Fail).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{key}/error", Error).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Ok<ActivatedJobsDto>, ProblemHttpResult>> Activate(
        ActivateJobsRequest request, CaseFlowDb db, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Type)) return Problems.Invalid("field_required", "type is required.", "type");
        if (string.IsNullOrWhiteSpace(request.Worker)) return Problems.Invalid("field_required", "worker is required (a name for the logs and the lock).", "worker");
        var max = request.MaxJobs ?? DefaultJobsPerActivation;
        if (max is < 1 or > MaxJobsPerActivation)
            return Problems.Invalid("invalid_field", $"maxJobs must be between 1 and {MaxJobsPerActivation}.", "maxJobs");
        if (request.LockDuration is < 1 or > (long)MaxLockMilliseconds)
            return Problems.Invalid("invalid_field", $"lockDuration must be between 1 and {MaxLockMilliseconds} milliseconds.", "lockDuration");
        var lockDuration = request.LockDuration is { } ms ? TimeSpan.FromMilliseconds(ms) : DefaultLock;

        var jobs = await JobLocks.LockAsync(db, [request.Type], request.Worker, max, lockDuration, clock.GetUtcNow(), ct);
        return TypedResults.Ok(new ActivatedJobsDto(jobs.Select(j => j.ToActivatedDto()).ToList()));
    }

    private static async Task<Results<Ok<JobDto>, ProblemHttpResult>> Get(Guid key, CaseFlowDb db, CancellationToken ct)
    {
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == key, ct);
        return job is null ? NotFound(key) : TypedResults.Ok(job.ToDto());
    }

    private static async Task<Results<Ok<JobDto>, ProblemHttpResult>> Complete(
        Guid key, CompleteJobRequest? request, CaseFlowDb db, InstanceCommands commands, CancellationToken ct)
    {
        var variables = Variables.Read(request?.Variables);
        var (loaded, problem) = await LoadOpenAsync(db, key, ct);
        if (problem is not null) return problem;
        await JobOutcomes.CompleteAsync(commands, loaded!, variables, ct);
        return TypedResults.Ok(loaded!.Job.ToDto());
    }

    private static async Task<Results<Ok<JobDto>, ProblemHttpResult>> Fail(
        Guid key, FailJobRequest? request, CaseFlowDb db, InstanceCommands commands, IOptions<JobOptions> options, CancellationToken ct)
    {
        if (request?.Retries is < 0) return Problems.Invalid("invalid_field", "retries must be 0 or more.", "retries");
        if (request?.RetryBackOff is < 0 or > (long)365 * 24 * 3600 * 1000)
            return Problems.Invalid("invalid_field", "retryBackOff must be between 0 and a year in milliseconds.", "retryBackOff");
        var (loaded, problem) = await LoadOpenAsync(db, key, ct);
        if (problem is not null) return problem;
        var job = loaded!.Job;
        var retries = request?.Retries ?? Math.Max(0, job.Retries - 1);
        var backOff = request?.RetryBackOff is { } ms ? TimeSpan.FromMilliseconds(ms) : options.Value.BackOff(job.Failures + 1);
        var message = string.IsNullOrWhiteSpace(request?.ErrorMessage) ? "The worker reported a failure without a message." : request.ErrorMessage;
        await JobOutcomes.FailAsync(commands, loaded, retries, message, null, backOff, ct);
        return TypedResults.Ok(job.ToDto());
    }

    private static async Task<Results<Ok<JobDto>, ProblemHttpResult>> Error(
        Guid key, ThrowErrorRequest? request, CaseFlowDb db, InstanceCommands commands, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.ErrorCode)) return Problems.Invalid("field_required", "errorCode is required.", "errorCode");
        var variables = Variables.Read(request.Variables);
        var (loaded, problem) = await LoadOpenAsync(db, key, ct);
        if (problem is not null) return problem;
        await JobOutcomes.ThrowErrorAsync(commands, loaded!, request.ErrorCode, request.ErrorMessage, variables, ct);
        return TypedResults.Ok(loaded!.Job.ToDto());
    }

    /// <summary>A closed job (completed, failed into an incident, cancelled) changes nothing: 409 <c>job_not_active</c>.</summary>
    private static async Task<(LoadedJob?, ProblemHttpResult?)> LoadOpenAsync(CaseFlowDb db, Guid key, CancellationToken ct)
    {
        var loaded = await JobOutcomes.LoadAsync(db, key, ct);
        if (loaded is null) return (null, NotFound(key));
        if (!loaded.Job.IsOpen)
            return (null, Problems.Conflict("job_not_active", $"Job {key} is {loaded.Job.State.ToString().ToLowerInvariant()}."));
        return (loaded, null);
    }

    private static ProblemHttpResult NotFound(Guid key) => Problems.NotFound("job_not_found", $"Job {key} does not exist.");
}
