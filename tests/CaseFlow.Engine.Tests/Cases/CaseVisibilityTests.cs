using System.Net;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Cases;

/// <summary>A town sees its own cases and those below it; another town's case does not exist for it (404, so numbers do not leak).</summary>
public sealed class CaseVisibilityTests(CasesApp app) : IClassFixture<CasesApp>
{
    private readonly HttpClient _admin = app.CreateClient();

    /// <summary>A case of town B, and a client of a town A user holding every working role there.</summary>
    private async Task<(CaseDto OtherTowns, HttpClient TownA)> OtherTownsCaseAsync()
    {
        var units = await app.UnitsAsync();
        var other = await _admin.OpenAsync(units.TownB, title: "Town B matter");
        var townA = await app.ClientAsAsync(units.TownA, "caseworker", "operator", "supervisor", "approver", "finance");
        return (other, townA);
    }

    [Fact]
    public async Task A_town_user_cannot_read_another_towns_case()
    {
        var (other, townA) = await OtherTownsCaseAsync();

        await (await townA.GetAsync($"/api/cases/{other.Id}")).ProblemAsync(HttpStatusCode.NotFound, "case_not_found");
    }

    [Fact]
    public async Task A_town_user_cannot_find_another_towns_case_by_number_or_list_it()
    {
        var (other, townA) = await OtherTownsCaseAsync();

        Assert.Empty((await townA.SearchAsync($"number={other.Number}")).Items);
        Assert.DoesNotContain((await townA.SearchAsync("pageSize=100")).Items, c => c.Id == other.Id);
    }

    [Fact]
    public async Task A_town_user_cannot_export_another_towns_case()
    {
        var (other, townA) = await OtherTownsCaseAsync();

        var csv = await (await townA.GetAsync("/api/cases/export")).Content.ReadAsStringAsync();

        Assert.StartsWith("\uFEFFnumber,", csv);
        Assert.DoesNotContain(other.Number, csv);
    }

    [Fact]
    public async Task A_town_user_cannot_search_by_another_towns_unit()
    {
        var (_, townA) = await OtherTownsCaseAsync();
        var units = await app.UnitsAsync();

        await (await townA.GetAsync($"/api/cases?unitId={units.TownB}")).ProblemAsync(HttpStatusCode.NotFound, "unit_not_found");
    }

    public static TheoryData<string, string> Actions => new()
    {
        { "PATCH", """{"version":1,"priority":"High"}""" },
        { "POST notes", """{"text":"peek"}""" },
        { "GET notes", "" },
        { "GET timeline", "" },
        { "POST parties", """{"role":"Witness","employerId":"00000000-0000-0000-0000-000000000001"}""" },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task A_town_user_cannot_act_on_another_towns_case(string action, string body)
    {
        var (other, townA) = await OtherTownsCaseAsync();
        var (method, path) = action switch
        {
            "PATCH" => (HttpMethod.Patch, ""),
            _ => (new HttpMethod(action.Split(' ')[0]), "/" + action.Split(' ')[1]),
        };
        var request = new HttpRequestMessage(method, $"/api/cases/{other.Id}{path}");
        if (body.Length > 0) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        await (await townA.SendAsync(request)).ProblemAsync(HttpStatusCode.NotFound, "case_not_found");
        Assert.Equal(1, (await _admin.CaseAsync(other.Id)).Version);
    }

    [Fact]
    public async Task A_town_user_cannot_open_a_case_in_another_town()
    {
        var (_, townA) = await OtherTownsCaseAsync();
        var units = await app.UnitsAsync();

        var response = await townA.OpenCaseAsync(new { family = "LegalAid", unitId = units.TownB, title = "Elsewhere" });

        await response.ProblemAsync(HttpStatusCode.NotFound, "unit_not_found");
    }

    [Fact]
    public async Task A_case_is_opened_in_the_users_own_unit_by_default_and_recorded_as_theirs()
    {
        var units = await app.UnitsAsync();
        var townA = await app.ClientAsAsync(units.TownA, "operator");

        var opened = await (await townA.OpenCaseAsync(new { family = "LegalAid", title = "Walk-in" })).ReadAsync<CaseDto>(HttpStatusCode.Created);

        Assert.Equal((units.TownA, townA.UserName()), (opened.UnitId, opened.CreatedBy));
        Assert.Contains("-TA-", opened.Number);
    }

    [Fact]
    public async Task The_county_sees_the_cases_of_both_towns_and_their_unions()
    {
        var units = await app.UnitsAsync();
        var inA = await _admin.OpenAsync(units.TownA);
        var inB1 = await _admin.OpenAsync(units.UnionB1);
        var county = await app.ClientAsAsync(units.County, "supervisor");

        var found = await county.SearchAsync($"unitId={units.County}&pageSize=100");

        Assert.Contains(found.Items, c => c.Id == inA.Id);
        Assert.Contains(found.Items, c => c.Id == inB1.Id);
        Assert.Equal(inB1.Number, (await county.CaseAsync(inB1.Id)).Number);
    }

    [Fact]
    public async Task An_auditor_reads_but_cannot_open_a_case()
    {
        var units = await app.UnitsAsync();
        var auditor = await app.ClientAsAsync(units.TownA, "auditor");

        var response = await auditor.OpenCaseAsync(new { family = "LegalAid", title = "Not mine to open" });

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_caseworker_cannot_approve_an_amount()
    {
        var units = await app.UnitsAsync();
        var opened = await _admin.OpenAsync(units.TownA, amountClaimed: 800m);
        var worker = await app.ClientAsAsync(units.TownA, "caseworker");

        var response = await worker.PatchCaseAsync(opened.Id, new { version = 1, amountApproved = 800m });

        Assert.Equal("amountApproved", (await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden")).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_request_without_credentials_is_refused()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/api/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
