using System.Collections.Concurrent;
using CaseFlow.Engine.Persistence;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Model;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Definitions;

/// <summary>
/// Parsed definitions by id. A deployed version never changes, so a parse is good for the life of the
/// process and every node can fill its own cache from the database.
/// </summary>
internal sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<Guid, ProcessDefinition> _parsed = new();

    public void Add(Guid definitionId, ProcessDefinition definition) => _parsed.TryAdd(definitionId, definition);

    public async ValueTask<ProcessDefinition> GetAsync(CaseFlowDb db, Guid definitionId, CancellationToken ct)
    {
        if (_parsed.TryGetValue(definitionId, out var cached)) return cached;
        var row = await db.Definitions.AsNoTracking()
            .Where(d => d.Id == definitionId)
            .Select(d => new { d.ProcessId, d.Xml })
            .SingleAsync(ct);
        var process = BpmnParser.Parse(row.Xml).Processes.FirstOrDefault(p => p.Id == row.ProcessId)
            ?? throw new InvalidOperationException($"Deployed definition {definitionId} no longer parses to process '{row.ProcessId}'.");
        return _parsed.GetOrAdd(definitionId, process);
    }
}
