using CaseFlow.Engine.Calendars;
using CaseFlow.Workflows.Calendars;
using Microsoft.Extensions.Logging;

namespace CaseFlow.Engine.Tests.Calendars;

/// <summary>The folder behind the service's calendar: loading, refusing bad files, reloading.</summary>
public sealed class WorkCalendarStoreTests : IDisposable
{
    private static readonly DateOnly NationalDay = new(2026, 10, 1);
    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly string _folder = Directory.CreateTempSubdirectory("caseflow-calendars-").FullName;
    private readonly LogCapture<WorkCalendarStore> _log = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private WorkCalendarStore Store() => new(new CalendarSettings(_folder, TimeSpan.FromMinutes(5), ChinaTime), _log);

    private void Write(string file, string holidays, string workdays = "", int year = 2026)
    {
        var path = Path.Combine(_folder, file);
        File.WriteAllText(path, $$"""
            { "year": {{year}}, "source": "测试通知", "holidays": [ {{holidays}} ], "workdays": [ {{workdays}} ] }
            """);
        // Two writes within the file system's time-stamp resolution must still look like a change.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(Random.Shared.Next(1, 100_000)));
    }

    private const string NationalDayOff = """{ "date": "2026-10-01", "name": "国庆节" }""";

    [Fact]
    public void The_files_of_the_folder_are_in_force()
    {
        Write("cn-2026.json", NationalDayOff);
        var store = Store();
        Assert.False(store.IsWorkingDay(NationalDay));
        Assert.Equal("cn-2026.json", Assert.Single(store.Snapshot.Files).File);
    }

    [Fact]
    public void A_utc_evening_that_is_already_the_holiday_in_beijing_counts_from_the_holiday()
    {
        Write("cn-2026.json", NationalDayOff);
        var store = Store();

        // 30 September 20:00 UTC is 1 October 04:00 in Beijing: one working day later is 2 October, not 1 October.
        var due = store.AddWorkingDays(new DateTimeOffset(2026, 9, 30, 20, 0, 0, TimeSpan.Zero), 1);

        Assert.Equal(new DateTimeOffset(2026, 10, 1, 20, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void A_changed_file_is_in_force_after_a_reload()
    {
        Write("cn-2026.json", "");
        var store = Store();
        Assert.True(store.IsWorkingDay(NationalDay));

        Write("cn-2026.json", NationalDayOff);
        store.Reload();

        Assert.False(store.IsWorkingDay(NationalDay));
    }

    [Fact]
    public void A_bad_version_of_a_file_is_refused_and_the_last_good_one_stays_in_force()
    {
        Write("cn-2026.json", NationalDayOff);
        var store = Store();

        Write("cn-2026.json", NationalDayOff, """{ "date": "2026-10-09", "name": "调休" }""");
        store.Reload();

        Assert.False(store.IsWorkingDay(NationalDay));
        Assert.True(store.IsWorkingDay(new DateOnly(2026, 10, 9)));
        var refused = Assert.Single(store.Snapshot.Refused);
        Assert.NotNull(refused.KeptSchedule);
        Assert.Equal(CalendarProblemCodes.WorkdayNotWeekend, Assert.Single(refused.Problems).Code);
        var error = Assert.Single(_log.At(LogLevel.Error));
        Assert.Contains("cn-2026.json", error);
        Assert.Contains("2026-10-09", error);
        Assert.Contains("last good version", error);
    }

    [Fact]
    public void A_bad_file_corrected_is_in_force_and_no_longer_refused()
    {
        Write("cn-2026.json", """{ "date": "2026-10-32", "name": "国庆节" }""");
        var store = Store();
        Assert.True(store.IsWorkingDay(NationalDay));

        Write("cn-2026.json", NationalDayOff);
        store.Reload();

        Assert.False(store.IsWorkingDay(NationalDay));
        Assert.Empty(store.Snapshot.Refused);
    }

    [Fact]
    public void A_bad_file_at_start_up_leaves_its_year_to_weekends_only()
    {
        Write("cn-2026.json", "{ not json");
        var store = Store();

        Assert.True(store.IsWorkingDay(NationalDay));
        Assert.Null(Assert.Single(store.Snapshot.Refused).KeptSchedule);
        Assert.Contains("weekends only", Assert.Single(_log.At(LogLevel.Error)));
    }

    [Fact]
    public void An_unchanged_bad_file_is_not_reported_again()
    {
        Write("cn-2026.json", """{ "date": "2027-10-01", "name": "国庆节" }""");
        var store = Store();
        store.Reload();
        store.Reload();
        Assert.Single(_log.At(LogLevel.Error));
    }

    [Fact]
    public void A_second_file_for_a_year_in_force_is_refused()
    {
        Write("cn-2026.json", NationalDayOff);
        var store = Store();
        Write("cn-2026-copy.json", "");
        store.Reload();

        Assert.False(store.IsWorkingDay(NationalDay));
        var refused = Assert.Single(store.Snapshot.Refused);
        Assert.Equal(("cn-2026-copy.json", CalendarProblemCodes.DuplicateYear), (refused.File, Assert.Single(refused.Problems).Code));
    }

    [Fact]
    public void Of_two_files_for_a_year_at_start_up_the_first_by_name_is_in_force()
    {
        Write("cn-2026.json", NationalDayOff);
        Write("cn-2026-a.json", "");
        var store = Store();

        Assert.True(store.IsWorkingDay(NationalDay));
        Assert.Equal("cn-2026.json", Assert.Single(store.Snapshot.Refused).File);
    }

    [Fact]
    public void A_removed_file_takes_its_year_back_to_weekends_only()
    {
        Write("cn-2026.json", NationalDayOff);
        var store = Store();

        File.Delete(Path.Combine(_folder, "cn-2026.json"));
        store.Reload();

        Assert.True(store.IsWorkingDay(NationalDay));
        Assert.Empty(store.Snapshot.Files);
    }

    [Fact]
    public void A_year_without_a_file_is_warned_about_once()
    {
        Write("cn-2026.json", NationalDayOff);
        var store = Store();

        store.IsWorkingDay(new DateOnly(2030, 5, 6));
        store.AddWorkingDays(new DateTimeOffset(2030, 5, 6, 9, 0, 0, TimeSpan.FromHours(8)), 10);
        store.IsWorkingDay(new DateOnly(2026, 5, 6));

        var warning = Assert.Single(_log.At(LogLevel.Warning));
        Assert.Contains("2030", warning);
    }

    [Fact]
    public void A_missing_folder_counts_weekends_only()
    {
        var store = new WorkCalendarStore(new CalendarSettings(Path.Combine(_folder, "absent"), TimeSpan.FromMinutes(5), ChinaTime), _log);
        Assert.True(store.IsWorkingDay(NationalDay));
        Assert.False(store.IsWorkingDay(new DateOnly(2026, 10, 3)));
    }

    [Fact]
    public void Files_other_than_json_are_ignored()
    {
        File.WriteAllText(Path.Combine(_folder, "README.txt"), "notes");
        Write("cn-2026.json", NationalDayOff);
        var store = Store();
        Assert.Empty(store.Snapshot.Refused);
        Assert.Single(store.Snapshot.Files);
    }

    [Fact]
    public void The_configured_folder_is_relative_to_the_content_root()
    {
        Assert.Equal(Path.GetFullPath("/srv/caseflow/holidays"), CalendarSetup.ResolveFolder("holidays", "/srv/caseflow"));
    }

    [Fact]
    public void Run_from_source_the_repository_folder_is_the_default()
    {
        var folder = CalendarSetup.ResolveFolder(null, "/srv/caseflow");
        Assert.Equal(Path.Combine("workflows", "calendars"), Path.GetRelativePath(Path.GetDirectoryName(Path.GetDirectoryName(folder))!, folder));
        Assert.True(File.Exists(Path.Combine(folder, "..", "..", "CaseFlow.sln")));
    }
}
