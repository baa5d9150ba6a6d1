using System.Text.Json;

namespace CaseFlow.Engine.Cases;

/// <param name="UnitId">The unit that owns the case; the caller's own unit when absent.</param>
/// <param name="StartWorkflow">False to open the case without its family's workflow (default true).</param>
public sealed record OpenCaseRequest(
    string? Family, Guid? UnitId, string? Title, string? Description, string? Priority, Guid? ApplicantId, Guid? EmployerId,
    decimal? AmountClaimed, DateTimeOffset? DueAt, IReadOnlyList<string>? Tags, IReadOnlyList<PartyRequest>? Parties,
    bool? StartWorkflow, JsonElement? Variables);

public sealed record PartyRequest(string? Role, Guid? PersonId, Guid? EmployerId, decimal? AmountClaimed);

public sealed record NoteRequest(string? Text);

/// <summary>A case as its page shows it: personal data masked.</summary>
public sealed record CaseDto(
    Guid Id, string Number, string Family, string Status, string Priority, Guid UnitId, string UnitName, string Title, string? Description,
    decimal? AmountClaimed, decimal? AmountApproved, decimal? AmountPaid, DateTimeOffset? DueAt, DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt, IReadOnlyList<string> Tags, bool IsCollective, DateTimeOffset? CollectiveFlaggedAt, string CreatedBy,
    DateTimeOffset UpdatedAt, int Version, IReadOnlyList<string> AllowedMoves, IReadOnlyList<PartyDto> Parties,
    IReadOnlyList<CaseInstanceDto> Instances, IReadOnlyList<CaseTaskDto> OpenTasks, int NoteCount, int DocumentCount);

/// <param name="Name">The person's name masked (张*明), or the employer's name.</param>
public sealed record PartyDto(Guid Id, string Role, Guid? PersonId, Guid? EmployerId, string? Name, string? Phone, string? ResidentId,
    string? CreditCode, decimal? AmountClaimed, DateTimeOffset AddedAt);

public sealed record CaseInstanceDto(Guid Id, string ProcessId, int Version, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);

public sealed record CaseTaskDto(Guid Id, Guid InstanceId, string ElementId, string? Name, string? Assignee, DateTimeOffset? DueDate, DateTimeOffset CreatedAt);

/// <summary>A search result line; the applicant's name masked.</summary>
public sealed record CaseSummaryDto(Guid Id, string Number, string Family, string Status, string Priority, Guid UnitId, string Title,
    string? Applicant, string? Employer, decimal? AmountClaimed, DateTimeOffset OpenedAt, DateTimeOffset? DueAt, IReadOnlyList<string> Tags);

public sealed record NoteDto(Guid Id, string Author, string Text, DateTimeOffset CreatedAt);

/// <param name="Source"><c>case</c> (a case event), <c>note</c> or <c>workflow</c> (the history of one of the case's instances).</param>
public sealed record TimelineLineDto(DateTimeOffset At, string? Who, string Source, string Kind, string Text, Guid? InstanceId);

/// <summary>
/// A page without a total: counting millions of matches costs more than the page itself, so the answer says
/// only whether there is a next page.
/// </summary>
public sealed record SlicePageDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, bool HasMore);
