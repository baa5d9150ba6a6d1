using CaseFlow.Engine.Persistence.Migrations;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Persistence;

public static class PersistenceSetup
{
    public static IServiceCollection AddCaseFlowPersistence(this IServiceCollection services)
    {
        // Read from the final configuration when first needed, so hosts and tests can still change it.
        services.AddSingleton(provider => DatabaseSettings.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<DatabaseMigrator>();
        services.AddDbContextPool<CaseFlowDb>((provider, options) =>
        {
            var settings = provider.GetRequiredService<DatabaseSettings>();
            if (settings.Provider == DatabaseProvider.Postgres) options.UseNpgsql(settings.ConnectionString);
            else options.UseSqlite(settings.ConnectionString);
        });
        return services;
    }

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
