using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Demo;

/// <summary>
/// <c>--demo</c> (or <c>Setup:Demo=true</c>): once the service runs, fill an empty installation with a living
/// county, so that a newcomer signs in to towns, staff of every role, people, employers, aid cases moving
/// through their workflow, hotline calls and a collective wage-arrears incident. Everything goes through the
/// public API, as staff would do it, so every rule and audit row applies; it runs once (the county's code
/// <c>LA</c> marks it done).
/// </summary>
public static class DemoSeed
{
    public const string CountyCode = "LA";

    /// <summary>Seeds after start-up, over HTTP to this node, with a token that is revoked when done.</summary>
    public static WebApplication SeedDemoWhenStarted(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CaseFlow.Demo");
            try
            {
                var address = LocalAddress(app);
                var (tokenId, secret) = await IssueTokenAsync(app.Services);
                try
                {
                    using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                    var result = await RunAsync(client, Passwords.Generate(), app.Lifetime.ApplicationStopping);
                    if (result is null) logger.LogInformation("Demo data is already present; nothing was added.");
                    else Print(result, address);
                }
                finally
                {
                    await RevokeAsync(app.Services, tokenId);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The demo data could not be created.");
            }
        }));
        return app;
    }

    public sealed record DemoResult(string Password, IReadOnlyList<string> Users, int Cases, int Calls);

    /// <summary>Creates the demo county through <paramref name="api"/>; null when it exists already.</summary>
    public static async Task<DemoResult?> RunAsync(HttpClient api, string password, CancellationToken ct)
    {
        var units = await GetAsync(api, "/api/units", ct);
        if (units.EnumerateArray().Any(u => u.GetProperty("code").GetString() == CountyCode)) return null;
        await WaitForWorkflowsAsync(api, ct);
        var seed = new Seeder(api, password, ct);
        await seed.UnitsAsync(units.EnumerateArray().Single(u => u.GetProperty("parentId").ValueKind == JsonValueKind.Null).GetProperty("id").GetGuid());
        await seed.StaffAsync();
        await seed.EmployersAsync();
        await seed.PeopleAsync();
        await seed.AidCasesAsync();
        await seed.MediationCaseAsync();
        await seed.HotlineAsync();
        return new DemoResult(password, seed.UserNames, seed.CaseCount, seed.CallCount);
    }

    /// <summary>The shipped workflows are deployed by a start-up step; cases of their families wait for them.</summary>
    private static async Task WaitForWorkflowsAsync(HttpClient api, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var processes = await GetAsync(api, "/api/definitions", ct);
            var ids = processes.EnumerateArray().Select(p => p.GetProperty("processId").GetString()).ToHashSet();
            if (ids.Contains("hardship-aid") && ids.Contains("hotline-triage")) return;
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
        throw new InvalidOperationException("The shipped workflows (hardship-aid, hotline-triage) are not deployed; start with Workflows:DeployOnStart=true.");
    }

    private static void Print(DemoResult result, Uri address)
    {
        // The console, whatever the log levels: like the first administrator's, this password is shown once.
        Console.WriteLine();
        Console.WriteLine($"  CaseFlow demo: 临安区总工会 with its towns, {result.Users.Count} staff, {result.Cases} cases and {result.Calls} hotline calls.");
        Console.WriteLine($"  Open {address} and sign in as any of: {string.Join(", ", result.Users)}");
        Console.WriteLine($"    password:  {result.Password}");
        Console.WriteLine();
    }

    private static Uri LocalAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no address to call.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "localhost") uri.Host = "127.0.0.1";
        return uri.Uri;
    }

    private static async Task<(Guid Id, string Secret)> IssueTokenAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        var root = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.CreatedAt).Select(u => u.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var (token, secret) = ApiTokens.Issue("demo-seed", root, Roles.All, "system", now, now.AddHours(1));
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return (token.Id, secret);
    }

    private static async Task RevokeAsync(IServiceProvider services, Guid tokenId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        await db.ApiTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow));
    }

    internal static async Task<JsonElement> GetAsync(HttpClient api, string url, CancellationToken ct) =>
        await ReadAsync(await api.GetAsync(url, ct), ct);

    internal static async Task<JsonElement> PostAsync(HttpClient api, string url, object body, CancellationToken ct) =>
        await ReadAsync(await api.PostAsJsonAsync(url, body, ct), ct);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }
}
