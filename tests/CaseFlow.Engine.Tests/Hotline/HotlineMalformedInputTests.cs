using System.Net;
using System.Text;
using System.Text.Json;
using CaseFlow.Engine.Hotline;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Tests.Hotline;

/// <summary>Garbage to every hotline and notification route: a 4xx problem with a code, never a 500, nothing half-written.</summary>
public sealed class HotlineMalformedInputTests(HotlineApp app) : IClassFixture<HotlineApp>
{
    private static readonly string Id = Guid.NewGuid().ToString();

    public static TheoryData<string, string, string?> Garbage()
    {
        var data = new TheoryData<string, string, string?>();
        string?[] bodies = ["", "{", "[]", "null", "123", "\"text\"", "\u0000\u0001", "{\"callerPhone\":5}", "{\"callerPhone\":[\"138\"]}",
            "{\"unitId\":\"nope\"}", "{\"employerId\":5}", "{\"version\":\"one\"}", "{\"version\":99999999999}", "{\"version\":1,\"amountClaimed\":1e400}",
            "{\"version\":1,\"amountClaimed\":\"lots\"}", "{\"version\":1,\"amountClaimed\":-5}", "{\"version\":1,\"amountClaimed\":0.001}",
            "{\"version\":1,\"family\":\"Nope\"}", "{\"version\":1,\"family\":3}", "{\"version\":1,\"priority\":\"7\"}", "{\"version\":1,\"dueAt\":\"soon\"}",
            "{\"version\":1,\"personId\":\"" + Guid.NewGuid() + "\"}", "{\"answer\":" + new string('1', 5000) + "}",
            "{\"answer\":\"" + new string('x', 5000) + "\",\"version\":1}", "{\"callerPhone\":\"13800001111\",\"category\":\"other\",\"description\":\"" + new string('x', 5000) + "\"}",
            "{\"callerPhone\":\"13800001111\",\"category\":\"other\",\"description\":\"x\",\"urgency\":\"2\"}"];
        string[] routes = ["/api/hotline/calls", $"/api/hotline/calls/{Id}/answer", $"/api/hotline/calls/{Id}/case",
            "/api/hotline/calls/not-a-guid/answer", "/api/hotline/calls/not-a-guid/case", $"/api/notifications/{Id}/read", "/api/notifications/nope/read"];
        foreach (var route in routes)
        {
            foreach (var body in bodies) data.Add(route, "application/json", body);
            data.Add(route, "text/plain", "hello");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Garbage_gets_a_4xx_problem_with_a_code_never_a_500(string path, string? contentType, string? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var response = await app.CreateClient().SendAsync(request);

        await AssertClientError(response, $"{path} [{contentType}] {body?[..Math.Min(80, body.Length)]}");
    }

    [Theory]
    [InlineData("/api/hotline/calls/not-a-guid")]
    [InlineData("/api/hotline/callers/not-a-phone/history")]
    [InlineData("/api/hotline/callers/13800001111/history?limit=0")]
    [InlineData("/api/hotline/callers/13800001111/history?limit=abc")]
    [InlineData("/api/hotline/settings/not-a-guid")]
    [InlineData("/api/notifications?page=0")]
    [InlineData("/api/notifications?unread=maybe")]
    public async Task Bad_queries_get_a_4xx_problem_with_a_code(string path)
    {
        var response = await app.CreateClient().GetAsync(path);

        await AssertClientError(response, path);
    }

    [Fact]
    public async Task A_NUL_character_in_a_call_is_refused_or_stored_never_a_500_and_never_half_written()
    {
        var unit = await app.UnitAsync();
        var phone = HotlineCalls.NewPhone();

        var response = await app.CreateClient().LogCallAsync(new { callerPhone = phone, callerName = "新人", category = "other", description = "a\u0000b", unitId = unit.Id });

        if (!response.IsSuccessStatusCode)
        {
            await AssertClientError(response, "NUL in description");
            // The caller filed in the same request went with the refused call.
            Assert.Equal(0, await app.QueryAsync(db => db.People.CountAsync(p => p.Phone == phone)));
        }
    }

    [Fact]
    public async Task Routing_retried_with_the_same_idempotency_key_opens_one_case()
    {
        var unit = await app.UnitAsync();
        var client = app.CreateClient();
        var call = await client.LogAsync(unit.Id, HotlineCalls.NewPhone(), "mediation");
        var key = Guid.NewGuid().ToString();

        var first = await client.PostJsonAsync($"/api/hotline/calls/{call.Id}/case", new { version = call.Version }, key);
        var retry = await client.PostJsonAsync($"/api/hotline/calls/{call.Id}/case", new { version = call.Version }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.QueryAsync(db => db.Cases.CountAsync(c => c.UnitId == unit.Id)));
    }

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
