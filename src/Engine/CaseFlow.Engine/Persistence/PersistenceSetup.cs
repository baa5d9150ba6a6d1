using CaseFlow.Engine.Persistence.Migrations;
using CaseFlow.Engine.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseFlow.Engine.Persistence;

public static class PersistenceSetup
{
    public static IServiceCollection AddCaseFlowPersistence(this IServiceCollection services)
    {
        // Read from the final configuration when first needed, so hosts and tests can still change it.
        services.AddSingleton(provider => DatabaseSettings.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<DatabaseMigrator>();
        // Pooled contexts, handed to each scope with the scope's actor (the visibility filters read it).
        services.AddScoped<Actor>();
        services.AddScoped(provider =>
        {
            var db = provider.GetRequiredService<IDbContextFactory<CaseFlowDb>>().CreateDbContext();
            db.Actor = provider.GetRequiredService<Actor>();
            return db;
        });
        services.AddPooledDbContextFactory<CaseFlowDb>((provider, options) =>
        {
            var settings = provider.GetRequiredService<DatabaseSettings>();
            if (settings.Provider == DatabaseProvider.Postgres) options.UseNpgsql(PooledWithoutReset(settings.ConnectionString));
            else options.UseSqlite(settings.ConnectionString);
            // Features observe commits (the job dispatcher wakes when a new job is committed).
            options.AddInterceptors(provider.GetServices<IInterceptor>());
        });
        return services;
    }

    /// <summary>
    /// The service sets no session state (no SET, no temp tables, no LISTEN on these connections), so a
    /// pooled connection needs no DISCARD ALL before its next use: that reset would otherwise cost a
    /// round trip every time a request opens its connection.
    /// </summary>
    private static string PooledWithoutReset(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;

    /// <summary>Brings the database to the current schema before the server accepts requests.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        app.Services.GetRequiredService<DatabaseSettings>().EnsureSqliteFolder();
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        // Build EF's model now rather than inside the first request (it takes a while on a cold start).
        await using var scope = app.Services.CreateAsyncScope();
        _ = scope.ServiceProvider.GetRequiredService<CaseFlowDb>().Model;
    }
}
