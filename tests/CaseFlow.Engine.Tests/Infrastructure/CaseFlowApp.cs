using CaseFlow.Engine.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseFlow.Engine.Tests.Infrastructure;

/// <summary>The service in memory on its own fresh database, with the test job handlers registered.</summary>
public class CaseFlowApp : WebApplicationFactory<Program>, IAsyncLifetime
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
        // Retries within a test's patience; commits wake the dispatcher, the poll catches back-offs.
        builder.UseSetting("Jobs:BackOffBase", "00:00:00.050");
        builder.UseSetting("Jobs:BackOffMax", "00:00:00.200");
        builder.UseSetting("Jobs:PollInterval", "00:00:00.050");
        builder.UseSetting("Jobs:SweepInterval", "00:00:00.100");
        // Tests sign in many users from one address; the rate limit has a test class of its own.
        builder.UseSetting("Security:SignInsPerMinute", "100000");
        builder.UseSetting("Setup:AdminPassword", AdminPassword);
        // Each test deploys what it needs; the shipped workflows' own tests switch this back on.
        builder.UseSetting("Workflows:DeployOnStart", "false");
        builder.ConfigureServices(services =>
        {
            services.AddJobHandler<PaymentHandler>("payment");
            services.AddJobHandler<FailingHandler>("explode");
            services.AddJobHandler<FlakyHandler>("flaky");
            services.AddJobHandler<AccountHandler>("transfer");
            services.AddJobHandler<RejectingHandler>("check");
        });
        Configure(builder);
    }

    /// <summary>The first-run administrator's password in this app (tests set it; the service otherwise makes a random one).</summary>
    public string AdminPassword { get; } = "admin-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Every client from <see cref="WebApplicationFactory{T}.CreateClient()"/> carries an API token holding every role at the root unit.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestUsers.RootToken(this));
    }

    /// <summary>Settings of a test class's own, applied after the common ones.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
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

/// <summary>Fails the first two attempts of every job, then succeeds with the attempt count.</summary>
public sealed class FlakyHandler : IJobHandler
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> Attempts = new();

    public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(JobContext job, CancellationToken ct)
    {
        var attempt = Attempts.AddOrUpdate(job.JobKey, 1, (_, n) => n + 1);
        if (attempt <= 2) throw new TimeoutException($"The bank did not answer (attempt {attempt}).");
        return Task.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["attempts"] = attempt });
    }
}

/// <summary>Transfers to the job's <c>account</c>, which must be a 16-digit text: bad data fails until an operator fixes it.</summary>
public sealed class AccountHandler : IJobHandler
{
    public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(JobContext job, CancellationToken ct)
    {
        if (job.Variables.GetValueOrDefault("account") is not string { Length: 16 } account)
            throw new ArgumentException($"The account '{job.Variables.GetValueOrDefault("account")}' is not a 16-digit bank account.");
        return Task.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["transferredTo"] = account });
    }
}

/// <summary>A business outcome, not a failure: the check rejects the case with a BPMN error.</summary>
public sealed class RejectingHandler : IJobHandler
{
    public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(JobContext job, CancellationToken ct) =>
        throw new BpmnErrorException("not_eligible", "The income is above the limit.", new Dictionary<string, object?> { ["reason"] = "income" });
}
