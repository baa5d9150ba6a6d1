using System.Net;
using CaseFlow.Engine.Documents;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Tests.Documents;

/// <summary>Documents exist only for those who see their case: another town's are 404, whatever the role.</summary>
public sealed class DocumentVisibilityTests(DocumentsApp app) : IClassFixture<DocumentsApp>
{
    private async Task<(Guid CaseId, DocumentDto Document)> TownADocumentAsync()
    {
        var units = await app.UnitsAsync();
        var caseId = await app.NewCaseAsync(units.TownA);
        var document = await (await app.CreateClient().UploadAsync(caseId, Samples.Pdf, "scan.pdf")).ReadAsync<DocumentDto>(HttpStatusCode.Created);
        return (caseId, document);
    }

    [Fact]
    public async Task Another_towns_caseworker_cannot_list_the_documents()
    {
        var (caseId, _) = await TownADocumentAsync();
        var other = await app.ClientAsAsync((await app.UnitsAsync()).TownB, Roles.CaseWorker);

        var response = await other.GetAsync($"/api/cases/{caseId}/documents");

        await response.ProblemAsync(HttpStatusCode.NotFound, "case_not_found");
    }

    [Fact]
    public async Task Another_towns_caseworker_cannot_download_a_document()
    {
        var (caseId, document) = await TownADocumentAsync();
        var other = await app.ClientAsAsync((await app.UnitsAsync()).TownB, Roles.CaseWorker);

        var response = await other.GetAsync($"/api/cases/{caseId}/documents/{document.Id}/content");

        await response.ProblemAsync(HttpStatusCode.NotFound, "document_not_found");
    }

    [Fact]
    public async Task Another_towns_caseworker_cannot_upload_to_the_case()
    {
        var (caseId, _) = await TownADocumentAsync();
        var other = await app.ClientAsAsync((await app.UnitsAsync()).TownB, Roles.CaseWorker);

        var response = await other.UploadAsync(caseId, Samples.Pdf, "forged.pdf");

        await response.ProblemAsync(HttpStatusCode.NotFound, "case_not_found");
    }

    [Fact]
    public async Task A_caseworker_of_the_county_downloads_and_is_named_in_the_audit()
    {
        var (caseId, document) = await TownADocumentAsync();
        var county = await app.ClientAsAsync((await app.UnitsAsync()).County, Roles.CaseWorker);

        var response = await county.GetAsync($"/api/cases/{caseId}/documents/{document.Id}/content");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = await app.WithDbAsync(db => db.AuditLog.Where(a => a.CaseId == caseId && a.Action == "document.downloaded").Select(a => a.UserName).ToListAsync());
        Assert.Equal([county.UserName()], names);
    }

    [Fact]
    public async Task An_auditor_may_not_upload()
    {
        var (caseId, _) = await TownADocumentAsync();
        var auditor = await app.ClientAsAsync((await app.UnitsAsync()).TownA, Roles.Auditor);

        var response = await auditor.UploadAsync(caseId, Samples.Pdf, "scan.pdf");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_reviewer_may_not_delete()
    {
        var (caseId, document) = await TownADocumentAsync();
        var reviewer = await app.ClientAsAsync((await app.UnitsAsync()).TownA, Roles.Reviewer);

        var response = await reviewer.DeleteAsync($"/api/cases/{caseId}/documents/{document.Id}");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
