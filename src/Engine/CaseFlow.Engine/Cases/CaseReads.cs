using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Privacy;
using CaseFlow.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Cases;

/// <summary>The case page: one read of the header, then its parties, instances, open tasks and counts.</summary>
internal static class CaseReads
{
    public static async Task<CaseDto?> LoadAsync(CaseFlowDb db, Guid id, CancellationToken ct)
    {
        var row = await db.Cases.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { Case = c, UnitName = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Name).First() })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var c = row.Case;
        var parties = await PartiesAsync(db, id, null, ct);
        var instances = await db.Instances.AsNoTracking().Where(i => i.CaseId == id).OrderBy(i => i.StartedAt)
            .Select(i => new CaseInstanceDto(i.Id, i.ProcessId, i.ProcessVersion, i.Status.ToString(), i.StartedAt, i.EndedAt))
            .ToListAsync(ct);
        var tasks = await db.UserTasks.AsNoTracking().Where(t => t.CaseId == id && t.State == UserTaskState.Created)
            .OrderBy(t => t.CreatedAt)
            .Select(t => new CaseTaskDto(t.Id, t.InstanceId, t.ElementId, t.Name, t.Assignee, t.DueDate, t.CreatedAt))
            .ToListAsync(ct);
        var notes = await db.CaseNotes.CountAsync(n => n.CaseId == id, ct);
        var documents = await db.Documents.CountAsync(d => d.CaseId == id && d.DeletedAt == null, ct);
        return new CaseDto(c.Id, c.Number, c.Family.ToString(), c.Status.ToString(), c.Priority.ToString(), c.UnitId, row.UnitName,
            c.Title, c.Description, c.AmountClaimed, c.AmountApproved, c.AmountPaid, c.DueAt, c.OpenedAt, c.ClosedAt,
            CaseRules.SplitTags(c.Tags), c.IsCollective, c.CollectiveFlaggedAt, c.CreatedBy, c.UpdatedAt, c.Version,
            Case.MovesFrom(c.Status).Select(s => s.ToString()).ToList(), parties, instances, tasks, notes, documents);
    }

    /// <summary>The case's parties (or one of them), people masked.</summary>
    public static async Task<List<PartyDto>> PartiesAsync(CaseFlowDb db, Guid caseId, Guid? partyId, CancellationToken ct)
    {
        var query = db.CaseParties.AsNoTracking().Where(p => p.CaseId == caseId);
        if (partyId is { } one) query = query.Where(p => p.Id == one);
        var rows = await query.OrderBy(p => p.AddedAt).ThenBy(p => p.Role).ThenBy(p => p.Id)
            .Select(p => new
            {
                Party = p,
                Person = db.People.Where(x => x.Id == p.PersonId).Select(x => new { x.Name, x.Phone, x.ResidentIdMasked }).FirstOrDefault(),
                Employer = db.Employers.Where(x => x.Id == p.EmployerId).Select(x => new { x.Name, x.CreditCode }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new PartyDto(r.Party.Id, r.Party.Role.ToString(), r.Party.PersonId, r.Party.EmployerId,
            r.Person is not null ? Mask.Name(r.Person.Name) : r.Employer?.Name,
            r.Person?.Phone is { } phone ? Mask.Phone(phone) : null, r.Person?.ResidentIdMasked, r.Employer?.CreditCode,
            r.Party.AmountClaimed, r.Party.AddedAt)).ToList();
    }
}
