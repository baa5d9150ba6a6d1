using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseFlow.Engine.Jobs;

public static class JobsSetup
{
    /// <summary>The job dispatcher (a hosted service), its wake-up signal and the <c>Jobs</c> options.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration("Jobs");
        services.AddSingleton<JobHandlers>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<JobSignal>());
        services.AddHostedService<JobDispatcher>();
        return services;
    }
}
