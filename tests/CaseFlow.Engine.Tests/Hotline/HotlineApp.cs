using System.Net;
using CaseFlow.Engine.Employers;
using CaseFlow.Engine.Hotline;
using CaseFlow.Engine.People;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Hotline;

/// <summary>
/// The service with a collective threshold of 3 (so a test needs few claimants) and the tests' own stand-in for
/// the hotline-triage process, which hotline cases start.
/// </summary>
public sealed class HotlineApp : CaseFlowApp
{
    public const int Threshold = 3;

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Hotline:CollectiveThreshold", Threshold.ToString());
        builder.UseSetting("Hotline:GroupingWindowDays", "30");
    }

    private Task? _deployed;

    public Task DeployTriageAsync() => _deployed ??= CreateClient().DeployXmlAsync(TestApi.Fixture("hotline-triage-test"))
        .ContinueWith(t => t.Result.EnsureSuccessStatusCode());

    /// <summary>A unit of its own for a test, under <paramref name="parent"/> (the root unit when absent, where the default client's token is).</summary>
    public async Task<Unit> UnitAsync(Unit? parent = null, UnitKind kind = UnitKind.Town, int? threshold = null)
    {
        parent ??= await QueryAsync(db => db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.CreatedAt).FirstAsync());
        var id = Guid.CreateVersion7();
        var unit = new Unit
        {
            Id = id, ParentId = parent?.Id, Name = "Unit " + id.ToString("N")[..6], Kind = kind,
            Code = "H" + id.ToString("N")[^7..].ToUpperInvariant(), Path = Unit.PathOf(parent, id),
            Depth = (parent?.Depth ?? -1) + 1, CollectiveThreshold = threshold, CreatedAt = DateTimeOffset.UtcNow, Version = 1,
        };
        await WithDbAsync(db => db.Units.Add(unit));
        Services.GetRequiredService<UnitTreeCache>().Invalidate();
        return unit;
    }

    public async Task<Person> PersonAsync(Unit unit, string name, string phone)
    {
        var now = DateTimeOffset.UtcNow;
        var person = new Person { Id = Guid.CreateVersion7(), UnitId = unit.Id, Name = name, Phone = phone, CreatedAt = now, UpdatedAt = now, Version = 1 };
        await WithDbAsync(db => db.People.Add(person));
        return person;
    }

    public Task<Employer> EmployerAsync(Unit unit, string? name = null) => EmployerAsync(unit.Id, name);

    public async Task<Employer> EmployerAsync(Guid unitId, string? name = null)
    {
        var now = DateTimeOffset.UtcNow;
        var employer = new Employer
        {
            Id = Guid.CreateVersion7(), UnitId = unitId, Name = name ?? "宏达建筑 " + Guid.NewGuid().ToString("N")[..6],
            CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        await WithDbAsync(db => db.Employers.Add(employer));
        return employer;
    }

    /// <summary>A user holding <paramref name="role"/> at <paramref name="unit"/> (who never signs in: a notification's recipient).</summary>
    public async Task<Guid> UserAsync(Unit unit, string role)
    {
        var id = Guid.CreateVersion7();
        await WithDbAsync(db => db.Users.Add(new CaseFlow.Engine.Security.User
        {
            Id = id, UserName = "u" + id.ToString("N"), DisplayName = role, PasswordHash = "-", UnitId = unit.Id,
            SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow, Version = 1,
            Roles = [new CaseFlow.Engine.Security.RoleAssignment { UserId = id, UnitId = unit.Id, Role = role }],
        }));
        return id;
    }

    public async Task WithDbAsync(Action<CaseFlowDb> change)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Reads the database as the system (everything visible).</summary>
    public async Task<T> QueryAsync<T>(Func<CaseFlowDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CaseFlowDb>());
    }
}

/// <summary>The hotline calls the tests make.</summary>
public static class HotlineCalls
{
    private static int _sequence;

    /// <summary>A mobile number no other test uses.</summary>
    public static string NewPhone() => $"139{Interlocked.Increment(ref _sequence) % 10000:0000}{Random.Shared.Next(0, 10000):0000}";

    public static Task<HttpResponseMessage> LogCallAsync(this HttpClient client, object body) => client.PostJsonAsync("/api/hotline/calls", body);

    public static async Task<CallDto> LogAsync(this HttpClient client, Guid unitId, string phone, string category = "legal_advice",
        string? name = "王小明", Guid? employerId = null, string? employerName = null, string description = "工资拖欠三个月", string? answer = null) =>
        await (await client.LogCallAsync(new { callerPhone = phone, callerName = name, category, employerId, employerName, description, unitId, answer }))
            .ReadAsync<CallDto>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> RouteAsync(this HttpClient client, CallDto call, object? body = null) =>
        client.PostJsonAsync($"/api/hotline/calls/{call.Id}/case", body ?? new { version = call.Version });

    public static async Task<RoutedCallDto> ClaimAsync(this HttpClient client, Guid unitId, Guid employerId, decimal amount, string? phone = null, string? name = null)
    {
        var call = await client.LogAsync(unitId, phone ?? NewPhone(), "wage_arrears", name ?? "李" + Guid.NewGuid().ToString("N")[..2], employerId);
        return await (await client.RouteAsync(call, new { version = call.Version, amountClaimed = amount })).ReadAsync<RoutedCallDto>();
    }
}
