using CaseFlow.Engine.Calendars;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CaseFlow.Engine.Tests.Calendars;

/// <summary>An office edits a calendar file while the service runs: the change counts without a restart.</summary>
public sealed class CalendarReloadTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("caseflow-calendars-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_file_edited_while_the_service_runs_counts_without_a_restart()
    {
        var path = Path.Combine(_folder, "cn-2026.json");
        await File.WriteAllTextAsync(path, """{ "year": 2026, "source": "测试通知", "holidays": [], "workdays": [] }""");
        await using var service = app.WithWebHostBuilder(b => b.UseSetting("Calendars:Path", _folder));
        var client = service.CreateClient();
        const string query = "/api/calendars/working-days?from=2026-09-30&days=1";
        Assert.Equal("2026-10-01", (await (await client.GetAsync(query)).ReadAsync<WorkingDaysDto>()).Due);

        await File.WriteAllTextAsync(path, """
            { "year": 2026, "source": "测试通知", "holidays": [ { "date": "2026-10-01", "name": "国庆节" } ], "workdays": [] }
            """);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        string due;
        do
        {
            await Task.Delay(100);
            due = (await (await client.GetAsync(query)).ReadAsync<WorkingDaysDto>()).Due;
        } while (due != "2026-10-02" && DateTime.UtcNow < deadline);
        Assert.Equal("2026-10-02", due);
    }
}
