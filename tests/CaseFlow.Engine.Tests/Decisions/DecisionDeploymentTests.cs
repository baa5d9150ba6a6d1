using System.Net;
using System.Net.Http.Headers;
using CaseFlow.Engine.Decisions;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Decisions;

public sealed class DecisionDeploymentTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Deploying_a_decision_table_creates_version_1_with_its_decisions()
    {
        var response = await _client.DeployDmnAsync(DecisionFiles.AidTable("Deploy"));

        var deployed = await response.ReadAsync<DecisionDeploymentDto>(HttpStatusCode.Created);
        Assert.Equal(("aid-definitions-Deploy", 1, "Aid", true), (deployed.Key, deployed.Version, deployed.Name, deployed.Created));
        Assert.Equal([new DecisionRefDto("aidLevelDeploy", "Aid level")], deployed.Decisions);
    }

    [Fact]
    public async Task Redeploying_identical_content_returns_the_existing_version()
    {
        var first = await (await _client.DeployDmnAsync(DecisionFiles.AidTable("Again"))).ReadAsync<DecisionDeploymentDto>(HttpStatusCode.Created);

        var again = await (await _client.DeployDmnAsync(DecisionFiles.AidTable("Again"))).ReadAsync<DecisionDeploymentDto>(HttpStatusCode.OK);

        Assert.Equal((first.Id, 1, false), (again.Id, again.Version, again.Created));
    }

    [Fact]
    public async Task Changed_content_becomes_the_next_version_and_the_latest_for_its_decisions()
    {
        await _client.DeployDmnAsync(DecisionFiles.AidTable("Changed"));

        var changed = DecisionFiles.AidTable("Changed").Replace("30000", "32000", StringComparison.Ordinal);
        var second = await (await _client.DeployDmnAsync(changed)).ReadAsync<DecisionDeploymentDto>(HttpStatusCode.Created);

        Assert.Equal(2, second.Version);
        var list = await (await _client.GetAsync("/api/decisions")).ReadAsync<List<DecisionSummaryDto>>();
        Assert.Equal(2, Assert.Single(list, d => d.DecisionId == "aidLevelChanged").Version);
        var xml = await _client.GetAsync("/api/decisions/aidLevelChanged");
        Assert.Equal("application/xml", xml.Content.Headers.ContentType?.MediaType);
        Assert.Contains("32000", await xml.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invalid_file_is_refused_with_all_its_problems()
    {
        var response = await _client.DeployDmnAsync(DecisionFiles.Read("invalid.dmn"));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_dmn");
        var problems = problem.GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("code").GetString() == "invalid_expression" && p.GetProperty("line").GetInt32() == 4);
        Assert.Contains(problems, p => p.GetProperty("code").GetString() == "missing_requirement");
        Assert.All(problems, p => Assert.Equal(["code", "elementId", "line", "message", "severity"], p.EnumerateObject().Select(m => m.Name)));
    }

    [Fact]
    public async Task A_file_that_is_not_dmn_is_refused()
    {
        var response = await _client.DeployDmnAsync(TestApi.Fixture("single-task"));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_dmn");
        Assert.Equal("not_dmn", problem.GetProperty("problems")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_multipart_upload_with_one_file_deploys_it()
    {
        using var form = new MultipartFormDataContent();
        var file = new StringContent(DecisionFiles.AidTable("Form"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(file, "file", "aid.dmn");

        var response = await _client.PostAsync("/api/decisions", form);

        Assert.Equal(1, (await response.ReadAsync<DecisionDeploymentDto>(HttpStatusCode.Created)).Version);
    }

    [Fact]
    public async Task An_unknown_decision_has_no_xml()
    {
        var response = await _client.GetAsync("/api/decisions/nothingHere");

        await response.ProblemAsync(HttpStatusCode.NotFound, "decision_not_found");
    }
}
