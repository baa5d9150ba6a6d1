using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Persistence.Migrations;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CaseFlow.Engine.Tests.Persistence;

/// <summary>
/// The migration scripts are hand-written, so these tests stand in for "no pending model changes":
/// everything the EF model expects must exist in a freshly migrated database, and nothing more.
/// </summary>
public sealed class SchemaTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DatabaseMigrator Migrator() =>
        new(new DatabaseSettings(Enum.Parse<DatabaseProvider>(_database.Provider), _database.ConnectionString), NullLogger<DatabaseMigrator>.Instance);

    [Fact]
    public async Task An_empty_database_reaches_the_current_schema_version()
    {
        var applied = await Migrator().MigrateAsync();

        var scripts = DatabaseMigrator.Scripts(Enum.Parse<DatabaseProvider>(_database.Provider));
        Assert.Equal(scripts.Count, applied);
        var tables = await SchemaInspector.ReadAsync(_database.Provider, _database.ConnectionString);
        Assert.Contains("schema_migrations", tables.Keys);
    }

    [Fact]
    public async Task Migrating_again_applies_nothing()
    {
        await Migrator().MigrateAsync();

        Assert.Equal(0, await Migrator().MigrateAsync());
    }

    [Fact]
    public async Task Nodes_migrating_at_the_same_time_apply_each_script_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Migrator().MigrateAsync())));

        Assert.Equal(DatabaseMigrator.Scripts(Enum.Parse<DatabaseProvider>(_database.Provider)).Count, results.Sum());
    }

    [Fact]
    public async Task Both_providers_have_the_same_migration_versions()
    {
        var sqlite = DatabaseMigrator.Scripts(DatabaseProvider.Sqlite).Select(m => $"{m.Version}_{m.Name}");
        var postgres = DatabaseMigrator.Scripts(DatabaseProvider.Postgres).Select(m => $"{m.Version}_{m.Name}");

        Assert.Equal(sqlite, postgres);
        Assert.NotEmpty(sqlite);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_migrated_schema_matches_the_ef_model()
    {
        await Migrator().MigrateAsync();
        var actual = await SchemaInspector.ReadAsync(_database.Provider, _database.ConnectionString);
        await using var db = NewContext();
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();

        var differences = new List<string>();
        foreach (var table in model.Tables)
        {
            if (!actual.TryGetValue(table.Name, out var found))
            {
                differences.Add($"missing table {table.Name}");
                continue;
            }
            CompareTable(table, found, differences);
        }
        // Quartz's tables (qrtz_*) belong to its job store, which checks them itself at start-up.
        var stray = actual.Keys.Except(model.Tables.Select(t => t.Name)).Except(["schema_migrations"])
            .Where(t => !t.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase));
        differences.AddRange(stray.Select(t => $"table {t} is not in the EF model"));

        Assert.True(differences.Count == 0, "The migrations and the EF model differ (add a migration):\n" + string.Join("\n", differences));
    }

    private void CompareTable(ITable expected, DbTable actual, List<string> differences)
    {
        var where = expected.Name;
        foreach (var column in expected.Columns)
        {
            if (!actual.Columns.TryGetValue(column.Name, out var found))
            {
                differences.Add($"{where}: missing column {column.Name}");
                continue;
            }
            if (!string.Equals(column.StoreType, found.Type, StringComparison.OrdinalIgnoreCase))
                differences.Add($"{where}.{column.Name}: type {found.Type}, the model wants {column.StoreType}");
            if (column.IsNullable != found.Nullable)
                differences.Add($"{where}.{column.Name}: nullable {found.Nullable}, the model wants {column.IsNullable}");
            if (_database.IsPostgres && IsIdentity(column) != found.Identity)
                differences.Add($"{where}.{column.Name}: identity {found.Identity}, the model wants {IsIdentity(column)}");
        }
        foreach (var extra in actual.Columns.Keys.Except(expected.Columns.Select(c => c.Name)))
            differences.Add($"{where}: column {extra} is not in the EF model");

        var primaryKey = expected.PrimaryKey!.Columns.Select(c => c.Name).ToList();
        if (!primaryKey.SequenceEqual(actual.PrimaryKey)) differences.Add($"{where}: primary key ({string.Join(", ", actual.PrimaryKey)}), the model wants ({string.Join(", ", primaryKey)})");

        foreach (var index in expected.Indexes)
        {
            var columns = index.Columns.Select(c => c.Name).ToList();
            var found = actual.Indexes.FirstOrDefault(i => i.Name == index.Name);
            if (found is null) differences.Add($"{where}: missing index {index.Name}");
            else if (!found.Columns.SequenceEqual(columns) || found.Unique != index.IsUnique)
                differences.Add($"{where}: index {index.Name} is ({string.Join(", ", found.Columns)}) unique={found.Unique}, the model wants ({string.Join(", ", columns)}) unique={index.IsUnique}");
        }
        foreach (var extra in actual.Indexes.Select(i => i.Name).Except(expected.Indexes.Select(i => i.Name)))
            differences.Add($"{where}: index {extra} is not in the EF model");

        foreach (var fk in expected.ForeignKeyConstraints)
        {
            var columns = fk.Columns.Select(c => c.Name).ToList();
            var found = actual.ForeignKeys.FirstOrDefault(f => f.Columns.SequenceEqual(columns));
            var onDelete = fk.OnDeleteAction switch
            {
                Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.Cascade => "CASCADE", Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.Restrict => "RESTRICT", Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.SetNull => "SET NULL",
                Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.SetDefault => "SET DEFAULT", _ => "NO ACTION",
            };
            if (found is null) differences.Add($"{where}: missing foreign key ({string.Join(", ", columns)}) -> {fk.PrincipalTable.Name}");
            else if (found.PrincipalTable != fk.PrincipalTable.Name || !found.PrincipalColumns.SequenceEqual(fk.PrincipalColumns.Select(c => c.Name))
                     || found.OnDelete != onDelete)
                differences.Add($"{where}: foreign key ({string.Join(", ", columns)}) -> {found.PrincipalTable} on delete {found.OnDelete}, the model wants {fk.PrincipalTable.Name} on delete {onDelete}");
        }
        if (actual.ForeignKeys.Count != expected.ForeignKeyConstraints.Count())
            differences.Add($"{where}: {actual.ForeignKeys.Count} foreign keys, the model has {expected.ForeignKeyConstraints.Count()}");
    }

    private static bool IsIdentity(IColumn column) =>
        column.PropertyMappings.Any(m => NpgsqlPropertyExtensions.GetValueGenerationStrategy(m.Property) is NpgsqlValueGenerationStrategy.IdentityByDefaultColumn
            or NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);

    private CaseFlowDb NewContext()
    {
        var options = new DbContextOptionsBuilder<CaseFlowDb>();
        if (_database.IsPostgres) options.UseNpgsql(_database.ConnectionString);
        else options.UseSqlite(_database.ConnectionString);
        return new CaseFlowDb(options.Options);
    }
}
