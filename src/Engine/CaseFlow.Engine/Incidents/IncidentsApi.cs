using CaseFlow.Engine.Api;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Jobs;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Incidents;

/// <summary>
/// Operators' incident list and the two ways out of one: <c>retry</c> (the element tries again, after the
/// data was fixed through <c>POST /api/instances/{id}/variables</c>) and <c>resolve</c> (the job's work was
/// done by hand: the job completes with the given variables and the instance goes on).
/// </summary>
public static class IncidentsApi
{
    public static RouteGroupBuilder MapIncidents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/incidents").WithTags("Incidents").RequireRoles(Roles.Supervisor, Roles.Admin);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/{id}/retry", Retry).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/resolve", Resolve).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Ok<PageDto<IncidentDto>>, ProblemHttpResult>> List(
        Guid? instanceId, string? processId, string? state, int? page, int? pageSize, CaseFlowDb db, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        var query = db.Incidents.AsNoTracking();
        if (instanceId is { } instance) query = query.Where(i => i.InstanceId == instance);
        if (!string.IsNullOrEmpty(processId)) query = query.Where(i => i.ProcessId == processId);
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<IncidentState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return Problems.BadRequest("invalid_query", "state must be Open or Resolved.", "state");
            query = query.Where(i => i.State == parsed);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new PageDto<IncidentDto>(rows.Select(i => i.ToDto()).ToList(), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<IncidentDto>, ProblemHttpResult>> Get(Guid id, CaseFlowDb db, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        return incident is null ? NotFound(id) : TypedResults.Ok(incident.ToDto());
    }

    private static async Task<Results<Ok<IncidentDto>, ProblemHttpResult>> Retry(
        Guid id, RetryIncidentRequest? request, Actor actor, CaseFlowDb db, InstanceCommands commands, CancellationToken ct)
    {
        if (request?.Retries is < 1) return Problems.Invalid("invalid_field", "retries must be 1 or more.", "retries");
        var (loaded, problem) = await LoadOpenAsync(id, db, ct);
        if (problem is not null) return problem;
        var (incident, instance) = loaded!.Value;
        var user = actor.Name;
        // The job of a service task is created again under the same key: tracked, its row is reused.
        await db.Jobs.FindAsync([JobIds.For(instance.Id, incident.ElementKey)], ct);
        commands.Incidents.Resolving = (user, "retried");
        await commands.ExecuteAsync(instance, new ResolveIncident(incident.IncidentKey, request?.Retries ?? 1, user), ct);
        await commands.SaveAsync(ct);
        return TypedResults.Ok(incident.ToDto());
    }

    private static async Task<Results<Ok<IncidentDto>, ProblemHttpResult>> Resolve(
        Guid id, ResolveIncidentRequest? request, Actor actor, CaseFlowDb db, InstanceCommands commands, CancellationToken ct)
    {
        var variables = Variables.Read(request?.Variables);
        var (loaded, problem) = await LoadOpenAsync(id, db, ct);
        if (problem is not null) return problem;
        var (incident, instance) = loaded!.Value;
        // Only a job's work can be done by hand; marking any other incident resolved would leave its element
        // stuck without a word, so those are retried (after fixing the data) or the instance is cancelled.
        var job = await db.Jobs.FindAsync([JobIds.For(instance.Id, incident.ElementKey)], ct);
        if (job is null)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "incident_not_resolvable",
                $"Incident {id} ({incident.Kind}) is not about a job, so there is no work to complete by hand: fix the data and retry it, or cancel the instance.",
                elementId: incident.ElementId);
        }
        var user = actor.Name;
        commands.Incidents.Resolving = (user, "completed_by_hand");
        // The element waits for its incident, not for a job: the incident is resolved (which creates the job
        // anew) and that job completed, in one command, so no worker can take it in between.
        await commands.ExecuteAsync(instance, new ResolveIncident(incident.IncidentKey, User: user), ct);
        await commands.ExecuteAsync(instance, new CompleteJob(incident.ElementKey, variables), ct);
        job.Close(JobState.Completed, commands.Now);
        await commands.SaveAsync(ct);
        return TypedResults.Ok(incident.ToDto());
    }

    /// <summary>The incident and its instance, tracked; a resolved incident answers 409 <c>incident_not_active</c>.</summary>
    private static async Task<((Incident, Instance)?, ProblemHttpResult?)> LoadOpenAsync(Guid id, CaseFlowDb db, CancellationToken ct)
    {
        var loaded = await (
                from i in db.Incidents
                join n in db.Instances on i.InstanceId equals n.Id
                where i.Id == id
                select new { Incident = i, Instance = n })
            .SingleOrDefaultAsync(ct);
        if (loaded is null) return (null, NotFound(id));
        if (loaded.Incident.State != IncidentState.Open)
            return (null, Problems.Conflict("incident_not_active", $"Incident {id} is already resolved."));
        return ((loaded.Incident, loaded.Instance), null);
    }

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("incident_not_found", $"Incident {id} does not exist.");
}
