using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CaseFlow.Engine.Infrastructure;

/// <summary>
/// Signs requests to a running service with an API token holding every role at the root unit. The token is
/// made on first use, the way an operator would: sign in as the administrator (the password the process was
/// started with, <c>Setup:AdminPassword</c>) and issue a token. Shared by the tests' and the bench's child processes.
/// </summary>
public sealed class AdminTokenHandler(Uri baseAddress, string adminPassword) : DelegatingHandler(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
{
    public const string AdminUserName = "admin";

    private static readonly string[] AllRoles = ["operator", "caseworker", "reviewer", "approver", "finance", "auditor", "supervisor", "admin"];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _secret;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", _secret ?? await IssueAsync(ct));
        return await base.SendAsync(request, ct);
    }

    private async Task<string> IssueAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_secret is not null) return _secret;
            using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };
            using var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = AdminUserName, password = adminPassword }, ct);
            var me = await ReadAsync(signIn, ct);
            client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", me.GetProperty("antiforgeryToken").GetString());
            using var issued = await client.PostAsJsonAsync("/api/tokens", new { name = "admin-" + Guid.NewGuid().ToString("N")[..6], roles = AllRoles }, ct);
            return _secret = (await ReadAsync(issued, ct)).GetProperty("secret").GetString()!;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }
}
