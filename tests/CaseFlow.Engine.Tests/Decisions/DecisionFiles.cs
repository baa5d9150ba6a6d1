using System.Net;
using System.Text;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Decisions;

/// <summary>The DMN and BPMN fixtures beside these tests, and the calls that deploy them.</summary>
internal static class DecisionFiles
{
    public static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Decisions", "Fixtures", file));

    /// <summary>The aid table under a definitions id and decision id of the test's own, so its versions start at 1.</summary>
    public static string AidTable(string suffix) => Read("aid.dmn")
        .Replace("id=\"aid-definitions\"", $"id=\"aid-definitions-{suffix}\"", StringComparison.Ordinal)
        .Replace("id=\"aidLevel\"", $"id=\"aidLevel{suffix}\"", StringComparison.Ordinal);

    public static Task<HttpResponseMessage> DeployDmnAsync(this HttpClient client, string xml) =>
        client.PostAsync("/api/decisions", new StringContent(xml, Encoding.UTF8, "application/xml"));

    /// <summary>Deploys a fixture file as it is: 201 the first time in a database, 200 after.</summary>
    public static async Task DeployFileAsync(this HttpClient client, string file)
    {
        var response = file.EndsWith(".dmn", StringComparison.Ordinal)
            ? await client.DeployDmnAsync(Read(file))
            : await client.DeployXmlAsync(Read(file));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> EvaluateAsync(this HttpClient client, string decisionId, object? variables) =>
        client.PostJsonAsync($"/api/decisions/{decisionId}/evaluate", new { variables });
}
