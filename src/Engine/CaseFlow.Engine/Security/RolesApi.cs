using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseFlow.Engine.Security;

/// <param name="Roles">Every role, in <see cref="Security.Roles.All"/>'s order.</param>
/// <param name="UnitKinds">The unit kinds a candidate group may name after <c>@</c> (<c>reviewer@town</c>), lower case, from the top of the tree down.</param>
public sealed record RolesDto(IReadOnlyList<string> Roles, IReadOnlyList<string> UnitKinds);

/// <summary>What a BPMN candidate group may name (see Tasks/Candidates.cs), for the designer's pickers.</summary>
public static class RolesApi
{
    private static readonly RolesDto Answer = new(
        Roles.All,
        Enum.GetValues<UnitKind>().Select(k => k.ToString().ToLowerInvariant()).ToList());

    public static RouteGroupBuilder MapRoles(this RouteGroupBuilder api)
    {
        api.MapGet("/roles", () => TypedResults.Ok(Answer)).WithTags("Users");
        return api;
    }
}
