using CaseFlow.Workflows.Calendars;

namespace CaseFlow.Workflows.Tests.Calendars;

public class HolidayScheduleFileTests
{
    private static HolidayScheduleReadResult Read(string holidays, string workdays = "", string fileName = "cn-2026.json", int year = 2026) =>
        HolidayScheduleFile.Read(fileName, $$"""
            { "year": {{year}}, "source": "测试通知", "holidays": [ {{holidays}} ], "workdays": [ {{workdays}} ] }
            """);

    private static CalendarProblem SingleProblem(HolidayScheduleReadResult read)
    {
        Assert.False(read.IsValid);
        Assert.Null(read.Schedule);
        return Assert.Single(read.Problems);
    }

    [Fact]
    public void A_valid_file_gives_its_days_sorted_by_date()
    {
        var read = Read("""{ "date": "2026-10-02", "name": "国庆节" }, { "date": "2026-10-01", "name": "国庆节" }""",
            """{ "date": "2026-10-10", "name": "国庆节调休上班" }""");

        Assert.Empty(read.Problems);
        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2)], read.Schedule!.Holidays.Select(d => d.Date));
        Assert.Equal("国庆节调休上班", Assert.Single(read.Schedule.Workdays).Name);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted()
    {
        var read = HolidayScheduleFile.Read("cn-2026.json", """
            {
              // 国务院办公厅通知
              "year": 2026,
              "source": "测试通知",
              "holidays": [ { "date": "2026-01-01", "name": "元旦" }, ],
              "workdays": [],
            }
            """);
        Assert.True(read.IsValid, string.Join("\n", read.Problems));
    }

    [Fact]
    public void A_date_outside_the_file_year_is_refused()
    {
        var problem = SingleProblem(Read("""{ "date": "2027-01-01", "name": "元旦" }"""));
        Assert.Equal((CalendarProblemCodes.DateOutsideYear, "2027-01-01", "cn-2026.json", "holidays[0].date"), (problem.Code, problem.Date, problem.File, problem.Field));
    }

    [Fact]
    public void A_day_listed_as_holiday_and_workday_is_refused()
    {
        var problem = SingleProblem(Read("""{ "date": "2026-02-14", "name": "春节" }""", """{ "date": "2026-02-14", "name": "春节调休上班" }"""));
        Assert.Equal((CalendarProblemCodes.HolidayAndWorkday, "2026-02-14", "workdays[0].date"), (problem.Code, problem.Date, problem.Field));
    }

    [Fact]
    public void A_workday_that_is_not_a_weekend_day_is_refused()
    {
        var problem = SingleProblem(Read("", """{ "date": "2026-02-16", "name": "春节调休上班" }"""));
        Assert.Equal((CalendarProblemCodes.WorkdayNotWeekend, "2026-02-16"), (problem.Code, problem.Date));
        Assert.Contains("Monday", problem.Message);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026/10/01")]
    [InlineData("2026-10-1")]
    [InlineData("国庆")]
    public void A_malformed_date_is_refused_with_its_text_and_place(string date)
    {
        var problem = SingleProblem(Read($$"""{ "date": "{{date}}", "name": "国庆节" }"""));
        Assert.Equal((CalendarProblemCodes.MalformedDate, date, "holidays[0].date"), (problem.Code, problem.Date, problem.Field));
    }

    [Fact]
    public void A_date_written_as_a_number_is_refused()
    {
        var problem = SingleProblem(Read("""{ "date": 20261001, "name": "国庆节" }"""));
        Assert.Equal((CalendarProblemCodes.MalformedDate, "20261001"), (problem.Code, problem.Date));
    }

    [Fact]
    public void A_day_without_a_name_is_refused()
    {
        var problem = SingleProblem(Read("""{ "date": "2026-10-01", "name": " " }"""));
        Assert.Equal((CalendarProblemCodes.MissingName, "holidays[0].name", "2026-10-01"), (problem.Code, problem.Field, problem.Date));
    }

    [Fact]
    public void A_date_listed_twice_is_refused()
    {
        var problem = SingleProblem(Read("""{ "date": "2026-10-01", "name": "国庆节" }, { "date": "2026-10-01", "name": "国庆节" }"""));
        Assert.Equal((CalendarProblemCodes.DuplicateDate, "2026-10-01", "holidays[1].date"), (problem.Code, problem.Date, problem.Field));
    }

    [Fact]
    public void A_misspelt_list_is_refused_rather_than_ignored()
    {
        var read = HolidayScheduleFile.Read("cn-2026.json", """{ "year": 2026, "source": "测试通知", "holidays": [], "workday": [] }""");
        Assert.Equal([(CalendarProblemCodes.UnknownField, "workday"), (CalendarProblemCodes.MissingField, "workdays")],
            read.Problems.Select(p => (p.Code, p.Field)));
    }

    [Fact]
    public void A_file_without_a_source_is_refused()
    {
        var read = HolidayScheduleFile.Read("cn-2026.json", """{ "year": 2026, "holidays": [], "workdays": [] }""");
        var problem = SingleProblem(read);
        Assert.Equal((CalendarProblemCodes.MissingField, "source"), (problem.Code, problem.Field));
    }

    [Theory]
    [InlineData("\"2026\"")]
    [InlineData("2026.5")]
    [InlineData("0")]
    [InlineData("10000")]
    public void A_year_that_is_not_a_year_number_is_refused(string year)
    {
        var read = HolidayScheduleFile.Read("holidays.json", $$"""{ "year": {{year}}, "source": "测试通知", "holidays": [], "workdays": [] }""");
        var problem = SingleProblem(read);
        Assert.Equal((CalendarProblemCodes.InvalidYear, "year"), (problem.Code, problem.Field));
    }

    [Fact]
    public void A_file_named_for_another_year_is_refused()
    {
        var problem = SingleProblem(Read("", fileName: "cn-2027.json"));
        Assert.Equal(CalendarProblemCodes.FileNameYearMismatch, problem.Code);
        Assert.Contains("2027", problem.Message);
    }

    [Fact]
    public void A_file_name_without_a_year_is_accepted()
    {
        Assert.True(Read("", fileName: "china-holidays.json").IsValid);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused_with_its_line()
    {
        var problem = SingleProblem(HolidayScheduleFile.Read("cn-2026.json", "{\n  \"year\": 2026,\n  \"holidays\": [ { \"date\": \"2026-01-01\" \"name\": \"元旦\" } ]\n}"));
        Assert.Equal(CalendarProblemCodes.MalformedJson, problem.Code);
        Assert.Contains("LineNumber: 2", problem.Message);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var read = Read("""{ "date": "2025-12-31", "name": "元旦" }, { "date": "2026-13-01", "name": "国庆节" }""",
            """{ "date": "2026-03-04", "name": "调休" }""");
        Assert.Equal(
            [CalendarProblemCodes.DateOutsideYear, CalendarProblemCodes.MalformedDate, CalendarProblemCodes.WorkdayNotWeekend],
            read.Problems.Select(p => p.Code).Order());
    }

    [Fact]
    public void A_problem_reads_as_file_place_date_and_reason()
    {
        var problem = SingleProblem(Read("", """{ "date": "2026-02-16", "name": "春节调休上班" }"""));
        Assert.StartsWith("cn-2026.json: workdays[0].date: 2026-02-16: ", problem.ToString());
        Assert.EndsWith("[workday_not_weekend]", problem.ToString());
    }
}
