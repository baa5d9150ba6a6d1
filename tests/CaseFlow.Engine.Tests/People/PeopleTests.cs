using System.Net;
using CaseFlow.Engine.People;
using CaseFlow.Engine.Tests.Infrastructure;
using static CaseFlow.Engine.Tests.People.PeopleData;

namespace CaseFlow.Engine.Tests.People;

/// <summary>Creating, finding and changing people: personal data encrypted, found by hash, masked everywhere.</summary>
public sealed class PeopleTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();
    private Guid _town;
    private Guid _otherTown;

    public async Task InitializeAsync()
    {
        var units = await app.UnitsAsync();
        (_town, _otherTown) = (units.TownA, units.TownB);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Creating_a_person_answers_with_masked_personal_data()
    {
        var response = await _client.PostJsonAsync("/api/people", Zhang(_town, residentId: NewResidentId()));

        var person = await response.ReadAsync<PersonDto>(HttpStatusCode.Created);
        Assert.Equal($"/api/people/{person.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("张*明", "138****5678", "************7890", "浙江省杭州市****"), (person.Name, person.Phone, person.BankAccount, person.Address));
        Assert.Matches(@"^\d{4}\*{10}[\dX]{4}$", person.ResidentId);
        Assert.True(person.HasHealth && person.HasHousehold);
        Assert.Equal((_town, 1), (person.UnitId, person.Version));
    }

    [Fact]
    public async Task The_gender_comes_from_the_resident_id()
    {
        var person = await _client.CreatePersonAsync(Zhang(_town, residentId: ManId, name: "李四"));

        Assert.Equal("male", person.Gender);
    }

    [Fact]
    public async Task No_column_of_the_stored_row_holds_an_encrypted_field_in_the_clear()
    {
        var id = NewResidentId();
        var person = await _client.CreatePersonAsync(Zhang(_town, residentId: id));

        var row = await RawRowAsync(app, person.Id);
        foreach (var plaintext in new[] { id, "6222021234567890", "尿毒症", "张小明", ChildId })
            Assert.DoesNotContain(row, column => column.Value?.Contains(plaintext) == true);
        Assert.All(new[] { "resident_id_cipher", "bank_account_cipher", "health_cipher", "household_cipher" }, c => Assert.NotNull(row[c]));
    }

    [Fact]
    public async Task An_invalid_resident_id_returns_422_on_the_field()
    {
        var response = await _client.PostJsonAsync("/api/people", Zhang(_town, residentId: "110105194912310021"));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "resident_id_invalid");
        Assert.Equal("residentId", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_household_member_with_an_invalid_resident_id_returns_422_on_the_member()
    {
        var request = new
        {
            name = "王五", unitId = _town,
            household = new { members = new[] { new { name = "王小五", relation = "child", residentId = "330106200002290046" } } },
        };

        var problem = await (await _client.PostJsonAsync("/api/people", request)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "resident_id_invalid");
        Assert.Equal("household.members[0].residentId", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_person_without_a_name_returns_422()
    {
        var problem = await (await _client.PostJsonAsync("/api/people", new { phone = "13812345678", unitId = _town }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "name_required");
        Assert.Equal("name", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_person_in_an_unknown_unit_returns_404()
    {
        var response = await _client.PostJsonAsync("/api/people", new { name = "王五", unitId = Guid.NewGuid() });

        await response.ProblemAsync(HttpStatusCode.NotFound, "unit_not_found");
    }

    [Fact]
    public async Task A_resident_id_already_on_file_returns_409_with_the_person_on_file()
    {
        var first = await _client.CreatePersonAsync(Zhang(_town, residentId: WomanId));

        // The same number typed with a lower-case x is the same person.
        var response = await _client.PostJsonAsync("/api/people", Zhang(_otherTown, residentId: WomanId.ToLowerInvariant(), name: "张三"));

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "person_exists");
        Assert.Equal(first.Id, problem.GetProperty("personId").GetGuid());
    }

    [Fact]
    public async Task Searching_by_resident_id_finds_the_person_through_the_hash()
    {
        var id = NewResidentId();
        var person = await _client.CreatePersonAsync(Zhang(_town, residentId: id));

        var found = await _client.SearchPeopleAsync(new { residentId = id });

        Assert.Equal(person.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task A_resident_id_in_the_list_url_is_refused()
    {
        var response = await _client.GetAsync($"/api/people?residentId={ManId}");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "resident_id_in_url");
    }

    [Fact]
    public async Task Lists_find_by_name_prefix_and_show_masked_values_only()
    {
        var id = NewResidentId();
        var person = await _client.CreatePersonAsync(Zhang(_town, residentId: id, name: "欧阳娜娜", phone: "13900001111"));

        var body = await _client.GetStringAsync("/api/people?name=欧阳");

        Assert.Contains(person.Id.ToString(), body);
        Assert.Contains("欧**娜", body);
        foreach (var plaintext in new[] { "欧阳娜娜", id, "13900001111", "6222021234567890", "文三路" }) Assert.DoesNotContain(plaintext, body);
    }

    [Fact]
    public async Task Lists_find_by_phone()
    {
        var person = await _client.CreatePersonAsync(new { name = "赵六", phone = "139-0000-2222", unitId = _town });

        var found = await _client.PeopleAsync("phone=13900002222");

        Assert.Equal(person.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task Lists_by_unit_include_the_units_below_it()
    {
        var units = await app.UnitsAsync();
        var inUnion = await _client.CreatePersonAsync(new { name = "钱单位甲", unitId = units.UnionA1 });
        var inTownB = await _client.CreatePersonAsync(new { name = "钱单位乙", unitId = units.TownB });

        var inCounty = await _client.PeopleAsync($"unitId={units.County}&name=钱单位");
        var inTownA = await _client.PeopleAsync($"unitId={units.TownA}&name=钱单位");

        Assert.Equal(new[] { inUnion.Id, inTownB.Id }.Order(), inCounty.Items.Select(p => p.Id).Order());
        Assert.Equal(inUnion.Id, Assert.Single(inTownA.Items).Id);
    }

    [Fact]
    public async Task Updating_changes_the_fields_given_and_the_version()
    {
        var person = await _client.CreatePersonAsync(Zhang(_town, residentId: NewResidentId()));

        var updated = await (await _client.PatchJsonAsync($"/api/people/{person.Id}", new { version = 1, phone = "13700001234", bankAccount = "" }))
            .ReadAsync<PersonDto>();

        Assert.Equal(("137****1234", null, 2), (updated.Phone, updated.BankAccount, updated.Version));
        Assert.Equal((person.Name, person.ResidentId, person.HasHealth), (updated.Name, updated.ResidentId, updated.HasHealth));
    }

    [Fact]
    public async Task Updating_with_a_stale_version_returns_409()
    {
        var person = await _client.CreatePersonAsync(new { name = "周九", unitId = _town });
        await _client.PatchJsonAsync($"/api/people/{person.Id}", new { version = 1, name = "周久" });

        var response = await _client.PatchJsonAsync($"/api/people/{person.Id}", new { version = 1, name = "周玖" });

        await response.ProblemAsync(HttpStatusCode.Conflict, "concurrent_update");
    }

    [Fact]
    public async Task Two_updates_at_the_same_version_at_once_give_one_success_and_one_409()
    {
        var person = await _client.CreatePersonAsync(new { name = "吴十", unitId = _town });

        var responses = await Task.WhenAll(
            _client.PatchJsonAsync($"/api/people/{person.Id}", new { version = 1, address = "一号" }),
            _client.PatchJsonAsync($"/api/people/{person.Id}", new { version = 1, address = "二号" }));

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, responses.Select(r => r.StatusCode).Order());
    }

    [Fact]
    public async Task Updating_without_a_version_returns_422()
    {
        var person = await _client.CreatePersonAsync(new { name = "郑一", unitId = _town });

        var response = await _client.PatchJsonAsync($"/api/people/{person.Id}", new { name = "郑壹" });

        Assert.Equal("version", (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "version_required")).GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unknown_person_returns_404()
    {
        var response = await _client.GetAsync($"/api/people/{Guid.NewGuid()}");

        await response.ProblemAsync(HttpStatusCode.NotFound, "person_not_found");
    }

    [Fact]
    public async Task Creating_and_updating_write_audit_rows_with_masked_values()
    {
        var id = NewResidentId();
        var person = await _client.CreatePersonAsync(Zhang(_town, residentId: id));
        await _client.PatchJsonAsync($"/api/people/{person.Id}", new { version = 1, bankAccount = "6217001234567899" });

        var audit = await AuditOfAsync(app, person.Id);

        Assert.Equal(new[] { "person.created", "person.updated" }, audit.Select(a => a.Action));
        var updated = audit[1];
        Assert.Equal("************7890", Json(updated.Before).GetProperty("bankAccount").GetString());
        Assert.Equal("************7899", Json(updated.After).GetProperty("bankAccount").GetString());
        Assert.Equal("bankAccount", Assert.Single(Json(updated.After).GetProperty("changed").EnumerateArray()).GetString());
        foreach (var plaintext in new[] { id, "6222021234567890", "6217001234567899", "张三明", "尿毒症" })
            Assert.DoesNotContain(audit, a => (a.Before + a.After).Contains(plaintext));
    }
}
