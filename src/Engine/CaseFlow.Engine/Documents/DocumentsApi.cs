using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Documents;

/// <summary>
/// A case's files: upload (one file per multipart request), list, metadata, download and soft delete. The
/// case filter of the context decides who may: a case outside the actor's units does not exist (404), and
/// so neither do its documents. Uploads, downloads (documents hold personal data) and deletes are audited.
/// </summary>
public static class DocumentsApi
{
    /// <summary>Auditors read; the other roles may add files to the cases they see.</summary>
    private static readonly string[] Uploaders =
        [Roles.Operator, Roles.CaseWorker, Roles.Reviewer, Roles.Approver, Roles.Finance, Roles.Supervisor, Roles.Admin];

    /// <summary>Removing evidence from a case is for those who run cases.</summary>
    private static readonly string[] Deleters = [Roles.CaseWorker, Roles.Supervisor, Roles.Admin];

    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases/{caseId}/documents").WithTags("Documents");
        group.MapPost("/", Upload).RequireRoles(Uploaders).DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapGet("/{id}/content", Download).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id}", Delete).RequireRoles(Deleters).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Created<DocumentDto>, ProblemHttpResult>> Upload(
        Guid caseId, HttpRequest request, CaseFlowDb db, Actor actor, IDocumentStore store, DocumentSettings settings, CancellationToken ct)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, ct)) return CaseNotFound(caseId);

        await using var staged = store.Stage();
        var (received, problem) = await DocumentUpload.ReceiveAsync(request, staged, settings.MaxBytes, ct);
        if (problem is not null) return problem;

        var id = Guid.NewGuid();
        var document = new Document
        {
            Id = id,
            CaseId = caseId,
            FileName = received!.FileName,
            ContentType = received.Type.ContentType,
            Size = received.Size,
            Sha256 = received.Sha256,
            StorageKey = $"{caseId:N}/{id:N}",
            UploadedBy = actor.Name,
            UploadedAt = DateTimeOffset.UtcNow,
        };
        db.Documents.Add(document);
        // The name is left out: file names often carry a person's name ("张三明身份证.jpg"), and audit values hold masked data only.
        db.Record(actor, "document.uploaded", "document", id.ToString(),
            after: new { document.ContentType, document.Size, document.Sha256 }, caseId: caseId);
        await staged.CommitAsync(document.StorageKey, ct);
        await SaveOrRemoveAsync(db, store, document.StorageKey, ct);
        return TypedResults.Created($"/api/cases/{caseId}/documents/{id}", document.ToDto());
    }

    /// <summary>The file is in place before the row commits; if the commit fails, the file goes, so the two always agree.</summary>
    private static async Task SaveOrRemoveAsync(CaseFlowDb db, IDocumentStore store, string key, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Delete(key);
            throw;
        }
    }

    private static async Task<Results<Ok<List<DocumentDto>>, ProblemHttpResult>> List(
        Guid caseId, bool? includeDeleted, CaseFlowDb db, CancellationToken ct)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, ct)) return CaseNotFound(caseId);
        var query = db.Documents.AsNoTracking().Where(d => d.CaseId == caseId);
        if (includeDeleted != true) query = query.Where(d => d.DeletedAt == null);
        var documents = await query.OrderBy(d => d.UploadedAt).ThenBy(d => d.Id).ToListAsync(ct);
        return TypedResults.Ok(documents.Select(d => d.ToDto()).ToList());
    }

    private static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> Get(Guid caseId, Guid id, CaseFlowDb db, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.CaseId == caseId, ct);
        return document is null ? NotFound(id) : TypedResults.Ok(document.ToDto());
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        Guid caseId, Guid id, HttpResponse response, CaseFlowDb db, Actor actor, IDocumentStore store, ILoggerFactory logs, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.CaseId == caseId, ct);
        if (document is null) return NotFound(id);
        if (document.DeletedAt is not null) return Deleted(id);
        var content = store.Open(document.StorageKey);
        if (content is null)
        {
            // The row says the file exists and the store has lost it: a fault of the server (a restore that
            // missed the documents folder), not of the request.
            logs.CreateLogger(typeof(DocumentsApi)).LogError("Document {Id} of case {CaseId} has no content under {Key}.", id, caseId, document.StorageKey);
            return Problems.Create(StatusCodes.Status500InternalServerError, "document_content_missing",
                $"The content of document {id} is missing from the document store.");
        }
        try
        {
            // Reading a personal document is a view of personal data: it is logged before a byte leaves.
            db.Record(actor, "document.downloaded", "document", id.ToString(), caseId: caseId);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // On success the file result owns the stream and closes it.
            await content.DisposeAsync();
            throw;
        }
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(content, document.ContentType, document.FileName);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid caseId, Guid id, CaseFlowDb db, Actor actor, CancellationToken ct)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == id && d.CaseId == caseId, ct);
        if (document is null) return NotFound(id);
        if (document.DeletedAt is not null) return Deleted(id);
        // Soft: the row and the bytes stay for the audit trail and for backups; lists and downloads stop.
        document.DeletedAt = DateTimeOffset.UtcNow;
        db.Record(actor, "document.deleted", "document", id.ToString(),
            before: new { DeletedAt = (DateTimeOffset?)null }, after: new { document.DeletedAt }, caseId: caseId);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult CaseNotFound(Guid caseId) => Problems.NotFound("case_not_found", $"Case {caseId} does not exist.");

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("document_not_found", $"Document {id} does not exist in this case.");

    private static ProblemHttpResult Deleted(Guid id) => Problems.Conflict("document_deleted", $"Document {id} was deleted.");
}
