using System.Data.Common;
using System.Net;
using System.Text.Json;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.People;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.People;

/// <summary>Real-format resident IDs (check characters computed by hand), requests, and raw reads of what was stored.</summary>
internal static class PeopleData
{
    // Each valid: ISO 7064 MOD 11-2 over the first 17 digits.
    public const string WomanId = "11010519491231002X";
    public const string ManId = "340102198511200016";
    public const string ChildId = "330106200002290045";
    private static int _sequence;

    /// <summary>
    /// A fresh valid number for each call (born 1980 + n days, Hangzhou Xihu): the check character is
    /// computed here, independently of the service's code, from the standard's weights.
    /// </summary>
    public static string NewResidentId()
    {
        var n = Interlocked.Increment(ref _sequence);
        var first17 = $"330106{new DateOnly(1980, 1, 1).AddDays(n):yyyyMMdd}{n % 1000:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    public static object Zhang(Guid unitId, string residentId = WomanId, string name = "张三明", string phone = "13812345678") => new
    {
        name,
        phone,
        residentId,
        address = "浙江省杭州市西湖区文三路100号",
        bankName = "中国工商银行",
        bankAccount = "6222021234567890",
        health = "尿毒症, 每周透析三次",
        household = new
        {
            members = new[] { new { name = "张小明", relation = "child", residentId = ChildId, monthlyIncome = 0m } },
            monthlyIncome = 1800m,
            hardshipCause = "illness",
        },
        unitId,
    };

    public static async Task<PersonDto> CreatePersonAsync(this HttpClient client, object request) =>
        await (await client.PostJsonAsync("/api/people", request)).ReadAsync<PersonDto>(HttpStatusCode.Created);

    public static async Task<PageDto<PersonDto>> PeopleAsync(this HttpClient client, string query) =>
        await (await client.GetAsync($"/api/people?{query}")).ReadAsync<PageDto<PersonDto>>();

    public static async Task<PageDto<PersonDto>> SearchPeopleAsync(this HttpClient client, object search) =>
        await (await client.PostJsonAsync("/api/people/search", search)).ReadAsync<PageDto<PersonDto>>();

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object body) =>
        client.PatchAsync(url, System.Net.Http.Json.JsonContent.Create(body, options: TestApi.Json));

    /// <summary>Every column of the person's row as the database holds it, read with plain SQL.</summary>
    public static async Task<Dictionary<string, string?>> RawRowAsync(CaseFlowApp app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        var rows = new List<Dictionary<string, string?>>();
        DbConnection connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM people";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, string?>();
            for (var i = 0; i < reader.FieldCount; i++)
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows.Single(r => Guid.Parse(r["id"]!) == id);
    }

    public static async Task<List<AuditEntry>> AuditOfAsync(CaseFlowApp app, Guid personId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseFlowDb>().AuditLog.AsNoTracking()
            .Where(a => a.PersonId == personId).OrderBy(a => a.Id).ToListAsync();
    }

    public static JsonElement Json(string? text) => JsonSerializer.Deserialize<JsonElement>(text!);
}
