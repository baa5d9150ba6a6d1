using System.Net;
using CaseFlow.Engine.Hotline;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Hotline;

/// <summary>The hotline form's hint: the employer's open wage-arrears complaints at the unit, against the threshold (3 here).</summary>
public sealed class CollectiveHintTests(HotlineApp app) : IClassFixture<HotlineApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<CollectiveHintDto> HintAsync(string query, HttpClient? client = null) =>
        await (await (client ?? _client).GetAsync($"/api/hotline/collective-hint?{query}")).ReadAsync<CollectiveHintDto>();

    [Fact]
    public async Task An_employer_without_open_complaints_has_none_and_no_collective_case()
    {
        var unit = await app.UnitAsync();
        var employer = await app.EmployerAsync(unit);

        var hint = await HintAsync($"employerId={employer.Id}&unitId={unit.Id}");

        Assert.Equal(new CollectiveHintDto(employer.Id, employer.Name, 0, HotlineApp.Threshold, null, null), hint);
    }

    [Fact]
    public async Task Two_claims_against_the_employer_show_as_two_open_complaints_in_their_case()
    {
        var unit = await app.UnitAsync();
        var employer = await app.EmployerAsync(unit);
        var first = await _client.ClaimAsync(unit.Id, employer.Id, 5000m);
        await _client.ClaimAsync(unit.Id, employer.Id, 6000m);

        var hint = await HintAsync($"employerId={employer.Id}&unitId={unit.Id}");

        Assert.Equal((2, first.Case.Id, first.Case.Number), (hint.OpenComplaints, hint.CollectiveCaseId, hint.CollectiveCaseNumber));
    }

    [Fact]
    public async Task The_unit_defaults_to_the_callers_and_another_units_complaints_do_not_count()
    {
        var unit = await app.UnitAsync();
        var other = await app.UnitAsync();
        var employer = await app.EmployerAsync(unit);
        await _client.ClaimAsync(other.Id, employer.Id, 5000m);
        var operatorClient = await app.ClientAsAsync(unit.Id, Roles.Operator);

        var hint = await HintAsync($"employerId={employer.Id}", operatorClient);

        Assert.Equal((0, (Guid?)null), (hint.OpenComplaints, hint.CollectiveCaseId));
    }

    [Fact]
    public async Task An_employer_typed_by_name_is_found_by_its_name()
    {
        var unit = await app.UnitAsync();
        var employer = await app.EmployerAsync(unit);
        await _client.ClaimAsync(unit.Id, employer.Id, 5000m);

        var hint = await HintAsync($"employerName={Uri.EscapeDataString(employer.Name)}&unitId={unit.Id}");

        Assert.Equal((employer.Id, 1), (hint.EmployerId, hint.OpenComplaints));
    }

    [Fact]
    public async Task The_threshold_is_the_units_own_when_it_sets_one()
    {
        var unit = await app.UnitAsync(threshold: 7);
        var employer = await app.EmployerAsync(unit);

        var hint = await HintAsync($"employerId={employer.Id}&unitId={unit.Id}");

        Assert.Equal(7, hint.Threshold);
    }

    [Fact]
    public async Task An_unknown_employer_returns_404_employer_not_found()
    {
        var unit = await app.UnitAsync();

        var response = await _client.GetAsync($"/api/hotline/collective-hint?employerName=nobody-{Guid.NewGuid():N}&unitId={unit.Id}");

        await response.ProblemAsync(HttpStatusCode.NotFound, "employer_not_found");
    }

    [Fact]
    public async Task Asking_without_an_employer_returns_400()
    {
        var response = await _client.GetAsync("/api/hotline/collective-hint");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_query");
        Assert.Equal("employerId", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_finance_officer_gets_403_for_the_hint()
    {
        var unit = await app.UnitAsync();
        var employer = await app.EmployerAsync(unit);
        var finance = await app.ClientAsAsync(unit.Id, Roles.Finance);

        var response = await finance.GetAsync($"/api/hotline/collective-hint?employerId={employer.Id}");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
