using System.Text;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Instances;

public static class InstancesApi
{
    public static RouteGroupBuilder MapInstances(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/instances").WithTags("Instances");
        group.MapPost("/", Start).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/{id}/cancel", Cancel).RequireRoles(Roles.Supervisor, Roles.Admin).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/variables", SetVariables).RequireRoles(Roles.Supervisor, Roles.Admin).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Created<InstanceDto>, ProblemHttpResult>> Start(
        StartInstanceRequest request, Actor actor, CaseFlowDb db, InstanceCommands commands, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.ProcessId))
            return Problems.Invalid("field_required", "processId is required.", "processId");
        var unitId = request.UnitId ?? actor.UnitId;
        if (unitId is { } unit && !actor.CanSee(unit))
            return Problems.NotFound("unit_not_found", $"Unit {unit} does not exist.");
        var variables = Variables.Read(request.Variables);
        var query = db.Definitions.AsNoTracking().Where(d => d.ProcessId == request.ProcessId);
        if (request.Version is { } version) query = query.Where(d => d.Version == version);
        var definition = await query.OrderByDescending(d => d.Version).Select(d => new { d.Id, d.Version }).FirstOrDefaultAsync(ct);
        if (definition is null)
        {
            return Problems.NotFound("definition_not_found", request.Version is null
                ? $"No process '{request.ProcessId}' is deployed."
                : $"Process '{request.ProcessId}' has no version {request.Version}.");
        }

        var command = new StartInstance(Guid.CreateVersion7(), variables, request.BusinessKey, User: actor.Name);
        var started = await commands.StartAsync(definition.Id, definition.Version, command, new InstanceOwner(unitId, null), ct);
        await commands.SaveAsync(ct);
        return TypedResults.Created($"/api/instances/{started.Row.Id}", started.ToDto());
    }

    private static async Task<Results<Ok<InstanceDto>, ProblemHttpResult>> Get(Guid id, CaseFlowDb db, CancellationToken ct)
    {
        var row = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (row is null) return NotFound(id);
        var state = InstanceStateSerializer.Deserialize(Encoding.UTF8.GetBytes(row.State));
        var path = await PathAsync(id, db, ct);
        return TypedResults.Ok(row.ToDto(state) with
        {
            Visited = path.Where(p => p.Type == Entered).Select(p => p.ElementId).Distinct().ToList(),
            TakenFlows = path.Where(p => p.Type == FlowTaken).Select(p => p.ElementId).Distinct().ToList(),
        });
    }

    private const string Entered = nameof(HistoryEventType.ElementEntered);
    private const string FlowTaken = nameof(HistoryEventType.FlowTaken);

    /// <summary>The path as the history recorded it: elements entered and flows taken, in order (two columns of the rows, not the values).</summary>
    private static async Task<List<(string Type, string ElementId)>> PathAsync(Guid id, CaseFlowDb db, CancellationToken ct)
    {
        var rows = await db.History.AsNoTracking()
            .Where(h => h.InstanceId == id && (h.Type == Entered || h.Type == FlowTaken) && h.ElementId != null)
            .OrderBy(h => h.Seq)
            .Select(h => new { h.Type, h.ElementId })
            .ToListAsync(ct);
        return rows.Select(r => (r.Type, r.ElementId!)).ToList();
    }

    private static async Task<Results<Ok<PageDto<InstanceSummaryDto>>, ProblemHttpResult>> List(
        string? processId, string? status, string? businessKey, Guid? caseId, int? page, int? pageSize, CaseFlowDb db, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        var query = db.Instances.AsNoTracking();
        if (!string.IsNullOrEmpty(processId)) query = query.Where(i => i.ProcessId == processId);
        if (!string.IsNullOrEmpty(businessKey)) query = query.Where(i => i.BusinessKey == businessKey);
        if (caseId is { } forCase) query = query.Where(i => i.CaseId == forCase);
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return Problems.BadRequest("invalid_query", "status must be Active, Completed or Cancelled.", "status");
            query = query.Where(i => i.Status == parsed);
        }
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(i => i.StartedAt).ThenBy(i => i.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(i => new { i.Id, i.ProcessId, i.ProcessVersion, i.BusinessKey, i.Status, i.StartedAt, i.EndedAt, i.ParentInstanceId, i.CaseId })
            .ToListAsync(ct);
        var items = rows.Select(i => new InstanceSummaryDto(i.Id, i.ProcessId, i.ProcessVersion, i.BusinessKey, i.Status.ToString(),
            i.StartedAt, i.EndedAt, i.ParentInstanceId, i.CaseId)).ToList();
        return TypedResults.Ok(new PageDto<InstanceSummaryDto>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<InstanceDto>, ProblemHttpResult>> Cancel(
        Guid id, CancelInstanceRequest? request, Actor actor, CaseFlowDb db, InstanceCommands commands, CancellationToken ct)
    {
        var row = await db.Instances.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (row is null) return NotFound(id);
        if (row.Status != InstanceStatus.Active)
            return Problems.Conflict("instance_not_active", $"Instance {id} is {row.Status.ToString().ToLowerInvariant()}.");
        // As in Zeebe: a called instance belongs to its parent's call activity, which would wait forever.
        if (row.ParentInstanceId is { } parent)
            return Problems.Conflict("cancel_root_instance", $"Instance {id} was started by instance {parent}; cancel that one instead.");

        var cancelled = await commands.ExecuteAsync(row, new CancelInstance(actor.Name, request?.Reason), ct);
        await commands.SaveAsync(ct);
        return TypedResults.Ok(cancelled.ToDto());
    }

    /// <summary>An operator fixes data (before retrying an incident): at process level, or in the scope of <c>scopeKey</c>.</summary>
    private static async Task<Results<Ok<InstanceDto>, ProblemHttpResult>> SetVariables(
        Guid id, SetVariablesRequest request, Actor actor, CaseFlowDb db, InstanceCommands commands, CancellationToken ct)
    {
        var variables = Variables.Read(request.Variables);
        if (variables is null) return Problems.Invalid("field_required", "variables is required (a JSON object).", "variables");
        var row = await db.Instances.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (row is null) return NotFound(id);
        if (row.Status != InstanceStatus.Active)
            return Problems.Conflict("instance_not_active", $"Instance {id} is {row.Status.ToString().ToLowerInvariant()}.");

        var changed = await commands.ExecuteAsync(row, new SetVariables(variables, request.ScopeKey, actor.Name), ct);
        await commands.SaveAsync(ct);
        return TypedResults.Ok(changed.ToDto());
    }

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("instance_not_found", $"Instance {id} does not exist.");
}
