using System.Text;

namespace CaseFlow.Workflows.Feel;

/// <summary>
/// A FEEL years and months duration. Only the total month count matters: P1Y2M and P14M are the same value,
/// which is why there is a single field rather than separate years and months.
/// </summary>
public readonly record struct YearsMonthsDuration(int TotalMonths) : IComparable<YearsMonthsDuration>
{
    public static YearsMonthsDuration FromYearsMonths(int years, int months) => new(checked(years * 12 + months));

    /// <summary>Whole years, negative for a negative duration (as the FEEL <c>years</c> property).</summary>
    public int Years => TotalMonths / 12;

    /// <summary>Months beyond the whole years, with the sign of the duration.</summary>
    public int Months => TotalMonths % 12;

    public int CompareTo(YearsMonthsDuration other) => TotalMonths.CompareTo(other.TotalMonths);

    public static YearsMonthsDuration operator +(YearsMonthsDuration a, YearsMonthsDuration b) => new(checked(a.TotalMonths + b.TotalMonths));
    public static YearsMonthsDuration operator -(YearsMonthsDuration a, YearsMonthsDuration b) => new(checked(a.TotalMonths - b.TotalMonths));
    public static YearsMonthsDuration operator -(YearsMonthsDuration a) => new(checked(-a.TotalMonths));

    /// <summary>ISO 8601 form, as FEEL <c>string()</c> prints it: P1Y2M, P0M, -P3M.</summary>
    public override string ToString()
    {
        var total = Math.Abs((long)TotalMonths);
        var sb = new StringBuilder(TotalMonths < 0 ? "-P" : "P");
        long years = total / 12, months = total % 12;
        if (years != 0) sb.Append(years).Append('Y');
        if (months != 0 || years == 0) sb.Append(months).Append('M');
        return sb.ToString();
    }
}
