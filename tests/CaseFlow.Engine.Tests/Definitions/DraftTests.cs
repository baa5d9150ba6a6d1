using System.Net;
using System.Net.Http.Json;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CaseFlow.Engine.Persistence;

namespace CaseFlow.Engine.Tests.Definitions;

/// <summary>The designer's drafts: saved, replaced with the version seen, refused when stale, superseded by a deployment.</summary>
public sealed class DraftTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private static string Xml(string processId) => TestApi.Renamed("single-task", "single", processId);

    private static string NewId() => "draft" + Guid.NewGuid().ToString("N")[..8];

    private Task<HttpResponseMessage> PutAsync(string processId, object body) =>
        _client.PutAsJsonAsync($"/api/definitions/{processId}/draft", body, TestApi.Json);

    private async Task<DraftDto> CreateAsync(string processId) =>
        await (await PutAsync(processId, new { xml = Xml(processId) })).ReadAsync<DraftDto>(HttpStatusCode.Created);

    [Fact]
    public async Task Saving_a_new_draft_returns_201_with_version_1_and_lists_it()
    {
        var id = NewId();

        var response = await PutAsync(id, new { xml = Xml(id) });

        var draft = await response.ReadAsync<DraftDto>(HttpStatusCode.Created);
        Assert.Equal((id, "One task", 1, "token:tests", (int?)null), (draft.ProcessId, draft.Name, draft.Version, draft.UpdatedBy, draft.BasedOnVersion));
        var listed = await (await _client.GetAsync("/api/definitions/drafts")).ReadAsync<List<DraftSummaryDto>>();
        Assert.Equal(1, Assert.Single(listed, d => d.ProcessId == id).Version);
    }

    [Fact]
    public async Task Saving_with_the_current_version_replaces_the_draft_and_steps_its_version()
    {
        var id = NewId();
        var first = await CreateAsync(id);
        var edited = Xml(id).Replace("Do it", "Do it now", StringComparison.Ordinal);

        var saved = await (await PutAsync(id, new { xml = edited, version = first.Version })).ReadAsync<DraftDto>(HttpStatusCode.OK);

        Assert.Equal(2, saved.Version);
        var read = await (await _client.GetAsync($"/api/definitions/{id}/draft")).ReadAsync<DraftDto>();
        Assert.Equal((edited, 2), (read.Xml, read.Version));
    }

    [Fact]
    public async Task Saving_with_a_stale_version_returns_409_draft_conflict_and_keeps_the_newer_draft()
    {
        var id = NewId();
        await CreateAsync(id);
        await (await PutAsync(id, new { xml = Xml(id), version = 1 })).ReadAsync<DraftDto>(HttpStatusCode.OK);

        var response = await PutAsync(id, new { xml = Xml(id).Replace("Do it", "Lost", StringComparison.Ordinal), version = 1 });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "draft_conflict");
        Assert.Equal("version", problem.GetProperty("field").GetString());
        var read = await (await _client.GetAsync($"/api/definitions/{id}/draft")).ReadAsync<DraftDto>();
        Assert.Equal(2, read.Version);
        Assert.DoesNotContain("Lost", read.Xml);
    }

    [Fact]
    public async Task Creating_a_draft_where_one_exists_returns_409_draft_conflict()
    {
        var id = NewId();
        await CreateAsync(id);

        var response = await PutAsync(id, new { xml = Xml(id) });

        await response.ProblemAsync(HttpStatusCode.Conflict, "draft_conflict");
    }

    [Fact]
    public async Task A_draft_that_is_not_BPMN_XML_returns_422_at_the_xml_field()
    {
        var id = NewId();

        var response = await PutAsync(id, new { xml = "<html><body>not a process</body></html>" });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_draft");
        Assert.Equal("xml", problem.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/definitions/{id}/draft")).StatusCode);
    }

    [Fact]
    public async Task A_draft_whose_process_is_another_than_the_routes_returns_422_process_id_mismatch()
    {
        var id = NewId();

        var response = await PutAsync(id, new { xml = Xml("someOtherProcess") });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "process_id_mismatch");
        Assert.Equal("xml", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_draft_that_would_not_deploy_yet_is_still_saved()
    {
        var id = NewId();
        // A task with no way out and a flow to nowhere: deploying refuses it, a draft keeps it.
        var unfinished = Xml(id).Replace("<bpmn:sequenceFlow id=\"toEnd\" sourceRef=\"task\" targetRef=\"end\" />",
            "<bpmn:sequenceFlow id=\"toEnd\" sourceRef=\"task\" targetRef=\"nowhere\" />", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _client.DeployXmlAsync(unfinished)).StatusCode);

        var response = await PutAsync(id, new { xml = unfinished });

        Assert.Equal(unfinished, (await response.ReadAsync<DraftDto>(HttpStatusCode.Created)).Xml);
    }

    [Fact]
    public async Task A_draft_based_on_a_version_that_was_never_deployed_returns_422()
    {
        var id = NewId();

        var response = await PutAsync(id, new { xml = Xml(id), basedOnVersion = 3 });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "definition_not_found");
        Assert.Equal("basedOnVersion", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_draft_remembers_the_deployed_version_it_started_from()
    {
        var id = NewId();
        await (await _client.DeployXmlAsync(Xml(id))).ReadAsync<DeploymentDto>(HttpStatusCode.Created);

        var draft = await (await PutAsync(id, new { xml = Xml(id), basedOnVersion = 1 })).ReadAsync<DraftDto>(HttpStatusCode.Created);
        var saved = await (await PutAsync(id, new { xml = Xml(id), version = draft.Version })).ReadAsync<DraftDto>(HttpStatusCode.OK);

        Assert.Equal((1, 1), (draft.BasedOnVersion, saved.BasedOnVersion));
    }

    [Fact]
    public async Task Reading_a_process_without_a_draft_returns_404_draft_not_found()
    {
        var response = await _client.GetAsync($"/api/definitions/{NewId()}/draft");

        await response.ProblemAsync(HttpStatusCode.NotFound, "draft_not_found");
    }

    [Fact]
    public async Task Deleting_with_a_stale_version_returns_409_and_keeps_the_draft()
    {
        var id = NewId();
        await CreateAsync(id);
        await (await PutAsync(id, new { xml = Xml(id), version = 1 })).ReadAsync<DraftDto>(HttpStatusCode.OK);

        var response = await _client.DeleteAsync($"/api/definitions/{id}/draft?version=1");

        await response.ProblemAsync(HttpStatusCode.Conflict, "draft_conflict");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/definitions/{id}/draft")).StatusCode);
    }

    [Fact]
    public async Task Deleting_with_the_current_version_removes_the_draft_and_audits_it()
    {
        var id = NewId();
        await CreateAsync(id);

        var response = await _client.DeleteAsync($"/api/definitions/{id}/draft?version=1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await _client.GetAsync($"/api/definitions/{id}/draft")).ProblemAsync(HttpStatusCode.NotFound, "draft_not_found");
        Assert.Equal(["definition_draft.saved", "definition_draft.deleted"], await AuditActionsAsync(id));
    }

    [Fact]
    public async Task Deploying_a_process_deletes_its_draft()
    {
        var id = NewId();
        await CreateAsync(id);

        await (await _client.DeployXmlAsync(Xml(id))).ReadAsync<DeploymentDto>(HttpStatusCode.Created);

        await (await _client.GetAsync($"/api/definitions/{id}/draft")).ProblemAsync(HttpStatusCode.NotFound, "draft_not_found");
        Assert.Equal(["definition_draft.saved", "definition_draft.deleted"], await AuditActionsAsync(id));
    }

    [Fact]
    public async Task Redeploying_identical_content_deletes_the_draft_too()
    {
        var id = NewId();
        await (await _client.DeployXmlAsync(Xml(id))).ReadAsync<DeploymentDto>(HttpStatusCode.Created);
        await CreateAsync(id);

        await (await _client.DeployXmlAsync(Xml(id))).ReadAsync<DeploymentDto>(HttpStatusCode.OK);

        await (await _client.GetAsync($"/api/definitions/{id}/draft")).ProblemAsync(HttpStatusCode.NotFound, "draft_not_found");
    }

    [Fact]
    public async Task A_deployment_refused_as_invalid_keeps_the_draft()
    {
        var id = NewId();
        await CreateAsync(id);

        var refused = await _client.DeployXmlAsync(Xml(id).Replace("targetRef=\"end\"", "targetRef=\"nowhere\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/definitions/{id}/draft")).StatusCode);
    }

    [Fact]
    public async Task A_caseworker_gets_403_for_drafts()
    {
        var units = await app.UnitsAsync();
        var caseworker = await app.ClientAsAsync(units.TownA, Roles.CaseWorker);

        var response = await caseworker.GetAsync("/api/definitions/drafts");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task<List<string>> AuditActionsAsync(string processId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        return await db.AuditLog.AsNoTracking().Where(a => a.EntityType == "definition_draft" && a.EntityId == processId)
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }
}
