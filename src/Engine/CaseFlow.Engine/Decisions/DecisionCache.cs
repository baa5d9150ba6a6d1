using System.Collections.Concurrent;
using CaseFlow.Engine.Persistence;
using CaseFlow.Workflows.Dmn;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Decisions;

/// <summary>
/// Parsed decision graphs by file version id. A deployed version never changes, so a parse (which
/// compiles every FEEL text) is good for the life of the process; every node fills its own cache.
/// </summary>
internal sealed class DecisionCache
{
    private readonly ConcurrentDictionary<Guid, DecisionRequirementsGraph> _parsed = new();

    public void Add(Guid definitionId, DecisionRequirementsGraph graph) => _parsed.TryAdd(definitionId, graph);

    public async ValueTask<DecisionRequirementsGraph> GetAsync(CaseFlowDb db, Guid definitionId, CancellationToken ct)
    {
        if (_parsed.TryGetValue(definitionId, out var cached)) return cached;
        var xml = await db.DecisionDefinitions.AsNoTracking()
            .Where(d => d.Id == definitionId)
            .Select(d => d.Xml)
            .SingleAsync(ct);
        var graph = DmnParser.Parse(xml).DecisionRequirementsGraph
            ?? throw new InvalidOperationException($"Deployed decision file {definitionId} no longer parses.");
        return _parsed.GetOrAdd(definitionId, graph);
    }
}
