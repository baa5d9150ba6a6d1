using System.Text.RegularExpressions;

namespace CaseFlow.Workflows.Feel;

/// <summary>not, string, number, is defined, is.</summary>
internal static partial class ConversionFunctions
{
    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberText();

    public static void Register(BuiltinRegistry r)
    {
        r.Add("not", "negand", (a, e) => a[0] is bool b ? Boxes.Bool(!b) : Args.Invalid(e, "not", a));
        r.Add("string", "from", (a, _) => FeelValue.ToFeelString(a[0]));
        r.Add("number", "from, grouping separator?, decimal separator?", Number);
        // Usually compiled as a special form that sees whether a name exists; as a plain call it can only test for null.
        r.Add("is defined", "value", (a, _) => Boxes.Bool(a[0] is not null));
        // Null is no element of the domain to compare (DMN TCK 0103 expects an error), so it gives null.
        r.Add("is", "value1, value2", (a, e) => a[0] is { } x && a[1] is { } y ? Boxes.Bool(Same(x, y)) : Args.Invalid(e, "is", a));
    }

    /// <summary>
    /// DMN's <c>is</c>: the same element of FEEL's domain, which is stricter than <c>=</c> for temporals:
    /// a date is never a date and time, and times and date-times must agree on the wall clock and on the
    /// offset (a zone counts by its offset, so <c>@Etc/GMT</c> is <c>Z</c>), not only on the instant.
    /// </summary>
    private static bool Same(object a, object b) => (a, b) switch
    {
        (FeelDateTime x, FeelDateTime y) => x.Local == y.Local && x.Offset == y.Offset,
        (FeelTime x, FeelTime y) => x.Local == y.Local && x.Offset == y.Offset,
        _ => FeelValue.TypeName(a) == FeelValue.TypeName(b) && Ops.Equal(a, b) == true,
    };

    private static object? Number(object?[] a, Env e)
    {
        if (Numbers.IsNumber(a[0]) && a.Length == 1) return a[0];
        if (a[0] is not string text) return Args.Invalid(e, "number", a);
        var grouping = a.Arg(1);
        var separator = a.Arg(2);
        if (grouping is not (null or " " or "," or ".") || separator is not (null or "." or ",") || (grouping is not null && Equals(grouping, separator)))
            return e.Fail("Function 'number': grouping separator must be ' ', ',' or '.', decimal separator '.' or ',', and they must differ");
        if (grouping is string g) text = text.Replace(g, "", StringComparison.Ordinal);
        if (separator is ",") text = text.Replace(',', '.');
        if (!NumberText().IsMatch(text) || !FeelNumber.TryParse(text, out var value))
            return e.Fail($"Function 'number': \"{a[0]}\" is not a number");
        return value.ToValue();
    }
}
