using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Cases;

/// <summary>
/// <c>GET /api/cases/{id}/timeline</c>: the case's events, its notes and the history of its workflow instances
/// as one list, newest first. Each source is read newest first up to the end of the requested page, then merged.
/// </summary>
internal static class CaseTimeline
{
    /// <summary>The executor's mechanics: a reader of the case wants the tasks, decisions and timers, not every token move.</summary>
    private static readonly string[] Mechanics = ["FlowTaken", "ElementEntered", "ElementLeft"];

    public static async Task<Results<Ok<SlicePageDto<TimelineLineDto>>, ProblemHttpResult>> Get(
        Guid id, int? page, int? pageSize, CaseFlowDb db, CancellationToken ct)
    {
        if (!CasePaging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        if (!await db.Cases.AnyAsync(c => c.Id == id, ct)) return CasesApi.NotFound(id);
        var needed = paging.Skip + paging.PageSize + 1;

        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(needed)
            .Select(e => new TimelineLineDto(e.At, e.UserName, "case", e.Kind, e.Detail ?? "", null))
            .ToListAsync(ct);
        var notes = await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == id)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(needed)
            .Select(n => new TimelineLineDto(n.CreatedAt, n.Author, "note", "note", n.Text, null))
            .ToListAsync(ct);
        var instanceIds = db.Instances.Where(i => i.CaseId == id).Select(i => i.Id);
        var history = await db.History.AsNoTracking()
            .Where(h => instanceIds.Contains(h.InstanceId) && !Mechanics.Contains(h.Type))
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id).Take(needed)
            .Select(h => new { h.At, h.UserName, h.Type, h.ElementId, h.Variable, h.Detail, h.InstanceId })
            .ToListAsync(ct);

        var lines = events.Concat(notes)
            .Concat(history.Select(h => new TimelineLineDto(h.At, h.UserName, "workflow", h.Type, Describe(h.ElementId, h.Variable, h.Detail), h.InstanceId)))
            // Equal times: the workflow's step after the case event that caused it (opening a case starts its instance).
            .OrderByDescending(l => l.At).ThenBy(l => l.Source == "case" ? 1 : 0)
            .Skip(paging.Skip).Take(paging.PageSize + 1)
            .ToList();
        return TypedResults.Ok(paging.Slice(lines));
    }

    /// <summary>A variable's value is left out: it may be personal data, and the instance's own history shows it to those who may see it.</summary>
    private static string Describe(string? elementId, string? variable, string? detail) =>
        string.Join(" ", new[] { elementId, variable, detail }.Where(s => !string.IsNullOrEmpty(s)));
}
