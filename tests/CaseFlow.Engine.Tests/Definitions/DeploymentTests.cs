using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Definitions;

public sealed class DeploymentTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Deploying_a_new_process_returns_201_with_version_1()
    {
        var response = await _client.DeployXmlAsync(TestApi.Renamed("approval", "approval", "deployNew"));

        var deployment = await response.ReadAsync<DeploymentDto>(HttpStatusCode.Created);
        Assert.Equal("deployNew", deployment.ProcessId);
        Assert.Equal(1, deployment.Version);
        Assert.Equal("Approval", deployment.Name);
        Assert.True(deployment.Created);
        Assert.Equal(deployment.Id, Assert.Single(deployment.Processes).Id);
        Assert.Equal("/api/definitions/deployNew/versions/1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Redeploying_identical_content_returns_200_with_the_existing_version()
    {
        var xml = TestApi.Renamed("approval", "approval", "deploySame");
        var first = await (await _client.DeployXmlAsync(xml)).ReadAsync<DeploymentDto>(HttpStatusCode.Created);

        var again = await (await _client.DeployXmlAsync(xml)).ReadAsync<DeploymentDto>(HttpStatusCode.OK);

        Assert.False(again.Created);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, again.Version);
        var versions = await (await _client.GetAsync("/api/definitions/deploySame/versions")).ReadAsync<List<DefinitionDto>>();
        Assert.Single(versions);
    }

    [Fact]
    public async Task Deploying_changed_content_creates_the_next_version()
    {
        var xml = TestApi.Renamed("approval", "approval", "deployChanged");
        await (await _client.DeployXmlAsync(xml)).ReadAsync<DeploymentDto>(HttpStatusCode.Created);

        var changed = await (await _client.DeployXmlAsync(xml.Replace("name=\"Approval\"", "name=\"Approval v2\"")))
            .ReadAsync<DeploymentDto>(HttpStatusCode.Created);

        Assert.Equal(2, changed.Version);
        Assert.Equal("Approval v2", changed.Name);
    }

    [Fact]
    public async Task Versions_lists_every_version_newest_first()
    {
        var xml = TestApi.Renamed("approval", "approval", "deployVersions");
        await _client.DeployXmlAsync(xml);
        await _client.DeployXmlAsync(xml.Replace("Decide", "Decide again"));
        await _client.DeployXmlAsync(xml.Replace("Decide", "Decide once more"));

        var versions = await (await _client.GetAsync("/api/definitions/deployVersions/versions")).ReadAsync<List<DefinitionDto>>();

        Assert.Equal([3, 2, 1], versions.Select(v => v.Version));
    }

    [Fact]
    public async Task A_version_is_served_as_its_xml()
    {
        var xml = TestApi.Renamed("approval", "approval", "deployXml");
        await _client.DeployXmlAsync(xml);

        var response = await _client.GetAsync("/api/definitions/deployXml/versions/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(xml, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_definitions_list_shows_each_process_with_its_latest_version_and_count()
    {
        var xml = TestApi.Renamed("approval", "approval", "deployListed");
        await _client.DeployXmlAsync(xml);
        var latest = await (await _client.DeployXmlAsync(xml.Replace("Decide", "Decide v2"))).ReadAsync<DeploymentDto>();

        var list = await (await _client.GetAsync("/api/definitions")).ReadAsync<List<ProcessSummaryDto>>();

        var listed = Assert.Single(list, p => p.ProcessId == "deployListed");
        Assert.Equal(2, listed.LatestVersion);
        Assert.Equal(2, listed.VersionCount);
        Assert.Equal(latest.Id, listed.LatestId);
    }

    [Fact]
    public async Task A_file_with_two_executable_processes_deploys_both()
    {
        var deployment = await (await _client.DeployXmlAsync(TestApi.Fixture("two-processes"))).ReadAsync<DeploymentDto>(HttpStatusCode.Created);

        Assert.Equal(["intake", "archive"], deployment.Processes.Select(p => p.ProcessId));
        Assert.Equal("intake", deployment.ProcessId);
        Assert.All(deployment.Processes, p => Assert.Equal(1, p.Version));
    }

    [Fact]
    public async Task A_multipart_upload_deploys_the_file()
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(TestApi.Renamed("approval", "approval", "deployMultipart")));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { file, "file", "approval.bpmn" } };

        var deployment = await (await _client.PostAsync("/api/definitions", form)).ReadAsync<DeploymentDto>(HttpStatusCode.Created);

        Assert.Equal("deployMultipart", deployment.ProcessId);
    }

    [Fact]
    public async Task An_invalid_file_returns_422_with_every_problem()
    {
        var response = await _client.DeployXmlAsync(TestApi.Fixture("invalid"));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_bpmn");
        var problems = problem.GetProperty("problems").EnumerateArray().ToList();
        Assert.True(problems.Count >= 2, $"Expected every problem, got {problem}");
        Assert.All(problems, p =>
        {
            Assert.False(string.IsNullOrEmpty(p.GetProperty("code").GetString()));
            Assert.False(string.IsNullOrEmpty(p.GetProperty("message").GetString()));
        });
        Assert.Contains(problems, p => p.GetProperty("elementId").GetString() == "toNowhere");
        Assert.Contains(problems, p => p.GetProperty("elementId").GetString() == "badCondition");
        Assert.All(problems.Where(p => p.GetProperty("elementId").GetString() is not null),
            p => Assert.True(p.GetProperty("line").GetInt32() > 0));
    }

    [Fact]
    public async Task Versions_of_an_unknown_process_return_404()
    {
        await (await _client.GetAsync("/api/definitions/neverDeployed/versions")).ProblemAsync(HttpStatusCode.NotFound, "definition_not_found");
        await (await _client.GetAsync("/api/definitions/neverDeployed/versions/1")).ProblemAsync(HttpStatusCode.NotFound, "definition_not_found");
    }
}
