using CaseFlow.Workflows.Calendars;

namespace CaseFlow.Engine.Calendars;

/// <param name="Folder">Where the <c>*.json</c> calendar files are.</param>
/// <param name="PollInterval">How often the folder is checked besides the file watcher's events.</param>
/// <param name="TimeZone">Where the office is: a date and time is counted on the calendar day it is there
/// (<c>Calendars:TimeZone</c>, China Standard Time unless set).</param>
internal sealed record CalendarSettings(string Folder, TimeSpan PollInterval, TimeZoneInfo TimeZone);

public static class CalendarSetup
{
    /// <summary>
    /// <see cref="IWorkCalendar"/> as a singleton from the folder <c>Calendars:Path</c> (relative to the content
    /// root), checked every <c>Calendars:PollSeconds</c> (60) besides file change events.
    /// </summary>
    public static IServiceCollection AddWorkCalendar(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var environment = sp.GetRequiredService<IHostEnvironment>();
            var seconds = configuration.GetValue("Calendars:PollSeconds", 60);
            return new CalendarSettings(ResolveFolder(configuration["Calendars:Path"], environment.ContentRootPath),
                TimeSpan.FromSeconds(Math.Max(seconds, 1)),
                TimeZoneInfo.FindSystemTimeZoneById(configuration["Calendars:TimeZone"] ?? "Asia/Shanghai"));
        });
        services.AddSingleton<WorkCalendarStore>();
        services.AddSingleton<IWorkCalendar>(sp => sp.GetRequiredService<WorkCalendarStore>());
        // Started with the host, so the files are read (and their problems logged) at start-up, not at the first command.
        services.AddHostedService(sp => sp.GetRequiredService<WorkCalendarStore>());
        return services;
    }

    /// <summary>
    /// The configured folder; else, run from source, the repository's <c>workflows/calendars</c> (so an edit
    /// there counts without a build); else the <c>calendars</c> folder the build copies next to the app.
    /// </summary>
    internal static string ResolveFolder(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured, contentRoot);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var source = Path.Combine(dir.FullName, "workflows", "calendars");
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln")) && Directory.Exists(source)) return source;
        }
        return Path.Combine(AppContext.BaseDirectory, "calendars");
    }
}
