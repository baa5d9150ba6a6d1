using CaseFlow.Engine.Persistence;
using CaseFlow.Workflows.Dmn;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Decisions;

/// <summary>Finds and evaluates the latest deployed version of a decision, for the API and for business rule tasks.</summary>
internal sealed class DecisionEvaluator(CaseFlowDb db, DecisionCache cache)
{
    /// <summary>
    /// The most recently deployed file holding <paramref name="decisionId"/>. Files are versioned by their
    /// definitions id, but a task names only the decision, so the newest deployment wins even if the
    /// decision moved to another file.
    /// </summary>
    public Task<LatestDecision?> FindLatestAsync(string decisionId, CancellationToken ct) =>
        db.Decisions.AsNoTracking()
            .Where(d => d.DecisionId == decisionId)
            .Join(db.DecisionDefinitions, d => d.DefinitionId, f => f.Id, (d, f) => new { d, f })
            .OrderByDescending(x => x.f.DeployedAt).ThenByDescending(x => x.f.Version)
            .Select(x => new LatestDecision(x.f.Id, x.f.Key, x.f.Version, x.d.DecisionId, x.d.DecisionName))
            .FirstOrDefaultAsync(ct);

    /// <summary>Evaluates the latest version; null when no deployed file holds the decision.</summary>
    public async Task<(LatestDecision Decision, DecisionResult Result)?> EvaluateAsync(
        string decisionId, IReadOnlyDictionary<string, object?> variables, CancellationToken ct)
    {
        var latest = await FindLatestAsync(decisionId, ct);
        if (latest is null) return null;
        var graph = await cache.GetAsync(db, latest.DefinitionId, ct);
        // By id: a decision's name may equal another decision's id in the same file.
        var decision = graph.Decisions.First(d => d.Id == decisionId);
        return (latest, decision.Evaluate(variables));
    }
}

public sealed record LatestDecision(Guid DefinitionId, string Key, int Version, string DecisionId, string DecisionName);
