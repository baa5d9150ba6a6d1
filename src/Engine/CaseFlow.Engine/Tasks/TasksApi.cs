using CaseFlow.Engine.Api;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Forms;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;
using CaseFlow.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Tasks;

public static class TasksApi
{
    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks");
        group.MapGet("/", TaskQueries.ListAsync);
        group.MapGet("/{id}", Get);
        group.MapPost("/{id}/claim", Claim).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/unclaim", Unclaim).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/complete", Complete).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> Get(Guid id, CaseFlowDb db, CancellationToken ct)
    {
        var task = await db.UserTasks.AsNoTracking().Include(t => t.Candidates).SingleOrDefaultAsync(t => t.Id == id, ct);
        return task is null ? NotFound(id) : TypedResults.Ok(task.ToDto());
    }

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> Claim(
        Guid id, ClaimTaskRequest? request, Actor actor, UnitTreeCache units, CaseFlowDb db, InstanceCommands commands, CancellationToken ct)
    {
        if (request?.User is { Length: > 100 }) return Problems.Invalid("field_invalid", "user is at most 100 characters.", "user");
        var user = string.IsNullOrWhiteSpace(request?.User) ? actor.Name : request.User;
        return await RunAsync(id, db, commands, actor, await units.GetAsync(ct), onBehalf: user != actor.Name, key => new ClaimTask(key, user), ct);
    }

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> Unclaim(
        Guid id, Actor actor, UnitTreeCache units, CaseFlowDb db, InstanceCommands commands, CancellationToken ct) =>
        await RunAsync(id, db, commands, actor, await units.GetAsync(ct), onBehalf: false, key => new UnclaimTask(key, actor.Name), ct);

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> Complete(
        Guid id, CompleteTaskRequest? request, Actor actor, UnitTreeCache units, CaseFlowDb db, InstanceCommands commands,
        DefinitionCache definitions, CancellationToken ct)
    {
        var variables = Variables.Read(request?.Variables);
        if (request?.User is { Length: > 100 }) return Problems.Invalid("field_invalid", "user is at most 100 characters.", "user");
        // Checked before the command runs, so a refused form writes nothing.
        if (await TaskForms.CheckCompletionAsync(id, variables, db, definitions, ct) is { } refused) return refused;
        var user = string.IsNullOrWhiteSpace(request?.User) ? actor.Name : request.User;
        return await RunAsync(id, db, commands, actor, await units.GetAsync(ct), onBehalf: user != actor.Name, key => new CompleteTask(key, variables, user), ct);
    }

    /// <summary>
    /// Loads the task with its instance in one query, checks the actor may act on it, runs the command,
    /// answers with the task as it is now. Supervisors and administrators of the task's unit may act for others.
    /// </summary>
    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> RunAsync(
        Guid id, CaseFlowDb db, InstanceCommands commands, Actor actor, UnitTree tree, bool onBehalf, Func<long, Command> command, CancellationToken ct)
    {
        var loaded = await (
                from t in db.UserTasks.Include(t => t.Candidates)
                join i in db.Instances on t.InstanceId equals i.Id
                where t.Id == id
                select new { Task = t, Instance = i })
            .SingleOrDefaultAsync(ct);
        if (loaded is null) return NotFound(id);
        if (loaded.Task.State != UserTaskState.Created)
            return Problems.Conflict("task_not_active", $"Task {id} is {loaded.Task.State.ToString().ToLowerInvariant()}.");
        var manages = loaded.Task.UnitId is { } unit
            ? actor.HasAt(Roles.Supervisor, unit, tree) || actor.HasAt(Roles.Admin, unit, tree)
            : actor.HasAny(Roles.Supervisor, Roles.Admin);
        if (onBehalf && !manages)
            return Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Only a supervisor or administrator of the task's unit acts for someone else.");
        if (!manages && loaded.Task.Assignee != actor.Name && !Candidates.IsCandidate(loaded.Task, actor, tree))
            return Problems.Create(StatusCodes.Status403Forbidden, "not_a_candidate", $"Task {id} is not for {actor.Name}: neither assigned to them nor in their groups.");

        await commands.ExecuteAsync(loaded.Instance, command(loaded.Task.ElementKey), ct);
        await commands.SaveAsync(ct);
        return TypedResults.Ok(loaded.Task.ToDto());
    }

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("task_not_found", $"Task {id} does not exist.");
}
