using CaseFlow.Engine.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseFlow.Engine.Tests.Infrastructure;

/// <summary>The service in memory on its own fresh database, with the test job handlers registered.</summary>
public sealed class CaseFlowApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:CaseFlow", Database.ConnectionString);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services =>
        {
            services.AddJobHandler<PaymentHandler>("payment");
            services.AddJobHandler<FailingHandler>("explode");
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}

/// <summary>Pays: answers with a receipt the process can use.</summary>
public sealed class PaymentHandler : IJobHandler
{
    public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(JobContext job, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?>
        {
            ["receipt"] = $"paid-{job.ElementId}",
        });
}

public sealed class FailingHandler : IJobHandler
{
    public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(JobContext job, CancellationToken ct) =>
        throw new InvalidOperationException("The payment provider is down.");
}
