using System.Net.Http.Headers;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Documents;

/// <summary>The service with its own documents folder, a small size limit, and a switch that makes the next commit fail.</summary>
public sealed class DocumentsApp : CaseFlowApp
{
    public const long MaxBytes = 256 * 1024;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"caseflow-documents-{Guid.NewGuid():N}");

    public FailingCommit FailNextCommit { get; } = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Documents:Folder", Folder);
        builder.UseSetting("Documents:MaxBytes", MaxBytes.ToString());
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(FailNextCommit));
    }

    /// <summary>Every file the store holds, staged ones included.</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*", SearchOption.AllDirectories) : [];

    public async Task<T> WithDbAsync<T>(Func<CaseFlowDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CaseFlowDb>());
    }

    /// <summary>A case row of its own (in a unit of its own), written straight through the context.</summary>
    public Task<Guid> NewCaseAsync(Guid? unitId = null) => WithDbAsync(async db =>
    {
        var unit = unitId;
        if (unit is null)
        {
            var id = Guid.NewGuid();
            db.Units.Add(new Unit
            {
                Id = id, Name = "Unit " + id.ToString("N")[..6], Kind = UnitKind.County, Code = "U" + id.ToString("N")[..8],
                Path = Unit.PathOf(null, id), CreatedAt = DateTimeOffset.UtcNow,
            });
            unit = id;
        }
        var caseId = Guid.NewGuid();
        db.Cases.Add(new Case
        {
            Id = caseId, Number = $"2026-T-{caseId.ToString("N")[..10]}", UnitId = unit.Value, Family = CaseFamily.Aid,
            Status = CaseStatus.Open, Priority = CasePriority.Normal, Title = "Hardship aid", CreatedBy = "test",
            OpenedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return caseId;
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>When armed, fails the next SaveChanges the way a lost commit does, after the upload put its file in place.</summary>
public sealed class FailingCommit : SaveChangesInterceptor
{
    private int _armed;

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1) throw new DbUpdateConcurrencyException("The commit failed (test).");
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

public static class DocumentRequests
{
    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid caseId, byte[] bytes, string fileName,
        string claimedType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/cases/{caseId}/documents", form);
    }
}
