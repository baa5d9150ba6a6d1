using System.Globalization;
using System.Text;

namespace CaseFlow.Workflows.Feel;

/// <summary>Helpers over FEEL values for hosts: conversion to text, equality, importing CLR values.</summary>
public static class FeelValue
{
    /// <summary>
    /// Maps CLR values a host may pass (int, long, double, DateTime, DateTimeOffset, TimeOnly, char...) to
    /// their FEEL representation; FEEL values pass through. Operators call this only on their slow path,
    /// so hosts need not convert up front.
    /// </summary>
    public static object? Import(object? value) => value switch
    {
        null or decimal or string or bool => value,
        int i => (decimal)i,
        long l => (decimal)l,
        double d => double.IsFinite(d) ? (decimal?)ToDecimal(d) : null,
        float f => float.IsFinite(f) ? (decimal?)ToDecimal(f) : null,
        short s => (decimal)s,
        byte b => (decimal)b,
        sbyte sb => (decimal)sb,
        uint ui => (decimal)ui,
        ulong ul => (decimal)ul,
        ushort us => (decimal)us,
        char c => c.ToString(),
        DateTime dt => dt.Kind switch
        {
            DateTimeKind.Utc => new FeelDateTime(dt, TimeSpan.Zero),
            DateTimeKind.Local => FeelDateTime.FromDateTimeOffset(new DateTimeOffset(dt)),
            _ => new FeelDateTime(dt),
        },
        DateTimeOffset dto => FeelDateTime.FromDateTimeOffset(dto),
        TimeOnly t => new FeelTime(t),
        _ => value,
    };

    private static decimal? ToDecimal(double d)
    {
        try { return (decimal)d; }
        catch (OverflowException) { return null; }
    }

    /// <summary>FEEL <c>=</c>: deep on lists and contexts; null when the types cannot be compared.</summary>
    public static bool? FeelEquals(object? a, object? b) => Ops.Equal(a, b);

    /// <summary>The FEEL type name, as warnings and <c>instance of</c> use it.</summary>
    public static string TypeName(object? value) => Import(value) switch
    {
        null => "Null",
        decimal or FeelNumber => "number",
        string => "string",
        bool => "boolean",
        DateOnly or FeelDate => "date",
        FeelTime => "time",
        FeelDateTime => "date and time",
        TimeSpan => "days and time duration",
        YearsMonthsDuration => "years and months duration",
        FeelRange => "range",
        FeelFunction => "function",
        IReadOnlyDictionary<string, object?> => "context",
        IReadOnlyList<object?> => "list",
        var other => other.GetType().Name,
    };

    /// <summary>FEEL <c>string()</c> of any value; null stays null.</summary>
    public static string? ToFeelString(object? value) => value is null ? null : Format(Import(value), quoteStrings: false);

    /// <summary>Numbers print without trailing zeros and never in exponent form.</summary>
    public static string FormatNumber(decimal d) => Normalize(d).ToString(CultureInfo.InvariantCulture);

    /// <summary>Drops trailing fractional zeros (1.50 becomes 1.5) without changing the value.</summary>
    internal static decimal Normalize(decimal d) => d / 1.0000000000000000000000000000m;

    private static string Format(object? value, bool quoteStrings) => value switch
    {
        null => "null",
        string s => quoteStrings ? Quote(s) : s,
        decimal d => FormatNumber(d),
        FeelNumber n => n.ToString(),
        bool b => b ? "true" : "false",
        DateOnly d => TemporalFormat.Date(d),
        TimeSpan ts => TemporalFormat.Duration(ts),
        FeelRange r => FormatRange(r),
        IReadOnlyDictionary<string, object?> c => FormatContext(c),
        IReadOnlyList<object?> l => "[" + string.Join(", ", l.Select(x => Format(Import(x), true))) + "]",
        _ => value.ToString() ?? "",
    };

    /// <summary>A range open on one side prints as the unary comparison it came from (<c>&lt; 10</c>).</summary>
    private static string FormatRange(FeelRange r) => (r.Start, r.End) switch
    {
        (null, null) => "(null..null)",
        (null, var end) => (r.EndIncluded ? "<= " : "< ") + Format(Import(end), true),
        (var start, null) => (r.StartIncluded ? ">= " : "> ") + Format(Import(start), true),
        var (start, end) => (r.StartIncluded ? "[" : "(") + Format(Import(start), true) + ".." + Format(Import(end), true) + (r.EndIncluded ? "]" : ")"),
    };

    private static string FormatContext(IReadOnlyDictionary<string, object?> context)
    {
        var sb = new StringBuilder("{");
        foreach (var (key, v) in context)
        {
            if (sb.Length > 1) sb.Append(", ");
            sb.Append(IsPlainName(key) ? key : Quote(key)).Append(": ").Append(Format(Import(v), true));
        }
        return sb.Append('}').ToString();
    }

    private static bool IsPlainName(string key) =>
        key.Length > 0 && (char.IsLetter(key[0]) || key[0] == '_') && key.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch { '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => c.ToString() });
        }
        return sb.Append('"').ToString();
    }
}

/// <summary>Pre-boxed booleans, so that conditions return without allocating.</summary>
internal static class Boxes
{
    public static readonly object True = true;
    public static readonly object False = false;
    public static object Bool(bool b) => b ? True : False;
    public static object? Bool(bool? b) => b is { } v ? (v ? True : False) : null;
}
