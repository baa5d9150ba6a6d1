using System.Net;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Hotline;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Tests.Hotline;

/// <summary>Wage-arrears calls against one employer in one unit form one collective case (threshold 3 in these tests).</summary>
public sealed class WageArrearsGroupingTests(HotlineApp app) : IClassFixture<HotlineApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private Task<List<CaseParty>> ClaimantsAsync(Guid caseId) =>
        app.QueryAsync(db => db.CaseParties.Where(p => p.CaseId == caseId && p.Role == PartyRole.Claimant).ToListAsync());

    [Fact]
    public async Task The_first_wage_arrears_call_against_an_employer_opens_a_wage_arrears_case_with_the_caller_as_claimant()
    {
        var unit = await app.UnitAsync();
        var employer = await app.EmployerAsync(unit);

        var routed = await _client.ClaimAsync(unit.Id, employer.Id, 8000m);

        Assert.Equal(("WageArrears", false, false, 1, 8000m), (routed.Case.Family, routed.Case.Joined, routed.Case.IsCollective, routed.Case.Claimants, routed.Case.AmountClaimed));
        Assert.Equal("CaseOpened", routed.Call.Outcome);
        var claimant = Assert.Single(await ClaimantsAsync(routed.Case.Id));
        Assert.Equal((routed.Call.PersonId, 8000m), (claimant.PersonId, claimant.AmountClaimed));
    }

    [Fact]
    public async Task A_second_call_against_the_same_employer_joins_the_case_and_makes_it_collective()
    {
        var unit = await app.UnitAsync();
        var employer = await app.EmployerAsync(unit);
        var first = await _client.ClaimAsync(unit.Id, employer.Id, 8000m);

        var call = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone(), "wage_arrears", "郑二", employer.Id);
        var response = await _client.RouteAsync(call, new { version = call.Version, amountClaimed = 6500.50m });

        var second = await response.ReadAsync<RoutedCallDto>(HttpStatusCode.OK);
        Assert.Equal((first.Case.Id, true, true, 2, 14500.50m), (second.Case.Id, second.Case.Joined, second.Case.IsCollective, second.Case.Claimants, second.Case.AmountClaimed));
        Assert.Equal(("AddedToCase", first.Case.Id), (second.Call.Outcome, second.Call.CaseId));
        Assert.Equal(2, (await ClaimantsAsync(first.Case.Id)).Count);
        Assert.True(await app.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "case.claimant_added" && a.CaseId == first.Case.Id)));
    }

    [Fact]
    public async Task An_employer_named_only_by_name_is_filed_once_and_the_next_caller_naming_it_joins_its_group()
    {
        var unit = await app.UnitAsync();
        var name = "新华电子厂 " + Guid.NewGuid().ToString("N")[..6];
        var firstCall = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone(), "wage_arrears", "冯一", employerName: name);
        var first = await (await _client.RouteAsync(firstCall)).ReadAsync<RoutedCallDto>(HttpStatusCode.Created);

        var secondCall = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone(), "wage_arrears", "冯二", employerName: name);
        var second = await (await _client.RouteAsync(secondCall)).ReadAsync<RoutedCallDto>(HttpStatusCode.OK);

        Assert.Equal(first.Case.Id, second.Case.Id);
        Assert.Equal(1, await app.QueryAsync(db => db.Employers.CountAsync(e => e.Name == name)));
    }

    [Fact]
    public async Task A_name_two_employers_share_returns_422_until_the_routing_names_the_employer()
    {
        var unit = await app.UnitAsync();
        var name = "同名工厂 " + Guid.NewGuid().ToString("N")[..6];
        var employer = await app.EmployerAsync(unit, name);
        await app.EmployerAsync(unit, name);
        var call = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone(), "wage_arrears", "蒋一", employerName: name);

        var ambiguous = await _client.RouteAsync(call);
        var named = await _client.RouteAsync(call, new { version = call.Version, employerId = employer.Id });

        var problem = await ambiguous.ProblemAsync(HttpStatusCode.UnprocessableEntity, "employer_ambiguous");
        Assert.Equal("employerId", problem.GetProperty("field").GetString());
        var routed = await named.ReadAsync<RoutedCallDto>(HttpStatusCode.Created);
        Assert.Equal(employer.Id, routed.Call.EmployerId);
    }

    [Fact]
    public async Task A_call_in_another_unit_opens_a_group_of_its_own()
    {
        var town = await app.UnitAsync();
        var otherTown = await app.UnitAsync();
        var employer = await app.EmployerAsync(town);
        var first = await _client.ClaimAsync(town.Id, employer.Id, 1000m);

        var second = await _client.ClaimAsync(otherTown.Id, employer.Id, 1000m);

        Assert.NotEqual(first.Case.Id, second.Case.Id);
        Assert.False(second.Case.Joined);
    }

    [Fact]
    public async Task A_group_opened_before_the_window_is_not_joined()
    {
        var unit = await app.UnitAsync();
        var employer = await app.EmployerAsync(unit);
        var old = await _client.ClaimAsync(unit.Id, employer.Id, 1000m);
        await app.QueryAsync(db => db.Cases.Where(c => c.Id == old.Case.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OpenedAt, DateTimeOffset.UtcNow.AddDays(-31))));

        var next = await _client.ClaimAsync(unit.Id, employer.Id, 1000m);

        Assert.NotEqual(old.Case.Id, next.Case.Id);
    }

    [Fact]
    public async Task A_closed_group_is_not_joined()
    {
        var unit = await app.UnitAsync();
        var employer = await app.EmployerAsync(unit);
        var closed = await _client.ClaimAsync(unit.Id, employer.Id, 1000m);
        await app.QueryAsync(db => db.Cases.Where(c => c.Id == closed.Case.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed)));

        var next = await _client.ClaimAsync(unit.Id, employer.Id, 1000m);

        Assert.NotEqual(closed.Case.Id, next.Case.Id);
    }

    [Fact]
    public async Task The_same_worker_calling_again_stays_one_claimant_with_their_latest_claim()
    {
        var unit = await app.UnitAsync();
        var employer = await app.EmployerAsync(unit);
        var phone = HotlineCalls.NewPhone();
        var first = await _client.ClaimAsync(unit.Id, employer.Id, 3000m, phone, "陈同一");

        var again = await _client.ClaimAsync(unit.Id, employer.Id, 4200m, phone, "陈同一");

        Assert.Equal((first.Case.Id, 1, 4200m), (again.Case.Id, again.Case.Claimants, again.Case.AmountClaimed));
    }

    [Fact]
    public async Task Reaching_the_threshold_flags_the_case_as_an_urgent_collective_incident()
    {
        var unit = await app.UnitAsync();
        var employer = await app.EmployerAsync(unit);
        await _client.ClaimAsync(unit.Id, employer.Id, 1000m);
        var second = await _client.ClaimAsync(unit.Id, employer.Id, 1000m);
        Assert.Null(second.Case.CollectiveFlaggedAt);

        var third = await _client.ClaimAsync(unit.Id, employer.Id, 1000m);

        Assert.True(third.Case.Flagged);
        Assert.NotNull(third.Case.CollectiveFlaggedAt);
        Assert.Equal("Urgent", third.Case.Priority);
        Assert.True(await app.QueryAsync(db => db.CaseEvents.AnyAsync(e => e.CaseId == third.Case.Id && e.Kind == "collective_flagged")));
        Assert.True(await app.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "case.collective_flagged" && a.CaseId == third.Case.Id)));
    }

    [Fact]
    public async Task A_unit_threshold_overrides_the_service_default_for_the_units_below_it()
    {
        var county = await app.UnitAsync(kind: Units.UnitKind.County, threshold: 2);
        var town = await app.UnitAsync(county);
        var employer = await app.EmployerAsync(town);
        await _client.ClaimAsync(town.Id, employer.Id, 1000m);

        var second = await _client.ClaimAsync(town.Id, employer.Id, 1000m);

        Assert.True(second.Case.Flagged);
    }

    [Fact]
    public async Task Supervisors_at_the_unit_and_above_are_notified_exactly_once()
    {
        var county = await app.UnitAsync(kind: Units.UnitKind.County);
        var town = await app.UnitAsync(county);
        var otherTown = await app.UnitAsync(county);
        var countySupervisor = await app.UserAsync(county, Roles.Supervisor);
        var townSupervisor = await app.UserAsync(town, Roles.Supervisor);
        var otherSupervisor = await app.UserAsync(otherTown, Roles.Supervisor);
        var townOperator = await app.UserAsync(town, Roles.Operator);
        var employer = await app.EmployerAsync(town);

        RoutedCallDto? last = null;
        for (var i = 0; i < HotlineApp.Threshold + 2; i++) last = await _client.ClaimAsync(town.Id, employer.Id, 1000m);

        var notified = await app.QueryAsync(db => db.Notifications.Where(n => n.CaseId == last!.Case.Id).ToListAsync());
        Assert.All(notified, n => Assert.Equal("collective_incident", n.Kind));
        var recipients = notified.Select(n => n.UserId).ToList();
        // The first-run administrator is a supervisor at the root, so above every unit: notified too.
        Assert.Equal(recipients.Distinct().Count(), recipients.Count);
        Assert.Contains(countySupervisor, recipients);
        Assert.Contains(townSupervisor, recipients);
        Assert.DoesNotContain(otherSupervisor, recipients);
        Assert.DoesNotContain(townOperator, notified.Select(n => n.UserId));
    }

    [Fact]
    public async Task Parallel_calls_against_one_employer_form_one_group_with_every_claimant()
    {
        var unit = await app.UnitAsync();
        var employer = await app.EmployerAsync(unit);
        const int callers = 8;
        var calls = new List<CallDto>();
        for (var i = 0; i < callers; i++) calls.Add(await _client.LogAsync(unit.Id, HotlineCalls.NewPhone(), "wage_arrears", $"并发{i}", employer.Id));

        var responses = await Task.WhenAll(calls.Select(call => Task.Run(() =>
            app.CreateClient().RouteAsync(call, new { version = call.Version, amountClaimed = 500m }))));

        foreach (var response in responses) Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var cases = await app.QueryAsync(db => db.Cases.Where(c => c.UnitId == unit.Id).ToListAsync());
        var group = Assert.Single(cases);
        Assert.Equal(callers, (await ClaimantsAsync(group.Id)).Count);
        Assert.Equal(callers * 500m, group.AmountClaimed);
        Assert.Equal(1, await app.QueryAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == group.Id && e.Kind == "collective_flagged")));
    }
}
