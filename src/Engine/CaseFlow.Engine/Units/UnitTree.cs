using CaseFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Units;

/// <summary>
/// The unit tree as an immutable snapshot in memory: visibility, candidate groups and notifications ask it
/// "is this unit below that one" many times per request, and a county has a few thousand units at most.
/// </summary>
public sealed class UnitTree
{
    public sealed record Node(Guid Id, Guid? ParentId, string Name, UnitKind Kind, string Code, int Depth, int? CollectiveThreshold, int Version);

    private readonly Dictionary<Guid, Node> _nodes;
    private readonly Dictionary<Guid, List<Guid>> _children;

    public UnitTree(IEnumerable<Node> nodes)
    {
        _nodes = nodes.ToDictionary(n => n.Id);
        _children = _nodes.Values.Where(n => n.ParentId is not null)
            .GroupBy(n => n.ParentId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(n => n.Id).ToList());
    }

    public static readonly UnitTree Empty = new([]);

    public int Count => _nodes.Count;

    public Node? Find(Guid id) => _nodes.GetValueOrDefault(id);

    public IEnumerable<Node> All => _nodes.Values;

    public IEnumerable<Node> Roots => _nodes.Values.Where(n => n.ParentId is null);

    public bool IsRoot(Guid id) => _nodes.TryGetValue(id, out var node) && node.ParentId is null;

    public IReadOnlyList<Guid> ChildrenOf(Guid id) => _children.GetValueOrDefault(id) ?? [];

    /// <summary>The unit and its ancestors, nearest first.</summary>
    public IEnumerable<Node> AncestorsAndSelf(Guid id)
    {
        for (var node = Find(id); node is not null; node = node.ParentId is { } parent ? Find(parent) : null)
            yield return node;
    }

    /// <summary>Whether <paramref name="unitId"/> is <paramref name="ancestorId"/> or lies below it.</summary>
    public bool IsAtOrBelow(Guid unitId, Guid ancestorId) => AncestorsAndSelf(unitId).Any(n => n.Id == ancestorId);

    /// <summary>The nearest unit of this kind at or above the unit (the case's town, its county).</summary>
    public Node? NearestOfKind(Guid unitId, UnitKind kind) => AncestorsAndSelf(unitId).FirstOrDefault(n => n.Kind == kind);

    public HashSet<Guid> SubtreesOf(IEnumerable<Guid> roots)
    {
        var result = new HashSet<Guid>();
        var stack = new Stack<Guid>(roots.Where(_nodes.ContainsKey));
        while (stack.TryPop(out var id))
        {
            if (!result.Add(id)) continue;
            foreach (var child in ChildrenOf(id)) stack.Push(child);
        }
        return result;
    }

    /// <summary>The threshold of wage-arrears claimants that makes a collective incident at this unit: its own, else the nearest ancestor's.</summary>
    public int? CollectiveThresholdOf(Guid unitId) => AncestorsAndSelf(unitId).Select(n => n.CollectiveThreshold).FirstOrDefault(t => t is not null);
}

/// <summary>
/// Holds the current <see cref="UnitTree"/>. Writes on this node replace it at once; a change made by
/// another node is seen within <see cref="MaxAge"/>.
/// </summary>
public sealed class UnitTreeCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private volatile Snapshot? _current;
    private readonly SemaphoreSlim _loading = new(1, 1);

    private sealed record Snapshot(UnitTree Tree, DateTimeOffset LoadedAt);

    public async ValueTask<UnitTree> GetAsync(CancellationToken ct = default)
    {
        var current = _current;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < MaxAge) return current.Tree;
        await _loading.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is not null && clock.GetUtcNow() - current.LoadedAt < MaxAge) return current.Tree;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
            var nodes = await db.Units.AsNoTracking()
                .Select(u => new UnitTree.Node(u.Id, u.ParentId, u.Name, u.Kind, u.Code, u.Depth, u.CollectiveThreshold, u.Version))
                .ToListAsync(ct);
            var tree = new UnitTree(nodes);
            _current = new Snapshot(tree, clock.GetUtcNow());
            return tree;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Call after committing a change to the units table.</summary>
    public void Invalidate() => _current = null;
}
