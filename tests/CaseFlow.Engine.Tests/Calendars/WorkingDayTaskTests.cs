using CaseFlow.Engine.Calendars;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Calendars;

/// <summary>A task whose due date counts working days is due when the office's calendar says, and says so.</summary>
public sealed class WorkingDayTaskTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_due_date_in_working_days_is_the_calendars_answer_and_is_marked_as_such()
    {
        await _client.DeployAsync("working-days");
        var started = await _client.StartAsync("working-days");

        var task = await _client.OpenTaskAsync(started.Id);

        Assert.True(task.DueInWorkingDays);
        var from = Uri.EscapeDataString(task.CreatedAt.ToString("O"));
        var expected = await (await _client.GetAsync($"/api/calendars/working-days?from={from}&days=5")).ReadAsync<WorkingDaysDto>();
        Assert.Equal(DateTimeOffset.Parse(expected.Due), task.DueDate);
    }

    [Fact]
    public async Task A_due_date_in_calendar_days_is_not_marked_as_working_days()
    {
        await _client.DeployAsync("timer-deadline");
        var started = await _client.StartAsync("timer-deadline", new { deadline = "P30D" });

        Assert.False((await _client.OpenTaskAsync(started.Id)).DueInWorkingDays);
    }
}
