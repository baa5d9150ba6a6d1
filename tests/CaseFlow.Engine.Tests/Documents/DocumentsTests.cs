using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CaseFlow.Engine.Documents;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Tests.Documents;

public sealed class DocumentsTests(DocumentsApp app) : IClassFixture<DocumentsApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<DocumentDto> UploadedAsync(Guid caseId, byte[] bytes, string name, string claimed = "application/octet-stream") =>
        await (await _client.UploadAsync(caseId, bytes, name, claimed)).ReadAsync<DocumentDto>(HttpStatusCode.Created);

    private Task<int> RowsAsync(Guid caseId) => app.WithDbAsync(db => db.Documents.CountAsync(d => d.CaseId == caseId));

    [Fact]
    public async Task Uploading_a_pdf_stores_it_with_its_size_and_sha256()
    {
        var caseId = await app.NewCaseAsync();

        var document = await UploadedAsync(caseId, Samples.Pdf, "income-proof.pdf");

        Assert.Equal(("income-proof.pdf", "application/pdf", Samples.Pdf.Length), (document.FileName, document.ContentType, (int)document.Size));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Samples.Pdf)), document.Sha256);
    }

    [Fact]
    public async Task The_type_comes_from_the_content_not_from_the_browser()
    {
        var caseId = await app.NewCaseAsync();

        var document = await UploadedAsync(caseId, Samples.Png, "photo.png", claimed: "text/html");

        Assert.Equal("image/png", document.ContentType);
    }

    [Fact]
    public async Task A_word_document_is_recognised_from_its_package()
    {
        var caseId = await app.NewCaseAsync();

        var document = await UploadedAsync(caseId, Samples.Docx, "申请书.docx");

        Assert.Equal(DocumentTypes.Docx.ContentType, document.ContentType);
    }

    [Fact]
    public async Task A_folder_in_the_file_name_is_dropped()
    {
        var caseId = await app.NewCaseAsync();

        var document = await UploadedAsync(caseId, Samples.Pdf, @"C:\fakepath\scan.pdf");

        Assert.Equal("scan.pdf", document.FileName);
    }

    [Fact]
    public async Task An_executable_is_refused_with_415()
    {
        var caseId = await app.NewCaseAsync();

        var response = await _client.UploadAsync(caseId, Samples.Executable, "report.pdf");

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "document_type_not_allowed");
    }

    [Fact]
    public async Task A_zip_renamed_to_docx_is_refused()
    {
        var caseId = await app.NewCaseAsync();

        var response = await _client.UploadAsync(caseId, Samples.PlainZip, "letter.docx");

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "document_type_not_allowed");
    }

    [Fact]
    public async Task A_name_whose_extension_contradicts_the_content_is_refused_with_422()
    {
        var caseId = await app.NewCaseAsync();

        var response = await _client.UploadAsync(caseId, Samples.Png, "contract.pdf");

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "document_type_not_allowed");
        Assert.Equal("file", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Text_named_as_html_is_refused()
    {
        var caseId = await app.NewCaseAsync();

        var response = await _client.UploadAsync(caseId, Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "page.html");

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "document_type_not_allowed");
    }

    [Fact]
    public async Task A_file_over_the_limit_gets_413_and_leaves_no_row_and_no_file()
    {
        var caseId = await app.NewCaseAsync();
        var before = app.StoredFiles().Count;

        var response = await _client.UploadAsync(caseId, Encoding.ASCII.GetBytes(new string('a', (int)DocumentsApp.MaxBytes + 1)), "big.txt");

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "document_too_large");
        Assert.Equal((0, before), (await RowsAsync(caseId), app.StoredFiles().Count));
    }

    [Fact]
    public async Task A_file_of_exactly_the_limit_is_accepted()
    {
        var caseId = await app.NewCaseAsync();

        var document = await UploadedAsync(caseId, Encoding.ASCII.GetBytes(new string('a', (int)DocumentsApp.MaxBytes)), "big.txt");

        Assert.Equal(DocumentsApp.MaxBytes, document.Size);
    }

    [Fact]
    public async Task A_refused_type_leaves_no_file_behind()
    {
        var caseId = await app.NewCaseAsync();
        var before = app.StoredFiles().Count;

        await _client.UploadAsync(caseId, Samples.Executable, "setup.exe");

        Assert.Equal(before, app.StoredFiles().Count);
    }

    [Fact]
    public async Task When_the_commit_fails_the_stored_file_is_removed()
    {
        var caseId = await app.NewCaseAsync();
        var before = app.StoredFiles().Count;
        app.FailNextCommit.Arm();

        var response = await _client.UploadAsync(caseId, Samples.Pdf, "scan.pdf");

        await response.ProblemAsync(HttpStatusCode.Conflict, "concurrent_update");
        Assert.Equal((0, before), (await RowsAsync(caseId), app.StoredFiles().Count));
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var caseId = await app.NewCaseAsync();

        var response = await _client.UploadAsync(caseId, [], "empty.txt");

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "document_empty");
    }

    [Fact]
    public async Task Two_files_in_one_upload_are_refused()
    {
        var caseId = await app.NewCaseAsync();
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Samples.Pdf), "file", "a.pdf" },
            { new ByteArrayContent(Samples.Pdf), "file", "b.pdf" },
        };

        var response = await _client.PostAsync($"/api/cases/{caseId}/documents", form);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "one_file_only");
    }

    [Fact]
    public async Task A_form_without_a_file_is_refused()
    {
        var caseId = await app.NewCaseAsync();
        var form = new MultipartFormDataContent { { new StringContent("hello"), "note" } };

        var response = await _client.PostAsync($"/api/cases/{caseId}/documents", form);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "file_required");
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_refused_with_415()
    {
        var caseId = await app.NewCaseAsync();

        var response = await _client.PostAsync($"/api/cases/{caseId}/documents", new ByteArrayContent(Samples.Pdf));

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task A_broken_multipart_body_is_a_400()
    {
        var caseId = await app.NewCaseAsync();
        var content = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nno end");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");

        var response = await _client.PostAsync($"/api/cases/{caseId}/documents", content);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_multipart");
    }

    [Fact]
    public async Task Uploading_to_an_unknown_case_is_a_404()
    {
        var response = await _client.UploadAsync(Guid.NewGuid(), Samples.Pdf, "scan.pdf");

        await response.ProblemAsync(HttpStatusCode.NotFound, "case_not_found");
    }

    [Fact]
    public async Task Uploading_is_audited_on_the_case()
    {
        var caseId = await app.NewCaseAsync();

        var document = await UploadedAsync(caseId, Samples.Pdf, "scan.pdf");

        var entry = await app.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.CaseId == caseId && a.Action == "document.uploaded"));
        Assert.Equal(document.Id.ToString(), entry.EntityId);
    }

    [Fact]
    public async Task Downloading_returns_the_bytes_with_the_found_type()
    {
        var caseId = await app.NewCaseAsync();
        var document = await UploadedAsync(caseId, Samples.Png, "photo.png", claimed: "text/html");

        var response = await _client.GetAsync($"/api/cases/{caseId}/documents/{document.Id}/content");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("image/png", Convert.ToHexString(Samples.Png)),
            (response.Content.Headers.ContentType?.MediaType, Convert.ToHexString(await response.Content.ReadAsByteArrayAsync())));
    }

    [Fact]
    public async Task A_download_is_an_attachment_with_the_original_name_and_no_sniffing()
    {
        var caseId = await app.NewCaseAsync();
        var document = await UploadedAsync(caseId, Samples.Text, "家访记录 3.txt");

        var response = await _client.GetAsync($"/api/cases/{caseId}/documents/{document.Id}/content");

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal(("attachment", "家访记录 3.txt"), (disposition.DispositionType, disposition.FileNameStar));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Downloading_is_audited_as_a_view_of_personal_data()
    {
        var caseId = await app.NewCaseAsync();
        var document = await UploadedAsync(caseId, Samples.Pdf, "scan.pdf");

        await _client.GetAsync($"/api/cases/{caseId}/documents/{document.Id}/content");

        var entry = await app.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.CaseId == caseId && a.Action == "document.downloaded"));
        Assert.Equal(document.Id.ToString(), entry.EntityId);
    }

    [Fact]
    public async Task A_document_of_another_case_is_a_404()
    {
        var caseId = await app.NewCaseAsync();
        var other = await app.NewCaseAsync();
        var document = await UploadedAsync(caseId, Samples.Pdf, "scan.pdf");

        var response = await _client.GetAsync($"/api/cases/{other}/documents/{document.Id}/content");

        await response.ProblemAsync(HttpStatusCode.NotFound, "document_not_found");
    }

    [Fact]
    public async Task The_list_holds_the_case_documents_in_upload_order()
    {
        var caseId = await app.NewCaseAsync();
        var first = await UploadedAsync(caseId, Samples.Pdf, "first.pdf");
        var second = await UploadedAsync(caseId, Samples.Png, "second.png");

        var list = await (await _client.GetAsync($"/api/cases/{caseId}/documents")).ReadAsync<List<DocumentDto>>();

        Assert.Equal(new[] { first.Id, second.Id }, list.Select(d => d.Id));
    }

    [Fact]
    public async Task Listing_the_documents_of_an_unknown_case_is_a_404()
    {
        var response = await _client.GetAsync($"/api/cases/{Guid.NewGuid()}/documents");

        await response.ProblemAsync(HttpStatusCode.NotFound, "case_not_found");
    }

    [Fact]
    public async Task A_deleted_document_leaves_the_list()
    {
        var caseId = await app.NewCaseAsync();
        var document = await UploadedAsync(caseId, Samples.Pdf, "scan.pdf");

        var response = await _client.DeleteAsync($"/api/cases/{caseId}/documents/{document.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await (await _client.GetAsync($"/api/cases/{caseId}/documents")).ReadAsync<List<DocumentDto>>());
    }

    [Fact]
    public async Task A_deleted_document_keeps_its_row_and_its_file()
    {
        var caseId = await app.NewCaseAsync();
        var document = await UploadedAsync(caseId, Samples.Pdf, "scan.pdf");

        await _client.DeleteAsync($"/api/cases/{caseId}/documents/{document.Id}");

        var listed = await (await _client.GetAsync($"/api/cases/{caseId}/documents?includeDeleted=true")).ReadAsync<List<DocumentDto>>();
        Assert.NotNull(Assert.Single(listed).DeletedAt);
        Assert.Contains(app.StoredFiles(), f => f.EndsWith(document.Id.ToString("N"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Downloading_a_deleted_document_is_a_409()
    {
        var caseId = await app.NewCaseAsync();
        var document = await UploadedAsync(caseId, Samples.Pdf, "scan.pdf");
        await _client.DeleteAsync($"/api/cases/{caseId}/documents/{document.Id}");

        var response = await _client.GetAsync($"/api/cases/{caseId}/documents/{document.Id}/content");

        await response.ProblemAsync(HttpStatusCode.Conflict, "document_deleted");
    }

    [Fact]
    public async Task Deleting_twice_returns_409()
    {
        var caseId = await app.NewCaseAsync();
        var document = await UploadedAsync(caseId, Samples.Pdf, "scan.pdf");
        await _client.DeleteAsync($"/api/cases/{caseId}/documents/{document.Id}");

        var response = await _client.DeleteAsync($"/api/cases/{caseId}/documents/{document.Id}");

        await response.ProblemAsync(HttpStatusCode.Conflict, "document_deleted");
    }

    [Fact]
    public async Task Deleting_is_audited()
    {
        var caseId = await app.NewCaseAsync();
        var document = await UploadedAsync(caseId, Samples.Pdf, "scan.pdf");

        await _client.DeleteAsync($"/api/cases/{caseId}/documents/{document.Id}");

        var entry = await app.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.CaseId == caseId && a.Action == "document.deleted"));
        Assert.Equal(document.Id.ToString(), entry.EntityId);
    }
}
