using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Cases;

/// <summary>A town user's status and family filters: the units restated for the planner change no result.</summary>
public sealed class CaseSearchByTownTests(CasesApp app) : IClassFixture<CasesApp>
{
    private readonly HttpClient _admin = app.CreateClient();

    [Fact]
    public async Task A_town_users_status_filter_finds_the_towns_and_its_unions_cases_of_that_status_only()
    {
        var units = await app.UnitsAsync();
        var inTown = await _admin.OpenAsync(units.TownA);
        var inUnion = await _admin.OpenAsync(units.UnionA1);
        await _admin.OpenAsync(units.TownA); // still Open
        var otherTown = await _admin.OpenAsync(units.TownB);
        foreach (var c in new[] { inTown, inUnion, otherTown })
            (await _admin.PatchCaseAsync(c.Id, new { version = c.Version, status = "Suspended" })).EnsureSuccessStatusCode();
        var townA = await app.ClientAsAsync(units.TownA, "caseworker");

        var found = await townA.SearchAsync("status=Suspended&pageSize=100");

        Assert.Equal([inUnion.Id, inTown.Id], found.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_town_users_family_filter_with_a_unit_below_finds_that_units_cases_only()
    {
        var units = await app.UnitsAsync();
        await _admin.OpenAsync(units.TownA, family: "Employment");
        var inUnion = await _admin.OpenAsync(units.UnionA1, family: "Employment");
        var townA = await app.ClientAsAsync(units.TownA, "caseworker");

        var found = await townA.SearchAsync($"family=Employment&unitId={units.UnionA1}&pageSize=100");

        Assert.Equal(inUnion.Id, Assert.Single(found.Items).Id);
    }
}
