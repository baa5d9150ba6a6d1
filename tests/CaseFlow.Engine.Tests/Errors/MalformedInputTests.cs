using System.Net;
using System.Text;
using System.Text.Json;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Errors;

/// <summary>Garbage to every route: the answer is a 4xx ProblemDetails with a code, never a 500.</summary>
public sealed class MalformedInputTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();
    private static readonly string Id = Guid.NewGuid().ToString();
    private static readonly string Deep = new string('[', 300) + new string(']', 300);

    public static TheoryData<string, string, string?, string?> Garbage()
    {
        var data = new TheoryData<string, string, string?, string?>();
        string?[] jsonBodies = ["", "{", "[]", "null", "123", "\"text\"", "{\"processId\": 5}", "{\"processId\":\"x\",\"version\":\"one\"}",
            "{\"processId\":\"x\",\"variables\":\"text\"}", "{\"processId\":\"x\",\"variables\":[1,2]}", "{\"variables\":{\"n\":1e400}}",
            "{\"variables\":{\"deep\":" + Deep + "}}", "{\"user\": {\"name\": 1}}", "\u0000\u0001\u0002", "{\"processId\":\"x\"}}",
            "{\"processId\":\"x\\u0000\",\"user\":\"a\\u0000\"}",
            "{\"type\":[],\"worker\":{},\"maxJobs\":\"ten\"}", "{\"type\":\"t\",\"worker\":\"w\",\"maxJobs\":99999999999}",
            "{\"type\":\"t\",\"worker\":\"w\",\"lockDuration\":1e30}", "{\"retries\":\"x\",\"retryBackOff\":-1}",
            "{\"name\":5,\"correlationKey\":7}", "{\"name\":\"m\",\"timeToLive\":\"PT1H\"}", "{\"name\":\"m\",\"messageId\":\"" + new string('x', 300) + "\"}",
            "{\"errorCode\":{},\"variables\":5}", "{\"variables\":{\"a\":1},\"scopeKey\":\"k\"}", "{\"variables\":{\"a\":1},\"scopeKey\":424242}"];
        string[] jsonRoutes = ["/api/instances", $"/api/instances/{Id}/cancel", $"/api/tasks/{Id}/claim", $"/api/tasks/{Id}/unclaim",
            $"/api/tasks/{Id}/complete", "/api/instances/not-a-guid/cancel", "/api/tasks/not-a-guid/complete", "/api/decisions/x/evaluate",
            "/api/jobs/activate", $"/api/jobs/{Id}/complete", $"/api/jobs/{Id}/fail", $"/api/jobs/{Id}/error", "/api/jobs/not-a-guid/complete",
            $"/api/incidents/{Id}/retry", $"/api/incidents/{Id}/resolve", "/api/incidents/not-a-guid/retry", "/api/messages",
            $"/api/instances/{Id}/variables", "/api/instances/not-a-guid/variables"];
        foreach (var route in jsonRoutes)
        {
            foreach (var body in jsonBodies) data.Add("POST", route, "application/json", body);
            data.Add("POST", route, "text/plain", "hello");
            data.Add("POST", route, null, "{}");
        }
        string?[] xmlBodies = ["", "not xml", "<a>", "<?xml version=\"1.0\"?><bpmn:definitions", "\u00ff\u00fe\u0000garbage",
            "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>",
            "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\" isExecutable=\"true\"/></definitions>"];
        foreach (var deploy in new[] { "/api/definitions", "/api/decisions" })
        {
            foreach (var body in xmlBodies) data.Add("POST", deploy, "application/xml", body);
            data.Add("POST", deploy, "application/json", "{}");
            data.Add("POST", deploy, "multipart/form-data", "no boundary");
            data.Add("POST", deploy, "multipart/form-data; boundary=xyz", "--xyz\r\nbroken");
            data.Add("POST", deploy, null, "<a/>");
        }
        string[] gets = ["/api/instances/not-a-guid", "/api/instances/not-a-guid/history", "/api/instances?page=abc", "/api/instances?page=0",
            "/api/instances?status=sleeping", "/api/instances?pageSize=-1", "/api/tasks?page=-5", "/api/tasks?instanceId=nope",
            "/api/tasks?state=%00", "/api/tasks/not-a-guid", "/api/definitions/x/versions/abc", "/api/definitions/x/versions/99999999999",
            $"/api/tasks/{Id}", "/api/nothing-here", "/api/decisions/nothing-here", "/api/incidents?state=sleeping", "/api/incidents?page=0",
            "/api/incidents?instanceId=nope", "/api/incidents/not-a-guid", $"/api/incidents/{Id}", "/api/jobs/not-a-guid", $"/api/jobs/{Id}"];
        foreach (var get in gets) data.Add("GET", get, null, null);
        data.Add("DELETE", "/api/instances", null, null);
        data.Add("PUT", $"/api/tasks/{Id}/complete", "application/json", "{}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Garbage_gets_a_4xx_problem_with_a_code_never_a_500(string method, string path, string? contentType, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var response = await _client.SendAsync(request);

        await AssertClientError(response, $"{method} {path} [{contentType}] {body}");
    }

    /// <summary>Legal on SQLite, unstorable on PostgreSQL (NUL): either way not a 500.</summary>
    [Theory]
    [InlineData("/api/tasks?assignee=%00&candidateGroup=%00&processId=%00")]
    [InlineData("/api/instances?processId=%00&businessKey=%00")]
    public async Task Nul_characters_in_queries_never_give_a_500(string path)
    {
        var response = await _client.GetAsync(path);

        if ((int)response.StatusCode >= 400) await AssertClientError(response, path);
    }

    [Fact]
    public async Task Odd_but_valid_variables_on_a_real_task_never_give_a_500()
    {
        await _client.DeployAsync("single-task");
        string[] variables = ["{\"n\":79228162514264337593543950335}", "{\"n\":1e-30}", "{\"\":1}", "{\"ключ\":\"значение\",\"emoji\":\"🙂\"}",
            "{\"big\":\"" + new string('x', 100_000) + "\"}", "{\"nested\":[[[[{\"a\":null}]]]]}", "{\"a.b\":1,\"a b\":2}", "{\"n\":-0.0}",
            "{\"t\":true,\"f\":false,\"z\":null}", "{\"dup\":1,\"dup\":2}"];
        foreach (var json in variables)
        {
            var start = await Send("/api/instances", $"{{\"processId\":\"single\",\"variables\":{json}}}");
            Assert.True((int)start.StatusCode < 500, $"start with {json[..Math.Min(60, json.Length)]}: {await start.Content.ReadAsStringAsync()}");
            if (!start.IsSuccessStatusCode) continue;
            var instance = JsonSerializer.Deserialize<JsonElement>(await start.Content.ReadAsStringAsync());
            var task = await _client.OpenTaskAsync(instance.GetProperty("id").GetGuid());
            var complete = await Send($"/api/tasks/{task.Id}/complete", $"{{\"variables\":{json}}}");
            Assert.True((int)complete.StatusCode < 500, $"complete with {json[..Math.Min(60, json.Length)]}: {await complete.Content.ReadAsStringAsync()}");
        }
    }

    private Task<HttpResponseMessage> Send(string path, string json) =>
        _client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task AssertClientError(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{what} -> {status}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("code").GetString()), $"{what}: no code in {text}");
    }
}

public sealed class OpenApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task The_openapi_document_describes_every_route()
    {
        var document = JsonSerializer.Deserialize<JsonElement>(await app.CreateClient().GetStringAsync("/openapi/v1.json"));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/definitions", paths);
        Assert.Contains("/api/definitions/{processId}/versions/{version}", paths);
        Assert.Contains("/api/instances/{id}/history", paths);
        Assert.Contains("/api/tasks/{id}/complete", paths);
        Assert.Contains("/api/jobs/activate", paths);
        Assert.Contains("/api/incidents/{id}/retry", paths);
        Assert.Contains("/api/messages", paths);
        Assert.Contains("/api/instances/{id}/variables", paths);
    }
}
