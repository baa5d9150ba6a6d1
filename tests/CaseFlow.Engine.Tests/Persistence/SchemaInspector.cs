using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseFlow.Engine.Tests.Persistence;

public sealed record DbColumn(string Name, string Type, bool Nullable, bool Identity);
public sealed record DbIndex(string Name, IReadOnlyList<string> Columns, bool Unique);
public sealed record DbForeignKey(IReadOnlyList<string> Columns, string PrincipalTable, IReadOnlyList<string> PrincipalColumns, string OnDelete);
public sealed record DbTable(string Name, IReadOnlyDictionary<string, DbColumn> Columns, IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<DbIndex> Indexes, IReadOnlyList<DbForeignKey> ForeignKeys);

/// <summary>Reads what a migrated database really has, from the catalogs of SQLite or PostgreSQL.</summary>
public static class SchemaInspector
{
    public static async Task<Dictionary<string, DbTable>> ReadAsync(string provider, string connectionString)
    {
        await using DbConnection connection = provider == "Postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new Dictionary<string, DbTable>();
        var names = await ListAsync(connection, provider == "Postgres"
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0));
        foreach (var name in names)
            tables[name] = provider == "Postgres" ? await PostgresTableAsync(connection, name) : await SqliteTableAsync(connection, name);
        return tables;
    }

    private static async Task<DbTable> SqliteTableAsync(DbConnection connection, string table)
    {
        var columns = await ListAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
            r => (Column: new DbColumn(r.GetString(0), r.GetString(1).ToUpperInvariant(), r.GetInt64(2) == 0, false), Pk: r.GetInt64(3)));
        var indexes = new List<DbIndex>();
        var indexRows = await ListAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')",
            r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1, Origin: r.GetString(2)));
        foreach (var index in indexRows.Where(i => i.Origin == "c"))
        {
            var indexColumns = await ListAsync(connection, $"SELECT name FROM pragma_index_info('{index.Name}') ORDER BY seqno", r => r.GetString(0));
            indexes.Add(new DbIndex(index.Name, indexColumns, index.Unique));
        }
        var fkRows = await ListAsync(connection, $"SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY id, seq",
            r => (Id: r.GetInt64(0), Table: r.GetString(1), From: r.GetString(2), To: r.GetString(3), OnDelete: r.GetString(4)));
        var fks = fkRows.GroupBy(f => f.Id).Select(g => new DbForeignKey(
            g.Select(f => f.From).ToList(), g.First().Table, g.Select(f => f.To).ToList(), g.First().OnDelete.ToUpperInvariant())).ToList();
        return new DbTable(table, columns.ToDictionary(c => c.Column.Name, c => c.Column),
            columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Column.Name).ToList(), indexes, fks);
    }

    private static async Task<DbTable> PostgresTableAsync(DbConnection connection, string table)
    {
        var columns = await ListAsync(connection, $"""
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, a.attidentity <> ''
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relname = '{table}' AND a.attnum > 0 AND NOT a.attisdropped
            """, r => new DbColumn(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetBoolean(3)));
        var indexRows = await ListAsync(connection, $"""
            SELECT i.relname, ix.indisunique, ix.indisprimary,
                   array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum ORDER BY k.ord)
            FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND t.relname = '{table}'
            """, r => (Name: r.GetString(0), Unique: r.GetBoolean(1), Primary: r.GetBoolean(2), Columns: (string[])r.GetValue(3)));
        var fks = await ListAsync(connection, $"""
            SELECT p.relname, con.confdeltype,
                   array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
                   array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)
            FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class p ON p.oid = con.confrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND con.contype = 'f' AND t.relname = '{table}'
            """, r => new DbForeignKey((string[])r.GetValue(2), r.GetString(0), (string[])r.GetValue(3), OnDelete(r.GetChar(1))));
        var primary = indexRows.SingleOrDefault(i => i.Primary).Columns ?? [];
        return new DbTable(table, columns.ToDictionary(c => c.Name), primary,
            indexRows.Where(i => !i.Primary).Select(i => new DbIndex(i.Name, i.Columns, i.Unique)).ToList(), fks);
    }

    private static string OnDelete(char action) => action switch
    {
        'a' => "NO ACTION", 'r' => "RESTRICT", 'c' => "CASCADE", 'n' => "SET NULL", 'd' => "SET DEFAULT", _ => action.ToString(),
    };

    private static async Task<List<T>> ListAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(read(reader));
        return list;
    }
}
