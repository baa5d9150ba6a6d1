using System.Net;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Cases;

public sealed class CasePartiesNotesTimelineTests(CasesApp app) : IClassFixture<CasesApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_claimant_is_added_with_the_claim_and_masked()
    {
        var unit = await app.UnitAsync();
        var opened = await _client.OpenAsync(unit.Id, family: "WageArrears");
        var worker = await app.PersonAsync(unit, "王小二");

        var party = await (await _client.PostJsonAsync($"/api/cases/{opened.Id}/parties", new { role = "Claimant", personId = worker.Id, amountClaimed = 4200.5m }))
            .ReadAsync<PartyDto>(HttpStatusCode.Created);

        Assert.Equal(("Claimant", "王*二", 4200.5m), (party.Role, party.Name, party.AmountClaimed!.Value));
        Assert.Contains((await _client.CaseAsync(opened.Id)).Parties, p => p.Id == party.Id);
    }

    [Fact]
    public async Task The_same_claimant_twice_is_409_party_exists()
    {
        var unit = await app.UnitAsync();
        var opened = await _client.OpenAsync(unit.Id, family: "WageArrears");
        var worker = await app.PersonAsync(unit);
        (await _client.PostJsonAsync($"/api/cases/{opened.Id}/parties", new { role = "Claimant", personId = worker.Id })).EnsureSuccessStatusCode();

        var again = await _client.PostJsonAsync($"/api/cases/{opened.Id}/parties", new { role = "Claimant", personId = worker.Id });

        await again.ProblemAsync(HttpStatusCode.Conflict, "party_exists");
    }

    [Fact]
    public async Task Removing_a_claimant_leaves_an_event_and_an_audit_row()
    {
        var unit = await app.UnitAsync();
        var opened = await _client.OpenAsync(unit.Id, family: "WageArrears");
        var party = await (await _client.PostJsonAsync($"/api/cases/{opened.Id}/parties", new { role = "Claimant", personId = (await app.PersonAsync(unit)).Id }))
            .ReadAsync<PartyDto>(HttpStatusCode.Created);

        var response = await _client.DeleteAsync($"/api/cases/{opened.Id}/parties/{party.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty((await _client.CaseAsync(opened.Id)).Parties);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        Assert.True(await db.AuditLog.AnyAsync(a => a.CaseId == opened.Id && a.Action == "case.party_removed" && a.EntityId == party.Id.ToString()));
    }

    [Fact]
    public async Task The_applicant_named_by_the_case_cannot_be_removed()
    {
        var unit = await app.UnitAsync();
        var opened = await _client.OpenAsync(unit.Id, applicantId: (await app.PersonAsync(unit)).Id);

        var response = await _client.DeleteAsync($"/api/cases/{opened.Id}/parties/{opened.Parties[0].Id}");

        await response.ProblemAsync(HttpStatusCode.Conflict, "party_in_use");
    }

    [Fact]
    public async Task Notes_are_listed_newest_first_with_hasMore()
    {
        var opened = await _client.OpenAsync((await app.UnitAsync()).Id);
        foreach (var text in new[] { "Called the employer", "Visited the site", "Payroll received" })
            (await _client.PostJsonAsync($"/api/cases/{opened.Id}/notes", new { text })).EnsureSuccessStatusCode();

        var page = await (await _client.GetAsync($"/api/cases/{opened.Id}/notes?pageSize=2")).ReadAsync<SlicePageDto<NoteDto>>();

        Assert.Equal(["Payroll received", "Visited the site"], page.Items.Select(n => n.Text));
        Assert.True(page.HasMore);
    }

    [Fact]
    public async Task An_empty_note_is_422()
    {
        var opened = await _client.OpenAsync((await app.UnitAsync()).Id);

        var response = await _client.PostJsonAsync($"/api/cases/{opened.Id}/notes", new { text = "  " });

        Assert.Equal("text", (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "field_required")).GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_timeline_merges_case_events_notes_and_workflow_history_newest_first()
    {
        await app.DeployMediationAsync();
        var opened = await _client.OpenAsync((await app.UnitAsync()).Id, family: "Mediation");
        (await _client.PostJsonAsync($"/api/cases/{opened.Id}/notes", new { text = "Both sides invited" })).EnsureSuccessStatusCode();
        var task = Assert.Single((await _client.CaseAsync(opened.Id)).OpenTasks);
        (await _client.CompleteAsync(task.Id, user: "mediator")).EnsureSuccessStatusCode();

        var timeline = await _client.TimelineAsync(opened.Id);

        var lines = timeline.Items.Select(l => (l.Source, l.Kind)).ToList();
        Assert.Equal(("workflow", "InstanceCompleted"), lines[0]);
        Assert.Equal(("case", "opened"), lines[^1]);
        Assert.Contains(("note", "note"), lines);
        Assert.Contains(("workflow", "TaskCompleted"), lines);
        Assert.Equal(timeline.Items.OrderByDescending(l => l.At).Select(l => l.At), timeline.Items.Select(l => l.At));
    }

    [Fact]
    public async Task The_timeline_pages_without_losing_or_repeating_lines()
    {
        var opened = await _client.OpenAsync((await app.UnitAsync()).Id);
        for (var i = 0; i < 4; i++) (await _client.PostJsonAsync($"/api/cases/{opened.Id}/notes", new { text = $"note {i}" })).EnsureSuccessStatusCode();

        var first = await _client.TimelineAsync(opened.Id, "pageSize=3");
        var second = await _client.TimelineAsync(opened.Id, "pageSize=3&page=2");

        Assert.Equal(["note 3", "note 2", "note 1", "note 0", $"{opened.Number} Unpaid wages"], first.Items.Concat(second.Items).Select(l => l.Text));
        Assert.Equal((true, false), (first.HasMore, second.HasMore));
    }
}
