using System.Net;
using CaseFlow.Engine.Hotline;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Hotline;

public sealed class CallerHistoryTests(HotlineApp app) : IClassFixture<HotlineApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<CallerHistoryDto> HistoryAsync(string phone) =>
        await (await _client.GetAsync($"/api/hotline/callers/{Uri.EscapeDataString(phone)}/history")).ReadAsync<CallerHistoryDto>();

    [Fact]
    public async Task The_history_lists_the_callers_earlier_calls_newest_first_with_names_masked()
    {
        var unit = await app.UnitAsync();
        var phone = HotlineCalls.NewPhone();
        var first = await _client.LogAsync(unit.Id, phone, "legal_advice", "欧阳娜娜");
        var second = await _client.LogAsync(unit.Id, phone, "employment", null);

        var history = await HistoryAsync(phone);

        Assert.Equal([second.Id, first.Id], history.Calls.Select(c => c.Id));
        Assert.All(history.Calls, c => Assert.Equal("欧**娜", c.CallerName));
    }

    [Fact]
    public async Task The_history_finds_the_number_however_it_is_typed()
    {
        var unit = await app.UnitAsync();
        var phone = HotlineCalls.NewPhone();
        var call = await _client.LogAsync(unit.Id, phone);

        var history = await HistoryAsync($"+86 {phone[..3]} {phone[3..7]} {phone[7..]}");

        Assert.Equal(call.Id, Assert.Single(history.Calls).Id);
    }

    [Fact]
    public async Task The_history_lists_cases_where_the_callers_person_is_applicant_or_claimant()
    {
        var unit = await app.UnitAsync();
        var employer = await app.EmployerAsync(unit);
        var phone = HotlineCalls.NewPhone();
        var mediation = await _client.LogAsync(unit.Id, phone, "mediation", "韩梅梅");
        var asApplicant = await (await _client.RouteAsync(mediation)).ReadAsync<RoutedCallDto>(HttpStatusCode.Created);
        var asClaimant = await _client.ClaimAsync(unit.Id, employer.Id, 2000m, phone, "韩梅梅");

        var history = await HistoryAsync(phone);

        Assert.Equal([asClaimant.Case.Id, asApplicant.Case.Id], history.Cases.Select(c => c.Id));
        Assert.Equal([("Claimant", "WageArrears"), ("Applicant", "Mediation")], history.Cases.Select(c => (c.Role, c.Family)));
        Assert.All(history.Cases, c => Assert.Equal("韩*梅", c.PersonName));
        Assert.Equal(asApplicant.Case.Number, history.Calls.Single(c => c.Id == mediation.Id).CaseNumber);
    }

    [Fact]
    public async Task A_number_nobody_called_from_has_an_empty_history()
    {
        var history = await HistoryAsync(HotlineCalls.NewPhone());

        Assert.Empty(history.Calls);
        Assert.Empty(history.Cases);
    }

    [Fact]
    public async Task An_incomplete_number_returns_422_phone_invalid()
    {
        var response = await _client.GetAsync("/api/hotline/callers/13812/history");

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "phone_invalid");
    }
}
