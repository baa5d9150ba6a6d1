using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseFlow.Engine.Persistence.Migrations;

/// <summary>One forward-only schema step: an embedded SQL script named <c>NNNN_name.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}

/// <summary>
/// Applies the embedded scripts of the configured provider in order, each in its own transaction, and
/// records them in <c>schema_migrations</c>. On PostgreSQL a session advisory lock keeps nodes that
/// start together from racing; on SQLite each step's write transaction does the same.
/// An applied script whose text changed is refused: migrations are append-only.
/// </summary>
public sealed class DatabaseMigrator(DatabaseSettings settings, ILogger<DatabaseMigrator> logger)
{
    /// <summary>Arbitrary, fixed: the key every CaseFlow node locks on while migrating.</summary>
    private const long AdvisoryLockKey = 0x43617365466C6F77; // "CaseFlow"

    public static IReadOnlyList<Migration> Scripts(DatabaseProvider provider)
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var prefix = $"migrations/{provider}/";
        return assembly.GetManifestResourceNames()
            .Select(name => (name, normalized: name.Replace('\\', '/')))
            .Where(r => r.normalized.StartsWith(prefix, StringComparison.Ordinal) && r.normalized.EndsWith(".sql", StringComparison.Ordinal))
            .Select(r =>
            {
                var file = Path.GetFileNameWithoutExtension(r.normalized[prefix.Length..]);
                var separator = file.IndexOf('_');
                using var reader = new StreamReader(assembly.GetManifestResourceStream(r.name)!);
                return new Migration(int.Parse(file[..separator]), file[(separator + 1)..], reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>Returns how many scripts this call applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        var scripts = Scripts(settings.Provider);
        await using var connection = Open();
        await connection.OpenAsync(ct);
        var postgres = settings.Provider == DatabaseProvider.Postgres;
        if (postgres) await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        else await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", ct);
        try
        {
            await ExecuteAsync(connection, null, postgres ? PostgresJournal : SqliteJournal, ct);
            var applied = 0;
            foreach (var migration in scripts)
            {
                if (await ApplyAsync(connection, migration, ct)) applied++;
            }
            var newest = await ScalarAsync(connection, null, "SELECT MAX(version) FROM schema_migrations", ct);
            if (newest is not null and not DBNull && Convert.ToInt32(newest) > scripts[^1].Version)
                logger.LogWarning("The database schema is at version {Database}, newer than this build's {Build}.", newest, scripts[^1].Version);
            return applied;
        }
        finally
        {
            if (postgres) await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private async Task<bool> ApplyAsync(DbConnection connection, Migration migration, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var checksum = await ScalarAsync(connection, transaction, $"SELECT checksum FROM schema_migrations WHERE version = {migration.Version}", ct);
        if (checksum is string existing)
        {
            if (existing != migration.Checksum)
                throw new InvalidOperationException(
                    $"Migration {migration.Version:D4}_{migration.Name} was changed after it was applied; add a new migration instead.");
            return false;
        }
        await ExecuteAsync(connection, transaction, migration.Sql, ct);
        await using (var record = connection.CreateCommand())
        {
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @at)";
            AddParameter(record, "version", migration.Version);
            AddParameter(record, "name", migration.Name);
            AddParameter(record, "checksum", migration.Checksum);
            AddParameter(record, "at", DateTimeOffset.UtcNow.ToString("O"));
            await record.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        logger.LogInformation("Applied database migration {Version:D4}_{Name}.", migration.Version, migration.Name);
        return true;
    }

    private DbConnection Open() => settings.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(settings.ConnectionString)
        : new SqliteConnection(settings.ConnectionString);

    private const string PostgresJournal = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer NOT NULL PRIMARY KEY,
            name text NOT NULL,
            checksum text NOT NULL,
            applied_at text NOT NULL)
        """;

    private const string SqliteJournal = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at TEXT NOT NULL)
        """;

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
