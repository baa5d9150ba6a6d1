using System.Net;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Cases;

public sealed class CaseExportTests(CasesApp app) : IClassFixture<CasesApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task The_export_is_the_search_as_csv_with_names_masked()
    {
        var unit = await app.UnitAsync();
        var person = await app.PersonAsync(unit, "张三明");
        var opened = await _client.OpenAsync(unit.Id, title: "=HYPERLINK(\"x\")", applicantId: person.Id, amountClaimed: 1200m);

        var response = await _client.GetAsync($"/api/cases/export?unitId={unit.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("number,family,status", lines[0]);
        var line = Assert.Single(lines[1..]);
        Assert.StartsWith($"{opened.Number},LegalAid,Open,Normal,{unit.Code},", line);
        Assert.Contains(",张*明,", line);
        Assert.DoesNotContain("张三明", line);
        Assert.DoesNotContain(",=HYPERLINK", line);
        Assert.Contains(",1200.00,", line);
    }

    [Fact]
    public async Task An_export_is_audited_with_its_criteria_masked()
    {
        var unit = await app.UnitAsync();

        (await _client.GetAsync($"/api/cases/export?unitId={unit.Id}&person={Uri.EscapeDataString("李四光")}")).EnsureSuccessStatusCode();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "case.exported" && a.After!.Contains(unit.Id.ToString()));
        Assert.Contains("李*光", audit.After);
        Assert.DoesNotContain("李四光", audit.After);
    }
}
