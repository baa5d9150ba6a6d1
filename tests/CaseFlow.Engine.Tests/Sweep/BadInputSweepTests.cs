using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CaseFlow.Engine.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CaseFlow.Engine.Tests.Sweep;

/// <summary>
/// Every API endpoint the app maps (found from its routing, so new features are swept the day they merge),
/// called with bad input of each kind. Whatever the input: never a 500, every refusal a ProblemDetails with a
/// <c>code</c>, and a refused request leaves every table as it was.
/// </summary>
public sealed class BadInputSweepTests(CaseFlowApp app, ITestOutputHelper output) : IClassFixture<CaseFlowApp>
{
    private const int Megabyte = 1024 * 1024;
    private static readonly string Huge = new('x', Megabyte);
    private static readonly string[] GenericJson = ["[]", "\"text\"", "123", "null", "true", "{\"value\": {\"deep\": [1, {}]}}"];

    private readonly HttpClient _client = app.CreateClient();
    private readonly RowCounts _rows = new(app);

    private IReadOnlyList<SweptEndpoint> Endpoints => SweptEndpoint.All(app.Services);

    [Fact]
    public void The_sweep_finds_the_endpoints_of_every_feature()
    {
        var found = Endpoints.Select(e => e.ToString()).ToList();
        foreach (var e in Endpoints)
            output.WriteLine($"{e}: body {e.RequestType?.Name ?? "-"} ({string.Join(", ", e.JsonProperties().Select(p => p.Name))}) [{string.Join(", ", e.ContentTypes)}], query {string.Join(", ", e.QueryParameters)}");

        Assert.Superset(new HashSet<string>
        {
            "POST /api/instances", "POST /api/tasks/{id}/complete", "POST /api/definitions", "GET /api/audit",
            "POST /api/cases/{caseId}/documents", "DELETE /api/cases/{caseId}/documents/{id}",
        }, found.ToHashSet());
    }

    [Fact]
    public async Task Malformed_json_is_refused_cleanly_everywhere()
    {
        await SweepAsync(e => e.TakesBody
            ? new[] { "{", "{\"a\":", "{\"a\" 1}", "\u0000\u0001", "{}}", new string('[', 500) + new string(']', 500) }
                .Select(body => Json(e, e.UnknownPath(), body, "malformed json"))
            : []);
    }

    [Fact]
    public async Task Wrong_json_types_are_refused_cleanly_everywhere()
    {
        await SweepAsync(e =>
        {
            if (!e.TakesBody) return [];
            var generic = GenericJson.Select(body => Json(e, e.UnknownPath(), body, "generic wrong type"));
            var typed = e.JsonProperties().SelectMany(p => WrongValues(p.Type).Select(value =>
                Json(e, e.UnknownPath(), $"{{\"{p.Name}\": {value}}}", $"wrong type for {p.Name}")));
            return generic.Concat(typed);
        });
    }

    [Fact]
    public async Task Oversize_strings_are_refused_cleanly_everywhere()
    {
        await SweepAsync(e =>
        {
            var query = e.QueryParameters.Select(p => Get(e, $"{e.UnknownPath()}?{p}={new string('q', 16 * 1024)}", $"16 KiB query {p}"));
            if (!e.TakesBody) return query;
            var huge = JsonSerializer.Serialize(Huge);
            var json = e.TakesJson
                ? e.JsonProperties().Where(p => p.Type == typeof(string)).Select(p => Json(e, e.UnknownPath(), $"{{\"{p.Name}\": {huge}}}", $"1 MB {p.Name}"))
                : [Json(e, e.UnknownPath(), $"{{\"value\": {huge}}}", "1 MB json")];
            return query.Concat(json).Concat(e.ContentTypes.Where(c => !c.Contains("json")).Select(c => Raw(e, c)));
        });
    }

    [Fact]
    public async Task Unknown_ids_and_garbage_in_routes_are_refused_cleanly_everywhere()
    {
        string[] garbage = ["not-a-guid", "00000000-0000-0000-0000-000000000000", "-1", "99999999999999999999", "\t", "..", "' OR 1=1 --"];
        await SweepAsync(e =>
        {
            if (e.Pattern.Parameters.Count == 0) return [];
            var unknown = Send(e, e.UnknownPath(), "unknown ids");
            return garbage.Select(g => Send(e, e.Path(_ => g), $"route value {g}")).Prepend(unknown);
        });
    }

    [Fact]
    public async Task Garbage_query_values_are_refused_cleanly_everywhere()
    {
        string[] garbage = ["abc", "-1", "0", "1e400", "99999999999999999999", "%00", "2026-13-45", ""];
        await SweepAsync(e => e.QueryParameters.SelectMany(p =>
            garbage.Select(g => Get(e, $"{e.UnknownPath()}?{p}={g}", $"query {p}={g}"))));
    }

    [Fact]
    public async Task Without_credentials_everything_but_sign_in_is_a_401()
    {
        var anonymous = app.CreateAnonymousClient();
        var failures = new List<string>();
        foreach (var endpoint in Endpoints)
        {
            var probe = Send(endpoint, endpoint.UnknownPath(), "no credentials");
            var (status, problem) = await SendAsync(probe, anonymous);
            if (status >= 500 || problem is not null || (!endpoint.AllowsAnonymous && status != 401))
                failures.Add($"{status} for {endpoint}: {probe}\n    {problem}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Probe Json(SweptEndpoint e, string path, string body, string what) =>
        new(e.Method, path, "application/json", Encoding.UTF8.GetBytes(body), what);

    private static Probe Raw(SweptEndpoint e, string contentType) =>
        contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            ? new(e.Method, e.UnknownPath(), "multipart/form-data; boundary=sweep",
                Encoding.UTF8.GetBytes($"--sweep\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\r\n{Huge}\r\n--sweep--\r\n"),
                "1 MB file")
            : new(e.Method, e.UnknownPath(), contentType, Encoding.UTF8.GetBytes($"<a>{Huge}</a>"), $"1 MB {contentType}");

    private static Probe Send(SweptEndpoint e, string path, string what) =>
        e.TakesBody ? Json(e, path, "{}", what) : new Probe(e.Method, path, null, null, what);

    private static Probe Get(SweptEndpoint e, string path, string what) => Send(e, path, what);

    /// <summary>A JSON value of the wrong kind for a property of <paramref name="type"/>, and null.</summary>
    private static IEnumerable<string> WrongValues(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(JsonElement) || underlying == typeof(object)) return ["\"" + new string('[', 10) + "\""];
        var wrong = underlying switch
        {
            _ when underlying == typeof(string) => "12345",
            _ when underlying == typeof(bool) => "\"maybe\"",
            _ when underlying.IsEnum => "\"NoSuchValue\"",
            _ when underlying.IsPrimitive || underlying == typeof(decimal) => "\"not a number\"",
            _ when underlying == typeof(Guid) => "\"not-a-guid\"",
            _ when underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime) || underlying == typeof(TimeSpan) => "\"yesterday\"",
            _ when typeof(System.Collections.IEnumerable).IsAssignableFrom(underlying) => "\"text\"",
            _ => "42",
        };
        return [wrong, "null", "{}"];
    }

    private async Task SweepAsync(Func<SweptEndpoint, IEnumerable<Probe>> probes)
    {
        var failures = new List<string>();
        var sent = 0;
        var rows = await _rows.ReadAsync();
        foreach (var endpoint in Endpoints)
        {
            foreach (var probe in probes(endpoint))
            {
                sent++;
                var (status, problem) = await SendAsync(probe);
                var after = await _rows.ReadAsync();
                if (status >= 500) failures.Add($"{status} for {endpoint}: {probe}\n    {problem}");
                else if (status >= 400)
                {
                    if (problem is not null) failures.Add($"{status} without a ProblemDetails code for {endpoint}: {probe}\n    {problem}");
                    var changed = RowCounts.Changes(rows, after).ToList();
                    if (changed.Count > 0) failures.Add($"{status} but rows changed ({string.Join(", ", changed)}) for {endpoint}: {probe}");
                }
                rows = after;
            }
        }
        output.WriteLine($"{sent} requests to {Endpoints.Count} endpoints, {failures.Count} went wrong.");
        Assert.True(sent > 0, "The sweep sent nothing.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests went wrong:\n" + string.Join("\n", failures.Take(60)));
    }

    /// <summary>The status, and for a refusal what is wrong with its body (null when it is a ProblemDetails with a code).</summary>
    private async Task<(int Status, string? Problem)> SendAsync(Probe probe, HttpClient? client = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path);
        if (probe.Body is not null)
        {
            request.Content = new ByteArrayContent(probe.Body);
            if (probe.ContentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(probe.ContentType);
        }
        var response = await (client ?? _client).SendAsync(request);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status < 400) return (status, null);
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return (status, $"content type {response.Content.Headers.ContentType}: {Excerpt(body)}");
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString()!.Length > 0
                ? (status, null)
                : (status, $"no code: {Excerpt(body)}");
        }
        catch (JsonException)
        {
            return (status, $"not JSON: {Excerpt(body)}");
        }
    }

    private static string Excerpt(string body) => body.Length > 300 ? body[..300] + "..." : body;
}
