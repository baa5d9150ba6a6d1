using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Engine.Forms;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Forms;

/// <summary>Forms are deployed, versioned and read like processes and decisions.</summary>
public sealed class FormsApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private static string NewId() => $"form-{Guid.NewGuid():N}"[..17];

    [Fact]
    public async Task Deploying_a_form_answers_201_with_version_1()
    {
        var id = NewId();
        var response = await _client.PostFormAsync(FormFiles.VisitCheck(id).ToJsonString());

        var deployed = await response.ReadAsync<FormDeploymentDto>(HttpStatusCode.Created);
        Assert.Equal((id, 1, true), (deployed.FormId, deployed.Version, deployed.Created));
    }

    [Fact]
    public async Task Deploying_the_same_content_again_answers_200_with_the_existing_version()
    {
        var form = FormFiles.VisitCheck(NewId());
        var first = await _client.DeployFormAsync(form);

        var again = await (await _client.PostFormAsync(form.ToJsonString())).ReadAsync<FormDeploymentDto>(HttpStatusCode.OK);

        Assert.Equal((first.Id, 1, false), (again.Id, again.Version, again.Created));
    }

    [Fact]
    public async Task Changed_content_becomes_version_2_and_version_1_stays_readable()
    {
        var id = NewId();
        var form = FormFiles.VisitCheck(id);
        await _client.DeployFormAsync(form);
        form["components"]!.AsArray().RemoveAt(1);
        await _client.DeployFormAsync(form);

        var latest = await (await _client.GetAsync($"/api/forms/{id}")).ReadAsync<FormDto>();
        var first = await (await _client.GetAsync($"/api/forms/{id}/versions/1")).ReadAsync<FormDto>();

        Assert.Equal((2, 8, 9), (latest.Version, latest.Schema.GetProperty("components").GetArrayLength(),
            first.Schema.GetProperty("components").GetArrayLength()));
    }

    [Fact]
    public async Task The_form_list_holds_the_latest_version_of_each_form()
    {
        var id = NewId();
        var form = FormFiles.VisitCheck(id);
        await _client.DeployFormAsync(form);
        form["components"]!.AsArray().RemoveAt(0);
        await _client.DeployFormAsync(form);

        var list = await (await _client.GetAsync("/api/forms")).ReadAsync<List<FormSummaryDto>>();

        var entry = Assert.Single(list, f => f.FormId == id);
        Assert.Equal((2, 2), (entry.Version, entry.Versions));
    }

    [Theory]
    [InlineData("""{"type":"default","components":[]}""", "id")]
    [InlineData("""{"id":"no-components","type":"default"}""", "components")]
    [InlineData("""{"id":"bad-components","components":{}}""", "components")]
    [InlineData("""[1,2]""", "$")]
    [InlineData("""{"id":"no-type","components":[{"key":"a"}]}""", "components[0].type")]
    [InlineData("""{"id":"no-key","components":[{"type":"textfield","label":"姓名"}]}""", "components[0].key")]
    [InlineData("""{"id":"dup","components":[{"type":"textfield","key":"name"},{"type":"number","key":"name"}]}""", "components[1].key")]
    [InlineData("""{"id":"dup-in-group","components":[{"type":"textfield","key":"a.b"},{"type":"group","path":"a","components":[{"type":"textfield","key":"b"}]}]}""", "components[1].components[0].key")]
    [InlineData("""{"id":"bad-min","components":[{"type":"number","key":"n","validate":{"min":"lots"}}]}""", "components[0].validate.min")]
    [InlineData("""{"id":"bad-length","components":[{"type":"textfield","key":"t","validate":{"maxLength":-1}}]}""", "components[0].validate.maxLength")]
    [InlineData("""{"id":"bad-pattern","components":[{"type":"textfield","key":"t","validate":{"pattern":"(unclosed"}}]}""", "components[0].validate.pattern")]
    [InlineData("""{"id":"bad-values","components":[{"type":"select","key":"s","values":"a,b"}]}""", "components[0].values")]
    public async Task A_schema_that_is_not_a_form_is_refused_with_422_naming_the_field(string json, string field)
    {
        var problem = await (await _client.PostFormAsync(json)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "form_invalid");

        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_refused_form_is_not_stored()
    {
        var id = NewId();
        await _client.PostFormAsync($$"""{"id":"{{id}}","components":[{"type":"textfield"}]}""");

        await (await _client.GetAsync($"/api/forms/{id}")).ProblemAsync(HttpStatusCode.NotFound, "form_not_found");
    }

    [Fact]
    public async Task Text_that_is_not_json_answers_400()
    {
        await (await _client.PostFormAsync("{\"id\": ")).ProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
    }

    [Fact]
    public async Task An_unknown_form_answers_404()
    {
        await (await _client.GetAsync($"/api/forms/{NewId()}")).ProblemAsync(HttpStatusCode.NotFound, "form_not_found");
    }

    [Fact]
    public async Task An_unknown_version_answers_404()
    {
        var id = NewId();
        await _client.DeployFormAsync(FormFiles.VisitCheck(id));

        await (await _client.GetAsync($"/api/forms/{id}/versions/2")).ProblemAsync(HttpStatusCode.NotFound, "form_not_found");
    }
}
