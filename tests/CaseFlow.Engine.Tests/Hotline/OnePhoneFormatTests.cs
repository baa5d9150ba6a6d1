using System.Net;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Hotline;
using CaseFlow.Engine.Tests.Cases;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Engine.Tests.People;

namespace CaseFlow.Engine.Tests.Hotline;

/// <summary>People, case search and the hotline keep and look up phones in one form, whatever way they were typed.</summary>
public sealed class OnePhoneFormatTests(HotlineApp app) : IClassFixture<HotlineApp>
{
    private readonly HttpClient _client = app.CreateClient();

    /// <summary>A fresh mobile number as a clerk types it: "+86 138-1234-5678".</summary>
    private static (string Digits, string Typed) NewPhone()
    {
        var digits = HotlineCalls.NewPhone();
        return (digits, $"+86 {digits[..3]}-{digits[3..7]}-{digits[7..]}");
    }

    private async Task<CallerHistoryDto> HistoryAsync(string phone) =>
        await (await _client.GetAsync($"/api/hotline/callers/{Uri.EscapeDataString(phone)}/history")).ReadAsync<CallerHistoryDto>();

    [Fact]
    public async Task A_person_filed_with_a_typed_phone_has_their_cases_in_the_hotline_history_of_the_digits()
    {
        var unit = await app.UnitAsync();
        var (digits, typed) = NewPhone();
        var person = await _client.CreatePersonAsync(new { name = "周八", phone = typed, unitId = unit.Id });
        var opened = await _client.OpenAsync(unit.Id, applicantId: person.Id);

        var history = await HistoryAsync(digits);

        Assert.Equal(opened.Id, Assert.Single(history.Cases).Id);
    }

    [Fact]
    public async Task A_call_from_the_digits_is_matched_to_the_person_filed_with_the_typed_phone()
    {
        var unit = await app.UnitAsync();
        var (digits, typed) = NewPhone();
        var person = await _client.CreatePersonAsync(new { name = "吴九", phone = typed, unitId = unit.Id });

        var call = await _client.LogAsync(unit.Id, digits, name: null);

        Assert.Equal(person.Id, call.PersonId);
    }

    [Fact]
    public async Task A_caller_filed_by_the_hotline_is_found_by_the_people_search_with_the_typed_phone()
    {
        var unit = await app.UnitAsync();
        var (digits, typed) = NewPhone();
        var call = await _client.LogAsync(unit.Id, digits, name: "郑十");

        var found = await _client.SearchPeopleAsync(new { phone = typed });

        Assert.Equal(call.PersonId, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task A_person_updated_with_a_typed_phone_is_found_by_the_hotline()
    {
        var unit = await app.UnitAsync();
        var (digits, typed) = NewPhone();
        var person = await _client.CreatePersonAsync(new { name = "冯一", unitId = unit.Id });
        (await _client.PatchJsonAsync($"/api/people/{person.Id}", new { version = person.Version, phone = typed })).EnsureSuccessStatusCode();

        var call = await _client.LogAsync(unit.Id, digits, name: null);

        Assert.Equal(person.Id, call.PersonId);
    }

    [Fact]
    public async Task The_case_search_finds_a_callers_case_by_the_phone_typed_with_separators()
    {
        var unit = await app.UnitAsync();
        var (digits, typed) = NewPhone();
        var call = await _client.LogAsync(unit.Id, digits, "mediation", "陈二");
        var routed = await (await _client.RouteAsync(call)).ReadAsync<RoutedCallDto>(HttpStatusCode.Created);

        var found = await (await _client.GetAsync($"/api/cases?phone={Uri.EscapeDataString(typed)}")).ReadAsync<SlicePageDto<CaseSummaryDto>>();

        Assert.Equal(routed.Case.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task A_person_with_a_phone_that_is_no_number_returns_422_phone_invalid()
    {
        var unit = await app.UnitAsync();

        var response = await _client.PostJsonAsync("/api/people", new { name = "褚三", phone = "12345", unitId = unit.Id });

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "phone_invalid");
    }

    [Fact]
    public async Task A_case_search_by_a_phone_that_is_no_number_returns_422_phone_invalid()
    {
        var response = await _client.GetAsync("/api/cases?phone=13812");

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "phone_invalid");
    }
}
