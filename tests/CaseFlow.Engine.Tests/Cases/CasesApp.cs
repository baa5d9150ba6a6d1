using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Employers;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.People;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Cases;

/// <summary>
/// The service with case workflows of the tests' own: mediation cases start <see cref="MediationProcess"/>
/// (deployed by <see cref="DeployMediationAsync"/>), petitions a process that is never deployed.
/// </summary>
public sealed class CasesApp : CaseFlowApp
{
    public const string MediationProcess = "case-mediation";
    public const string MissingProcess = "never-deployed";
    public const int SearchReadByIdLimit = 50;

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Cases:Workflows:Mediation", MediationProcess);
        builder.UseSetting("Cases:Workflows:Petition", MissingProcess);
        // Small, so that both ways of a prefix search (read by id, or walk newest first) are exercised.
        builder.UseSetting("Cases:SearchReadByIdLimit", SearchReadByIdLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private Task? _deployed;

    public Task DeployMediationAsync() => _deployed ??= CreateClient().DeployXmlAsync(TestApi.Renamed("single-task", "single", MediationProcess))
        .ContinueWith(t => t.Result.EnsureSuccessStatusCode());

    /// <summary>A unit of its own for a test, under <paramref name="parent"/> (the root unit when absent).</summary>
    public async Task<Unit> UnitAsync(string? code = null, Unit? parent = null, UnitKind kind = UnitKind.Town)
    {
        parent ??= await RootAsync();
        var id = Guid.CreateVersion7();
        var unit = new Unit
        {
            Id = id, ParentId = parent?.Id, Name = "Unit " + id.ToString("N")[..6], Kind = kind,
            Code = code ?? "U" + id.ToString("N")[^6..].ToUpperInvariant(), Path = Unit.PathOf(parent, id),
            Depth = (parent?.Depth ?? -1) + 1, CreatedAt = DateTimeOffset.UtcNow, Version = 1,
        };
        await WithDbAsync(db => db.Units.Add(unit));
        Services.GetRequiredService<UnitTreeCache>().Invalidate();
        return unit;
    }

    private async Task<Unit> RootAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        return await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.CreatedAt).FirstAsync();
    }

    public async Task<Person> PersonAsync(Unit unit, string name = "张三明", string? phone = null)
    {
        var now = DateTimeOffset.UtcNow;
        var person = new Person { Id = Guid.CreateVersion7(), UnitId = unit.Id, Name = name, Phone = phone, CreatedAt = now, UpdatedAt = now, Version = 1 };
        await WithDbAsync(db => db.People.Add(person));
        return person;
    }

    public async Task<Employer> EmployerAsync(Unit unit, string name = "Hongda Construction", string? creditCode = null)
    {
        var now = DateTimeOffset.UtcNow;
        var employer = new Employer { Id = Guid.CreateVersion7(), UnitId = unit.Id, Name = name, CreditCode = creditCode, CreatedAt = now, UpdatedAt = now, Version = 1 };
        await WithDbAsync(db => db.Employers.Add(employer));
        return employer;
    }

    internal async Task WithDbAsync(Action<CaseFlowDb> change)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Opens a case in a scope of its own, as the service's own code does (the system actor), and commits it.</summary>
    public async Task<Case> OpenAsync(OpenCase request)
    {
        await using var scope = Services.CreateAsyncScope();
        var opening = scope.ServiceProvider.GetRequiredService<CaseOpening>();
        var opened = await opening.OpenAsync(request, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<InstanceCommands>().SaveAsync(CancellationToken.None);
        return opened;
    }
}
