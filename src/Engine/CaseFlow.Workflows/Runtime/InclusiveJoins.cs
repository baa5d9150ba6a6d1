using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// BPMN 2.0's inclusive join: it fires when at least one incoming flow has a token and no token in the
/// same scope can still reach an incoming flow that has none. Checked only when the agenda is empty,
/// so that tokens in transit are never missed.
/// </summary>
internal static class InclusiveJoins
{
    public static bool FireReady(Run run)
    {
        var tokens = run.State.JoinTokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (run.Definition.Node(token.GatewayId) is not InclusiveGateway gateway) continue;
            if (!CanFire(run, gateway, token.ScopeKey)) continue;

            foreach (var incoming in gateway.Incoming)
            {
                var index = tokens.FindIndex(t => t.ScopeKey == token.ScopeKey && t.GatewayId == gateway.Id && t.FlowId == incoming.Id);
                if (index >= 0) tokens.RemoveAt(index);
            }
            Activation.Activate(run, gateway, token.ScopeKey);
            return true;
        }
        return false;
    }

    private static bool CanFire(Run run, InclusiveGateway gateway, long? scopeKey)
    {
        foreach (var incoming in gateway.Incoming)
        {
            if (HasToken(run, gateway.Id, incoming.Id, scopeKey)) continue;
            var upstream = gateway.Upstream[incoming.Id];
            foreach (var element in run.State.Elements.Values)
            {
                if (element.ScopeKey == scopeKey && upstream.Contains(element.ElementId)) return false;
            }
            foreach (var waiting in run.State.JoinTokens)
            {
                if (waiting.ScopeKey == scopeKey && waiting.GatewayId != gateway.Id && upstream.Contains(waiting.GatewayId)) return false;
            }
        }
        return true;
    }

    private static bool HasToken(Run run, string gatewayId, string flowId, long? scopeKey) =>
        run.State.JoinTokens.Exists(t => t.ScopeKey == scopeKey && t.GatewayId == gatewayId && t.FlowId == flowId);
}
