namespace CaseFlow.Engine.Tests.Durability;

/// <summary>The real service started as a user would: no database settings at all.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task A_first_start_without_settings_creates_the_sqlite_file_and_says_where_it_runs()
    {
        using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>());

        Assert.True(File.Exists(Path.Combine(service.WorkingDirectory, "data", "caseflow.db")));
        Assert.Single(service.Output, line => line.Contains($"CaseFlow is running at {service.Url.ToString().TrimEnd('/')}", StringComparison.Ordinal));
        using var client = service.CreateClient();
        Assert.True((await client.GetAsync("/api/definitions")).IsSuccessStatusCode);
    }
}
