using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Forms;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Forms;

/// <summary>The form fixtures beside these tests, and the calls that deploy them.</summary>
public static class FormFiles
{
    public static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Forms", "Fixtures", file));

    /// <summary>The visit-check form with its id replaced, so a test gets a form of its own.</summary>
    public static JsonObject VisitCheck(string id)
    {
        var form = JsonNode.Parse(Read("visit-check.form"))!.AsObject();
        form["id"] = id;
        return form;
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string json) =>
        client.PostAsync("/api/forms", new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<FormDeploymentDto> DeployFormAsync(this HttpClient client, JsonNode form) =>
        await (await client.PostFormAsync(form.ToJsonString())).ReadAsync<FormDeploymentDto>();

    public static async Task<DeploymentDto> DeployProcessFixtureAsync(this HttpClient client, string file) =>
        await (await client.DeployXmlAsync(Read(file))).ReadAsync<DeploymentDto>(HttpStatusCode.Created);
}
