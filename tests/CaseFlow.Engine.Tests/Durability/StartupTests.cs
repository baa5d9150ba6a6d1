using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace CaseFlow.Engine.Tests.Durability;

/// <summary>The real service started as a user would: no database settings, no password given.</summary>
public sealed partial class StartupTests
{
    private static readonly Dictionary<string, string> NoSettings = new() { ["Setup__AdminPassword"] = "" };

    [Fact]
    public async Task A_first_start_without_settings_creates_the_sqlite_file_and_says_where_it_runs()
    {
        using var service = await ServiceProcess.StartAsync(NoSettings);

        Assert.True(File.Exists(Path.Combine(service.WorkingDirectory, "data", "caseflow.db")));
        Assert.Single(service.Output, line => line.Contains($"CaseFlow is running at {service.Url.ToString().TrimEnd('/')}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_first_start_prints_a_random_administrator_password_that_signs_in()
    {
        using var service = await ServiceProcess.StartAsync(NoSettings);
        var password = PasswordLine().Match(Assert.Single(service.Output, line => PasswordLine().IsMatch(line))).Groups[1].Value;
        using var client = service.CreateAnonymousClient();

        var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "admin", password });

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(16, password.Length);
        Assert.Contains("\"mustChangePassword\":true", await signIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_credentials_the_api_answers_401()
    {
        using var service = await ServiceProcess.StartAsync(NoSettings);
        using var client = service.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/definitions")).StatusCode);
    }

    [GeneratedRegex(@"^\s+password:\s+(\S+)$")]
    private static partial Regex PasswordLine();
}
