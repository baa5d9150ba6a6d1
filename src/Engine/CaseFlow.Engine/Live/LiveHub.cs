using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Live;

/// <summary>
/// The web app's live channel (<c>/hubs/live</c>): <c>taskChanged</c> and <c>caseChanged</c> events for the units the
/// caller works in and the cases they watch. Signed-in users (cookie) and API tokens only. The caller's grants are
/// read when the connection opens (a change of roles applies at the next connection).
/// </summary>
internal sealed class LiveHub(LiveGroups groups, IDbContextFactory<CaseFlowDb> contexts, UnitTreeCache units) : Hub
{
    private const string ActorKey = "caseflow:actor";

    public override async Task OnConnectedAsync()
    {
        var actor = Context.GetHttpContext()?.RequestServices.GetService<Actor>();
        if (actor is null || !actor.IsAuthenticated)
        {
            // The endpoint requires authorization, so this is only reached if that ever changes: refuse, never see all.
            Context.Abort();
            return;
        }
        // A copy: the request scope that filled the actor may end before the connection does (long polling).
        var copy = new Actor();
        copy.SignedIn(actor.UserId, actor.TokenId, actor.Name, actor.UnitId ?? Guid.Empty, actor.Grants, await units.GetAsync(Context.ConnectionAborted));
        Context.Items[ActorKey] = copy;
        foreach (var unit in actor.Grants.Select(g => g.UnitId).Distinct()) groups.Join(Context.ConnectionId, LiveGroups.Unit(unit));
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        groups.Drop(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Hears the case's events; refused as <c>case_not_found</c> when the case is not visible to the caller.</summary>
    public async Task WatchCase(Guid caseId)
    {
        if (Context.Items[ActorKey] is not Actor actor) throw new HubException("case_not_found");
        await using var db = await contexts.CreateDbContextAsync(Context.ConnectionAborted);
        // The case's visibility is CaseFlowDb's unit filter, read with the caller's grants.
        db.Actor = actor;
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, Context.ConnectionAborted)) throw new HubException("case_not_found");
        groups.Join(Context.ConnectionId, LiveGroups.Case(caseId));
    }

    public Task UnwatchCase(Guid caseId)
    {
        groups.Leave(Context.ConnectionId, LiveGroups.Case(caseId));
        return Task.CompletedTask;
    }
}
