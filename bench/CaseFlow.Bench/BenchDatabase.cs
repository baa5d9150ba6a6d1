using Microsoft.Data.Sqlite;

namespace CaseFlow.Bench;

/// <summary>
/// The database a bench runs on: <c>--provider sqlite|postgres</c> and <c>--connection</c>; without a connection,
/// SQLite gets a fresh file in the temp folder, deleted again by <see cref="Cleanup"/>.
/// </summary>
internal sealed record BenchDatabase(string Provider, string Connection, string? TemporaryFile)
{
    public static BenchDatabase From(string[] args)
    {
        var provider = Options.Get(args, "--provider") ?? "sqlite";
        if (Options.Get(args, "--connection") is { } given) return new BenchDatabase(provider, given, null);
        if (provider != "sqlite") throw new ArgumentException("--connection is required for postgres");
        var file = Path.Combine(Path.GetTempPath(), $"caseflow-bench-{Guid.NewGuid():N}.db");
        return new BenchDatabase(provider, $"Data Source={file}", file);
    }

    public void Cleanup()
    {
        if (TemporaryFile is null) return;
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(TemporaryFile + suffix);
    }
}
