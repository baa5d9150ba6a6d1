using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// The executor's one door to FEEL's number type: everything in the runtime that reads or makes a FEEL
/// number goes through here, so changing that type touches this file only.
/// </summary>
internal static class FeelNumbers
{
    public static object FromInt(int value) => (decimal)value;

    /// <summary>An integral number that fits an int; false for fractions, other types and null.</summary>
    public static bool TryInt(object? value, out int result)
    {
        result = 0;
        if (value is not decimal d || d != decimal.Truncate(d) || d < int.MinValue || d > int.MaxValue) return false;
        result = (int)d;
        return true;
    }

    /// <summary>A number in its plain decimal form (no exponent, no trailing zeros); null when not a number.</summary>
    public static string? PlainText(object? value) => value is decimal d ? FeelValue.FormatNumber(d) : null;
}
