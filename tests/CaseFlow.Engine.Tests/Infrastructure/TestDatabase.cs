using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseFlow.Engine.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test class: a temp SQLite file by default, or a new PostgreSQL
/// database when CASEFLOW_TEST_POSTGRES holds a base connection string (dropped afterwards).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CASEFLOW_TEST_POSTGRES";

    private readonly string? _postgresBase;
    private readonly string _name;

    public string Provider { get; }
    public string ConnectionString { get; }
    public bool IsPostgres => _postgresBase is not null;

    private TestDatabase(string provider, string connectionString, string name, string? postgresBase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _name = name;
        _postgresBase = postgresBase;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        if (string.IsNullOrWhiteSpace(postgres))
        {
            var file = Path.Combine(Path.GetTempPath(), $"caseflow-test-{suffix}.db");
            return new TestDatabase("Sqlite", $"Data Source={file}", file, null);
        }
        var name = $"caseflow_test_{suffix}";
        await using (var connection = new NpgsqlConnection(Admin(postgres)))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(postgres) { Database = name };
        return new TestDatabase("Postgres", builder.ConnectionString, name, postgres);
    }

    private static string Admin(string postgres) =>
        new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (_postgresBase is null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _name, _name + "-wal", _name + "-shm" }) File.Delete(file);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Admin(_postgresBase));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
