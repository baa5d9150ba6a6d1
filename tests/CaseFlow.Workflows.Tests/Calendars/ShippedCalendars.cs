using CaseFlow.Workflows.Calendars;

namespace CaseFlow.Workflows.Tests.Calendars;

/// <summary>The files the service ships (workflows/calendars), read from the repository.</summary>
internal static class ShippedCalendars
{
    public static string Folder { get; } = Find();

    public static HolidaySchedule Read(int year)
    {
        var path = Path.Combine(Folder, $"cn-{year}.json");
        var read = HolidayScheduleFile.Read(Path.GetFileName(path), File.ReadAllText(path));
        Assert.True(read.IsValid, string.Join("\n", read.Problems));
        return read.Schedule!;
    }

    public static WorkCalendar Calendar(Action<int>? yearWithoutSchedule = null) =>
        new([Read(2025), Read(2026)], yearWithoutSchedule);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows", "calendars");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("workflows/calendars not found above the test output folder.");
    }
}
