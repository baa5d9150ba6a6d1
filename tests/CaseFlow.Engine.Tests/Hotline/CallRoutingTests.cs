using System.Net;
using CaseFlow.Engine.Hotline;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Tests.Hotline;

/// <summary>Answering a call, turning it into a case, and the 409s of a call that is already closed.</summary>
public sealed class CallRoutingTests(HotlineApp app) : IClassFixture<HotlineApp>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();

    public Task InitializeAsync() => app.DeployTriageAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> AnswerAsync(CallDto call, string answer = "已解答", int? version = null) =>
        _client.PostJsonAsync($"/api/hotline/calls/{call.Id}/answer", new { answer, version = version ?? call.Version });

    [Fact]
    public async Task Answering_a_call_closes_it_with_the_answer()
    {
        var unit = await app.UnitAsync();
        var call = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone());

        var answered = await (await AnswerAsync(call, "已告知申请劳动仲裁的流程")).ReadAsync<CallDto>();

        Assert.Equal(("Answered", "已告知申请劳动仲裁的流程", 2), (answered.Outcome, answered.Answer, answered.Version));
        Assert.True(await app.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "call.answered" && a.EntityId == call.Id.ToString())));
    }

    [Fact]
    public async Task Answering_a_call_twice_returns_409_call_already_closed()
    {
        var unit = await app.UnitAsync();
        var call = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone());
        var answered = await (await AnswerAsync(call)).ReadAsync<CallDto>();

        var response = await AnswerAsync(answered, "第二次");

        await response.ProblemAsync(HttpStatusCode.Conflict, "call_already_closed");
    }

    [Fact]
    public async Task Answering_with_a_stale_version_returns_409_concurrent_update()
    {
        var unit = await app.UnitAsync();
        var call = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone());

        var response = await AnswerAsync(call, version: 7);

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "concurrent_update");
        Assert.Equal("version", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Turning_a_call_into_a_hotline_case_starts_the_hotline_workflow_for_the_case()
    {
        var unit = await app.UnitAsync();
        var call = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone(), "other", description: "咨询工会会员权益");

        var response = await _client.RouteAsync(call, new { version = call.Version, family = "Hotline" });

        var routed = await response.ReadAsync<RoutedCallDto>(HttpStatusCode.Created);
        Assert.Equal(("CaseOpened", routed.Case.Id, 2), (routed.Call.Outcome, routed.Call.CaseId, routed.Call.Version));
        Assert.Equal(("Hotline", false), (routed.Case.Family, routed.Case.Joined));
        var instance = await _client.InstanceAsync(Assert.IsType<Guid>(routed.Case.InstanceId));
        Assert.Equal(("hotline-triage", "triage"), (instance.ProcessId, Assert.Single(instance.ActiveElements).ElementId));
        Assert.Equal(call.Id.ToString(), instance.Variables["callId"]?.ToString());
        Assert.Equal(routed.Case.Number, instance.BusinessKey);
    }

    [Fact]
    public async Task A_call_becomes_a_case_of_the_family_its_category_suggests_with_the_caller_as_applicant()
    {
        var unit = await app.UnitAsync();
        var call = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone(), "mediation", name: "吴调解");

        var routed = await (await _client.RouteAsync(call)).ReadAsync<RoutedCallDto>(HttpStatusCode.Created);

        Assert.Equal("Mediation", routed.Case.Family);
        var applicant = await app.QueryAsync(db => db.Cases.Where(c => c.Id == routed.Case.Id).Select(c => c.ApplicantId).SingleAsync());
        Assert.Equal(call.PersonId, applicant);
        Assert.True(await app.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "call.routed" && a.CaseId == routed.Case.Id)));
    }

    [Fact]
    public async Task Routing_an_answered_call_returns_409_call_already_closed_and_opens_no_case()
    {
        var unit = await app.UnitAsync();
        var call = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone());
        var answered = await (await AnswerAsync(call)).ReadAsync<CallDto>();

        var response = await _client.RouteAsync(answered);

        await response.ProblemAsync(HttpStatusCode.Conflict, "call_already_closed");
        Assert.Equal(0, await app.QueryAsync(db => db.Cases.CountAsync(c => c.UnitId == unit.Id)));
    }

    [Fact]
    public async Task Routing_a_call_twice_returns_409_call_already_closed()
    {
        var unit = await app.UnitAsync();
        var call = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone(), "mediation");
        var routed = await (await _client.RouteAsync(call)).ReadAsync<RoutedCallDto>(HttpStatusCode.Created);

        var response = await _client.RouteAsync(routed.Call);

        await response.ProblemAsync(HttpStatusCode.Conflict, "call_already_closed");
        Assert.Equal(1, await app.QueryAsync(db => db.Cases.CountAsync(c => c.UnitId == unit.Id)));
    }

    [Fact]
    public async Task Answering_a_call_already_turned_into_a_case_returns_409_call_already_closed()
    {
        var unit = await app.UnitAsync();
        var call = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone(), "mediation");
        var routed = await (await _client.RouteAsync(call)).ReadAsync<RoutedCallDto>(HttpStatusCode.Created);

        var response = await AnswerAsync(routed.Call);

        await response.ProblemAsync(HttpStatusCode.Conflict, "call_already_closed");
    }

    [Fact]
    public async Task Routing_without_the_version_returns_422()
    {
        var unit = await app.UnitAsync();
        var call = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone());

        var response = await _client.RouteAsync(call, new { family = "LegalAid" });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "field_required");
        Assert.Equal("version", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Routing_an_unknown_call_returns_404()
    {
        var response = await _client.PostJsonAsync($"/api/hotline/calls/{Guid.NewGuid()}/case", new { version = 1 });

        await response.ProblemAsync(HttpStatusCode.NotFound, "call_not_found");
    }
}
