using System.Globalization;
using System.Text.RegularExpressions;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Calendars;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Privacy;
using CaseFlow.Engine.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Cases;

/// <param name="Number">A whole number (exact), a sequence (<c>000123</c> or <c>123</c>: that sequence in any unit and year),
/// <c>LA-000123</c> (a unit's sequence in any year), or the start of a number (<c>2026-LA</c>).</param>
/// <param name="Person">The start of a party's name.</param>
/// <param name="Phone">A party's phone number, exactly.</param>
/// <param name="Employer">An employer party's unified social credit code (exact), or the start of its name.</param>
/// <param name="Status">One status or several, comma-separated.</param>
/// <param name="Family">One family or several, comma-separated.</param>
/// <param name="UnitId">The unit; with <paramref name="Subunits"/> (default true) the units below it too.</param>
/// <param name="OpenedFrom">A date (the office's day, from its start) or a date and time.</param>
/// <param name="OpenedTo">A date (up to the end of that day in the office) or a date and time (excluded).</param>
/// <param name="Tag">Tags the case must all have.</param>
public sealed record CaseQuery(
    string? Number, string? Person, string? Phone, string? Employer, string? Status, string? Family, Guid? UnitId, bool? Subunits,
    string? OpenedFrom, string? OpenedTo, string[]? Tag, int? Page, int? PageSize);

/// <summary>
/// <c>POST /api/cases/search</c>: the filters of <see cref="CaseQuery"/> plus a resident ID, in the body so that the
/// number stays out of URLs and access logs (as <c>POST /api/people/search</c>).
/// </summary>
/// <param name="ResidentId">An 18-character resident ID: cases where that person is the applicant or any party.</param>
public sealed record CaseSearchRequest(
    string? Number, string? Person, string? Phone, string? Employer, string? Status, string? Family, Guid? UnitId, bool? Subunits,
    string? OpenedFrom, string? OpenedTo, string[]? Tag, string? ResidentId, int? Page, int? PageSize)
{
    public CaseQuery ToQuery() => new(Number, Person, Phone, Employer, Status, Family, UnitId, Subunits, OpenedFrom, OpenedTo, Tag, Page, PageSize);
}

/// <summary>
/// Turns a <see cref="CaseQuery"/> into one SQL query built to stay on indexes at ten million cases: every
/// criterion is an equality or a prefix on an indexed column (people, employers and units are narrowed first,
/// then the cases through <c>case_parties</c>), and the order is <c>opened_at DESC</c>, which the indexes hold.
/// </summary>
internal sealed partial class CaseSearch(CaseFlowDb db, Actor actor, CalendarSettings calendar, PersonalData personalData, IConfiguration configuration)
{
    /// <summary>
    /// The most cases a prefix search reads by id and sorts itself (<c>Cases:SearchReadByIdLimit</c>); with more
    /// matches the newest-first walk finds a page at once. 20,000 keeps both sides in tens of milliseconds at
    /// ten million cases: reading that many by primary key and sorting them, or walking about
    /// cases / matches x page rows (10,000,000 / 20,000 x 21, about 10,000 rows) to fill a page.
    /// </summary>
    private int ReadByIdLimit => configuration.GetValue("Cases:SearchReadByIdLimit", 20_000);

    [GeneratedRegex(@"^\d{4}-[^-\s]+-\d+$")] private static partial Regex WholeNumber();
    [GeneratedRegex(@"^\d{1,9}$")] private static partial Regex SequenceOnly();
    [GeneratedRegex(@"^([^-\s]+)-(\d{1,9})$")] private static partial Regex UnitAndSequence();
    [GeneratedRegex(@"^[0-9A-HJ-NPQRTUWXY]{18}$")] private static partial Regex CreditCodeShape();

    /// <param name="residentId">Only from a request body (<see cref="CaseSearchRequest"/>), never from a URL.</param>
    public async Task<IQueryable<Case>> FilterAsync(CaseQuery q, CancellationToken ct, string? residentId = null)
    {
        var cases = db.Cases.AsNoTracking();
        if (Trimmed(q.Number) is { } number) cases = ByNumber(cases, number);
        if (Trimmed(q.Person) is not null || Trimmed(q.Phone) is not null || Trimmed(residentId) is not null)
        {
            // The applicant is always one of the parties (CaseOpening adds them), so the parties answer for both.
            var people = db.People.AsQueryable();
            if (Trimmed(q.Person) is { } name) people = people.Where(p => p.Name.StartsWith(name));
            if (Trimmed(q.Phone) is { } phoneText)
            {
                // Phones are stored in one canonical form (people, hotline): the query is put in it too.
                if (!PhoneNumbers.TryNormalize(phoneText, out var phone))
                    throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "phone_invalid",
                        "phone must be an 11-digit mobile number or a landline with its area code.", "phone");
                people = people.Where(p => p.Phone == phone);
            }
            if (Trimmed(residentId) is { } idText)
            {
                if (!ResidentId.TryParse(idText, out var id))
                    throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "resident_id_invalid",
                        "residentId is not a valid 18-character resident ID (GB 11643).", "residentId");
                // The number itself is never stored: its keyed hash finds the person (ix_people_resident_id_hash).
                var hash = await personalData.HashResidentIdAsync(id.Value, ct);
                people = people.Where(p => p.ResidentIdHash == hash);
            }
            var personIds = people.Select(p => (Guid?)p.Id);
            var withPerson = db.CaseParties.Where(p => personIds.Contains(p.PersonId)).Select(p => p.CaseId);
            // A name prefix may match a handful of people or half the county: see ThroughPartiesAsync.
            cases = Trimmed(q.Person) is not null ? await ThroughPartiesAsync(cases, withPerson, ct) : cases.Where(c => withPerson.Contains(c.Id));
        }
        if (Trimmed(q.Employer) is { } employer)
        {
            var code = employer.ToUpperInvariant();
            var employers = CreditCodeShape().IsMatch(code)
                ? db.Employers.Where(e => e.CreditCode == code)
                : db.Employers.Where(e => e.Name.StartsWith(employer));
            var employerIds = employers.Select(e => (Guid?)e.Id);
            var withEmployer = db.CaseParties.Where(p => employerIds.Contains(p.EmployerId)).Select(p => p.CaseId);
            cases = await ThroughPartiesAsync(cases, withEmployer, ct);
        }
        if (Trimmed(q.Status) is { } statusList)
        {
            // One value as an equality: the planner walks (status, opened_at) in order only for "=", not for "= ANY".
            var statuses = Parse<CaseStatus>(statusList, "status");
            var first = statuses[0];
            cases = statuses.Count == 1 ? cases.Where(c => c.Status == first) : cases.Where(c => statuses.Contains(c.Status));
        }
        if (Trimmed(q.Family) is { } familyList)
        {
            var families = Parse<CaseFamily>(familyList, "family");
            var first = families[0];
            cases = families.Count == 1 ? cases.Where(c => c.Family == first) : cases.Where(c => families.Contains(c.Family));
        }
        if (Trimmed(q.Status) is not null || Trimmed(q.Family) is not null) cases = WithinVisibleUnits(cases);
        if (q.UnitId is { } unitId) cases = await ByUnitAsync(cases, unitId, q.Subunits ?? true, ct);
        if (Time(q.OpenedFrom, "openedFrom", endOfDay: false) is { } from) cases = cases.Where(c => c.OpenedAt >= from);
        if (Time(q.OpenedTo, "openedTo", endOfDay: true) is { } to) cases = cases.Where(c => c.OpenedAt < to);
        foreach (var tag in (q.Tag ?? []).Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            var wrapped = "," + tag + ",";
            cases = cases.Where(c => ("," + c.Tags + ",").Contains(wrapped));
        }
        return cases.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id);
    }

    /// <summary>
    /// Cases with a matching party, newest first, whether the prefix is rare or common. PostgreSQL's own plan
    /// for <c>id IN (parties of matching people) ORDER BY opened_at DESC LIMIT n</c> walks <c>opened_at</c>
    /// backwards and probes each case's parties: quick when matches are common, seconds at ten million cases
    /// when they are rare, because the next match is far away. So the matching case ids are read first, at
    /// most <see cref="ReadByIdLimit"/> + 1 of them (index lookups: people or employers by name, then
    /// parties). When they are that few, the cases are fetched by primary key behind an <c>OFFSET</c> (which
    /// the planner cannot look through, so it cannot choose the walk) and only those are sorted. When there
    /// are more, matches are common and the walk finds a page at once.
    /// </summary>
    private async Task<IQueryable<Case>> ThroughPartiesAsync(IQueryable<Case> cases, IQueryable<Guid> caseIds, CancellationToken ct)
    {
        var limit = ReadByIdLimit;
        var found = await caseIds.Take(limit + 1).ToListAsync(ct);
        if (found.Count > limit) return cases.Where(c => caseIds.Contains(c.Id));
        var ids = found.Distinct().ToArray();
        var fence = 0;
        return cases.Where(c => ids.Contains(c.Id)).Skip(fence);
    }

    /// <summary>
    /// The visibility filter once more, as a plain condition. PostgreSQL multiplies the selectivities of the two,
    /// so it expects few rows of a status (or family) in a town and reads them by <c>ix_cases_unit_id_status_opened_at</c>
    /// and sorts them, instead of walking the whole county's rows of that status newest first and dropping other
    /// towns' (0.2 to 1.3 s when the town has none). The result is the same; only the plan changes.
    /// </summary>
    private IQueryable<Case> WithinVisibleUnits(IQueryable<Case> cases)
    {
        if (actor.SeesAll) return cases;
        var visible = actor.VisibleUnits.ToArray();
        return cases.Where(c => visible.Contains(c.UnitId));
    }

    private IQueryable<Case> ByNumber(IQueryable<Case> cases, string number)
    {
        if (WholeNumber().IsMatch(number)) return cases.Where(c => c.Number == number);
        if (SequenceOnly().IsMatch(number))
        {
            var sequence = int.Parse(number, CultureInfo.InvariantCulture);
            return cases.Where(c => c.Sequence == sequence);
        }
        if (UnitAndSequence().Match(number) is { Success: true } match)
        {
            var code = match.Groups[1].Value;
            var sequence = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var units = db.Units.Where(u => u.Code == code).Select(u => u.Id);
            return cases.Where(c => c.Sequence == sequence && units.Contains(c.UnitId));
        }
        return cases.Where(c => c.Number.StartsWith(number));
    }

    private async Task<IQueryable<Case>> ByUnitAsync(IQueryable<Case> cases, Guid unitId, bool subunits, CancellationToken ct)
    {
        var path = actor.CanSee(unitId)
            ? await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct)
            : null;
        if (path is null) throw new ApiProblemException(StatusCodes.Status404NotFound, "unit_not_found", $"Unit {unitId} does not exist.", "unitId");
        if (!subunits) return cases.Where(c => c.UnitId == unitId);
        var units = db.Units.Where(u => u.Path.StartsWith(path)).Select(u => u.Id);
        return cases.Where(c => units.Contains(c.UnitId));
    }

    private DateTimeOffset? Time(string? text, string field, bool endOfDay)
    {
        if (Trimmed(text) is not { } value) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var day = endOfDay ? date.AddDays(1) : date;
            var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        throw new ApiProblemException(StatusCodes.Status400BadRequest, "invalid_query", $"{field} must be a date (2026-03-01) or a date and time.", field);
    }

    private static List<T> Parse<T>(string list, string field) where T : struct, Enum
    {
        var result = new List<T>();
        foreach (var item in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<T>(item, ignoreCase: true, out var value) || !Enum.IsDefined(value) || char.IsDigit(item[0]))
                throw new ApiProblemException(StatusCodes.Status400BadRequest, "invalid_query",
                    $"{field} must be one or more of {string.Join(", ", Enum.GetNames<T>())}.", field);
            result.Add(value);
        }
        if (result.Count == 0)
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "invalid_query", $"{field} names no value.", field);
        return result;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal static class CaseSearchApi
{
    public static async Task<Results<Ok<SlicePageDto<CaseSummaryDto>>, ProblemHttpResult>> Search(
        [AsParameters] CaseQuery query, CaseSearch search, CaseFlowDb db, HttpContext http, CancellationToken ct)
    {
        if (ResidentIdInUrl(http) is { } inUrl) return inUrl;
        if (!CasePaging.TryCreate(query.Page, query.PageSize, out var paging, out var problem)) return problem!;
        var cases = await search.FilterAsync(query, ct);
        var rows = await Summaries(cases, db).Skip(paging.Skip).Take(paging.PageSize + 1).ToListAsync(ct);
        return TypedResults.Ok(paging.Slice(rows.Select(r => r.ToDto()).ToList()));
    }

    /// <summary>A resident ID in a query string would end up in access logs: refused, not silently ignored.</summary>
    internal static ProblemHttpResult? ResidentIdInUrl(HttpContext http) =>
        http.Request.Query.ContainsKey("residentId")
            ? Problems.BadRequest("resident_id_in_url", "Search by resident ID with POST /api/cases/search, so the number stays out of URLs and logs.", "residentId")
            : null;

    /// <summary>The same search with the filters in the body, where a resident ID may be given.</summary>
    public static async Task<Results<Ok<SlicePageDto<CaseSummaryDto>>, ProblemHttpResult>> SearchByBody(
        CaseSearchRequest request, CaseSearch search, CaseFlowDb db, CancellationToken ct)
    {
        if (!CasePaging.TryCreate(request.Page, request.PageSize, out var paging, out var problem)) return problem!;
        var cases = await search.FilterAsync(request.ToQuery(), ct, request.ResidentId);
        var rows = await Summaries(cases, db).Skip(paging.Skip).Take(paging.PageSize + 1).ToListAsync(ct);
        return TypedResults.Ok(paging.Slice(rows.Select(r => r.ToDto()).ToList()));
    }

    internal sealed record SummaryRow(Guid Id, string Number, CaseFamily Family, CaseStatus Status, CasePriority Priority, Guid UnitId,
        string UnitCode, string Title, string? ApplicantName, string? EmployerName, decimal? AmountClaimed, decimal? AmountApproved,
        decimal? AmountPaid, DateTimeOffset OpenedAt, DateTimeOffset? DueAt, DateTimeOffset? ClosedAt, string Tags)
    {
        public CaseSummaryDto ToDto() => new(Id, Number, Family.ToString(), Status.ToString(), Priority.ToString(), UnitId, Title,
            ApplicantName is { } name ? Mask.Name(name) : null, EmployerName, AmountClaimed, OpenedAt, DueAt, CaseRules.SplitTags(Tags));
    }

    /// <summary>The columns of a result line, names looked up per line (the page is small; the export streams).</summary>
    internal static IQueryable<SummaryRow> Summaries(IQueryable<Case> cases, CaseFlowDb db) => cases.Select(c => new SummaryRow(
        c.Id, c.Number, c.Family, c.Status, c.Priority, c.UnitId,
        db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Code).First(), c.Title,
        db.People.Where(p => p.Id == c.ApplicantId).Select(p => p.Name).FirstOrDefault(),
        db.Employers.Where(e => e.Id == c.EmployerId).Select(e => e.Name).FirstOrDefault(),
        c.AmountClaimed, c.AmountApproved, c.AmountPaid, c.OpenedAt, c.DueAt, c.ClosedAt, c.Tags));
}
