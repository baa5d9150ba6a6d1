using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.History;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Tasks;

namespace CaseFlow.Engine.Tests.Infrastructure;

/// <summary>The HTTP calls the tests make, with the checks every one of them needs.</summary>
public static class TestApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".bpmn"));

    /// <summary>A fixture with its process id replaced, so a test gets a process of its own.</summary>
    public static string Renamed(string fixture, string from, string to) =>
        Fixture(fixture).Replace($"id=\"{from}\"", $"id=\"{to}\"", StringComparison.Ordinal);

    public static Task<HttpResponseMessage> DeployXmlAsync(this HttpClient client, string xml, string? key = null) =>
        client.SendAsync(Request(HttpMethod.Post, "/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"), key));

    public static async Task<DeploymentDto> DeployAsync(this HttpClient client, string fixture) =>
        await (await client.DeployXmlAsync(Fixture(fixture))).ReadAsync<DeploymentDto>();

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body, string? key = null)
    {
        var content = body is null ? null : JsonContent.Create(body, options: Json);
        return client.SendAsync(Request(HttpMethod.Post, url, content, key));
    }

    public static async Task<InstanceDto> StartAsync(this HttpClient client, string processId, object? variables = null, string? businessKey = null) =>
        await (await client.PostJsonAsync("/api/instances", new { processId, businessKey, variables })).ReadAsync<InstanceDto>(HttpStatusCode.Created);

    public static async Task<InstanceDto> InstanceAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/instances/{id}")).ReadAsync<InstanceDto>();

    public static async Task<List<HistoryEntryDto>> HistoryAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/instances/{id}/history")).ReadAsync<List<HistoryEntryDto>>();

    public static async Task<PageDto<TaskDto>> TasksAsync(this HttpClient client, string query = "") =>
        await (await client.GetAsync($"/api/tasks?{query}")).ReadAsync<PageDto<TaskDto>>();

    /// <summary>The one open task of an instance.</summary>
    public static async Task<TaskDto> OpenTaskAsync(this HttpClient client, Guid instanceId) =>
        Assert.Single((await client.TasksAsync($"instanceId={instanceId}&state=Created")).Items);

    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient client, Guid taskId, object? variables = null, string? user = null, string? key = null) =>
        client.PostJsonAsync($"/api/tasks/{taskId}/complete", new { variables, user }, key);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode? expected = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (expected is { } status) Assert.True(response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        else Assert.True(response.IsSuccessStatusCode, $"Expected success, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>Asserts a ProblemDetails answer with this status and code; returns it for more checks.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var actual = problem.GetProperty("code").GetString();
        if (code is not null) Assert.Equal(code, actual);
        return problem;
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, HttpContent? content, string? key)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    public static MediaTypeHeaderValue MediaType(string value) => new(value);
}

/// <summary>Waiting for what the service does after a request has returned (job handlers, retries, message correlation).</summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Polls the instance until <paramref name="settled"/> holds; fails with its last state after <see cref="Patience"/>.</summary>
    public static async Task<InstanceDto> InstanceAsync(this HttpClient client, Guid id, Func<InstanceDto, bool> settled, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var instance = await client.InstanceAsync(id);
            if (settled(instance)) return instance;
            if (DateTime.UtcNow > deadline)
            {
                var elements = string.Join(", ", instance.ActiveElements.Select(e => e.ElementId));
                Assert.Fail($"Instance {id} did not settle ({what}) within {Patience}: {instance.Status} at [{elements}].");
            }
            await Task.Delay(25);
        }
    }

    public static Task<InstanceDto> CompletedAsync(this HttpClient client, Guid id) =>
        client.InstanceAsync(id, i => i.Status == "Completed", "completed");

    /// <summary>Until the instance waits at <paramref name="elementId"/> (and nowhere else).</summary>
    public static Task<InstanceDto> WaitingAtAsync(this HttpClient client, Guid id, string elementId) =>
        client.InstanceAsync(id, i => i.ActiveElements.Count == 1 && i.ActiveElements[0].ElementId == elementId, $"waiting at {elementId}");

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> accepts its answer, or fails the test.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what ?? "the condition"}; last seen: {value}");
            await Task.Delay(100);
        }
    }

    /// <summary>Polls a GET until <paramref name="settled"/> holds for its answer.</summary>
    public static async Task<T> GetAsync<T>(this HttpClient client, string url, Func<T, bool> settled, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await (await client.GetAsync(url)).ReadAsync<T>();
            if (settled(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"GET {url} did not settle ({what}) within {Patience}.");
            await Task.Delay(25);
        }
    }
}

public static class JobKeys
{
    /// <summary>A job's key is derived from its instance and element key (as the service derives it).</summary>
    public static Guid For(Guid instanceId, long elementKey) => CaseFlow.Engine.Jobs.JobIds.For(instanceId, elementKey);

    public static async Task<PageDto<CaseFlow.Engine.Incidents.IncidentDto>> IncidentsAsync(this HttpClient client, string query = "") =>
        await (await client.GetAsync($"/api/incidents?{query}")).ReadAsync<PageDto<CaseFlow.Engine.Incidents.IncidentDto>>();
}
