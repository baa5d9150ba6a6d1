using CaseFlow.Engine.Api;

namespace CaseFlow.Engine.Cases;

/// <summary>
/// The limits a case's fields obey, shared by opening and changing a case (and by the hotline turning a
/// call into a case): each broken rule is a 422 naming the field.
/// </summary>
internal static class CaseRules
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 4000;
    public const int MaxTag = 40;
    public const int MaxTags = 20;
    /// <summary>Amounts are stored as numeric(18, 2).</summary>
    public const decimal MaxAmount = 9_999_999_999_999_999.99m;

    public static string Title(string? title, string field = "title")
    {
        var trimmed = title?.Trim();
        if (string.IsNullOrEmpty(trimmed)) throw Invalid("field_required", "A case needs a title.", field);
        if (trimmed.Length > MaxTitle) throw Invalid("field_too_long", $"The title has more than {MaxTitle} characters.", field);
        return trimmed;
    }

    public static string? Description(string? description, string field = "description")
    {
        var trimmed = description?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > MaxDescription)
            throw Invalid("field_too_long", $"The description has more than {MaxDescription} characters.", field);
        return trimmed;
    }

    /// <summary>Yuan with at most two decimals (fen), never negative.</summary>
    public static decimal? Amount(decimal? amount, string field)
    {
        if (amount is not { } value) return null;
        if (value < 0) throw Invalid("invalid_amount", $"{field} cannot be negative.", field);
        if (value > MaxAmount) throw Invalid("invalid_amount", $"{field} is too large.", field);
        if (decimal.Round(value, 2) != value) throw Invalid("invalid_amount", $"{field} has more than two decimals (fen).", field);
        return value;
    }

    /// <summary>
    /// What is paid cannot exceed what was approved, and nothing is paid before an approval. The approval may
    /// exceed the claim (an aid committee can grant more than a family asked for), so that is not checked.
    /// </summary>
    public static void Payments(decimal? approved, decimal? paid)
    {
        if (paid is not { } value || value == 0) return;
        if (approved is null) throw Invalid("amount_paid_without_approval", "Nothing can be paid before an amount is approved.", "amountPaid");
        if (value > approved) throw Invalid("amount_paid_exceeds_approved", "amountPaid cannot exceed amountApproved.", "amountPaid");
    }

    /// <summary>Trimmed, distinct (ignoring case), stored comma-separated: a tag cannot hold a comma.</summary>
    public static string Tags(IReadOnlyList<string>? tags, string field = "tags")
    {
        if (tags is null || tags.Count == 0) return "";
        if (tags.Count > MaxTags) throw Invalid("too_many_tags", $"A case has at most {MaxTags} tags.", field);
        var result = new List<string>();
        foreach (var tag in tags)
        {
            var trimmed = tag?.Trim();
            if (string.IsNullOrEmpty(trimmed)) throw Invalid("invalid_tag", "A tag cannot be empty.", field);
            if (trimmed.Length > MaxTag) throw Invalid("invalid_tag", $"A tag has at most {MaxTag} characters.", field);
            if (trimmed.Contains(',')) throw Invalid("invalid_tag", "A tag cannot contain a comma.", field);
            if (!result.Contains(trimmed, StringComparer.OrdinalIgnoreCase)) result.Add(trimmed);
        }
        return string.Join(',', result);
    }

    public static IReadOnlyList<string> SplitTags(string tags) => tags.Length == 0 ? [] : tags.Split(',');

    public static ApiProblemException Invalid(string code, string detail, string field) =>
        new(StatusCodes.Status422UnprocessableEntity, code, detail, field);

    public static ApiProblemException NotFound(string code, string detail, string field) =>
        new(StatusCodes.Status404NotFound, code, detail, field);
}
