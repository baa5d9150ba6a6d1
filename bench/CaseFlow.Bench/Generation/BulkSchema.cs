using System.Diagnostics;
using Npgsql;

namespace CaseFlow.Bench.Generation;

/// <summary>
/// The indexes and constraints of the bulk-loaded tables, read from the catalog of a database the service's
/// migrations built, so they can be dropped before the load and rebuilt from their own definitions after it:
/// the final schema is the migrations' schema, whatever later migrations add, and <see cref="FingerprintAsync"/>
/// proves it (compared before and after).
/// </summary>
internal sealed class BulkSchema
{
    private readonly List<(string Table, string Name, string Definition)> _primaryKeys = [];
    private readonly List<(string Name, string Definition)> _indexes = [];
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys = [];

    public static async Task<BulkSchema> ReadAsync(NpgsqlConnection connection, string[] tables)
    {
        var schema = new BulkSchema();
        await using (var command = new NpgsqlCommand("""
            SELECT t.relname, c.conname, pg_get_constraintdef(c.oid), c.contype
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND (
                (c.contype IN ('p', 'u') AND t.relname = ANY(@tables))
                OR (c.contype = 'f' AND (t.relname = ANY(@tables) OR c.confrelid IN (
                    SELECT r.oid FROM pg_class r WHERE r.relnamespace = n.oid AND r.relname = ANY(@tables)))))
            ORDER BY c.conname
            """, connection))
        {
            command.Parameters.AddWithValue("tables", tables);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var entry = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                if (reader.GetChar(3) == 'f') schema._foreignKeys.Add(entry);
                else schema._primaryKeys.Add(entry);
            }
        }
        await using (var command = new NpgsqlCommand("""
            SELECT ic.relname, pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND t.relname = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
            ORDER BY ic.relname
            """, connection))
        {
            command.Parameters.AddWithValue("tables", tables);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) schema._indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        return schema;
    }

    public int IndexCount => _primaryKeys.Count + _indexes.Count;
    public int ForeignKeyCount => _foreignKeys.Count;

    public async Task DropAsync(NpgsqlConnection connection)
    {
        var sql = new List<string>();
        sql.AddRange(_foreignKeys.Select(f => $"ALTER TABLE {f.Table} DROP CONSTRAINT {f.Name}"));
        sql.AddRange(_indexes.Select(i => $"DROP INDEX {i.Name}"));
        sql.AddRange(_primaryKeys.Select(p => $"ALTER TABLE {p.Table} DROP CONSTRAINT {p.Name}"));
        await using var command = new NpgsqlCommand(string.Join(";\n", sql), connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Keys and indexes first (a foreign key needs the referenced key), each step on two connections.</summary>
    public async Task<(double IndexSeconds, double ForeignKeySeconds)> RecreateAsync(string connectionString)
    {
        var clock = Stopwatch.StartNew();
        var keysAndIndexes = _primaryKeys.Select(p => $"ALTER TABLE {p.Table} ADD CONSTRAINT {p.Name} {p.Definition}")
            .Concat(_indexes.Select(i => i.Definition)).ToList();
        await RunInParallelAsync(connectionString, keysAndIndexes);
        var indexSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        await RunInParallelAsync(connectionString, _foreignKeys.Select(f => $"ALTER TABLE {f.Table} ADD CONSTRAINT {f.Name} {f.Definition}").ToList());
        return (indexSeconds, clock.Elapsed.TotalSeconds);
    }

    private static async Task RunInParallelAsync(string connectionString, List<string> statements)
    {
        var queue = new System.Collections.Concurrent.ConcurrentQueue<string>(statements);
        // Two sessions for two cores; each builds one index at a time without parallel workers of its own.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using (var setup = new NpgsqlCommand("SET maintenance_work_mem = '512MB'; SET max_parallel_maintenance_workers = 0", connection))
                await setup.ExecuteNonQueryAsync();
            while (queue.TryDequeue(out var sql))
            {
                var clock = Stopwatch.StartNew();
                await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
                await command.ExecuteNonQueryAsync();
                Console.Error.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F1} s  {Shorten(sql)}");
            }
        }));
    }

    private static string Shorten(string sql) => sql.Length <= 110 ? sql : sql[..107] + "...";

    /// <summary>Every index and constraint definition of the schema, sorted: equal fingerprints, equal schemas.</summary>
    public static async Task<string> FingerprintAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                SELECT indexdef AS line FROM pg_indexes WHERE schemaname = current_schema()
                UNION ALL
                SELECT t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || ' validated=' || c.convalidated
                FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema()) lines
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
