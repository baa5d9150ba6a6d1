using System.Globalization;
using System.Text.Json;
using static CaseFlow.Workflows.Calendars.CalendarProblemCodes;

namespace CaseFlow.Workflows.Calendars;

/// <summary>
/// Reads one year's calendar file (<c>cn-2026.json</c>):
/// <code>
/// { "year": 2026, "source": "国务院办公厅关于2026年部分节假日安排的通知",
///   "holidays": [ { "date": "2026-01-01", "name": "元旦" } ],
///   "workdays": [ { "date": "2026-01-04", "name": "元旦调休上班" } ] }
/// </code>
/// Supervisors edit these files by hand, so comments and trailing commas are accepted, every problem is
/// reported at once rather than the first, and an unknown field is an error: a misspelt <c>workday</c>
/// must not silently drop the adjusted working days.
/// </summary>
public static class HolidayScheduleFile
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <param name="fileName">Names the file in problems; a name ending in a year (<c>cn-2026</c>) must agree with <c>year</c>.</param>
    public static HolidayScheduleReadResult Read(string fileName, string json)
    {
        var reader = new Reader(fileName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            reader.Problem(null, MalformedJson, $"The file is not valid JSON: {e.Message}");
            return reader.Result(null);
        }
        using (document) return reader.Result(reader.Read(document.RootElement));
    }

    private sealed class Reader(string file)
    {
        private readonly List<CalendarProblem> _problems = [];

        public void Problem(string? field, string code, string message, DateOnly? date = null, string? rawDate = null) =>
            _problems.Add(new CalendarProblem(file, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? rawDate, code, message, field));

        public HolidayScheduleReadResult Result(HolidaySchedule? schedule) =>
            new(_problems.Count == 0 ? schedule : null, _problems);

        public HolidaySchedule? Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problem(null, InvalidField, "The file must hold one JSON object with year, source, holidays and workdays.");
                return null;
            }
            int? year = null;
            string? source = null;
            List<ListedDay>? holidays = null, workdays = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "year": year = ReadYear(property.Value); break;
                    case "source": source = ReadSource(property.Value); break;
                    case "holidays": holidays = ReadDays("holidays", property.Value); break;
                    case "workdays": workdays = ReadDays("workdays", property.Value); break;
                    default:
                        Problem(property.Name, UnknownField, $"Unknown field '{property.Name}': a file has year, source, holidays and workdays.");
                        break;
                }
            }
            if (!root.TryGetProperty("year", out _)) Problem("year", MissingField, "year is missing.");
            if (!root.TryGetProperty("source", out _)) Problem("source", MissingField, "source is missing: name the notice the dates come from.");
            if (!root.TryGetProperty("holidays", out _)) Problem("holidays", MissingField, "holidays is missing (write [] for none).");
            if (!root.TryGetProperty("workdays", out _)) Problem("workdays", MissingField, "workdays is missing (write [] for none).");
            if (year is not { } y || holidays is null || workdays is null) return null;

            CheckFileName(y);
            CheckInYear(holidays, y);
            CheckInYear(workdays, y);
            CheckDuplicates(holidays);
            CheckDuplicates(workdays);
            CheckWorkdays(holidays, workdays);
            if (_problems.Count > 0) return null;
            return new HolidaySchedule(y, source!,
                holidays.Select(d => d.Day).OrderBy(d => d.Date).ToArray(),
                workdays.Select(d => d.Day).OrderBy(d => d.Date).ToArray());
        }

        private int? ReadYear(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var year) && year is >= 1 and <= 9999) return year;
            Problem("year", InvalidYear, $"year must be a whole number from 1 to 9999, not {value.GetRawText()}.");
            return null;
        }

        private string? ReadSource(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())) return value.GetString()!.Trim();
            Problem("source", MissingField, "source must name the notice the dates come from.");
            return null;
        }

        private List<ListedDay>? ReadDays(string list, JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem(list, InvalidField, $"{list} must be a list of {{ \"date\": \"yyyy-MM-dd\", \"name\": \"...\" }}.");
                return null;
            }
            var days = new List<ListedDay>();
            var index = 0;
            foreach (var entry in value.EnumerateArray())
            {
                var field = $"{list}[{index++}]";
                if (ReadDay(field, entry) is { } day) days.Add(new ListedDay(day, $"{field}.date", list == "workdays" ? "workday" : "holiday"));
            }
            return days;
        }

        private CalendarDay? ReadDay(string field, JsonElement entry)
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                Problem(field, InvalidField, "Each day is an object { \"date\": \"yyyy-MM-dd\", \"name\": \"...\" }.");
                return null;
            }
            DateOnly? date = null;
            string? name = null;
            foreach (var property in entry.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "date": date = ReadDate($"{field}.date", property.Value); break;
                    case "name":
                        if (property.Value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(property.Value.GetString()))
                            name = property.Value.GetString()!.Trim();
                        break;
                    default:
                        Problem($"{field}.{property.Name}", UnknownField, $"Unknown field '{property.Name}': a day has date and name.");
                        break;
                }
            }
            if (!entry.TryGetProperty("date", out _)) Problem($"{field}.date", MissingField, "The day has no date.");
            if (name is null) Problem($"{field}.name", MissingName, "The day needs a name (the holiday, e.g. 春节).", date);
            return date is { } d && name is not null ? new CalendarDay(d, name) : null;
        }

        private DateOnly? ReadDate(string field, JsonElement value)
        {
            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            if (value.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            Problem(field, MalformedDate, $"'{text}' is not a date: write yyyy-MM-dd, e.g. 2026-10-01.", rawDate: text);
            return null;
        }

        private void CheckFileName(int year)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.Length < 4 || !int.TryParse(name.AsSpan(name.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out var named)) return;
            if (name.Length > 4 && char.IsAsciiDigit(name[^5])) return;
            if (named != year)
                Problem("year", FileNameYearMismatch, $"The file is named for {named} but its year is {year}.");
        }

        private void CheckInYear(List<ListedDay> days, int year)
        {
            foreach (var (day, field, kind) in days.Where(d => d.Day.Date.Year != year))
                Problem(field, DateOutsideYear, $"The {kind} {day.Name} falls in {day.Date.Year}, not in the file's year {year}.", day.Date);
        }

        private void CheckDuplicates(List<ListedDay> days)
        {
            foreach (var repeated in days.GroupBy(d => d.Day.Date).SelectMany(g => g.Skip(1)))
                Problem(repeated.Field, DuplicateDate, $"The date is already listed as a {repeated.Kind}.", repeated.Day.Date);
        }

        private void CheckWorkdays(List<ListedDay> holidays, List<ListedDay> workdays)
        {
            var holidayDates = holidays.Select(d => d.Day.Date).ToHashSet();
            foreach (var (day, field, _) in workdays)
            {
                if (holidayDates.Contains(day.Date))
                    Problem(field, HolidayAndWorkday, "The date is listed both as a holiday and as an adjusted working day.", day.Date);
                if (!WorkCalendar.IsWeekend(day.Date))
                    Problem(field, WorkdayNotWeekend,
                        $"The date is a {day.Date.DayOfWeek}, a working day anyway: only a Saturday or Sunday can be an adjusted working day.", day.Date);
            }
        }

        /// <summary>A day as read, with its place in the file for the problems that name it.</summary>
        private readonly record struct ListedDay(CalendarDay Day, string Field, string Kind);
    }
}
