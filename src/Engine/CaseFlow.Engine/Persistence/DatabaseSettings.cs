using Microsoft.Data.Sqlite;

namespace CaseFlow.Engine.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary><c>Database:Provider</c> and <c>ConnectionStrings:CaseFlow</c>, checked once at start-up.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=data/caseflow.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        var provider = name switch
        {
            null or "" => DatabaseProvider.Sqlite,
            _ when name.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Sqlite,
            _ when name.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
                || name.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Database:Provider '{name}' is not supported: use Sqlite or Postgres."),
        };
        var connectionString = configuration.GetConnectionString("CaseFlow");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DefaultSqlite
                : throw new InvalidOperationException("ConnectionStrings:CaseFlow is required for the Postgres provider.");
        }
        return new DatabaseSettings(provider, connectionString);
    }

    /// <summary>SQLite does not create missing folders; the default file lives in ./data.</summary>
    public void EnsureSqliteFolder()
    {
        if (Provider != DatabaseProvider.Sqlite) return;
        var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal)) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (folder is not null) Directory.CreateDirectory(folder);
    }
}
