using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.People;

/// <summary>Who may write a record into a unit: the unit must exist and be visible, and the actor hold a writing role there.</summary>
internal static class UnitWrites
{
    /// <summary>Everyone who handles people and employers; auditors only read (their independence is the point of an audit).</summary>
    public static readonly string[] Writers =
        [Roles.Operator, Roles.CaseWorker, Roles.Reviewer, Roles.Approver, Roles.Finance, Roles.Supervisor, Roles.Admin];

    public static async Task<ProblemHttpResult?> CheckAsync(Guid unitId, Actor actor, CaseFlowDb db, UnitTreeCache units, CancellationToken ct)
    {
        if (!actor.CanSee(unitId) || !await db.Units.AnyAsync(u => u.Id == unitId, ct))
            return Problems.Create(StatusCodes.Status404NotFound, "unit_not_found", $"Unit {unitId} does not exist.", "unitId");
        var tree = await TreeWithAsync(unitId, units, ct);
        return Writers.Any(role => actor.HasAt(role, unitId, tree))
            ? null
            : Problems.Create(StatusCodes.Status403Forbidden, "role_forbidden",
                $"Writing here needs one of these roles at the unit or above: {string.Join(", ", Writers)}.");
    }

    /// <summary>The cached tree, reloaded once when it does not know <paramref name="unitId"/> yet (a unit just created elsewhere).</summary>
    public static async Task<UnitTree> TreeWithAsync(Guid unitId, UnitTreeCache units, CancellationToken ct)
    {
        var tree = await units.GetAsync(ct);
        if (tree.Find(unitId) is not null) return tree;
        units.Invalidate();
        return await units.GetAsync(ct);
    }
}
