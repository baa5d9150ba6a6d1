using System.Globalization;

namespace CaseFlow.Workflows.Feel;

/// <summary>
/// A FEEL date whose year is outside <see cref="DateOnly"/>'s 1-9999: XML Schema dates, which FEEL's follow,
/// may have any year (<c>-2017-12-31</c>, <c>999999999-12-31</c>), counted astronomically (year 0 is 1 BC)
/// on the proleptic Gregorian calendar. Like numbers, a date has one representation: a
/// <see cref="DateOnly"/> whenever that can hold it, a FeelDate only beyond (<see cref="Create"/> chooses).
/// Date-times and times keep DateTime's years 1-9999.
/// </summary>
public readonly struct FeelDate : IEquatable<FeelDate>, IComparable<FeelDate>
{
    /// <summary>XML Schema's years as FEEL literals write them: at most nine digits.</summary>
    public const long MaxYear = 999_999_999;

    private FeelDate(long year, int month, int day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    public long Year { get; }
    public int Month { get; }
    public int Day { get; }

    /// <summary>Days since 0001-01-01, negative before it: the same count as <see cref="DateOnly.DayNumber"/>.</summary>
    public long DayNumber => DaysFromCivil(Year, Month, Day) - Epoch;

    public DayOfWeek DayOfWeek => (DayOfWeek)(int)(((DayNumber + 1) % 7 + 7) % 7);

    /// <summary>The date as a FEEL value (a <see cref="DateOnly"/> for years 1-9999), or null when it does not exist.</summary>
    public static object? Create(long year, long month, long day)
    {
        if (year is < -MaxYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, (int)month)) return null;
        return year is >= 1 and <= 9999 ? new DateOnly((int)year, (int)month, (int)day) : new FeelDate(year, (int)month, (int)day);
    }

    /// <summary>The date <paramref name="dayNumber"/> days after 0001-01-01, as a FEEL value; null beyond ±999999999 years.</summary>
    public static object? FromDayNumber(long dayNumber)
    {
        if (dayNumber is >= 0 and <= 3_652_058) return DateOnly.FromDayNumber((int)dayNumber);
        var (year, month, day) = CivilFromDays(dayNumber + Epoch);
        return Create(year, month, day);
    }

    /// <summary>The day number of a FEEL date value (a DateOnly or a FeelDate).</summary>
    internal static long DayNumberOf(object date) => date is FeelDate f ? f.DayNumber : ((DateOnly)date).DayNumber;

    /// <summary>A date value plus whole days; days-and-time durations count their whole days, rounding down as a clock would.</summary>
    internal static object? AddDays(object date, TimeSpan duration)
    {
        var days = Math.DivRem(duration.Ticks, TimeSpan.TicksPerDay, out var rest);
        return FromDayNumber(DayNumberOf(date) + days - (rest < 0 ? 1 : 0));
    }

    /// <summary>A date value plus calendar months, clamping the day to the end of a shorter month (as DateOnly.AddMonths does).</summary>
    internal static object? AddMonths(object date, int months)
    {
        var (year, month, day) = date is FeelDate f ? (f.Year, f.Month, f.Day) : (((DateOnly)date).Year, ((DateOnly)date).Month, ((DateOnly)date).Day);
        var total = year * 12 + month - 1 + months;
        var newYear = (long)Math.Floor(total / 12.0);
        var newMonth = (int)(total - newYear * 12) + 1;
        return Create(newYear, newMonth, Math.Min(day, DaysInMonth(newYear, newMonth)));
    }

    public static bool IsLeapYear(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(long year, int month) => month == 2 ? (IsLeapYear(year) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1);

    public int CompareTo(FeelDate other) => DayNumber.CompareTo(other.DayNumber);
    public bool Equals(FeelDate other) => Year == other.Year && Month == other.Month && Day == other.Day;
    public override bool Equals(object? obj) => obj is FeelDate other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Year, Month, Day);
    public static bool operator ==(FeelDate a, FeelDate b) => a.Equals(b);
    public static bool operator !=(FeelDate a, FeelDate b) => !a.Equals(b);

    /// <summary>XML Schema form: at least four year digits, a minus sign before BC years (<c>-2017-12-31</c>).</summary>
    public override string ToString() =>
        (Year < 0 ? "-" : "") + Math.Abs(Year).ToString("0000", CultureInfo.InvariantCulture) + "-" +
        Month.ToString("00", CultureInfo.InvariantCulture) + "-" + Day.ToString("00", CultureInfo.InvariantCulture);

    private static readonly long Epoch = DaysFromCivil(1, 1, 1);

    // Howard Hinnant's days_from_civil / civil_from_days: exact for any year, counting days from 1970-01-01.
    private static long DaysFromCivil(long y, int m, int d)
    {
        y -= m <= 2 ? 1 : 0;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - era * 400;
        var doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        var doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    private static (long Year, int Month, int Day) CivilFromDays(long z)
    {
        z += 719468;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var doe = z - era * 146097;
        var yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        var doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        var mp = (5 * doy + 2) / 153;
        var day = (int)(doy - (153 * mp + 2) / 5 + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
    }
}
