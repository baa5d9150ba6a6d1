using CaseFlow.Engine.Persistence;
using Quartz;

namespace CaseFlow.Engine.Scheduling;

public static class SchedulingSetup
{
    public const string SchedulerName = "CaseFlow";

    /// <summary>
    /// Quartz.NET with its persistent job store in the service's own database (tables from migration 0003),
    /// clustered on PostgreSQL, taking part in the command's transaction so that a timer commits with the
    /// state that needs it.
    /// </summary>
    /// <summary>
    /// Quartz's own connections (acquiring, firing and completing triggers; timers are inserted and deleted
    /// through the command's connection instead) commit without waiting for the WAL flush. Losing the last
    /// few of those commits in a crash only makes Quartz fire a trigger again, which the instance state
    /// refuses as stale; everything that says whether a timer exists commits synchronously with the state.
    /// Without the wait, a completion holds Quartz's TRIGGER_ACCESS lock for microseconds rather than a disk
    /// flush, and completions are serialized under that lock.
    /// </summary>
    private static string QuartzOwnConnection(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c synchronous_commit=off".Trim();
        return builder.ConnectionString;
    }

    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        var options = configuration.GetSection("Scheduling");
        // Each acquisition round takes a few round trips to the database, so throughput grows with the batch a
        // round takes (batch = threads; the threads mostly wait on I/O). SQLite has one writer, so more
        // threads there only queue at its lock.
        var threads = options.GetValue("MaxConcurrency", settings.Provider == DatabaseProvider.Postgres ? 16 : 2);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = SchedulerName;
                // Every node of a cluster needs its own id.
                o.GenerateInstanceId = true;
                // Many timers due at once (a campaign's deadline) are taken in batches rather than one by one.
                o.MaxBatchSize = threads;
                o.IdleWaitTime = options.GetValue("IdleWaitTime", TimeSpan.FromSeconds(5));
            });
            q.UseDefaultThreadPool(threads);
            q.UsePersistentStore(store =>
            {
                if (settings.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(Npgsql.NpgsqlFactory.Instance, QuartzOwnConnection(settings.ConnectionString));
                    store.UseClustering(c => c.CheckinInterval = options.GetValue("CheckinInterval", TimeSpan.FromSeconds(5)));
                }
                else
                {
                    store.UseSqlite(Microsoft.Data.Sqlite.SqliteFactory.Instance, settings.ConnectionString);
                }
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = "qrtz_";
                    o.AcceptEnlistedTransactions = true;
                    // The service's migrations own the schema; Quartz only checks that it is there.
                    o.SchemaProvisioning = SchemaProvisioning.Validate;
                    // Quartz 4.6+ claims each trigger of a firing round by compare-and-swap on its fire time, so
                    // on PostgreSQL rounds need no TRIGGER_ACCESS lock (LockFreeFiringRounds) as long as
                    // acquisition is not forced under it. SQLite serializes everything in process anyway.
                    o.AcquireTriggersWithinLock = settings.Provider == DatabaseProvider.Sqlite;
                    // A new timer is inserted without the store's TRIGGER_ACCESS lock: in an enlisted transaction
                    // that row lock would be held until the command commits, so every command that schedules a
                    // timer would wait for every other. A trigger inserted while triggers are being acquired is
                    // simply picked up by the next acquisition.
                    o.LockOnInsert = false;
                    o.MisfireThreshold = TimeSpan.FromSeconds(30);
                });
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddScoped<TimerSchedule>();
        services.AddSingleton<SchedulerCounters>();
        services.AddSingleton<StartTimerSettings>();
        return services;
    }
}
