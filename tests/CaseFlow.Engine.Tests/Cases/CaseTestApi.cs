using System.Net;
using System.Net.Http.Json;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Cases;

/// <summary>The case routes as the tests call them.</summary>
public static class CaseTestApi
{
    public static Task<HttpResponseMessage> OpenCaseAsync(this HttpClient client, object body) => client.PostJsonAsync("/api/cases", body);

    /// <summary>A case opened without a workflow (unless <paramref name="family"/> has one), with a title of its own.</summary>
    public static async Task<CaseDto> OpenAsync(this HttpClient client, Guid unitId, string title = "Unpaid wages", string family = "LegalAid",
        Guid? applicantId = null, Guid? employerId = null, string[]? tags = null, decimal? amountClaimed = null) =>
        await (await client.OpenCaseAsync(new { family, unitId, title, applicantId, employerId, tags, amountClaimed }))
            .ReadAsync<CaseDto>(HttpStatusCode.Created);

    public static async Task<CaseDto> CaseAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/cases/{id}")).ReadAsync<CaseDto>();

    public static Task<HttpResponseMessage> PatchCaseAsync(this HttpClient client, Guid id, object body) =>
        client.PatchAsync($"/api/cases/{id}", JsonContent.Create(body, options: TestApi.Json));

    public static async Task<SlicePageDto<CaseSummaryDto>> SearchAsync(this HttpClient client, string query) =>
        await (await client.GetAsync($"/api/cases?{query}")).ReadAsync<SlicePageDto<CaseSummaryDto>>();

    public static async Task<SlicePageDto<TimelineLineDto>> TimelineAsync(this HttpClient client, Guid id, string query = "") =>
        await (await client.GetAsync($"/api/cases/{id}/timeline?{query}")).ReadAsync<SlicePageDto<TimelineLineDto>>();
}
