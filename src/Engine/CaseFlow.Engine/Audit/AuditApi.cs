using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Audit;

/// <summary>
/// The audit log for auditors, supervisors and admins: a page at a time, newest first, or all of it as a CSV
/// file (streamed; the export is itself audited). The context's filter limits both to the actor's units.
/// </summary>
public static class AuditApi
{
    private static readonly string[] Readers = [Roles.Auditor, Roles.Supervisor, Roles.Admin];

    private static readonly string[] Columns =
        ["id", "at", "user_id", "user_name", "unit_id", "action", "entity_type", "entity_id", "case_id", "person_id", "before", "after", "ip"];

    // Values such as "=HYPERLINK(...)" typed into a case title would run as formulas when the file is opened in a spreadsheet.
    private static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit").RequireRoles(Readers).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", List);
        group.MapGet("/export", Export).Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return group;
    }

    private static async Task<Results<Ok<PageDto<AuditEntryDto>>, ProblemHttpResult>> List(
        [AsParameters] AuditFilter filter, int? page, int? pageSize, CaseFlowDb db, CancellationToken ct)
    {
        if (filter.Check() is { } invalid) return invalid;
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        var query = filter.Apply(db.AuditLog.AsNoTracking());
        var total = await query.CountAsync(ct);
        var rows = await Newest(query).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new PageDto<AuditEntryDto>(rows.Select(a => a.ToDto()).ToList(), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(
        [AsParameters] AuditFilter filter, CaseFlowDb db, Actor actor, CancellationToken ct)
    {
        if (filter.Check() is { } invalid) return invalid;
        // Committed before the first row leaves: an export that is cut off half-way was still an export.
        db.Record(actor, "audit.exported", "audit_log", "export", after: filter, caseId: filter.CaseId, personId: filter.PersonId);
        await db.SaveChangesAsync(ct);

        // The query runs before the response starts, so a failing one still gets a ProblemDetails, not a cut-off file.
        var rows = Newest(filter.Apply(db.AuditLog.AsNoTracking())).AsAsyncEnumerable().GetAsyncEnumerator(ct);
        var any = await rows.MoveNextAsync();
        return TypedResults.Stream(async body =>
        {
            await using (rows)
            await using (var csv = CsvWriter.Create(body, Csv, leaveOpen: true))
            {
                csv.WriteHeader(Columns);
                for (; any; any = await rows.MoveNextAsync())
                {
                    var a = rows.Current;
                    await csv.WriteRecordAsync(
                        [a.Id.ToString(), a.At.ToString("O"), a.UserId?.ToString(), a.UserName, a.UnitId?.ToString(), a.Action,
                            a.EntityType, a.EntityId, a.CaseId?.ToString(), a.PersonId?.ToString(), a.Before, a.After, a.Ip], ct);
                }
                await csv.FlushAsync(ct);
            }
        }, "text/csv; charset=utf-8", $"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
    }

    private static IQueryable<AuditEntry> Newest(IQueryable<AuditEntry> query) =>
        query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
}

/// <param name="Action">An exact action (<c>case.created</c>), or a prefix ending in <c>*</c> (<c>document.*</c>).</param>
/// <param name="From">Entries at or after this time.</param>
/// <param name="To">Entries before this time.</param>
public sealed record AuditFilter(
    Guid? CaseId, Guid? PersonId, Guid? UserId, string? UserName, string? Action, DateTimeOffset? From, DateTimeOffset? To)
{
    internal ProblemHttpResult? Check()
    {
        if (From is { } from && To is { } to && from >= to) return Problems.BadRequest("invalid_query", "from must be before to.", "from");
        // Control characters match nothing, and PostgreSQL refuses a NUL outright.
        if (UserName?.Any(char.IsControl) == true) return Problems.BadRequest("invalid_query", "userName holds control characters.", "userName");
        if (Action?.Any(char.IsControl) == true) return Problems.BadRequest("invalid_query", "action holds control characters.", "action");
        return null;
    }

    internal IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query)
    {
        if (CaseId is { } caseId) query = query.Where(a => a.CaseId == caseId);
        if (PersonId is { } personId) query = query.Where(a => a.PersonId == personId);
        if (UserId is { } userId) query = query.Where(a => a.UserId == userId);
        if (!string.IsNullOrEmpty(UserName)) query = query.Where(a => a.UserName == UserName);
        if (!string.IsNullOrEmpty(Action))
        {
            if (Action.EndsWith('*'))
            {
                var prefix = Action[..^1];
                query = query.Where(a => a.Action.StartsWith(prefix));
            }
            else
            {
                query = query.Where(a => a.Action == Action);
            }
        }
        if (From is { } from) query = query.Where(a => a.At >= from);
        if (To is { } to) query = query.Where(a => a.At < to);
        return query;
    }
}

public sealed record AuditEntryDto(
    long Id, DateTimeOffset At, Guid? UserId, string? UserName, Guid? UnitId, string Action, string EntityType, string EntityId,
    Guid? CaseId, Guid? PersonId, string? Before, string? After, string? Ip);

internal static class AuditMappings
{
    public static AuditEntryDto ToDto(this AuditEntry a) =>
        new(a.Id, a.At, a.UserId, a.UserName, a.UnitId, a.Action, a.EntityType, a.EntityId, a.CaseId, a.PersonId, a.Before, a.After, a.Ip);
}
