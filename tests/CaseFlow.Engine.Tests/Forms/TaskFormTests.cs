using System.Net;
using CaseFlow.Engine.Forms;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Forms;

/// <summary>A user task shows the form its BPMN names: a deployed one (latest version) or one embedded in the file.</summary>
public sealed class TaskFormTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_task_shows_the_latest_version_of_the_deployed_form_it_names()
    {
        var form = FormFiles.VisitCheck("visit-check");
        await _client.DeployFormAsync(form);
        form["components"]!.AsArray().RemoveAt(1);
        await _client.DeployFormAsync(form);
        await _client.DeployProcessFixtureAsync("form-task.bpmn");
        var task = await _client.OpenTaskAsync((await _client.StartAsync("form-task")).Id);

        var shown = await (await _client.GetAsync($"/api/tasks/{task.Id}/form")).ReadAsync<TaskFormDto>();

        Assert.Equal(("visit-check", false, 2, 8), (shown.FormId, shown.Embedded, shown.Version, shown.Schema.GetProperty("components").GetArrayLength()));
    }

    [Fact]
    public async Task A_task_shows_the_form_embedded_in_its_bpmn_file()
    {
        await _client.DeployProcessFixtureAsync("embedded-form.bpmn");
        var task = await _client.OpenTaskAsync((await _client.StartAsync("embedded-form")).Id);

        var shown = await (await _client.GetAsync($"/api/tasks/{task.Id}/form")).ReadAsync<TaskFormDto>();

        Assert.Equal(("callbackForm", true, "callback"), (shown.FormKey, shown.Embedded, shown.Schema.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_process_naming_a_form_not_deployed_yet_is_accepted_and_its_task_form_answers_404()
    {
        await _client.DeployProcessFixtureAsync("missing-form.bpmn");
        var task = await _client.OpenTaskAsync((await _client.StartAsync("missing-form")).Id);

        var problem = await (await _client.GetAsync($"/api/tasks/{task.Id}/form")).ProblemAsync(HttpStatusCode.NotFound, "form_not_found");

        Assert.Contains("not-deployed-yet", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_task_without_a_form_answers_404()
    {
        await _client.DeployAsync("single-task");
        var task = await _client.OpenTaskAsync((await _client.StartAsync("single")).Id);

        await (await _client.GetAsync($"/api/tasks/{task.Id}/form")).ProblemAsync(HttpStatusCode.NotFound, "form_not_found");
    }

    [Fact]
    public async Task The_form_of_an_unknown_task_answers_404()
    {
        await (await _client.GetAsync($"/api/tasks/{Guid.NewGuid()}/form")).ProblemAsync(HttpStatusCode.NotFound, "task_not_found");
    }
}
