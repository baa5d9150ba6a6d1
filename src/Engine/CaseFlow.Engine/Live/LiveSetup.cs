using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseFlow.Engine.Live;

public static class LiveSetup
{
    public const string HubPath = "/hubs/live";

    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<LiveGroups>();
        services.AddSingleton<LiveDelivery>();
        services.AddSingleton<LivePublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<LivePublisher>());
        services.AddSingleton<LiveListener>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveListener>());
        services.AddSingleton<LiveChangeCollector>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<LiveChangeCollector>());
        return services;
    }

    public static WebApplication MapLive(this WebApplication app)
    {
        app.MapHub<LiveHub>(HubPath).RequireAuthorization();
        return app;
    }
}
