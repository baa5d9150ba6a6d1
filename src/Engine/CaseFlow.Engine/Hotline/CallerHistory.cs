using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Hotline;

/// <summary>
/// A caller's earlier calls and cases, asked for while the operator types the number, so it must be two index
/// lookups and nothing more: calls by <c>(caller_phone, received_at)</c>, and the cases of the people with that
/// phone through <c>people(phone)</c> -> <c>case_parties(person_id)</c> -> <c>cases(id)</c> (the applicant is a party
/// too). The visibility filters apply: only what the operator may see comes back. Names are masked.
/// </summary>
internal static class CallerHistory
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    private static readonly PartyRole[] CallerRoles = [PartyRole.Applicant, PartyRole.Claimant];

    public static async Task<CallerHistoryDto> ReadAsync(CaseFlowDb db, string phone, int limit, CancellationToken ct)
    {
        var calls = await (
                from c in db.Calls.AsNoTracking()
                where c.CallerPhone == phone
                orderby c.ReceivedAt descending
                select new
                {
                    c.Id, c.ReceivedAt, c.Category, c.Urgency, c.Outcome, c.CallerName, c.EmployerName, c.CaseId, c.UnitId,
                    CaseNumber = db.Cases.Where(k => k.Id == c.CaseId).Select(k => k.Number).FirstOrDefault(),
                })
            .Take(limit)
            .ToListAsync(ct);

        var cases = await (
                from p in db.People.AsNoTracking()
                where p.Phone == phone
                join party in db.CaseParties.AsNoTracking() on p.Id equals party.PersonId
                where CallerRoles.Contains(party.Role)
                join c in db.Cases.AsNoTracking() on party.CaseId equals c.Id
                orderby c.OpenedAt descending
                select new { c.Id, c.Number, c.Family, c.Status, c.OpenedAt, party.Role, p.Name, c.IsCollective, c.UnitId })
            // A person both applicant and claimant of one case is one line: a few spare rows cover it.
            .Take(limit * 2)
            .ToListAsync(ct);

        return new CallerHistoryDto(
            phone,
            calls.Select(c => new CallerCallDto(c.Id, c.ReceivedAt, c.Category, c.Urgency.ToString(), c.Outcome.ToString(),
                c.CallerName is null ? null : Mask.Name(c.CallerName), c.EmployerName, c.CaseId, c.CaseNumber, c.UnitId)).ToList(),
            cases.DistinctBy(c => c.Id).Take(limit)
                .Select(c => new CallerCaseDto(c.Id, c.Number, c.Family.ToString(), c.Status.ToString(), c.OpenedAt, c.Role.ToString(),
                    Mask.Name(c.Name), c.IsCollective, c.UnitId)).ToList());
    }
}
