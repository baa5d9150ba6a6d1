using System.Linq.Expressions;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;
using Microsoft.EntityFrameworkCore.Query;

namespace CaseFlow.Engine.Tasks;

/// <summary>
/// Candidate groups name roles, resolved against the task's unit: <c>reviewer</c> means anyone holding the
/// reviewer role at the task's unit or above it; <c>reviewer@town</c> anyone holding it at the task's town (the
/// nearest unit of that kind at or above the task's unit) or above that.
/// </summary>
internal static class Candidates
{
    public static (string Role, UnitKind? Kind) Parse(string group)
    {
        var at = group.IndexOf('@');
        if (at < 0) return (group, null);
        return Enum.TryParse<UnitKind>(group[(at + 1)..], ignoreCase: true, out var kind) ? (group[..at], kind) : (group, null);
    }

    /// <summary>The unit a group's holders must hold their role at (or above): the task's, or its ancestor of the named kind.</summary>
    public static Guid? ScopeUnit(string group, Guid? taskUnit, UnitTree tree)
    {
        if (taskUnit is not { } unit) return null;
        var (_, kind) = Parse(group);
        return kind is { } k ? tree.NearestOfKind(unit, k)?.Id : unit;
    }

    public static bool IsCandidate(UserTask task, Actor actor, UnitTree tree)
    {
        if (actor.IsSystem) return true;
        if (task.Candidates.Any(c => c.Kind == CandidateKind.User && c.Name == actor.Name)) return true;
        return task.Candidates.Where(c => c.Kind == CandidateKind.Group).Any(c =>
        {
            var (role, _) = Parse(c.Name);
            return ScopeUnit(c.Name, task.UnitId, tree) is { } scope && actor.HasAt(role, scope, tree)
                // Tasks of no unit (from before units existed, or started by a message): any holder of the role.
                || task.UnitId is null && actor.Has(role);
        });
    }

    /// <summary>
    /// The tasks the actor is a candidate for, as one query condition: per group name the actor can fill, the
    /// task units where they fill it (left out when that is every unit the actor sees anyway).
    /// </summary>
    public static Expression<Func<UserTask, bool>> For(Actor actor, UnitTree tree)
    {
        var name = actor.Name;
        Expression<Func<UserTask, bool>> result = t => t.Candidates.Any(c => c.Kind == CandidateKind.User && c.Name == name);
        var visible = actor.SeesAll ? tree.All.Select(u => u.Id).ToHashSet() : actor.VisibleUnits.ToHashSet();
        foreach (var role in actor.Grants.Select(g => g.Role).Distinct())
        {
            var held = tree.SubtreesOf(actor.Grants.Where(g => g.Role == role).Select(g => g.UnitId));
            foreach (var kind in new UnitKind?[] { null }.Concat(Enum.GetValues<UnitKind>().Cast<UnitKind?>()))
            {
                var group = kind is null ? role : $"{role}@{kind.Value.ToString().ToLowerInvariant()}";
                var units = kind is null ? held : visible.Where(u => tree.NearestOfKind(u, kind.Value) is { } k && held.Contains(k.Id)).ToHashSet();
                if (units.Count == 0) continue;
                var groupName = group;
                Expression<Func<UserTask, bool>> clause;
                if (units.SetEquals(visible))
                {
                    clause = t => t.Candidates.Any(c => c.Kind == CandidateKind.Group && c.Name == groupName);
                }
                else
                {
                    var ids = units.ToArray();
                    clause = t => t.Candidates.Any(c => c.Kind == CandidateKind.Group && c.Name == groupName) && t.UnitId != null && ids.Contains(t.UnitId.Value);
                }
                result = Or(result, clause);
            }
        }
        return result;
    }

    private static Expression<Func<UserTask, bool>> Or(Expression<Func<UserTask, bool>> left, Expression<Func<UserTask, bool>> right)
    {
        var parameter = left.Parameters[0];
        var body = ReplacingExpressionVisitor.Replace(right.Parameters[0], parameter, right.Body);
        return Expression.Lambda<Func<UserTask, bool>>(Expression.OrElse(left.Body, body), parameter);
    }
}
