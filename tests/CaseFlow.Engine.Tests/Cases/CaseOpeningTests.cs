using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Calendars;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Cases;

public sealed class CaseOpeningTests(CasesApp app) : IClassFixture<CasesApp>
{
    private async Task<T> QueryAsync<T>(Func<CaseFlowDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CaseFlowDb>());
    }

    [Fact]
    public async Task Cases_of_a_unit_are_numbered_in_sequence_for_the_year()
    {
        var unit = await app.UnitAsync();
        var first = await app.OpenAsync(new OpenCase(CaseFamily.LegalAid, unit.Id, "Contract advice"));
        var second = await app.OpenAsync(new OpenCase(CaseFamily.LegalAid, unit.Id, "Overtime pay"));

        var year = app.Services.GetRequiredService<CaseNumbers>().YearOf(first.OpenedAt);
        Assert.Equal([$"{year}-{unit.Code}-000001", $"{year}-{unit.Code}-000002"], [first.Number, second.Number]);
        Assert.Equal(2, (await QueryAsync(db => db.CaseCounters.SingleAsync(c => c.UnitId == unit.Id && c.Year == year))).NextValue);
    }

    [Fact]
    public async Task Concurrent_openings_never_share_a_number()
    {
        var unit = await app.UnitAsync();

        var opened = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => app.OpenAsync(new OpenCase(CaseFamily.LegalAid, unit.Id, $"Request {i}")))));

        var sequences = opened.Select(c => int.Parse(c.Number[^6..])).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 12), sequences);
    }

    [Fact]
    public void The_year_of_a_number_is_the_office_year_not_the_UTC_year()
    {
        using var scope = app.Services.CreateScope();
        var numbers = scope.ServiceProvider.GetRequiredService<CaseNumbers>();

        // 17:00 UTC on New Year's Eve is 01:00 on 1 January in Shanghai.
        Assert.Equal(2027, numbers.YearOf(new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Opening_writes_the_case_its_parties_an_event_and_an_audit_row()
    {
        var unit = await app.UnitAsync();
        var person = await app.PersonAsync(unit);
        var employer = await app.EmployerAsync(unit);

        var opened = await app.OpenAsync(new OpenCase(CaseFamily.WageArrears, unit.Id, "Unpaid wages", ApplicantId: person.Id,
            EmployerId: employer.Id, AmountClaimed: 12000.50m, Tags: ["spring-festival", " site-7 ", "Spring-Festival"]));

        var stored = await QueryAsync(db => db.Cases.AsNoTracking().Include(c => c.Parties).SingleAsync(c => c.Id == opened.Id));
        Assert.Equal((CaseStatus.Open, 12000.50m, "spring-festival,site-7"), (stored.Status, stored.AmountClaimed!.Value, stored.Tags));
        Assert.Equal([(PartyRole.Applicant, person.Id, (Guid?)null), (PartyRole.Respondent, null, employer.Id)],
            stored.Parties.OrderBy(p => p.Role).Select(p => (p.Role, p.PersonId, p.EmployerId)));
        Assert.Equal("opened", (await QueryAsync(db => db.CaseEvents.SingleAsync(e => e.CaseId == opened.Id))).Kind);
        var audit = await QueryAsync(db => db.AuditLog.SingleAsync(a => a.CaseId == opened.Id));
        Assert.Equal("case.created", audit.Action);
        Assert.DoesNotContain(person.Name, audit.After);
    }

    [Fact]
    public async Task Opening_starts_the_family_workflow_owned_by_the_case_with_its_variables()
    {
        await app.DeployMediationAsync();
        var unit = await app.UnitAsync();
        var person = await app.PersonAsync(unit, "李四");

        var opened = await app.OpenAsync(new OpenCase(CaseFamily.Mediation, unit.Id, "Dismissal dispute", ApplicantId: person.Id,
            AmountClaimed: 800m, Variables: new Dictionary<string, object?> { ["channel"] = "walk-in", ["caseNumber"] = "forged" }));

        var instance = await QueryAsync(db => db.Instances.AsNoTracking().SingleAsync(i => i.CaseId == opened.Id));
        Assert.Equal((CasesApp.MediationProcess, unit.Id, opened.Number), (instance.ProcessId, instance.UnitId!.Value, instance.BusinessKey));
        var variables = (await app.CreateClient().InstanceAsync(instance.Id)).Variables;
        Assert.Equal((opened.Number, "李四", "walk-in", "Mediation"),
            (variables["caseNumber"]?.ToString(), variables["applicantName"]?.ToString(), variables["channel"]?.ToString(), variables["family"]?.ToString()));
    }

    [Fact]
    public async Task A_family_whose_workflow_is_not_deployed_is_refused_and_nothing_is_written()
    {
        var unit = await app.UnitAsync();

        var problem = await Assert.ThrowsAsync<ApiProblemException>(() => app.OpenAsync(new OpenCase(CaseFamily.Petition, unit.Id, "Petition")));

        Assert.Equal((422, "workflow_not_deployed", "family"), (problem.Status, problem.Code, problem.Field));
        Assert.False(await QueryAsync(db => db.Cases.AnyAsync(c => c.UnitId == unit.Id)));
        Assert.False(await QueryAsync(db => db.CaseCounters.AnyAsync(c => c.UnitId == unit.Id)));
    }

    [Fact]
    public async Task An_unknown_applicant_is_a_404_naming_the_field()
    {
        var unit = await app.UnitAsync();

        var problem = await Assert.ThrowsAsync<ApiProblemException>(() =>
            app.OpenAsync(new OpenCase(CaseFamily.LegalAid, unit.Id, "Advice", ApplicantId: Guid.NewGuid())));

        Assert.Equal((404, "person_not_found", "applicantId"), (problem.Status, problem.Code, problem.Field));
    }
}
