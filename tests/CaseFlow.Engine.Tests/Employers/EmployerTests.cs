using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Employers;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Engine.Tests.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Employers;

/// <summary>Employers: credit codes checked and unique, searchable by everyone, written by their units, with versions.</summary>
public sealed class EmployerTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();
    private TestUnits _units = null!;

    public async Task InitializeAsync() => _units = await app.UnitsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<EmployerDto> CreateAsync(string name, string? creditCode, Guid? unitId = null, HttpClient? client = null) =>
        await (await (client ?? _client).PostJsonAsync("/api/employers",
            new { name, creditCode, address = "杭州市临安区锦城街道", contactPhone = "0571-63700000", unitId = unitId ?? _units.TownA }))
            .ReadAsync<EmployerDto>(HttpStatusCode.Created);

    private async Task<PageDto<EmployerDto>> ListAsync(string query, HttpClient? client = null) =>
        await (await (client ?? _client).GetAsync($"/api/employers?{query}")).ReadAsync<PageDto<EmployerDto>>();

    [Fact]
    public async Task Creating_an_employer_stores_the_code_upper_case()
    {
        var employer = await CreateAsync("临安建工集团有限公司", "91330106ma27xl0q1e");

        Assert.Equal(("91330106MA27XL0Q1E", "057163700000", 1), (employer.CreditCode, employer.ContactPhone, employer.Version));
    }

    [Fact]
    public async Task A_code_with_a_wrong_check_character_returns_422_on_the_field()
    {
        var response = await _client.PostJsonAsync("/api/employers", new { name = "某公司", creditCode = "91350100M000100Y44", unitId = _units.TownA });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "credit_code_invalid");
        Assert.Equal("creditCode", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_code_already_on_file_returns_409_with_the_employer()
    {
        var first = await CreateAsync("福建某某有限公司", "91350100M000100Y43");

        var response = await _client.PostJsonAsync("/api/employers", new { name = "另一个名字", creditCode = "91350100M000100Y43", unitId = _units.TownB });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "employer_exists");
        Assert.Equal(first.Id, problem.GetProperty("employerId").GetGuid());
    }

    [Fact]
    public async Task An_employer_without_a_name_returns_422()
    {
        var response = await _client.PostJsonAsync("/api/employers", new { creditCode = "12100000400000037M", unitId = _units.TownA });

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "name_required");
    }

    [Fact]
    public async Task Search_finds_by_name_prefix_and_by_a_part_of_the_name()
    {
        var employer = await CreateAsync("於潜竹木制品厂", null, _units.TownB);

        Assert.Equal(employer.Id, Assert.Single((await ListAsync("name=於潜竹")).Items).Id);
        Assert.Equal(employer.Id, Assert.Single((await ListAsync("nameContains=竹木")).Items).Id);
        Assert.Empty((await ListAsync("name=竹木")).Items);
    }

    [Fact]
    public async Task Search_finds_by_credit_code()
    {
        var employer = await CreateAsync("北京某某公司", "91110000802100433B");

        Assert.Equal(employer.Id, Assert.Single((await ListAsync("creditCode=91110000802100433b")).Items).Id);
    }

    [Fact]
    public async Task Another_town_reads_an_employer_it_does_not_own()
    {
        var employer = await CreateAsync("锦城服装厂", null);
        var other = await app.ClientAsAsync(_units.TownB, Roles.Operator);

        var read = await (await other.GetAsync($"/api/employers/{employer.Id}")).ReadAsync<EmployerDto>();

        // Not the whole record: PostgreSQL keeps microseconds, so the created time read back is rounded.
        Assert.Equal((employer.Id, employer.Name, employer.CreditCode), (read.Id, read.Name, read.CreditCode));
    }

    [Fact]
    public async Task Another_town_cannot_change_an_employer_it_does_not_own()
    {
        var employer = await CreateAsync("锦城五金厂", null);
        var other = await app.ClientAsAsync(_units.TownB, Roles.CaseWorker);

        var response = await other.PatchJsonAsync($"/api/employers/{employer.Id}", new { version = 1, name = "改名" });

        await response.ProblemAsync(HttpStatusCode.Forbidden, "role_forbidden");
    }

    [Fact]
    public async Task Updating_with_the_version_changes_the_employer_and_records_it()
    {
        var employer = await CreateAsync("锦城印刷厂", null);

        var updated = await (await _client.PatchJsonAsync($"/api/employers/{employer.Id}", new { version = 1, creditCode = "913301001430502152" }))
            .ReadAsync<EmployerDto>();

        Assert.Equal(("913301001430502152", 2, employer.Name), (updated.CreditCode, updated.Version, updated.Name));
        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<CaseFlowDb>().AuditLog
            .Where(a => a.EntityId == employer.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["employer.created", "employer.updated"], audit);
    }

    [Fact]
    public async Task Updating_with_a_stale_version_returns_409()
    {
        var employer = await CreateAsync("锦城纸箱厂", null);
        await _client.PatchJsonAsync($"/api/employers/{employer.Id}", new { version = 1, address = "新地址" });

        var response = await _client.PatchJsonAsync($"/api/employers/{employer.Id}", new { version = 1, address = "又一个地址" });

        await response.ProblemAsync(HttpStatusCode.Conflict, "concurrent_update");
    }

    [Fact]
    public async Task An_unknown_employer_returns_404()
    {
        await (await _client.GetAsync($"/api/employers/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound, "employer_not_found");
    }
}
