using System.Net;
using System.Text.Json;
using CaseFlow.Engine.Calendars;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Workflows.Calendars;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Calendars;

/// <summary>The calendar routes over the shipped files (workflows/calendars, found from the test's folder).</summary>
public sealed class CalendarApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<WorkingDaysDto> DueAsync(string query) =>
        await (await _client.GetAsync($"/api/calendars/working-days?{query}")).ReadAsync<WorkingDaysDto>();

    [Fact]
    public async Task A_year_answers_its_holidays_and_adjusted_workdays_from_its_file()
    {
        var year = await (await _client.GetAsync("/api/calendars/2026")).ReadAsync<CalendarYearDto>();

        Assert.Equal((2026, "cn-2026.json"), (year.Year, year.File));
        Assert.Contains("2026年部分节假日安排", year.Source);
        Assert.Equal(33, year.Holidays.Count);
        Assert.Equal(new CalendarDayDto(new DateOnly(2026, 1, 1), "元旦"), year.Holidays[0]);
        Assert.Equal(new CalendarDayDto(new DateOnly(2026, 10, 10), "国庆节调休上班"), year.Workdays[^1]);
    }

    [Fact]
    public async Task A_year_without_a_file_is_404_calendar_not_found()
    {
        await (await _client.GetAsync("/api/calendars/2031")).ProblemAsync(HttpStatusCode.NotFound, "calendar_not_found");
    }

    [Theory]
    [InlineData("twenty")]
    [InlineData("0")]
    [InlineData("10000")]
    [InlineData("-2026")]
    [InlineData("2026.0")]
    public async Task A_year_that_is_not_a_year_number_is_400_naming_the_field(string year)
    {
        var problem = await (await _client.GetAsync($"/api/calendars/{year}")).ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
        Assert.Equal("year", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_list_shows_the_years_in_force_and_no_refused_file()
    {
        var calendars = await (await _client.GetAsync("/api/calendars")).ReadAsync<CalendarsDto>();
        Assert.Equal([2025, 2026], calendars.Years.Select(y => y.Year));
        Assert.Empty(calendars.Refused);
    }

    [Fact]
    public async Task Five_working_days_from_the_Friday_before_National_Day_are_due_after_the_holiday()
    {
        var due = await DueAsync("from=2025-09-26&days=5");

        Assert.Equal(("2025-09-26", 5, "2025-10-10"), (due.From, due.Days, due.Due));
        Assert.Equal([new CalendarDayDto(new DateOnly(2025, 9, 28), "国庆节调休上班")], due.AdjustedWorkdays);
        Assert.Equal(8, due.DaysOff.Count(d => d.Kind == "holiday" && d.Name == "国庆节、中秋节"));
        Assert.Contains(new DayOffDto(new DateOnly(2025, 9, 27), "weekend", null), due.DaysOff);
        Assert.Empty(due.YearsWithoutFile);
    }

    [Fact]
    public async Task A_date_time_keeps_its_time_of_day_and_offset()
    {
        var due = await DueAsync("from=2026-09-30T09:30:00%2B08:00&days=1");
        Assert.Equal("2026-10-08T09:30:00+08:00", due.Due);
    }

    [Fact]
    public async Task An_unencoded_plus_in_the_offset_is_read_as_a_plus()
    {
        var due = await DueAsync("from=2026-09-30T09:30:00+08:00&days=1");
        Assert.Equal("2026-10-08T09:30:00+08:00", due.Due);
    }

    [Fact]
    public async Task Zero_days_from_a_holiday_are_due_on_the_next_working_day()
    {
        Assert.Equal("2026-10-08", (await DueAsync("from=2026-10-01&days=0")).Due);
    }

    [Fact]
    public async Task Counting_into_a_year_without_a_file_names_that_year()
    {
        var due = await DueAsync("from=2026-12-30&days=5");
        Assert.Equal("2027-01-06", due.Due);
        Assert.Equal([2027], due.YearsWithoutFile);
    }

    [Theory]
    [InlineData("days=3", "from")]
    [InlineData("from=&days=3", "from")]
    [InlineData("from=30.09.2026&days=3", "from")]
    [InlineData("from=2026-02-30&days=3", "from")]
    [InlineData("from=2026-09-30T09:00:00&days=3", "from")]
    [InlineData("from=2026-09-30 09:00&days=3", "from")]
    [InlineData("from=2026-09-30", "days")]
    [InlineData("from=2026-09-30&days=three", "days")]
    [InlineData("from=2026-09-30&days=-1", "days")]
    [InlineData("from=2026-09-30&days=1001", "days")]
    [InlineData("from=2026-09-30&days=99999999999", "days")]
    public async Task Bad_input_is_400_invalid_query_naming_the_field(string query, string field)
    {
        var problem = await (await _client.GetAsync($"/api/calendars/working-days?{query}")).ProblemAsync(HttpStatusCode.BadRequest, "invalid_query");
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_due_date_after_9999_is_422_due_date_out_of_range()
    {
        var problem = await (await _client.GetAsync("/api/calendars/working-days?from=9999-12-01&days=100"))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "due_date_out_of_range");
        Assert.Equal("days", problem.GetProperty("field").GetString());
    }

    [Fact]
    public void The_work_calendar_is_one_singleton_for_the_executor()
    {
        var calendar = app.Services.GetRequiredService<IWorkCalendar>();
        Assert.Same(calendar, app.Services.GetRequiredService<IWorkCalendar>());
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 1, 4)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 16)));
    }

    [Fact]
    public async Task The_routes_are_in_the_OpenAPI_document()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadAsync<JsonElement>();
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/calendars/working-days", out _));
        Assert.True(paths.TryGetProperty("/api/calendars/{year}", out _));
    }
}
