using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Tasks;

/// <summary>The work list: filtered, sorted by due date (none last) then creation, paged.</summary>
internal static class TaskQueries
{
    /// <param name="assignee">A user name, or <c>me</c>.</param>
    /// <param name="claimable">Unassigned tasks the caller is a candidate for (their groups' tasks).</param>
    /// <param name="overdue">Open tasks past their due date.</param>
    /// <param name="dueBefore">Tasks due before this time (due soon).</param>
    public static async Task<Results<Ok<PageDto<TaskDto>>, ProblemHttpResult>> ListAsync(
        string? assignee, bool? claimable, string? candidateGroup, string? candidateUser, string? processId, Guid? instanceId,
        Guid? caseId, string? state, bool? overdue, DateTimeOffset? dueBefore, int? page, int? pageSize,
        Actor actor, UnitTreeCache units, TimeProvider clock, CaseFlowDb db, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        var query = db.UserTasks.AsNoTracking();
        if (assignee == "me") assignee = actor.Name;
        if (!string.IsNullOrEmpty(assignee)) query = query.Where(t => t.Assignee == assignee);
        if (claimable == true)
            query = query.Where(t => t.Assignee == null && t.State == UserTaskState.Created).Where(Candidates.For(actor, await units.GetAsync(ct)));
        if (caseId is { } caseFilter) query = query.Where(t => t.CaseId == caseFilter);
        var now = clock.GetUtcNow();
        if (overdue == true) query = query.Where(t => t.State == UserTaskState.Created && t.DueDate != null && t.DueDate < now);
        if (dueBefore is { } before) query = query.Where(t => t.DueDate != null && t.DueDate < before);
        if (!string.IsNullOrEmpty(candidateGroup))
            query = query.Where(t => t.Candidates.Any(c => c.Kind == CandidateKind.Group && c.Name == candidateGroup));
        if (!string.IsNullOrEmpty(candidateUser))
            query = query.Where(t => t.Candidates.Any(c => c.Kind == CandidateKind.User && c.Name == candidateUser));
        if (!string.IsNullOrEmpty(processId)) query = query.Where(t => t.ProcessId == processId);
        if (instanceId is { } instance) query = query.Where(t => t.InstanceId == instance);
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<UserTaskState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return Problems.BadRequest("invalid_query", "state must be Created, Completed or Cancelled.", "state");
            query = query.Where(t => t.State == parsed);
        }

        var total = await query.CountAsync(ct);
        // PostgreSQL sorts NULLs last in ascending order, and the index serves that order; SQLite sorts them first.
        var sorted = db.IsPostgres
            ? query.OrderBy(t => t.DueDate).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            : query.OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id);
        var tasks = await sorted.Skip(paging.Skip).Take(paging.PageSize).Include(t => t.Candidates).ToListAsync(ct);
        return TypedResults.Ok(new PageDto<TaskDto>(tasks.Select(t => t.ToDto()).ToList(), paging.Page, paging.PageSize, total));
    }
}
