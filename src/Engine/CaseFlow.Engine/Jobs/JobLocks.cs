using System.Globalization;
using System.Text.Json;
using CaseFlow.Engine.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseFlow.Engine.Jobs;

/// <summary>
/// Locks due jobs for a worker in one statement: activatable jobs whose back-off has passed and activated
/// ones whose lock expired. On PostgreSQL <c>FOR UPDATE SKIP LOCKED</c> lets several nodes take jobs at
/// once without ever handing one job to two of them; SQLite has a single writer, so the statement alone is enough.
/// </summary>
internal static class JobLocks
{
    private const string Set = """
        UPDATE jobs SET state = 'Activated', worker = @worker, locked_until = @until, next_attempt_at = @until, updated_at = @now
        WHERE id IN (SELECT id FROM jobs WHERE {0} AND next_attempt_at <= @now ORDER BY next_attempt_at LIMIT @max{1})
        RETURNING *
        """;

    public static async Task<List<Job>> LockAsync(CaseFlowDb db, IReadOnlyList<string> types, string worker, int max,
        TimeSpan lockDuration, DateTimeOffset now, CancellationToken ct)
    {
        if (types.Count == 0 || max <= 0) return [];
        var until = now + lockDuration;
        object[] parameters;
        string sql;
        if (db.IsPostgres)
        {
            sql = string.Format(CultureInfo.InvariantCulture, Set, "type = ANY(@types)", " FOR UPDATE SKIP LOCKED");
            parameters =
            [
                new NpgsqlParameter("types", types.ToArray()), new NpgsqlParameter("worker", worker),
                new NpgsqlParameter("until", until.ToUniversalTime()), new NpgsqlParameter("now", now.ToUniversalTime()),
                new NpgsqlParameter("max", max),
            ];
        }
        else
        {
            sql = string.Format(CultureInfo.InvariantCulture, Set, "type IN (SELECT value FROM json_each(@types))", "");
            parameters =
            [
                new SqliteParameter("types", JsonSerializer.Serialize(types)), new SqliteParameter("worker", worker),
                new SqliteParameter("until", UtcText(until)), new SqliteParameter("now", UtcText(now)), new SqliteParameter("max", max),
            ];
        }
        var jobs = await db.Jobs.FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(ct);
        return [.. jobs.OrderBy(j => j.CreatedAt).ThenBy(j => j.Id)];
    }

    /// <summary>The text the EF model's converter writes on SQLite (<see cref="UtcTextConverter"/>).</summary>
    private static string UtcText(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
