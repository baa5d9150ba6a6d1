namespace CaseFlow.Engine.Cases;

/// <summary>
/// What the audit log keeps of a case before and after a change: ids and business fields, no personal data
/// (people are referred to by id only).
/// </summary>
internal sealed record CaseSnapshot(string Number, Guid UnitId, string Family, string Status, string Priority, string Title,
    Guid? ApplicantId, Guid? EmployerId, decimal? AmountClaimed, decimal? AmountApproved, decimal? AmountPaid,
    DateTimeOffset? DueAt, string Tags, int Version)
{
    public static CaseSnapshot Of(Case c) => new(c.Number, c.UnitId, c.Family.ToString(), c.Status.ToString(), c.Priority.ToString(),
        c.Title, c.ApplicantId, c.EmployerId, c.AmountClaimed, c.AmountApproved, c.AmountPaid, c.DueAt, c.Tags, c.Version);
}
