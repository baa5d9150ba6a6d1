using CaseFlow.Workflows.Calendars;

namespace CaseFlow.Engine.Scheduling;

/// <summary>
/// What timer start events are read with: the work calendar (for cycles that count working days) and the
/// time zone cron cycles run in (<c>Scheduling:TimeZone</c>, China Standard Time unless set).
/// </summary>
public sealed class StartTimerSettings(IConfiguration configuration, IWorkCalendar calendar)
{
    public IWorkCalendar Calendar { get; } = calendar;

    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(configuration["Scheduling:TimeZone"] ?? "Asia/Shanghai");
}
