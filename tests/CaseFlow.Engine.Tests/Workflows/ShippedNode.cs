using System.Text;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseFlow.Engine.Tests.Workflows;

/// <summary>The service as it starts in production: deploying the shipped workflows, on a fresh database of its own.</summary>
public sealed class ShippedApp : CaseFlowApp
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Workflows:DeployOnStart", "true");
}

/// <summary>
/// One start of the service on a database the test owns, so a test can stop it and start another node or a
/// restart on the same data. <paramref name="configure"/> adds the test's own settings or services.
/// </summary>
public sealed class ShippedNode(TestDatabase database, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:CaseFlow", database.ConnectionString);
        builder.UseSetting("Workflows:DeployOnStart", "true");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        configure?.Invoke(builder);
    }

    /// <summary>Signed in as <see cref="CaseFlowApp"/>'s clients are: an API token with every role at the root.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestUsers.RootToken(this));
    }
}

public static class ShippedTimers
{
    /// <summary>Fires the instance's waiting timer of <paramref name="eventId"/> now, as Quartz does when it is due.</summary>
    public static async Task FireTimerAsync(this WebApplicationFactory<Program> app, Guid instanceId, string eventId)
    {
        long key;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
            var json = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.State).SingleAsync();
            key = Assert.Single(InstanceStateSerializer.Deserialize(Encoding.UTF8.GetBytes(json)).Timers, t => t.EventId == eventId).Key;
        }
        var outcome = await app.Services.GetRequiredService<BackgroundCommands>().RunAsync(instanceId, new FireTimer(key), CancellationToken.None);
        Assert.Equal(BackgroundOutcome.Done, outcome);
    }
}
