using System.Globalization;
using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Engine.Forms;

/// <summary>One broken rule of a submitted form: <see cref="Field"/> is the component's key (dotted when nested).</summary>
public sealed record FormFieldError(string Field, string Rule, string Message);

/// <summary>
/// Checks completion variables against a form's <c>validate</c> rules, as the form-js viewer does in the
/// browser: a client that skips the viewer (or edits its request) is held to the same rules. A field the
/// form hides (<c>conditional.hide</c> true) is not checked, as form-js neither shows nor submits it.
/// </summary>
internal static class FormValidator
{
    /// <param name="context">What hide conditions see besides the submitted values (the task's variables).</param>
    public static List<FormFieldError> Validate(FormSchema form, IReadOnlyDictionary<string, object?> submitted, IVariableScope context)
    {
        var errors = new List<FormFieldError>();
        var scope = new DictionaryScope(submitted, context);
        foreach (var field in form.Fields) Check(field, submitted, scope, "", errors);
        return errors;
    }

    /// <summary>Whether the form hides any field on a condition (only then do the task's variables need reading).</summary>
    public static bool HasConditions(FormSchema form) =>
        form.Fields.Any(f => f.Hide is not null || f.Rules.HasExpressions
            || (f.ItemFields?.Any(i => i.Hide is not null || i.Rules.HasExpressions) ?? false));

    private static void Check(FormField field, IReadOnlyDictionary<string, object?> data, IVariableScope scope, string prefix, List<FormFieldError> errors)
    {
        if (IsHidden(field, scope)) return;
        var key = prefix + field.Key;
        var found = TryGet(data, field.Path, out var value);
        if (field.ItemFields is { } itemFields)
        {
            if (!found || value is null) return;
            if (value is not IReadOnlyList<object?> items)
            {
                errors.Add(new(key, "type", $"{key} is a list."));
                return;
            }
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i] as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
                foreach (var inner in itemFields) Check(inner, item, new DictionaryScope(item, scope), $"{key}[{i}].", errors);
            }
            return;
        }
        var rules = field.Rules;
        if (IsEmpty(field, value))
        {
            if (rules.Required) errors.Add(new(key, "required", field.Type == "checkbox" ? $"{key} must be ticked." : $"{key} is required."));
            return;
        }
        switch (field.Type)
        {
            case "number": CheckNumber(field, key, value!, scope, errors); break;
            case "checkbox":
                if (value is not bool) errors.Add(new(key, "type", $"{key} is true or false."));
                break;
            case "select" or "radio": CheckOption(field, key, value!, errors); break;
            case "checklist" or "taglist":
                if (value is not IReadOnlyList<object?> chosen) errors.Add(new(key, "type", $"{key} is a list of options."));
                else foreach (var item in chosen) CheckOption(field, key, item, errors);
                break;
            case "textfield" or "textarea": CheckText(field, key, value!, scope, errors); break;
            case "datetime":
                if (value is not string) errors.Add(new(key, "type", $"{key} is a date or time text."));
                break;
        }
    }

    private static void CheckNumber(FormField field, string key, object value, IVariableScope scope, List<FormFieldError> errors)
    {
        decimal? number = value switch
        {
            decimal d => d,
            int i => i,
            long l => l,
            // A number field set to serialize to string submits text (for digits beyond double's precision).
            string s when field.SerializeToString && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        if (number is null)
        {
            errors.Add(new(key, "type", $"{key} is a number."));
            return;
        }
        if (field.Rules.Min?.Evaluate(scope) is { } min && number < min) errors.Add(new(key, "min", $"{key} is at least {min.ToString(CultureInfo.InvariantCulture)}."));
        if (field.Rules.Max?.Evaluate(scope) is { } max && number > max) errors.Add(new(key, "max", $"{key} is at most {max.ToString(CultureInfo.InvariantCulture)}."));
    }

    private static void CheckText(FormField field, string key, object value, IVariableScope scope, List<FormFieldError> errors)
    {
        if (value is not string text)
        {
            errors.Add(new(key, "type", $"{key} is a text."));
            return;
        }
        // As form-js counts: the trimmed text's length in UTF-16 code units (one per Chinese character).
        var length = text.Trim().Length;
        if (field.Rules.MinLength?.Evaluate(scope) is { } minLength && length < minLength)
            errors.Add(new(key, "minLength", $"{key} has at least {minLength.ToString(CultureInfo.InvariantCulture)} characters."));
        if (field.Rules.MaxLength?.Evaluate(scope) is { } maxLength && length > maxLength)
            errors.Add(new(key, "maxLength", $"{key} has at most {maxLength.ToString(CultureInfo.InvariantCulture)} characters."));
        if (field.Rules.Pattern is { } pattern && !Matches(pattern, text))
            errors.Add(new(key, "pattern", field.Rules.PatternMessage is { } message ? $"{key}: {message}" : $"{key} does not match the pattern {pattern}."));
    }

    private static bool Matches(System.Text.RegularExpressions.Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Only static options can be checked; options from a variable or an expression are the client's.</summary>
    private static void CheckOption(FormField field, string key, object? value, List<FormFieldError> errors)
    {
        if (value is IReadOnlyList<object?> or IReadOnlyDictionary<string, object?>)
        {
            errors.Add(new(key, "type", $"{key} is one option's value."));
            return;
        }
        if (field.Options is { } options && !options.Any(o => SameValue(o, value)))
        {
            var allowed = string.Join(", ", options.Select(o => Convert.ToString(o, CultureInfo.InvariantCulture)));
            errors.Add(new(key, "option", $"{key} is one of: {allowed}."));
        }
    }

    private static bool SameValue(object? option, object? value) => (option, value) switch
    {
        (decimal a, decimal b) => a == b,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        _ => Equals(option, value),
    };

    private static bool IsEmpty(FormField field, object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IReadOnlyList<object?> list => list.Count == 0,
        // form-js's required checkbox must be ticked: false is as good as missing.
        false when field.Type == "checkbox" => true,
        _ => false,
    };

    private static bool IsHidden(FormField field, IVariableScope scope)
    {
        if (field.Hide is null) return false;
        // A condition that does not parse hides nothing, as in form-js; the schema check could not refuse it
        // without refusing forms the form-js editor saves.
        return FeelExpression.TryParse(field.Hide, out var expression, out _) && expression.Evaluate(scope) is true;
    }

    private static bool TryGet(IReadOnlyDictionary<string, object?> data, IReadOnlyList<string> path, out object? value)
    {
        value = null;
        IReadOnlyDictionary<string, object?>? current = data;
        for (var i = 0; i < path.Count; i++)
        {
            if (current is null || !current.TryGetValue(path[i], out var next)) return false;
            if (i == path.Count - 1)
            {
                value = next;
                return true;
            }
            current = next as IReadOnlyDictionary<string, object?>;
        }
        return false;
    }
}
