using System.Net;
using CaseFlow.Engine.Hotline;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Hotline;

/// <summary>Who may take calls where, and what each town sees of a caller: another town's calls and cases do not exist (404).</summary>
public sealed class HotlineAccessTests(HotlineApp app) : IClassFixture<HotlineApp>
{
    private async Task<HttpClient> OperatorAsync(Guid unitId) => await app.ClientAsAsync(unitId, Roles.Operator);

    private static async Task<CallerHistoryDto> HistoryAsync(HttpClient client, string phone) =>
        await (await client.GetAsync($"/api/hotline/callers/{phone}/history")).ReadAsync<CallerHistoryDto>();

    [Fact]
    public async Task An_operators_call_belongs_to_their_unit_unless_another_is_given_and_records_them()
    {
        var units = await app.UnitsAsync();
        var client = await OperatorAsync(units.TownA);

        var response = await client.LogCallAsync(new { callerPhone = HotlineCalls.NewPhone(), category = "aid", description = "家人重病，生活困难" });

        var call = await response.ReadAsync<CallDto>(HttpStatusCode.Created);
        Assert.Equal((units.TownA, client.UserName()), (call.UnitId, call.Operator));
    }

    [Fact]
    public async Task An_operator_may_log_a_call_for_a_unit_below_their_own()
    {
        var units = await app.UnitsAsync();
        var client = await OperatorAsync(units.TownA);

        var call = await client.LogAsync(units.UnionA1, HotlineCalls.NewPhone());

        Assert.Equal(units.UnionA1, call.UnitId);
    }

    [Fact]
    public async Task An_operator_logging_a_call_for_another_town_gets_404()
    {
        var units = await app.UnitsAsync();
        var client = await OperatorAsync(units.TownA);

        var response = await client.LogCallAsync(new { callerPhone = HotlineCalls.NewPhone(), category = "other", description = "咨询", unitId = units.TownB });

        await response.ProblemAsync(HttpStatusCode.NotFound, "unit_not_found");
    }

    [Fact]
    public async Task A_user_without_a_call_taking_role_gets_403()
    {
        var units = await app.UnitsAsync();
        var auditor = await app.ClientAsAsync(units.TownA, Roles.Auditor);

        var response = await auditor.LogCallAsync(new { callerPhone = HotlineCalls.NewPhone(), category = "other", description = "咨询" });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_towns_call_cannot_be_read_answered_or_routed_404()
    {
        var units = await app.UnitsAsync();
        var call = await (await OperatorAsync(units.TownA)).LogAsync(units.TownA, HotlineCalls.NewPhone(), "mediation");
        var other = await OperatorAsync(units.TownB);

        var read = await other.GetAsync($"/api/hotline/calls/{call.Id}");
        var answer = await other.PostJsonAsync($"/api/hotline/calls/{call.Id}/answer", new { answer = "?", version = call.Version });
        var route = await other.RouteAsync(call);

        await read.ProblemAsync(HttpStatusCode.NotFound, "call_not_found");
        await answer.ProblemAsync(HttpStatusCode.NotFound, "call_not_found");
        await route.ProblemAsync(HttpStatusCode.NotFound, "call_not_found");
    }

    [Fact]
    public async Task A_town_sees_only_its_own_part_of_a_callers_history_and_the_county_sees_all()
    {
        var units = await app.UnitsAsync();
        var phone = HotlineCalls.NewPhone();
        var townA = await OperatorAsync(units.TownA);
        var townB = await OperatorAsync(units.TownB);
        var inA = await townA.LogAsync(units.TownA, phone, "mediation", "卫青");
        var caseInA = await (await townA.RouteAsync(inA)).ReadAsync<RoutedCallDto>(HttpStatusCode.Created);
        var inB = await townB.LogAsync(units.TownB, phone, "legal_advice", "卫青");
        var county = await OperatorAsync(units.County);

        var seenByB = await HistoryAsync(townB, phone);
        var seenByCounty = await HistoryAsync(county, phone);

        Assert.Equal([inB.Id], seenByB.Calls.Select(c => c.Id));
        Assert.Empty(seenByB.Cases);
        Assert.Equal([inB.Id, inA.Id], seenByCounty.Calls.Select(c => c.Id));
        Assert.Equal([caseInA.Case.Id], seenByCounty.Cases.Select(c => c.Id));
    }

    [Fact]
    public async Task A_caller_known_only_in_another_town_is_filed_anew_in_this_one()
    {
        var units = await app.UnitsAsync();
        var phone = HotlineCalls.NewPhone();
        var inA = await (await OperatorAsync(units.TownA)).LogAsync(units.TownA, phone, name: "霍去病");

        var inB = await (await OperatorAsync(units.TownB)).LogAsync(units.TownB, phone, name: "霍去病");

        Assert.NotNull(inB.PersonId);
        Assert.NotEqual(inA.PersonId, inB.PersonId);
    }
}
