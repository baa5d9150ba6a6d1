using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Notifications;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Engine.Hotline;

/// <summary>One worker's wage claim against an employer, made at a unit.</summary>
internal sealed record WageClaim(Guid UnitId, Guid EmployerId, Guid PersonId, decimal? AmountClaimed, string Title,
    string? Description = null, CasePriority Priority = CasePriority.Normal, IReadOnlyDictionary<string, object?>? Variables = null);

/// <param name="Joined">The claim joined an open group instead of opening a case.</param>
/// <param name="Flagged">This claim brought the group to its threshold (the supervisors were notified now).</param>
internal sealed record GroupingResult(Case Case, bool Joined, bool Flagged, int Claimants);

/// <summary>
/// Wage-arrears complaints against one employer in one unit form one collective case (欠薪集体案件): a claim joins
/// the open wage-arrears case of that employer and unit opened within <c>Hotline:GroupingWindowDays</c>, as a
/// claimant with their amount, or opens a new one. When the claimants reach the unit's threshold the case is
/// flagged as a collective incident (群体性事件), made urgent, and every supervisor at the unit or above is
/// notified, once per case.
/// Claims for one employer and unit are serialised, so two at the same moment can neither open two groups nor
/// lose a claimant: on PostgreSQL by a transaction-scoped advisory lock on (unit, employer); on SQLite by the
/// single writer (the transaction begins with BEGIN IMMEDIATE). The caller opens the transaction before
/// calling and commits it with the rest of the request.
/// </summary>
internal sealed class WageArrearsGrouping(
    CaseFlowDb db, Actor actor, CaseOpening opening, UnitTreeCache units, IOptions<HotlineOptions> options, TimeProvider clock)
{
    private static readonly CaseStatus[] OpenStatuses = [CaseStatus.Open, CaseStatus.InProgress, CaseStatus.Suspended];

    /// <summary>The open groups a claim of this employer at this unit would join, the one it joins first (the collective hint asks the same).</summary>
    public static IQueryable<Case> OpenGroups(IQueryable<Case> cases, Guid unitId, Guid employerId, DateTimeOffset since) =>
        cases.Where(c => c.Family == CaseFamily.WageArrears && c.EmployerId == employerId && c.UnitId == unitId
                         && OpenStatuses.Contains(c.Status) && c.OpenedAt >= since)
            .OrderByDescending(c => c.OpenedAt);

    /// <summary>The claimants a group counts against its threshold.</summary>
    public static int ClaimantsOf(Case group) => group.Parties.Count(p => p.Role == PartyRole.Claimant);

    public async Task<GroupingResult> ClaimAsync(WageClaim claim, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Grouping runs inside the request's transaction: the lock lasts until it commits.");
        await LockAsync(claim.UnitId, claim.EmployerId, ct);
        var now = clock.GetUtcNow();
        var since = now.AddDays(-options.Value.GroupingWindowDays);
        var group = await OpenGroups(db.Cases.Include(c => c.Parties), claim.UnitId, claim.EmployerId, since)
            .FirstOrDefaultAsync(ct);

        var joined = group is not null;
        if (group is null)
        {
            group = await opening.OpenAsync(new OpenCase(CaseFamily.WageArrears, claim.UnitId, claim.Title, claim.Description,
                claim.Priority, EmployerId: claim.EmployerId, AmountClaimed: claim.AmountClaimed,
                Parties: [new NewParty(PartyRole.Claimant, claim.PersonId, null, claim.AmountClaimed)], Variables: claim.Variables), ct);
        }
        else
        {
            await JoinAsync(group, claim, now, ct);
        }

        var claimants = ClaimantsOf(group);
        var tree = await units.GetAsync(ct);
        var threshold = tree.CollectiveThresholdOf(group.UnitId) ?? options.Value.CollectiveThreshold;
        var flagged = claimants >= threshold && group.CollectiveFlaggedAt is null;
        if (flagged) await FlagAsync(group, claimants, threshold, tree, now, ct);
        return new GroupingResult(group, joined, flagged, claimants);
    }

    /// <summary>Adds the claimant (or updates the claim of one already in the group) and keeps the case's totals.</summary>
    private async Task JoinAsync(Case group, WageClaim claim, DateTimeOffset now, CancellationToken ct)
    {
        var amount = CaseRules.Amount(claim.AmountClaimed, "amountClaimed");
        if (!await db.People.AnyAsync(p => p.Id == claim.PersonId, ct))
            throw CaseRules.NotFound("person_not_found", $"Person {claim.PersonId} does not exist.", "personId");
        var before = CaseSnapshot.Of(group);
        var existing = group.Parties.FirstOrDefault(p => p.Role == PartyRole.Claimant && p.PersonId == claim.PersonId);
        string kind;
        if (existing is null)
        {
            group.Parties.Add(new CaseParty
            {
                Id = Guid.CreateVersion7(now), CaseId = group.Id, Role = PartyRole.Claimant, PersonId = claim.PersonId,
                AmountClaimed = amount, AddedAt = now,
            });
            kind = "claimant_added";
        }
        else
        {
            // The same worker calling again is one claimant; their latest figure stands.
            if (amount is not null) existing.AmountClaimed = amount;
            kind = "claimant_updated";
        }
        var claimants = group.Parties.Where(p => p.Role == PartyRole.Claimant).ToList();
        group.IsCollective = claimants.Count >= 2;
        group.AmountClaimed = claimants.Any(p => p.AmountClaimed is not null) ? claimants.Sum(p => p.AmountClaimed ?? 0) : null;
        group.UpdatedAt = now;
        // The concurrency token: a caseworker's change to the case at the same moment makes one of the two a 409.
        group.Version++;
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = group.Id, At = now, Kind = kind, UserName = actor.Name,
            Detail = $"claimant {claim.PersonId}" + (amount is null ? "" : $", {amount:0.00} yuan") + $"; {claimants.Count} claimants",
        });
        db.Record(actor, "case." + kind, "case", group.Id.ToString(), before, CaseSnapshot.Of(group), caseId: group.Id, personId: claim.PersonId, at: now);
    }

    private async Task FlagAsync(Case group, int claimants, int threshold, UnitTree tree, DateTimeOffset now, CancellationToken ct)
    {
        var before = CaseSnapshot.Of(group);
        group.CollectiveFlaggedAt = now;
        group.Priority = CasePriority.Urgent;
        // No version step of its own: the claim that got here already moved it (or opened the case).
        group.UpdatedAt = now;
        var detail = $"{claimants} claimants reached the threshold of {threshold}";
        db.CaseEvents.Add(new CaseEvent { CaseId = group.Id, At = now, Kind = "collective_flagged", UserName = actor.Name, Detail = detail });
        db.Record(actor, "case.collective_flagged", "case", group.Id.ToString(), before, CaseSnapshot.Of(group), caseId: group.Id, at: now);

        var employer = await db.Employers.AsNoTracking().Where(e => e.Id == group.EmployerId).Select(e => e.Name).SingleOrDefaultAsync(ct);
        var unit = tree.Find(group.UnitId)?.Name;
        var supervisors = await db.HoldersAtOrAboveAsync(Roles.Supervisor, group.UnitId, tree, ct);
        db.Notify(supervisors, "collective_incident",
            $"群体性欠薪预警：{employer}，{claimants} 名职工",
            $"{group.Number}（{unit}）：{employer} 欠薪投诉已达 {claimants} 人（阈值 {threshold}），请启动群体性事件应急预案。"
            + (group.AmountClaimed is { } total ? $" 诉求金额合计 {total:0.00} 元。" : ""),
            group.Id, now);
    }

    /// <summary>
    /// Serialises claims against one employer in one unit until the transaction ends: an advisory lock on
    /// PostgreSQL; on SQLite the transaction already holds the database's write lock.
    /// </summary>
    private Task LockAsync(Guid unitId, Guid employerId, CancellationToken ct) =>
        HotlineLocks.TakeAsync(db, $"wage-arrears/{unitId:N}/{employerId:N}", ct);
}
