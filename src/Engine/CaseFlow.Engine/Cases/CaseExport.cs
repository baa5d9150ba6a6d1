using System.Globalization;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Calendars;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Privacy;
using CaseFlow.Engine.Security;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Cases;

/// <summary>
/// <c>GET /api/cases/export</c>: the search's cases as CSV, names masked, streamed row by row from the query
/// (never held in memory), at most <c>Cases:ExportLimit</c> rows (100,000). The export is audited before the
/// first byte is sent: a download that breaks off was still an export of personal data.
/// </summary>
internal static class CaseExport
{
    private static readonly string[] Header =
    [
        "number", "family", "status", "priority", "unit", "title", "applicant", "employer",
        "amount_claimed", "amount_approved", "amount_paid", "opened_at", "due_at", "closed_at", "tags",
    ];

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Export(
        [AsParameters] CaseQuery query, CaseSearch search, CaseFlowDb db, Actor actor, CalendarSettings calendar,
        IConfiguration configuration, HttpContext http, CancellationToken ct)
    {
        if (CaseSearchApi.ResidentIdInUrl(http) is { } inUrl) return inUrl;
        var limit = Math.Max(1, configuration.GetValue("Cases:ExportLimit", 100_000));
        var cases = await search.FilterAsync(query, ct);
        db.Record(actor, "case.exported", "case", "export", after: new
        {
            // The criteria can name a person: recorded masked, like everything in the log.
            query.Number, person = query.Person is { } criterionName ? Mask.Name(criterionName) : null,
            phone = query.Phone is { } criterionPhone ? Mask.Phone(criterionPhone) : null, query.Employer,
            query.Status, query.Family, query.UnitId, query.Subunits, query.OpenedFrom, query.OpenedTo, query.Tag, limit,
        });
        await db.SaveChangesAsync(ct);

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"cases-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
        // A byte order mark so that spreadsheet programs read the Chinese text as UTF-8; formulas are neutralised.
        await using var csv = CsvWriter.Create(http.Response.Body,
            new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true);
        foreach (var name in Header) csv.WriteField(name);
        await csv.EndRecordAsync(ct);
        await foreach (var row in CaseSearchApi.Summaries(cases, db).Take(limit).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.WriteField(row.Number);
            csv.WriteField(row.Family.ToString());
            csv.WriteField(row.Status.ToString());
            csv.WriteField(row.Priority.ToString());
            csv.WriteField(row.UnitCode);
            csv.WriteField(row.Title);
            csv.WriteField(row.ApplicantName is { } applicant ? Mask.Name(applicant) : "");
            csv.WriteField(row.EmployerName ?? "");
            csv.WriteField(Amount(row.AmountClaimed));
            csv.WriteField(Amount(row.AmountApproved));
            csv.WriteField(Amount(row.AmountPaid));
            csv.WriteField(Local(row.OpenedAt, calendar));
            csv.WriteField(Local(row.DueAt, calendar));
            csv.WriteField(Local(row.ClosedAt, calendar));
            csv.WriteField(row.Tags.Replace(',', ';'));
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
        return TypedResults.Empty;
    }

    private static string Amount(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    /// <summary>In the office's time zone, as staff read it.</summary>
    private static string Local(DateTimeOffset? time, CalendarSettings calendar) =>
        time is { } t ? TimeZoneInfo.ConvertTime(t, calendar.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
