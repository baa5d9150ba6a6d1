using CaseFlow.Engine.Units;

namespace CaseFlow.Engine.Security;

/// <summary>A role held at a unit.</summary>
public readonly record struct Grant(string Role, Guid UnitId);

/// <summary>
/// Who is acting in this request (a signed-in user or an API token), with what roles where, and so which
/// units they see. Scoped: filled by authentication before any endpoint runs. Work outside a request
/// (timers, jobs, start-up) runs as <see cref="System"/>, which sees everything.
/// </summary>
public sealed class Actor
{
    private IReadOnlySet<Guid>? _visibleUnits;

    /// <summary>The user's id; null for the system and for API tokens.</summary>
    public Guid? UserId { get; private set; }
    /// <summary>The user name (or <c>token:{name}</c>, or <c>system</c>): what history and audit record.</summary>
    public string Name { get; private set; } = "system";
    /// <summary>The unit the user works in; new cases and calls belong to it unless another is chosen.</summary>
    public Guid? UnitId { get; private set; }
    public IReadOnlyList<Grant> Grants { get; private set; } = [];
    public bool IsSystem { get; private set; } = true;
    public bool IsAuthenticated => !IsSystem && (UserId is not null || TokenId is not null);
    public Guid? TokenId { get; private set; }
    public string? Ip { get; set; }

    /// <summary>True when no unit filter applies (the system, or a role held at a root unit).</summary>
    public bool SeesAll { get; private set; } = true;

    /// <summary>The units whose data this actor sees: every unit at or below a unit where a role is held.</summary>
    public IReadOnlySet<Guid> VisibleUnits => _visibleUnits ?? new HashSet<Guid>();

    public bool Has(string role) => IsSystem || Grants.Any(g => g.Role == role);

    public bool HasAny(params string[] roles) => IsSystem || Grants.Any(g => roles.Contains(g.Role));

    public bool CanSee(Guid unitId) => SeesAll || VisibleUnits.Contains(unitId);

    /// <summary>Whether the actor holds <paramref name="role"/> at <paramref name="unitId"/> or at a unit above it.</summary>
    public bool HasAt(string role, Guid unitId, UnitTree tree) =>
        IsSystem || Grants.Any(g => g.Role == role && tree.IsAtOrBelow(unitId, g.UnitId));

    internal void SignedIn(Guid? userId, Guid? tokenId, string name, Guid unitId, IReadOnlyList<Grant> grants, UnitTree tree)
    {
        IsSystem = false;
        UserId = userId;
        TokenId = tokenId;
        Name = name;
        UnitId = unitId;
        Grants = grants;
        var roots = grants.Select(g => g.UnitId).Distinct().ToList();
        SeesAll = roots.Any(tree.IsRoot);
        _visibleUnits = SeesAll ? null : tree.SubtreesOf(roots);
    }

    /// <summary>Nobody: a request without credentials sees nothing (the endpoints refuse it anyway).</summary>
    internal void Anonymous()
    {
        IsSystem = false;
        SeesAll = false;
        _visibleUnits = new HashSet<Guid>();
        Name = "anonymous";
    }
}
