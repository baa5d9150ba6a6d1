using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Privacy;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Engine.Hotline;

/// <param name="OpenComplaints">Claimants of the employer's open wage-arrears case at the unit within the grouping window
/// (what a new claim would join and count against the threshold); 0 when there is none.</param>
/// <param name="Threshold">The unit's effective collective threshold.</param>
/// <param name="CollectiveCaseId">The open wage-arrears case a claim would join; null when a claim would open a new one.</param>
public sealed record CollectiveHintDto(Guid EmployerId, string EmployerName, int OpenComplaints, int Threshold,
    Guid? CollectiveCaseId, string? CollectiveCaseNumber);

/// <summary>
/// The hotline form's hint while an operator types a wage-arrears call: does this employer already have open complaints
/// here, and how close are they to a collective incident. Asks what <see cref="WageArrearsGrouping"/> would find.
/// </summary>
internal static class CollectiveHint
{
    public static async Task<Results<Ok<CollectiveHintDto>, ProblemHttpResult>> GetAsync(
        Guid? employerId, string? employerName, string? creditCode, Guid? unitId, Actor actor, CaseFlowDb db, UnitTreeCache units,
        IOptions<HotlineOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var name = employerName?.Trim();
        var code = creditCode?.Trim();
        var given = (employerId is not null ? 1 : 0) + (string.IsNullOrEmpty(name) ? 0 : 1) + (string.IsNullOrEmpty(code) ? 0 : 1);
        if (given != 1) return Problems.BadRequest("invalid_query", "Give one of employerId, employerName or creditCode.", "employerId");
        if ((unitId ?? actor.UnitId) is not { } unit) return Problems.BadRequest("invalid_query", "unitId is required (you have no unit of your own).", "unitId");
        if (!actor.CanSee(unit)) return Problems.Create(StatusCodes.Status404NotFound, "unit_not_found", $"Unit {unit} does not exist.", "unitId");

        var employers = db.Employers.AsNoTracking();
        employers = employerId is { } id ? employers.Where(e => e.Id == id)
            : !string.IsNullOrEmpty(code) ? employers.Where(e => e.CreditCode == CreditCode.Normalize(code))
            : employers.Where(e => e.Name == name);
        var found = await employers.OrderBy(e => e.Id).Select(e => new { e.Id, e.Name }).Take(2).ToListAsync(ct);
        if (found.Count == 0) return Problems.NotFound("employer_not_found", "No employer is filed under that id, name or credit code.");
        if (found.Count > 1) return Problems.Invalid("employer_ambiguous", $"Several employers are called '{name}': choose one.", "employerName");
        var employer = found[0];

        var since = clock.GetUtcNow().AddDays(-options.Value.GroupingWindowDays);
        var group = await WageArrearsGrouping.OpenGroups(db.Cases.AsNoTracking(), unit, employer.Id, since)
            .Select(c => new { c.Id, c.Number, Claimants = c.Parties.Count(p => p.Role == Cases.PartyRole.Claimant) })
            .FirstOrDefaultAsync(ct);
        var tree = await units.GetAsync(ct);
        var threshold = tree.CollectiveThresholdOf(unit) ?? options.Value.CollectiveThreshold;
        return TypedResults.Ok(new CollectiveHintDto(employer.Id, employer.Name, group?.Claimants ?? 0, threshold, group?.Id, group?.Number));
    }
}
