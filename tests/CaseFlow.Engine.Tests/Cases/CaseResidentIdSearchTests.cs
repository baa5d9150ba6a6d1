using System.Net;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Engine.Tests.People;

namespace CaseFlow.Engine.Tests.Cases;

/// <summary><c>POST /api/cases/search</c>: the search's filters in the body, plus a resident ID found through its keyed hash.</summary>
public sealed class CaseResidentIdSearchTests(CasesApp app) : IClassFixture<CasesApp>
{
    private readonly HttpClient _admin = app.CreateClient();

    private static async Task<SlicePageDto<CaseSummaryDto>> SearchAsync(HttpClient client, object body) =>
        await (await client.PostJsonAsync("/api/cases/search", body)).ReadAsync<SlicePageDto<CaseSummaryDto>>();

    private async Task<(string ResidentId, Guid PersonId)> PersonAsync(Guid unitId)
    {
        var residentId = PeopleData.NewResidentId();
        var person = await _admin.CreatePersonAsync(new { name = "卫" + Guid.NewGuid().ToString("N")[..2], residentId, unitId });
        return (residentId, person.Id);
    }

    [Fact]
    public async Task A_resident_id_finds_the_cases_of_that_applicant()
    {
        var unit = await app.UnitAsync();
        var (residentId, personId) = await PersonAsync(unit.Id);
        var opened = await _admin.OpenAsync(unit.Id, applicantId: personId);
        await _admin.OpenAsync(unit.Id);

        var found = await SearchAsync(_admin, new { residentId });

        Assert.Equal(opened.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task A_resident_id_finds_a_case_where_that_person_is_only_a_claimant()
    {
        var unit = await app.UnitAsync();
        var (residentId, personId) = await PersonAsync(unit.Id);
        var opened = await _admin.OpenAsync(unit.Id, family: "WageArrears");
        (await _admin.PostJsonAsync($"/api/cases/{opened.Id}/parties", new { role = "Claimant", personId, amountClaimed = 3000m }))
            .EnsureSuccessStatusCode();

        var found = await SearchAsync(_admin, new { residentId });

        Assert.Equal(opened.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task A_resident_id_is_combined_with_the_other_filters()
    {
        var unit = await app.UnitAsync();
        var (residentId, personId) = await PersonAsync(unit.Id);
        await _admin.OpenAsync(unit.Id, family: "LegalAid", applicantId: personId);
        var wageArrears = await _admin.OpenAsync(unit.Id, family: "WageArrears", applicantId: personId);

        var found = await SearchAsync(_admin, new { residentId = residentId.ToLowerInvariant(), family = "WageArrears" });

        Assert.Equal(wageArrears.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task A_resident_id_of_nobody_finds_nothing()
    {
        var found = await SearchAsync(_admin, new { residentId = PeopleData.NewResidentId() });

        Assert.Empty(found.Items);
    }

    [Theory]
    [InlineData("330106198001010010")] // the check character does not match
    [InlineData("33010619800101001")]  // 17 characters
    [InlineData("not an id")]
    public async Task An_invalid_resident_id_returns_422_resident_id_invalid(string residentId)
    {
        var response = await _admin.PostJsonAsync("/api/cases/search", new { residentId });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "resident_id_invalid");
        Assert.Equal("residentId", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_resident_id_in_the_query_string_returns_400()
    {
        var response = await _admin.GetAsync($"/api/cases?residentId={PeopleData.NewResidentId()}");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "resident_id_in_url");
    }

    [Fact]
    public async Task A_resident_id_in_the_export_query_string_returns_400()
    {
        var response = await _admin.GetAsync($"/api/cases/export?residentId={PeopleData.NewResidentId()}");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "resident_id_in_url");
    }

    [Fact]
    public async Task A_town_user_does_not_find_another_towns_case_by_the_resident_id_of_a_person_of_their_own()
    {
        var units = await app.UnitsAsync();
        var (residentId, personId) = await PersonAsync(units.TownA);
        var own = await _admin.OpenAsync(units.TownA, applicantId: personId);
        await _admin.OpenAsync(units.TownB, applicantId: personId);
        var townA = await app.ClientAsAsync(units.TownA, "caseworker");

        var found = await SearchAsync(townA, new { residentId });

        Assert.Equal(own.Id, Assert.Single(found.Items).Id);
    }
}
