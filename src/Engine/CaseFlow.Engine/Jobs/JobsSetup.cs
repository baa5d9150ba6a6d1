using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseFlow.Engine.Jobs;

public static class JobsSetup
{
    /// <summary>The job dispatcher (a hosted service), its wake-up signal and the <c>Jobs</c> options.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration("Jobs")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.SweepInterval > TimeSpan.Zero && o.LockDuration > TimeSpan.Zero,
                "Jobs:PollInterval, Jobs:SweepInterval and Jobs:LockDuration must be positive.")
            .Validate(o => o.BackOffBase >= TimeSpan.Zero && o.BackOffMax >= o.BackOffBase,
                "Jobs:BackOffBase must not be negative, and Jobs:BackOffMax not below it.")
            .Validate(o => o.BatchSize > 0 && o.Concurrency > 0, "Jobs:BatchSize and Jobs:Concurrency must be 1 or more.")
            .ValidateOnStart();
        services.AddSingleton<JobHandlers>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<JobSignal>());
        services.AddHostedService<JobDispatcher>();
        return services;
    }
}
