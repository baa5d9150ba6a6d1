namespace CaseFlow.Engine.Hotline;

/// <param name="Answer">Given when the operator answered on the phone: the call is logged as answered in the same request.</param>
public sealed record LogCallRequest(string? CallerPhone, string? CallerName, string? Category, Guid? EmployerId, string? EmployerName,
    string? Description, string? Urgency, Guid? UnitId, string? Answer);

public sealed record AnswerCallRequest(string? Answer, int? Version);

/// <param name="Family">The case family; by default the one the call's category suggests.</param>
/// <param name="PersonId">The caller's person when the phone number alone did not say who it is.</param>
/// <param name="EmployerId">The employer, when the call named none or a name several employers share.</param>
/// <param name="AmountClaimed">The caller's claim (a wage-arrears claimant's unpaid wages), in yuan.</param>
public sealed record RouteCallRequest(string? Family, int? Version, Guid? PersonId, decimal? AmountClaimed, string? Title,
    string? Priority, DateTimeOffset? DueAt, Guid? EmployerId = null);

public sealed record CallDto(Guid Id, Guid UnitId, string CallerPhone, string? CallerName, Guid? PersonId, string Category,
    Guid? EmployerId, string? EmployerName, string Description, string Urgency, string Outcome, string? Answer, Guid? CaseId,
    string Operator, DateTimeOffset ReceivedAt, int Version);

/// <param name="Joined">The call joined an open collective wage-arrears case instead of opening one.</param>
/// <param name="Flagged">This call made the case a collective incident (the supervisors were notified).</param>
public sealed record RoutedCaseDto(Guid Id, string Number, string Family, string Status, string Priority, bool Joined,
    bool IsCollective, int Claimants, decimal? AmountClaimed, DateTimeOffset? CollectiveFlaggedAt, bool Flagged, Guid? InstanceId);

public sealed record RoutedCallDto(CallDto Call, RoutedCaseDto Case);

/// <summary>An earlier call of the same number, names masked.</summary>
public sealed record CallerCallDto(Guid Id, DateTimeOffset ReceivedAt, string Category, string Urgency, string Outcome,
    string? CallerName, string? EmployerName, Guid? CaseId, string? CaseNumber, Guid UnitId);

/// <summary>A case where a person with this phone is the applicant or a claimant, names masked.</summary>
public sealed record CallerCaseDto(Guid Id, string Number, string Family, string Status, DateTimeOffset OpenedAt, string Role,
    string PersonName, bool IsCollective, Guid UnitId);

public sealed record CallerHistoryDto(string Phone, IReadOnlyList<CallerCallDto> Calls, IReadOnlyList<CallerCaseDto> Cases);

/// <param name="CollectiveThreshold">The unit's own threshold; null when it takes its parent's (or the service default).</param>
/// <param name="EffectiveThreshold">What applies at this unit.</param>
public sealed record HotlineSettingsDto(Guid UnitId, int? CollectiveThreshold, int EffectiveThreshold, int GroupingWindowDays, int Version);

internal static class CallMapping
{
    public static CallDto ToDto(this Call c) => new(c.Id, c.UnitId, c.CallerPhone, c.CallerName, c.PersonId, c.Category, c.EmployerId,
        c.EmployerName, c.Description, c.Urgency.ToString(), c.Outcome.ToString(), c.Answer, c.CaseId, c.Operator, c.ReceivedAt, c.Version);
}
