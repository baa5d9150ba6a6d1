using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Units;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Notifications;

/// <summary>Adds notifications to the unit of work, so they exist exactly when the change they announce commits.</summary>
public static class Notifier
{
    /// <summary>
    /// The users holding <paramref name="role"/> at <paramref name="unitId"/> or at a unit above it (a
    /// county's supervisors hear of their towns' incidents), enabled accounts only.
    /// </summary>
    public static async Task<List<Guid>> HoldersAtOrAboveAsync(this CaseFlowDb db, string role, Guid unitId, UnitTree tree, CancellationToken ct)
    {
        var units = tree.AncestorsAndSelf(unitId).Select(n => n.Id).ToList();
        return await (
                from r in db.RoleAssignments
                join u in db.Users on r.UserId equals u.Id
                where r.Role == role && units.Contains(r.UnitId) && !u.Disabled
                select u.Id)
            .Distinct()
            .ToListAsync(ct);
    }

    public static void Notify(this CaseFlowDb db, IEnumerable<Guid> userIds, string kind, string title, string? body, Guid? caseId, DateTimeOffset at)
    {
        foreach (var userId in userIds)
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.NewGuid(), UserId = userId, Kind = kind, Title = title, Body = body, CaseId = caseId, CreatedAt = at,
            });
        }
    }
}
