using System.Text.Json;
using System.Text.RegularExpressions;
using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Engine.Forms;

/// <summary>One problem of a form-js schema: <see cref="Field"/> is the JSON path of the offending member.</summary>
public sealed record FormProblem(string Field, string Message);

/// <summary>
/// An input field of a form, with the rules the server checks on completion. <see cref="Path"/> is where its
/// value sits in the submitted variables (a group's <c>path</c> and the key's dots nest it).
/// </summary>
internal sealed record FormField(
    IReadOnlyList<string> Path, string Type, FieldRules Rules, IReadOnlyList<object?>? Options, string? Hide,
    bool SerializeToString, IReadOnlyList<FormField>? ItemFields)
{
    public string Key => string.Join('.', Path);
}

internal sealed record FieldRules(bool Required, Bound? Min, Bound? Max, Bound? MinLength, Bound? MaxLength, Regex? Pattern, string? PatternMessage)
{
    public static readonly FieldRules None = new(false, null, null, null, null, null, null);

    public bool HasExpressions => Min?.Expression is not null || Max?.Expression is not null
        || MinLength?.Expression is not null || MaxLength?.Expression is not null;
}

/// <summary>A min/max rule: a number, or (as form-js allows) a FEEL expression evaluated against the form's data.</summary>
internal sealed record Bound(decimal? Value, FeelExpression? Expression)
{
    public decimal? Evaluate(IVariableScope scope) => Value ?? (Expression!.Evaluate(scope) is decimal d ? d : null);
}

/// <summary>
/// A form-js schema read for the server's purposes: its id and its input fields. Layout components
/// (text, spacer, separator, image, html, button...) carry no value and are skipped.
/// </summary>
internal sealed class FormSchema
{
    /// <summary>Components that hold a value under their <c>key</c> (form-js's input fields).</summary>
    private static readonly HashSet<string> InputTypes =
        ["textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "taglist", "datetime", "filepicker", "expression"];

    private static readonly HashSet<string> OptionTypes = ["checklist", "radio", "select", "taglist"];

    public required string Id { get; init; }
    public required IReadOnlyList<FormField> Fields { get; init; }

    public static (FormSchema? Schema, List<FormProblem> Problems) Read(JsonElement root)
    {
        var problems = new List<FormProblem>();
        if (root.ValueKind != JsonValueKind.Object)
            return (null, [new("$", "A form-js schema is a JSON object with an id and components.")]);
        var id = root.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
        if (string.IsNullOrWhiteSpace(id)) problems.Add(new("id", "The form has no id; a user task names a form by it (zeebe:formDefinition formId)."));
        if (!root.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new("components", "The form has no components list."));
            return (null, problems);
        }
        var fields = new List<FormField>();
        var reader = new Reader(problems);
        reader.ReadComponents(components, "components", [], fields, new HashSet<string>(StringComparer.Ordinal));
        return problems.Count > 0 ? (null, problems) : (new FormSchema { Id = id!, Fields = fields }, problems);
    }

    private sealed class Reader(List<FormProblem> problems)
    {
        public void ReadComponents(JsonElement components, string at, IReadOnlyList<string> prefix, List<FormField> fields, HashSet<string> keys)
        {
            var index = 0;
            foreach (var component in components.EnumerateArray())
            {
                ReadComponent(component, $"{at}[{index}]", prefix, fields, keys);
                index++;
            }
        }

        private void ReadComponent(JsonElement component, string at, IReadOnlyList<string> prefix, List<FormField> fields, HashSet<string> keys)
        {
            if (component.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new(at, "A component is a JSON object."));
                return;
            }
            var type = String(component, "type");
            if (type is null)
            {
                problems.Add(new($"{at}.type", "The component has no type."));
                return;
            }
            if (type is "group" or "dynamiclist")
            {
                ReadContainer(component, type, at, prefix, fields, keys);
                return;
            }
            if (!InputTypes.Contains(type)) return;

            var key = String(component, "key");
            if (string.IsNullOrWhiteSpace(key))
            {
                problems.Add(new($"{at}.key", $"The {type} field has no key: its value would have no variable name."));
                return;
            }
            var path = prefix.Concat(key.Split('.')).ToList();
            if (!keys.Add(string.Join('.', path)))
            {
                problems.Add(new($"{at}.key", $"The key '{key}' is used by another field of the form: one would overwrite the other."));
                return;
            }
            var rules = ReadRules(component, at);
            var options = OptionTypes.Contains(type) ? ReadOptions(component, at) : null;
            var hide = component.TryGetProperty("conditional", out var conditional) && conditional.ValueKind == JsonValueKind.Object
                ? String(conditional, "hide") : null;
            var serialize = component.TryGetProperty("serializeToString", out var s) && s.ValueKind == JsonValueKind.True;
            fields.Add(new FormField(path, type, rules, options, hide, serialize, null));
        }

        /// <summary>A group nests its fields under its optional <c>path</c>; a dynamic list repeats them for each item of the list at its <c>path</c>.</summary>
        private void ReadContainer(JsonElement component, string type, string at, IReadOnlyList<string> prefix, List<FormField> fields, HashSet<string> keys)
        {
            if (!component.TryGetProperty("components", out var children) || children.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new($"{at}.components", $"The {type} has no components list."));
                return;
            }
            var path = String(component, "path");
            if (type == "group")
            {
                var nested = string.IsNullOrWhiteSpace(path) ? prefix : prefix.Concat(path.Split('.')).ToList();
                ReadComponents(children, $"{at}.components", nested, fields, keys);
                return;
            }
            if (string.IsNullOrWhiteSpace(path))
            {
                problems.Add(new($"{at}.path", "The dynamic list has no path: its items would have no variable name."));
                return;
            }
            var listPath = prefix.Concat(path.Split('.')).ToList();
            if (!keys.Add(string.Join('.', listPath)))
            {
                problems.Add(new($"{at}.path", $"The path '{path}' is used by another field of the form."));
                return;
            }
            var itemFields = new List<FormField>();
            ReadComponents(children, $"{at}.components", [], itemFields, new HashSet<string>(StringComparer.Ordinal));
            var hide = component.TryGetProperty("conditional", out var conditional) && conditional.ValueKind == JsonValueKind.Object
                ? String(conditional, "hide") : null;
            fields.Add(new FormField(listPath, type, FieldRules.None, null, hide, false, itemFields));
        }

        private FieldRules ReadRules(JsonElement component, string at)
        {
            if (!component.TryGetProperty("validate", out var validate)) return FieldRules.None;
            if (validate.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new($"{at}.validate", "validate is a JSON object of rules."));
                return FieldRules.None;
            }
            var required = validate.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
            return new FieldRules(required, Number(validate, "min", at), Number(validate, "max", at),
                Length(validate, "minLength", at), Length(validate, "maxLength", at), Pattern(validate, at), String(validate, "patternErrorMessage"));
        }

        private Bound? Number(JsonElement validate, string name, string at)
        {
            if (!validate.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.String && value.GetString() is ['=', ..] source)
            {
                if (FeelExpression.TryParse(source, out var expression, out var error)) return new Bound(null, expression);
                problems.Add(new($"{at}.validate.{name}", $"{name} is not a FEEL expression: {error.Message}"));
                return null;
            }
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)) return new Bound(number, null);
            // The form-js editor writes what was typed in its number inputs, sometimes as text.
            if (value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out number)) return new Bound(number, null);
            problems.Add(new($"{at}.validate.{name}", $"{name} is a number."));
            return null;
        }

        private Bound? Length(JsonElement validate, string name, string at)
        {
            var bound = Number(validate, name, at);
            if (bound?.Value is not { } number) return bound;
            if (number < 0 || number != decimal.Truncate(number))
            {
                problems.Add(new($"{at}.validate.{name}", $"{name} is a whole number of characters, 0 or more."));
                return null;
            }
            return bound;
        }

        private Regex? Pattern(JsonElement validate, string at)
        {
            var pattern = String(validate, "pattern");
            if (string.IsNullOrEmpty(pattern)) return null;
            try
            {
                // Unanchored, as form-js tests it (new RegExp(pattern).test(value)); bounded so a bad pattern cannot hang a request.
                return new Regex(pattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            }
            catch (ArgumentException)
            {
                try
                {
                    // ECMAScript mode refuses classes such as \p{...}; the default dialect reads most of what JavaScript writes.
                    return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
                }
                catch (ArgumentException e)
                {
                    problems.Add(new($"{at}.validate.pattern", $"The pattern is not a regular expression: {e.Message}"));
                    return null;
                }
            }
        }

        /// <summary>Static options (<c>values</c>); null when the options come from a variable or an expression.</summary>
        private List<object?>? ReadOptions(JsonElement component, string at)
        {
            if (!component.TryGetProperty("values", out var values)) return null;
            if (values.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new($"{at}.values", "values is a list of {label, value} options."));
                return null;
            }
            var options = new List<object?>();
            var index = 0;
            foreach (var option in values.EnumerateArray())
            {
                if (option.ValueKind != JsonValueKind.Object || !option.TryGetProperty("value", out var value))
                    problems.Add(new($"{at}.values[{index}]", "An option is a {label, value} object."));
                else
                    options.Add(CaseFlow.Workflows.Values.VariableJson.Read(value));
                index++;
            }
            return options;
        }

        private static string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
