using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Cases;

/// <summary>Notes on a case: written by staff, never edited, listed newest first. A closed case still takes notes (follow-up visits).</summary>
internal static class CaseNotesApi
{
    public static async Task<Results<Created<NoteDto>, ProblemHttpResult>> Add(
        Guid id, NoteRequest request, Actor actor, CaseFlowDb db, TimeProvider clock, CancellationToken ct)
    {
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return Problems.Invalid("field_required", "A note needs text.", "text");
        if (text.Length > CaseRules.MaxDescription) return Problems.Invalid("field_too_long", $"A note has at most {CaseRules.MaxDescription} characters.", "text");
        if (!await db.Cases.AnyAsync(c => c.Id == id, ct)) return CasesApi.NotFound(id);

        var now = clock.GetUtcNow();
        var note = new CaseNote { Id = Guid.CreateVersion7(now), CaseId = id, Author = actor.Name, Text = text, CreatedAt = now };
        db.CaseNotes.Add(note);
        // The text may hold personal details: the audit row says that a note was written, not what it says.
        db.Record(actor, "case.note_added", "case_note", note.Id.ToString(), after: new { length = text.Length }, caseId: id, at: now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cases/{id}/notes/{note.Id}", new NoteDto(note.Id, note.Author, note.Text, note.CreatedAt));
    }

    public static async Task<Results<Ok<SlicePageDto<NoteDto>>, ProblemHttpResult>> List(
        Guid id, int? page, int? pageSize, CaseFlowDb db, CancellationToken ct)
    {
        if (!CasePaging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        if (!await db.Cases.AnyAsync(c => c.Id == id, ct)) return CasesApi.NotFound(id);
        var rows = await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == id)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(paging.Skip).Take(paging.PageSize + 1)
            .Select(n => new NoteDto(n.Id, n.Author, n.Text, n.CreatedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(paging.Slice(rows));
    }
}
