using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Audit;

public sealed class AuditApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    /// <summary>Writes entries as the system would, each a second after the one before, on a case of its own.</summary>
    private async Task<Guid> RecordAsync(params string[] actions)
    {
        var caseId = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        for (var i = 0; i < actions.Length; i++)
            db.Record(new Actor(), actions[i], "case", caseId.ToString(), after: new { step = i }, caseId: caseId, at: start.AddSeconds(i));
        await db.SaveChangesAsync();
        return caseId;
    }

    private async Task<PageDto<AuditEntryDto>> PageAsync(string query) =>
        await (await _client.GetAsync($"/api/audit?{query}")).ReadAsync<PageDto<AuditEntryDto>>();

    [Fact]
    public async Task Entries_of_a_case_come_newest_first()
    {
        var caseId = await RecordAsync("case.created", "case.updated", "case.closed");

        var page = await PageAsync($"caseId={caseId}");

        Assert.Equal(["case.closed", "case.updated", "case.created"], page.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task An_action_ending_in_a_star_is_a_prefix()
    {
        var caseId = await RecordAsync("document.uploaded", "case.updated", "document.deleted");

        var page = await PageAsync($"caseId={caseId}&action=document.*");

        Assert.Equal(["document.deleted", "document.uploaded"], page.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task From_is_inclusive_and_to_exclusive()
    {
        var caseId = await RecordAsync("a.one", "a.two", "a.three");
        var all = await PageAsync($"caseId={caseId}");
        var two = all.Items.Single(e => e.Action == "a.two").At;

        var page = await PageAsync($"caseId={caseId}&from={Uri.EscapeDataString(two.ToString("O"))}&to={Uri.EscapeDataString(two.AddSeconds(1).ToString("O"))}");

        Assert.Equal("a.two", Assert.Single(page.Items).Action);
    }

    [Fact]
    public async Task Pages_split_the_entries_and_count_them_all()
    {
        var caseId = await RecordAsync("p.1", "p.2", "p.3");

        var page = await PageAsync($"caseId={caseId}&page=2&pageSize=2");

        Assert.Equal((3, "p.1"), (page.Total, Assert.Single(page.Items).Action));
    }

    [Fact]
    public async Task From_after_to_is_a_400()
    {
        var response = await _client.GetAsync("/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_query");
    }

    [Fact]
    public async Task A_case_id_that_is_not_a_guid_is_a_400()
    {
        var response = await _client.GetAsync("/api/audit?caseId=nope");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_export_is_a_csv_of_the_filtered_entries()
    {
        var caseId = await RecordAsync("x.created", "x.closed");

        var response = await _client.GetAsync($"/api/audit/export?caseId={caseId}&action=x.*");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["id,at,user_id,user_name,unit_id,action,entity_type,entity_id,case_id,person_id,before,after,ip", "x.closed", "x.created"],
            lines.Select((l, i) => i == 0 ? l : l.Split(',')[5]));
    }

    [Fact]
    public async Task The_export_is_itself_audited()
    {
        var caseId = await RecordAsync("y.created");

        await (await _client.GetAsync($"/api/audit/export?caseId={caseId}")).Content.ReadAsStringAsync();

        var page = await PageAsync($"caseId={caseId}&action=audit.exported");
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task Values_that_look_like_formulas_are_escaped_in_the_export()
    {
        var caseId = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
            db.Record(new Actor(), "=HYPERLINK(\"http://evil\")", "case", "1", caseId: caseId);
            await db.SaveChangesAsync();
        }

        var csv = await (await _client.GetAsync($"/api/audit/export?caseId={caseId}&action=%3D*")).Content.ReadAsStringAsync();

        Assert.Contains("'=HYPERLINK", csv);
    }

    [Fact]
    public async Task Updating_an_audit_row_through_sql_fails()
    {
        await RecordAsync("z.created");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();

        var error = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_log SET action = 'forged'"));

        Assert.Contains("append-only", error?.Message);
    }

    [Fact]
    public async Task Deleting_an_audit_row_through_sql_fails()
    {
        await RecordAsync("z.created");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();

        var error = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log"));

        Assert.Contains("append-only", error?.Message);
    }

    [PostgresFact]
    public async Task Truncating_the_audit_log_fails_on_postgres()
    {
        await RecordAsync("z.created");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();

        var error = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_log"));

        Assert.Contains("append-only", error?.Message);
    }
}
