using Npgsql;

namespace CaseFlow.Engine.Tests.Infrastructure;

/// <summary>
/// Proves that the PostgreSQL run of tests/run really talks to a PostgreSQL server, and that the
/// base connection string allows what the test fixtures do with it (create and drop a database).
/// </summary>
public sealed class PostgresProviderTests
{
    [PostgresFact]
    public async Task Base_connection_string_reaches_a_PostgreSQL_server()
    {
        await using var connection = new NpgsqlConnection(PostgresFactAttribute.BaseConnectionString);
        await connection.OpenAsync();

        await using var command = new NpgsqlCommand("select version()", connection);
        var version = (string?)await command.ExecuteScalarAsync();

        Assert.NotNull(version);
        Assert.StartsWith("PostgreSQL ", version);
    }

    [PostgresFact]
    public async Task A_fixture_can_create_use_and_drop_its_own_database()
    {
        var name = $"caseflow_infra_{Guid.NewGuid():N}";
        var baseBuilder = new NpgsqlConnectionStringBuilder(PostgresFactAttribute.BaseConnectionString);

        await using (var admin = new NpgsqlConnection(baseBuilder.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(baseBuilder.ConnectionString)
            {
                Database = name,
                Pooling = false,
            };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "create table probe(id int primary key, body jsonb); " +
                "insert into probe values (1, '{\"amount\": 8000}'); " +
                "select current_database() || ':' || (body->>'amount') from probe", connection);
            Assert.Equal($"{name}:8000", (string?)await command.ExecuteScalarAsync());
        }
        finally
        {
            await using var admin = new NpgsqlConnection(baseBuilder.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [PostgresFact]
    public async Task Commits_are_durable_on_the_test_server()
    {
        // tests/run's throwaway cluster keeps fsync on: the suite measures real commits.
        await using var connection = new NpgsqlConnection(PostgresFactAttribute.BaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("show fsync", connection);
        Assert.Equal("on", (string?)await command.ExecuteScalarAsync());
    }
}
