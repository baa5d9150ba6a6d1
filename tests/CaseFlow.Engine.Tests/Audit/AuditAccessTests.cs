using System.Net;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Documents;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Audit;

/// <summary>Who reads the audit log, and how much of it.</summary>
public sealed class AuditAccessTests(DocumentsApp app) : IClassFixture<DocumentsApp>
{
    [Fact]
    public async Task A_caseworker_may_not_read_the_audit_log()
    {
        var caseworker = await app.ClientAsAsync((await app.UnitsAsync()).TownA, Roles.CaseWorker);

        var response = await caseworker.GetAsync("/api/audit");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_caseworker_may_not_export_the_audit_log()
    {
        var caseworker = await app.ClientAsAsync((await app.UnitsAsync()).TownA, Roles.CaseWorker);

        var response = await caseworker.GetAsync("/api/audit/export");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_town_auditor_sees_only_what_the_town_did()
    {
        var units = await app.UnitsAsync();
        var inA = await app.ClientAsAsync(units.TownA, Roles.CaseWorker);
        var inB = await app.ClientAsAsync(units.TownB, Roles.CaseWorker);
        await inA.UploadAsync(await app.NewCaseAsync(units.TownA), Samples.Pdf, "a.pdf");
        await inB.UploadAsync(await app.NewCaseAsync(units.TownB), Samples.Pdf, "b.pdf");
        var auditor = await app.ClientAsAsync(units.TownA, Roles.Auditor);

        var page = await (await auditor.GetAsync("/api/audit?action=document.uploaded&pageSize=500")).ReadAsync<PageDto<AuditEntryDto>>();

        var users = page.Items.Select(e => e.UserName).ToHashSet();
        Assert.Equal((true, false), (users.Contains(inA.UserName()), users.Contains(inB.UserName())));
    }
}
