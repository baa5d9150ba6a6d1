using System.Globalization;
using CaseFlow.Engine.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseFlow.Engine.Calendars;

public static class CalendarsApi
{
    /// <summary>About four years of working days: far beyond any case deadline, and a bound on the answer's size.</summary>
    public const int MaxDays = 1000;

    public static RouteGroupBuilder MapCalendars(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calendars").WithTags("Calendars");
        group.MapGet("/", List);
        group.MapGet("/working-days", WorkingDays);
        group.MapGet("/{year}", Year);
        return group;
    }

    private static Ok<CalendarsDto> List(WorkCalendarStore store)
    {
        var snapshot = store.Snapshot;
        return TypedResults.Ok(new CalendarsDto(
            snapshot.Files.Select(f => f.ToSummaryDto()).ToList(), snapshot.Refused.Select(f => f.ToDto()).ToList()));
    }

    private static Results<Ok<CalendarYearDto>, ProblemHttpResult> Year(string year, WorkCalendarStore store)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 9999)
            return Problems.BadRequest("malformed_request", "year must be a year number from 1 to 9999.", "year");
        return store.Snapshot.FileFor(number) is { } file
            ? TypedResults.Ok(file.ToDto())
            : Problems.NotFound("calendar_not_found", $"No calendar file gives {number}: its working days count weekends only.");
    }

    private static Results<Ok<WorkingDaysDto>, ProblemHttpResult> WorkingDays(string? from, string? days, WorkCalendarStore store)
    {
        if (!WorkingDaysQuery.TryParseStart(from, out var start, out var dateOnly))
            return Problems.BadRequest("invalid_query",
                "from must be a date (2026-09-30) or a date-time with its offset (2026-09-30T09:00:00+08:00).", "from");
        if (!int.TryParse(days, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count) || count is < 0 or > MaxDays)
            return Problems.BadRequest("invalid_query", $"days must be a whole number from 0 to {MaxDays}.", "days");
        try
        {
            return TypedResults.Ok(WorkingDaysQuery.Count(store.Snapshot, start, dateOnly, count));
        }
        catch (ArgumentOutOfRangeException)
        {
            return Problems.Invalid("due_date_out_of_range", "The due date would fall after 9999-12-31.", "days");
        }
    }
}
