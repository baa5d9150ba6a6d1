using System.Net;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Engine.Units;

namespace CaseFlow.Engine.Tests.Cases;

public sealed class CaseSearchTests(CasesApp app) : IClassFixture<CasesApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_whole_number_finds_its_case()
    {
        var unit = await app.UnitAsync();
        await _client.OpenAsync(unit.Id);
        var second = await _client.OpenAsync(unit.Id);

        var found = await _client.SearchAsync($"number={second.Number}");

        Assert.Equal(second.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task A_sequence_finds_that_case_of_every_unit()
    {
        var (a, b) = (await app.UnitAsync(), await app.UnitAsync());
        var inA = await _client.OpenAsync(a.Id);
        var inB = await _client.OpenAsync(b.Id);

        var padded = await _client.SearchAsync($"number=000001&unitId={a.Id}");
        var withCode = await _client.SearchAsync($"number={b.Code}-1");

        Assert.Equal(inA.Id, Assert.Single(padded.Items).Id);
        Assert.Equal(inB.Id, Assert.Single(withCode.Items).Id);
    }

    [Fact]
    public async Task The_start_of_a_number_finds_the_unit_year()
    {
        var unit = await app.UnitAsync();
        var opened = await _client.OpenAsync(unit.Id);

        var found = await _client.SearchAsync($"number={opened.Number[..^7]}");

        Assert.Equal(opened.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task A_name_shared_by_more_cases_than_are_read_by_id_still_lists_the_newest_first()
    {
        var unit = await app.UnitAsync();
        var person = await app.PersonAsync(unit, "司马" + Guid.NewGuid().ToString("N")[..6]);
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var count = CasesApp.SearchReadByIdLimit + 5;
        var cases = Enumerable.Range(1, count).Select(i => new Case
        {
            Id = Guid.CreateVersion7(), Number = $"2026-{unit.Code}-{i:D6}", Sequence = i, UnitId = unit.Id, Family = CaseFamily.Aid,
            Title = "many", ApplicantId = person.Id, OpenedAt = start.AddMinutes(i), CreatedBy = "tests", UpdatedAt = start, Version = 1,
            Parties = [new CaseParty { Id = Guid.CreateVersion7(), Role = PartyRole.Applicant, PersonId = person.Id, AddedAt = start }],
        }).ToList();
        await app.WithDbAsync(db => db.Cases.AddRange(cases));

        var found = await _client.SearchAsync($"person={Uri.EscapeDataString(person.Name)}&pageSize=3");

        Assert.Equal(cases.TakeLast(3).Reverse().Select(c => c.Id), found.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_rare_name_lists_its_cases_newest_first()
    {
        var unit = await app.UnitAsync();
        var person = await app.PersonAsync(unit, "上官" + Guid.NewGuid().ToString("N")[..6]);
        var first = await _client.OpenAsync(unit.Id, applicantId: person.Id);
        var second = await _client.OpenAsync(unit.Id, applicantId: person.Id);

        var found = await _client.SearchAsync($"person={Uri.EscapeDataString(person.Name)}");

        Assert.Equal([second.Id, first.Id], found.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_person_is_found_by_the_start_of_the_name_or_the_phone_and_shown_masked()
    {
        var unit = await app.UnitAsync();
        var person = await app.PersonAsync(unit, "欧阳" + Guid.NewGuid().ToString("N")[..6], "139" + Random.Shared.Next(10_000_000, 99_999_999));
        var opened = await _client.OpenAsync(unit.Id, applicantId: person.Id);
        await _client.OpenAsync(unit.Id);

        var byName = await _client.SearchAsync($"person={Uri.EscapeDataString(person.Name[..4])}");
        var byPhone = await _client.SearchAsync($"phone={person.Phone}");

        var line = Assert.Single(byName.Items);
        Assert.Equal((opened.Id, opened.Id), (line.Id, Assert.Single(byPhone.Items).Id));
        Assert.Equal(person.Name[0] + new string('*', person.Name.Length - 2) + person.Name[^1], line.Applicant);
    }

    [Fact]
    public async Task An_employer_is_found_by_credit_code_or_the_start_of_its_name()
    {
        var unit = await app.UnitAsync();
        var name = "Qiaotou Textiles " + Guid.NewGuid().ToString("N")[..6];
        var employer = await app.EmployerAsync(unit, name, "91330" + Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999));
        var opened = await _client.OpenAsync(unit.Id, family: "WageArrears", employerId: employer.Id);

        var byCode = await _client.SearchAsync($"employer={employer.CreditCode}");
        var byName = await _client.SearchAsync($"employer={Uri.EscapeDataString(name[..20])}");

        Assert.Equal((opened.Id, opened.Id), (Assert.Single(byCode.Items).Id, Assert.Single(byName.Items).Id));
    }

    [Fact]
    public async Task A_unit_finds_its_cases_and_those_of_the_units_below_it()
    {
        var town = await app.UnitAsync();
        var union = await app.UnitAsync(parent: town, kind: UnitKind.Grassroots);
        var inTown = await _client.OpenAsync(town.Id);
        var inUnion = await _client.OpenAsync(union.Id);

        var below = await _client.SearchAsync($"unitId={town.Id}");
        var only = await _client.SearchAsync($"unitId={town.Id}&subunits=false");

        Assert.Equal([inUnion.Id, inTown.Id], below.Items.Select(c => c.Id));
        Assert.Equal(inTown.Id, Assert.Single(only.Items).Id);
    }

    [Fact]
    public async Task Status_family_tags_and_dates_narrow_the_search()
    {
        var unit = await app.UnitAsync();
        var wanted = await _client.OpenAsync(unit.Id, family: "WageArrears", tags: ["spring-festival", "site-7"]);
        await _client.OpenAsync(unit.Id, family: "WageArrears", tags: ["site-7"]);
        await _client.OpenAsync(unit.Id, family: "LegalAid", tags: ["spring-festival"]);
        (await _client.PatchCaseAsync(wanted.Id, new { version = 1, status = "InProgress" })).EnsureSuccessStatusCode();
        var today = wanted.OpenedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

        var found = await _client.SearchAsync(
            $"unitId={unit.Id}&family=WageArrears&status=InProgress,Suspended&tag=spring-festival&openedFrom={today}&openedTo={today}");
        var tomorrow = await _client.SearchAsync($"unitId={unit.Id}&openedFrom={DateOnly.Parse(today).AddDays(1):yyyy-MM-dd}");

        Assert.Equal(wanted.Id, Assert.Single(found.Items).Id);
        Assert.Empty(tomorrow.Items);
    }

    [Fact]
    public async Task Results_are_newest_first_in_pages_that_say_whether_more_follow()
    {
        var unit = await app.UnitAsync();
        var opened = new List<CaseDto>();
        for (var i = 0; i < 3; i++) opened.Add(await _client.OpenAsync(unit.Id, title: $"Case {i}"));

        var first = await _client.SearchAsync($"unitId={unit.Id}&pageSize=2");
        var second = await _client.SearchAsync($"unitId={unit.Id}&pageSize=2&page=2");

        Assert.Equal(["Case 2", "Case 1", "Case 0"], first.Items.Concat(second.Items).Select(c => c.Title));
        Assert.Equal((true, false), (first.HasMore, second.HasMore));
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("status=Sleeping", "status")]
    [InlineData("openedFrom=yesterday", "openedFrom")]
    public async Task A_bad_query_is_400_naming_the_parameter(string query, string field)
    {
        var response = await _client.GetAsync($"/api/cases?{query}");

        Assert.Equal(field, (await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_query")).GetProperty("field").GetString());
    }
}
