using CaseFlow.Engine.Persistence.Migrations;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Persistence;

public static class PersistenceSetup
{
    public static IServiceCollection AddCaseFlowPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<DatabaseMigrator>();
        services.AddDbContextPool<CaseFlowDb>(options =>
        {
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
    }
}
