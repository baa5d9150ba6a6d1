using CaseFlow.Engine.Api;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Forms;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
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
        Guid id, ClaimTaskRequest? request, HttpContext http, CaseFlowDb db, InstanceCommands commands, CancellationToken ct)
    {
        var user = request?.User ?? ActingUser.From(http);
        if (string.IsNullOrWhiteSpace(user))
            return Problems.Invalid("field_required", $"user is required (in the body or the {ActingUser.Header} header).", "user");
        return await RunAsync(id, db, commands, key => new ClaimTask(key, user), ct);
    }

    private static Task<Results<Ok<TaskDto>, ProblemHttpResult>> Unclaim(
        Guid id, HttpContext http, CaseFlowDb db, InstanceCommands commands, CancellationToken ct) =>
        RunAsync(id, db, commands, key => new UnclaimTask(key, ActingUser.From(http)), ct);

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> Complete(
        Guid id, CompleteTaskRequest? request, HttpContext http, CaseFlowDb db, InstanceCommands commands, DefinitionCache definitions,
        CancellationToken ct)
    {
        var variables = Variables.Read(request?.Variables);
        // Checked before the command runs, so a refused form writes nothing.
        if (await TaskForms.CheckCompletionAsync(id, variables, db, definitions, ct) is { } refused) return refused;
        var user = request?.User ?? ActingUser.From(http);
        return await RunAsync(id, db, commands, key => new CompleteTask(key, variables, user), ct);
    }

    /// <summary>Loads the task with its instance in one query, runs the command, answers with the task as it is now.</summary>
    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> RunAsync(
        Guid id, CaseFlowDb db, InstanceCommands commands, Func<long, Command> command, CancellationToken ct)
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

        await commands.ExecuteAsync(loaded.Instance, command(loaded.Task.ElementKey), ct);
        await commands.SaveAsync(ct);
        return TypedResults.Ok(loaded.Task.ToDto());
    }

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("task_not_found", $"Task {id} does not exist.");
}
