using System.Collections.Concurrent;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.SignalR;

namespace CaseFlow.Engine.Live;

/// <summary>
/// This node's hub groups: <c>unit:{id}</c> for each unit of a connection's grants, <c>case:{id}</c> for each case it
/// watches. Kept here rather than in SignalR's groups so that an event meant for several groups reaches a
/// connection in more than one of them once (a user with grants at a town and its county, watching a case there).
/// </summary>
internal sealed class LiveGroups
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _groupsOf = new(StringComparer.Ordinal);

    public static string Unit(Guid id) => $"unit:{id}";

    public static string Case(Guid id) => $"case:{id}";

    public void Join(string connectionId, string group)
    {
        _members.GetOrAdd(group, _ => new(StringComparer.Ordinal))[connectionId] = 0;
        _groupsOf.GetOrAdd(connectionId, _ => new(StringComparer.Ordinal))[group] = 0;
    }

    public void Leave(string connectionId, string group)
    {
        if (_members.TryGetValue(group, out var members)) members.TryRemove(connectionId, out _);
        if (_groupsOf.TryGetValue(connectionId, out var groups)) groups.TryRemove(group, out _);
    }

    public void Drop(string connectionId)
    {
        if (!_groupsOf.TryRemove(connectionId, out var groups)) return;
        foreach (var group in groups.Keys)
        {
            if (_members.TryGetValue(group, out var members)) members.TryRemove(connectionId, out _);
        }
    }

    /// <summary>The connections in any of the groups, each once.</summary>
    public IReadOnlyList<string> MembersOf(IEnumerable<string> groups) =>
        groups.SelectMany(g => _members.TryGetValue(g, out var members) ? members.Keys : []).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>
/// Sends an event to this node's connections that may hear it: the groups of the event's unit and every unit above it
/// (tasks of no unit: the root's), and the group of its case.
/// </summary>
internal sealed class LiveDelivery(IHubContext<LiveHub> hub, LiveGroups groups, UnitTreeCache units)
{
    public async Task DeliverAsync(LiveEnvelope envelope, CancellationToken ct)
    {
        var tree = await units.GetAsync(ct);
        var names = new List<string>();
        if (envelope.UnitId is { } unit && tree.Find(unit) is not null) names.AddRange(tree.AncestorsAndSelf(unit).Select(n => LiveGroups.Unit(n.Id)));
        else names.AddRange(tree.Roots.Select(r => LiveGroups.Unit(r.Id)));
        if (envelope.CaseId is { } caseId) names.Add(LiveGroups.Case(caseId));
        var connections = groups.MembersOf(names);
        if (connections.Count > 0) await hub.Clients.Clients(connections).SendAsync(envelope.Event, envelope.Data, ct);
    }
}
