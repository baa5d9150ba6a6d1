using System.Text.Json;
using CaseFlow.Engine.Api;

namespace CaseFlow.Engine.Cases;

/// <summary>A value a PATCH may carry: absent (unchanged), or present, possibly null (cleared).</summary>
internal readonly record struct Change<T>(bool Present, T Value)
{
    public static implicit operator Change<T>(T value) => new(true, value);
}

/// <summary>
/// The body of <c>PATCH /api/cases/{id}</c>, read as JSON merge-patch: a member that is absent stays as it
/// is, a member set to null clears the field. A member of the wrong type is a 400 naming it; an unknown one
/// is a 422 (a typo must not look like success).
/// </summary>
internal sealed record CasePatch(
    int? Version, Change<string> Status, string? Reason, Change<string> Priority, Change<string> Title, Change<string?> Description,
    Change<decimal?> AmountClaimed, Change<decimal?> AmountApproved, Change<decimal?> AmountPaid, Change<DateTimeOffset?> DueAt,
    Change<IReadOnlyList<string>?> Tags)
{
    public static CasePatch Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) throw Bad("The body must be a JSON object.", "$");
        int? version = null;
        string? reason = null;
        Change<string> status = default, priority = default, title = default;
        Change<string?> description = default;
        Change<decimal?> claimed = default, approved = default, paid = default;
        Change<DateTimeOffset?> dueAt = default;
        Change<IReadOnlyList<string>?> tags = default;
        foreach (var member in body.EnumerateObject())
        {
            var value = member.Value;
            switch (member.Name)
            {
                case "version": version = value.ValueKind == JsonValueKind.Null ? null : Int(value, member.Name); break;
                case "status": status = NonNullText(value, member.Name); break;
                case "reason": reason = Text(value, member.Name); break;
                case "priority": priority = NonNullText(value, member.Name); break;
                case "title": title = NonNullText(value, member.Name); break;
                case "description": description = Text(value, member.Name); break;
                case "amountClaimed": claimed = Amount(value, member.Name); break;
                case "amountApproved": approved = Amount(value, member.Name); break;
                case "amountPaid": paid = Amount(value, member.Name); break;
                case "dueAt": dueAt = Time(value, member.Name); break;
                case "tags": tags = new Change<IReadOnlyList<string>?>(true, TagList(value, member.Name)); break;
                default:
                    throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "unknown_field",
                        $"A case has no field '{member.Name}' that can be changed.", member.Name);
            }
        }
        return new CasePatch(version, status, reason, priority, title, description, claimed, approved, paid, dueAt, tags);
    }

    private static ApiProblemException Bad(string detail, string field) => new(StatusCodes.Status400BadRequest, "invalid_type", detail, field);

    private static int Int(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw Bad($"{field} must be an integer.", field);

    private static string? Text(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => throw Bad($"{field} must be a string.", field),
    };

    private static string NonNullText(JsonElement value, string field) =>
        Text(value, field) ?? throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "field_required", $"{field} cannot be cleared.", field);

    private static Change<decimal?> Amount(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.Null => new Change<decimal?>(true, null),
        JsonValueKind.Number when value.TryGetDecimal(out var amount) => new Change<decimal?>(true, amount),
        _ => throw Bad($"{field} must be a number.", field),
    };

    private static Change<DateTimeOffset?> Time(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.Null => new Change<DateTimeOffset?>(true, null),
        JsonValueKind.String when value.TryGetDateTimeOffset(out var time) => new Change<DateTimeOffset?>(true, time),
        _ => throw Bad($"{field} must be an ISO 8601 date and time with its offset.", field),
    };

    private static List<string>? TagList(JsonElement value, string field)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array) throw Bad($"{field} must be an array of strings.", field);
        return value.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : throw Bad($"{field} must be an array of strings.", field)).ToList();
    }
}
