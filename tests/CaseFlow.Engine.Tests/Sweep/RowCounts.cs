using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Engine.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Sweep;

/// <summary>The number of rows in every table of the database, in one query: what a refused request must leave as it was.</summary>
public sealed class RowCounts(CaseFlowApp app)
{
    private string? _sql;

    public async Task<Dictionary<string, long>> ReadAsync()
    {
        _sql ??= await QueryAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1));
        return counts;
    }

    /// <summary>What changed between two readings, as "table: before -> after".</summary>
    public static IEnumerable<string> Changes(Dictionary<string, long> before, Dictionary<string, long> after) =>
        before.Where(b => after[b.Key] != b.Value).Select(b => $"{b.Key}: {b.Value} -> {after[b.Key]}");

    private async Task<string> QueryAsync()
    {
        var tables = await SchemaInspector.ReadAsync(app.Database.Provider, app.Database.ConnectionString);
        // Quartz's scheduler check-in rewrites its own rows on a timer, whatever the requests do.
        return string.Join(" UNION ALL ", tables.Keys
            .Where(t => !t.StartsWith("qrtz_scheduler_state", StringComparison.OrdinalIgnoreCase) && !t.StartsWith("qrtz_locks", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(t => $"SELECT '{t}', COUNT(*) FROM \"{t}\""));
    }
}
