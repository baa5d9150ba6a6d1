using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Cases;

/// <summary>
/// Adding and removing parties (claimants of a collective case with their claim). They are rows of their own,
/// so they do not take the case's version: claimants are added while others edit the case.
/// </summary>
internal static class CasePartiesApi
{
    public static async Task<Results<Created<PartyDto>, ProblemHttpResult>> Add(
        Guid id, PartyRequest request, Actor actor, CaseFlowDb db, CaseOpening opening, TimeProvider clock, CancellationToken ct)
    {
        if (!CasesApi.TryParse<PartyRole>(request.Role, "role", required: true, out var role, out var problem)) return problem!;
        var @case = await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Status }).SingleOrDefaultAsync(ct);
        if (@case is null) return CasesApi.NotFound(id);
        if (Case.IsFinal(@case.Status))
            return Problems.Conflict("case_status_conflict", $"A {@case.Status} case takes no new parties; reopen it first.");
        var party = await opening.CheckPartyAsync(new NewParty(role, request.PersonId, request.EmployerId, request.AmountClaimed), "", ct);
        if (await db.CaseParties.AnyAsync(p => p.CaseId == id && p.Role == role && p.PersonId == party.PersonId && p.EmployerId == party.EmployerId, ct))
            return Problems.Conflict("party_exists", $"This {role} is already a party of the case.");

        var now = clock.GetUtcNow();
        var row = new CaseParty
        {
            Id = Guid.CreateVersion7(now), CaseId = id, Role = role, PersonId = party.PersonId, EmployerId = party.EmployerId,
            AmountClaimed = party.AmountClaimed, AddedAt = now,
        };
        db.CaseParties.Add(row);
        var detail = PartyDetail(row);
        db.CaseEvents.Add(new CaseEvent { CaseId = id, At = now, Kind = "party_added", UserName = actor.Name, Detail = detail });
        db.Record(actor, "case.party_added", "case_party", row.Id.ToString(), after: Snapshot(row), caseId: id, personId: row.PersonId, at: now);
        await db.SaveChangesAsync(ct);
        var dto = (await CaseReads.PartiesAsync(db, id, row.Id, ct)).Single();
        return TypedResults.Created($"/api/cases/{id}/parties/{row.Id}", dto);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        Guid id, Guid partyId, Actor actor, CaseFlowDb db, TimeProvider clock, CancellationToken ct)
    {
        var @case = await db.Cases.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Status, c.ApplicantId, c.EmployerId }).SingleOrDefaultAsync(ct);
        if (@case is null) return CasesApi.NotFound(id);
        var row = await db.CaseParties.SingleOrDefaultAsync(p => p.Id == partyId && p.CaseId == id, ct);
        if (row is null) return Problems.NotFound("party_not_found", $"Case {id} has no party {partyId}.");
        if (Case.IsFinal(@case.Status))
            return Problems.Conflict("case_status_conflict", $"A {@case.Status} case keeps its parties; reopen it first.");
        if ((row.Role == PartyRole.Applicant && row.PersonId == @case.ApplicantId) || (row.Role == PartyRole.Respondent && row.EmployerId == @case.EmployerId))
            return Problems.Conflict("party_in_use", "The case's applicant or employer stays a party while the case names them.");

        var now = clock.GetUtcNow();
        db.CaseParties.Remove(row);
        db.CaseEvents.Add(new CaseEvent { CaseId = id, At = now, Kind = "party_removed", UserName = actor.Name, Detail = PartyDetail(row) });
        db.Record(actor, "case.party_removed", "case_party", row.Id.ToString(), before: Snapshot(row), caseId: id, personId: row.PersonId, at: now);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Ids and the claim only: the audit log holds no names.</summary>
    private static object Snapshot(CaseParty p) => new { role = p.Role.ToString(), p.PersonId, p.EmployerId, p.AmountClaimed };

    private static string PartyDetail(CaseParty p) =>
        $"{p.Role} {(p.PersonId is { } person ? $"person {person}" : $"employer {p.EmployerId}")}"
        + (p.AmountClaimed is { } amount ? $", claims {amount:0.00}" : "");
}
