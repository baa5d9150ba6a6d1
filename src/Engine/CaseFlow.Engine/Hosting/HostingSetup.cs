using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CaseFlow.Engine.Hosting;

public static class HostingSetup
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Binds <c>CaseFlow:DefaultUrl</c> unless the URLs were given (ASPNETCORE_URLS, --urls, Kestrel
    /// endpoints). A plain "Urls" key in appsettings would beat ASPNETCORE_URLS, hence this check.
    /// </summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var given = !string.IsNullOrEmpty(configuration["urls"])
            || !string.IsNullOrEmpty(configuration["http_ports"])
            || !string.IsNullOrEmpty(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        // appsettings.json is not found when started from another folder: keep the default in code too.
        if (!given) builder.WebHost.UseUrls(configuration["CaseFlow:DefaultUrl"] ?? DefaultUrl);
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        // The same quiet defaults as appsettings.json, for when it is not beside the working directory.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // Quartz narrates its start-up at Information; its warnings and errors still show.
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        return builder;
    }

    /// <summary>Logs where the service listens once the server has bound its addresses.</summary>
    public static WebApplication LogListeningAddresses(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CaseFlow");
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses) logger.LogInformation("CaseFlow is running at {Url}", address);
        });
        return app;
    }
}
