using CaseFlow.Engine.Calendars;
using CaseFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Cases;

/// <summary>
/// Readable case numbers, <c>{year}-{unit code}-{sequence:000000}</c>, counted per unit and year in
/// <c>case_counters</c>. The year is the office's (<c>Calendars:TimeZone</c>): a case opened at 07:00 on
/// 1 January in Shanghai is already next year's, though it is still 31 December in UTC.
/// </summary>
internal readonly record struct CaseNumber(string Text, int Sequence);

internal sealed class CaseNumbers(CaseFlowDb db, CalendarSettings calendar)
{
    public int YearOf(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, calendar.TimeZone).Year;

    public static string Format(int year, string unitCode, int sequence) => $"{year}-{unitCode}-{sequence:000000}";

    /// <summary>
    /// Takes the unit's next number for the year with one atomic upsert, so two concurrent openings can never
    /// draw the same value (PostgreSQL locks the counter row; SQLite has one writer). It runs in the request's
    /// transaction when there is one; otherwise it commits on its own, so the counter row is not held locked
    /// while the workflow starts. Either way an opening that fails afterwards leaves a gap, never a duplicate.
    /// </summary>
    public async Task<CaseNumber> NextAsync(Guid unitId, string unitCode, DateTimeOffset openedAt, CancellationToken ct)
    {
        var year = YearOf(openedAt);
        // ON CONFLICT ... RETURNING: PostgreSQL, and SQLite since 3.35 (the bundled e_sqlite3 is newer).
        var values = await db.Database.SqlQuery<int>($"""
            INSERT INTO case_counters (unit_id, year, next_value) VALUES ({unitId}, {year}, 1)
            ON CONFLICT (unit_id, year) DO UPDATE SET next_value = case_counters.next_value + 1
            RETURNING next_value AS "Value"
            """).ToListAsync(ct);
        var sequence = values.Single();
        return new CaseNumber(Format(year, unitCode, sequence), sequence);
    }
}
