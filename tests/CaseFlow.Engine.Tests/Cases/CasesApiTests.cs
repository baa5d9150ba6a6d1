using System.Net;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Cases;

public sealed class CasesApiTests(CasesApp app) : IClassFixture<CasesApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<T> QueryAsync<T>(Func<CaseFlowDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CaseFlowDb>());
    }

    [Fact]
    public async Task Opening_a_case_returns_201_with_its_number_and_location()
    {
        var unit = await app.UnitAsync();

        var response = await _client.OpenCaseAsync(new { family = "legalAid", unitId = unit.Id, title = "Contract advice", priority = "High" });

        var opened = await response.ReadAsync<CaseDto>(HttpStatusCode.Created);
        Assert.Matches($@"^\d{{4}}-{unit.Code}-000001$", opened.Number);
        Assert.Equal(($"/api/cases/{opened.Id}", "Open", "High", "\"1\""),
            (response.Headers.Location?.ToString(), opened.Status, opened.Priority, response.Headers.ETag?.Tag));
    }

    [Theory]
    [InlineData("""{"family":"Aidd","title":"x"}""", "family")]
    [InlineData("""{"family":"LegalAid","title":" "}""", "title")]
    [InlineData("""{"family":"LegalAid","title":"x","amountClaimed":-1}""", "amountClaimed")]
    [InlineData("""{"family":"LegalAid","title":"x","amountClaimed":10.005}""", "amountClaimed")]
    [InlineData("""{"family":"LegalAid","title":"x","tags":["a,b"]}""", "tags")]
    [InlineData("""{"family":"LegalAid","title":"x","priority":"Whenever"}""", "priority")]
    [InlineData("""{"family":"LegalAid","title":"x","parties":[{"role":"Claimant"}]}""", "parties[0].personId")]
    public async Task Invalid_fields_are_422_naming_the_field(string json, string field)
    {
        var unit = await app.UnitAsync();
        var body = json.Replace("{\"family\"", $"{{\"unitId\":\"{unit.Id}\",\"family\"");

        var response = await _client.PostAsync("/api/cases", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.False(await QueryAsync(db => db.Cases.AnyAsync(c => c.UnitId == unit.Id)));
    }

    [Fact]
    public async Task An_unknown_employer_is_404_employer_not_found()
    {
        var unit = await app.UnitAsync();

        var response = await _client.OpenCaseAsync(new { family = "WageArrears", unitId = unit.Id, title = "Arrears", employerId = Guid.NewGuid() });

        Assert.Equal("employerId", (await response.ProblemAsync(HttpStatusCode.NotFound, "employer_not_found")).GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unknown_unit_is_404_unit_not_found()
    {
        var response = await _client.OpenCaseAsync(new { family = "LegalAid", unitId = Guid.NewGuid(), title = "Advice" });

        await response.ProblemAsync(HttpStatusCode.NotFound, "unit_not_found");
    }

    [Fact]
    public async Task A_case_shows_its_parties_masked_with_its_workflow_and_open_task()
    {
        await app.DeployMediationAsync();
        var unit = await app.UnitAsync();
        var person = await app.PersonAsync(unit, "张三明", "13812345678");
        var employer = await app.EmployerAsync(unit, "Hongda Construction");

        var opened = await _client.OpenAsync(unit.Id, family: "Mediation", applicantId: person.Id, employerId: employer.Id);
        var shown = await _client.CaseAsync(opened.Id);

        Assert.Equal([("Applicant", "张*明", "138****5678"), ("Respondent", "Hongda Construction", null)],
            shown.Parties.Select(p => (p.Role, p.Name, p.Phone)));
        var instance = Assert.Single(shown.Instances);
        Assert.Equal((CasesApp.MediationProcess, "Active"), (instance.ProcessId, instance.Status));
        Assert.Equal("task", Assert.Single(shown.OpenTasks).ElementId);
    }

    [Fact]
    public async Task An_unknown_case_is_404()
    {
        await (await _client.GetAsync($"/api/cases/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound, "case_not_found");
    }

    [Fact]
    public async Task Changing_a_case_with_its_version_records_an_event_and_an_audit_row_with_before_and_after()
    {
        var opened = await _client.OpenAsync((await app.UnitAsync()).Id, amountClaimed: 5000m);

        var changed = await (await _client.PatchCaseAsync(opened.Id, new { version = 1, status = "InProgress", amountApproved = 3000m, priority = "Urgent" }))
            .ReadAsync<CaseDto>();

        Assert.Equal(("InProgress", 3000m, "Urgent", 2), (changed.Status, changed.AmountApproved!.Value, changed.Priority, changed.Version));
        var kinds = await QueryAsync(db => db.CaseEvents.Where(e => e.CaseId == opened.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal(["opened", "status_changed", "updated"], kinds);
        var audit = await QueryAsync(db => db.AuditLog.SingleAsync(a => a.CaseId == opened.Id && a.Action == "case.status_changed"));
        Assert.Contains("\"status\":\"Open\"", audit.Before);
        Assert.Contains("\"amountApproved\":3000", audit.After);
    }

    [Fact]
    public async Task A_stale_version_is_409_concurrent_update_and_changes_nothing()
    {
        var opened = await _client.OpenAsync((await app.UnitAsync()).Id);
        (await _client.PatchCaseAsync(opened.Id, new { version = 1, priority = "High" })).EnsureSuccessStatusCode();

        var response = await _client.PatchCaseAsync(opened.Id, new { version = 1, priority = "Low" });

        await response.ProblemAsync(HttpStatusCode.Conflict, "concurrent_update");
        Assert.Equal("High", (await _client.CaseAsync(opened.Id)).Priority);
    }

    [Fact]
    public async Task If_match_carries_the_version()
    {
        var opened = await _client.OpenAsync((await app.UnitAsync()).Id);
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/cases/{opened.Id}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { title = "Renamed" }),
        };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));

        var changed = await (await _client.SendAsync(request)).ReadAsync<CaseDto>();

        Assert.Equal(("Renamed", 2), (changed.Title, changed.Version));
    }

    [Fact]
    public async Task A_change_without_a_version_is_422()
    {
        var opened = await _client.OpenAsync((await app.UnitAsync()).Id);

        var problem = await (await _client.PatchCaseAsync(opened.Id, new { title = "Renamed" })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "field_required");

        Assert.Equal("version", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_illegal_status_move_is_409_case_status_conflict()
    {
        var opened = await _client.OpenAsync((await app.UnitAsync()).Id);
        (await _client.PatchCaseAsync(opened.Id, new { version = 1, status = "Cancelled" })).EnsureSuccessStatusCode();

        var response = await _client.PatchCaseAsync(opened.Id, new { version = 2, status = "InProgress" });

        await response.ProblemAsync(HttpStatusCode.Conflict, "case_status_conflict");
    }

    [Fact]
    public async Task A_closed_case_changes_only_after_reopening()
    {
        var opened = await _client.OpenAsync((await app.UnitAsync()).Id);
        (await _client.PatchCaseAsync(opened.Id, new { version = 1, status = "Closed" })).EnsureSuccessStatusCode();

        await (await _client.PatchCaseAsync(opened.Id, new { version = 2, title = "Late edit" })).ProblemAsync(HttpStatusCode.Conflict, "case_status_conflict");
        var reopened = await (await _client.PatchCaseAsync(opened.Id, new { version = 2, status = "InProgress", title = "Objection received" })).ReadAsync<CaseDto>();

        Assert.Equal(("InProgress", "Objection received", (DateTimeOffset?)null), (reopened.Status, reopened.Title, reopened.ClosedAt));
    }

    [Fact]
    public async Task Paying_more_than_approved_is_422_on_amountPaid()
    {
        var opened = await _client.OpenAsync((await app.UnitAsync()).Id, amountClaimed: 5000m);

        var response = await _client.PatchCaseAsync(opened.Id, new { version = 1, amountApproved = 3000m, amountPaid = 3000.01m });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "amount_paid_exceeds_approved");
        Assert.Equal("amountPaid", problem.GetProperty("field").GetString());
        Assert.Null((await _client.CaseAsync(opened.Id)).AmountApproved);
    }

    [Fact]
    public async Task A_wrongly_typed_or_unknown_member_is_refused_naming_it()
    {
        var opened = await _client.OpenAsync((await app.UnitAsync()).Id);

        var wrongType = await (await _client.PatchCaseAsync(opened.Id, new { version = 1, amountPaid = "lots" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_type");
        var unknown = await (await _client.PatchCaseAsync(opened.Id, new { version = 1, number = "2026-X-000001" })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_field");

        Assert.Equal(("amountPaid", "number"), (wrongType.GetProperty("field").GetString(), unknown.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Null_clears_a_deadline_and_absent_members_stay()
    {
        var unit = await app.UnitAsync();
        var opened = await (await _client.OpenCaseAsync(new { family = "LegalAid", unitId = unit.Id, title = "Advice", dueAt = "2026-12-01T09:00:00+08:00", tags = new[] { "a" } }))
            .ReadAsync<CaseDto>(HttpStatusCode.Created);

        var changed = await (await _client.PatchCaseAsync(opened.Id, new { version = 1, dueAt = (string?)null })).ReadAsync<CaseDto>();

        Assert.Equal(((DateTimeOffset?)null, "a", "Advice"), (changed.DueAt, string.Join(",", changed.Tags), changed.Title));
    }
}
