using System.Net;
using CaseFlow.Engine.People;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Infrastructure;
using static CaseFlow.Engine.Tests.People.PeopleData;

namespace CaseFlow.Engine.Tests.People;

/// <summary>Who sees which personal field in full, who sees the person at all, and the audit row of every full view.</summary>
public sealed class PersonalDataViewTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>, IAsyncLifetime
{
    private readonly HttpClient _root = app.CreateClient();
    private TestUnits _units = null!;
    private string _residentId = null!;
    private PersonDto _person = null!;

    /// <summary>Each test has its own person in town A, with every personal field on file.</summary>
    public async Task InitializeAsync()
    {
        _units = await app.UnitsAsync();
        _residentId = NewResidentId();
        _person = await _root.CreatePersonAsync(Zhang(_units.TownA, residentId: _residentId));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<PersonalDataDto> ViewAsync(HttpClient client, string query = "") =>
        await (await client.GetAsync($"/api/people/{_person.Id}/personal-data{query}")).ReadAsync<PersonalDataDto>();

    [Fact]
    public async Task A_caseworker_of_the_town_sees_identity_health_and_household_but_not_the_bank_account()
    {
        var caseworker = await app.ClientAsAsync(_units.TownA, Roles.CaseWorker);

        var data = await ViewAsync(caseworker);

        Assert.Equal(("张三明", _residentId, "尿毒症, 每周透析三次"), (data.Name, data.ResidentId, data.Health));
        Assert.Equal(ChildId, Assert.Single(data.Household!.Members).ResidentId);
        Assert.Null(data.BankAccount);
        Assert.Equal(["bankAccount"], data.Withheld);
    }

    [Fact]
    public async Task Finance_sees_the_bank_account_but_not_the_resident_id_or_health()
    {
        var finance = await app.ClientAsAsync(_units.County, Roles.Finance);

        var data = await ViewAsync(finance);

        Assert.Equal(("6222021234567890", "张三明"), (data.BankAccount, data.Name));
        Assert.Null(data.ResidentId);
        Assert.Null(data.Health);
        Assert.Equal(new[] { "address", "residentId", "health", "household" }, data.Withheld);
    }

    [Fact]
    public async Task Every_full_view_writes_an_audit_row_with_the_user_and_the_fields()
    {
        var caseworker = await app.ClientAsAsync(_units.TownA, Roles.CaseWorker);

        await ViewAsync(caseworker, "?fields=residentId,health");

        var view = Assert.Single(await AuditOfAsync(app, _person.Id), a => a.Action == "person.viewed_unmasked");
        Assert.Equal((caseworker.UserName(), "person", _person.Id.ToString()), (view.UserName, view.EntityType, view.EntityId));
        Assert.Equal(new[] { "residentId", "health" }, Json(view.After).GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.True(DateTimeOffset.UtcNow - view.At < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Asking_for_some_fields_gives_only_those()
    {
        var caseworker = await app.ClientAsAsync(_units.TownA, Roles.CaseWorker);

        var data = await ViewAsync(caseworker, "?fields=residentId");

        Assert.Equal(["residentId"], data.Fields);
        Assert.Equal(_residentId, data.ResidentId);
        Assert.Null(data.Health);
    }

    [Fact]
    public async Task Asking_for_a_field_the_roles_do_not_open_returns_403_on_that_field()
    {
        var caseworker = await app.ClientAsAsync(_units.TownA, Roles.CaseWorker);

        var response = await caseworker.GetAsync($"/api/people/{_person.Id}/personal-data?fields=residentId,bankAccount");

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden, "personal_data_forbidden");
        Assert.Equal("bankAccount", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_administrator_who_sees_the_person_cannot_unmask_and_nothing_is_logged()
    {
        var admin = await app.ClientAsAsync(_units.TownA, Roles.Admin);

        var response = await admin.GetAsync($"/api/people/{_person.Id}/personal-data");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "personal_data_forbidden");
        Assert.DoesNotContain(await AuditOfAsync(app, _person.Id), a => a.Action == "person.viewed_unmasked");
    }

    [Fact]
    public async Task A_caseworker_of_another_town_gets_404_for_the_person_and_its_personal_data()
    {
        var other = await app.ClientAsAsync(_units.TownB, Roles.CaseWorker);

        await (await other.GetAsync($"/api/people/{_person.Id}")).ProblemAsync(HttpStatusCode.NotFound, "person_not_found");
        await (await other.GetAsync($"/api/people/{_person.Id}/personal-data")).ProblemAsync(HttpStatusCode.NotFound, "person_not_found");
    }

    [Fact]
    public async Task Another_town_cannot_update_the_person()
    {
        var other = await app.ClientAsAsync(_units.TownB, Roles.CaseWorker);

        var response = await other.PatchJsonAsync($"/api/people/{_person.Id}", new { version = 1, phone = "13000000000" });

        await response.ProblemAsync(HttpStatusCode.NotFound, "person_not_found");
    }

    [Fact]
    public async Task Another_town_does_not_find_the_person_by_name_phone_or_resident_id()
    {
        var other = await app.ClientAsAsync(_units.TownB, Roles.CaseWorker);

        Assert.Empty((await other.SearchPeopleAsync(new { residentId = _residentId })).Items);
        Assert.DoesNotContain((await other.PeopleAsync("name=张")).Items, p => p.Id == _person.Id);
        Assert.DoesNotContain((await other.PeopleAsync("phone=13812345678")).Items, p => p.Id == _person.Id);
    }

    [Fact]
    public async Task The_county_above_sees_the_town_person()
    {
        var county = await app.ClientAsAsync(_units.County, Roles.Reviewer);

        Assert.Equal(_person.Id, Assert.Single((await county.SearchPeopleAsync(new { residentId = _residentId })).Items).Id);
    }

    [Fact]
    public async Task A_resident_id_on_file_in_another_town_returns_409_without_the_person()
    {
        var other = await app.ClientAsAsync(_units.TownB, Roles.CaseWorker);

        var response = await other.PostJsonAsync("/api/people", Zhang(_units.TownB, residentId: _residentId));

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "person_exists");
        Assert.False(problem.TryGetProperty("personId", out _));
    }

    [Fact]
    public async Task A_person_cannot_be_filed_in_a_unit_the_user_does_not_see()
    {
        var other = await app.ClientAsAsync(_units.TownB, Roles.CaseWorker);

        var response = await other.PostJsonAsync("/api/people", new { name = "冯二", unitId = _units.TownA });

        await response.ProblemAsync(HttpStatusCode.NotFound, "unit_not_found");
    }

    [Fact]
    public async Task An_auditor_reads_but_cannot_file_a_person()
    {
        var auditor = await app.ClientAsAsync(_units.TownA, Roles.Auditor);

        var response = await auditor.PostJsonAsync("/api/people", new { name = "冯二" });

        await response.ProblemAsync(HttpStatusCode.Forbidden, "role_forbidden");
    }

    [Fact]
    public async Task A_person_is_filed_in_the_users_own_unit_by_default()
    {
        var operatorClient = await app.ClientAsAsync(_units.UnionA1, Roles.Operator);

        var person = await operatorClient.CreatePersonAsync(new { name = "陈三", phone = "13600001111" });

        Assert.Equal(_units.UnionA1, person.UnitId);
    }
}
