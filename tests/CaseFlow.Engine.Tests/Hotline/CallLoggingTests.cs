using System.Net;
using CaseFlow.Engine.Hotline;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Tests.Hotline;

public sealed class CallLoggingTests(HotlineApp app) : IClassFixture<HotlineApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Logging_a_call_returns_201_with_the_phone_in_its_canonical_form()
    {
        var unit = await app.UnitAsync();

        var response = await _client.LogCallAsync(new
        {
            callerPhone = "+86 138 0000 1111", callerName = "王小明", category = "legal_advice", description = "劳动合同到期不续签",
            urgency = "urgent", unitId = unit.Id,
        });

        var call = await response.ReadAsync<CallDto>(HttpStatusCode.Created);
        Assert.Equal($"/api/hotline/calls/{call.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("13800001111", "legal_advice", "Urgent", "Open", 1), (call.CallerPhone, call.Category, call.Urgency, call.Outcome, call.Version));
        Assert.Equal(call, await (await _client.GetAsync($"/api/hotline/calls/{call.Id}")).ReadAsync<CallDto>());
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1381234567")]
    [InlineData("88881234")]
    public async Task A_phone_that_is_neither_a_mobile_nor_a_landline_with_area_code_returns_422_phone_invalid(string phone)
    {
        var unit = await app.UnitAsync();

        var response = await _client.LogCallAsync(new { callerPhone = phone, category = "other", description = "咨询", unitId = unit.Id });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "phone_invalid");
        Assert.Equal("callerPhone", problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("category", "gossip")]
    [InlineData("urgency", "whenever")]
    [InlineData("description", "")]
    public async Task An_invalid_field_returns_422_naming_it_and_logs_nothing(string field, string value)
    {
        var unit = await app.UnitAsync();
        var body = new Dictionary<string, object?>
        {
            ["callerPhone"] = HotlineCalls.NewPhone(), ["category"] = "other", ["description"] = "咨询", ["unitId"] = unit.Id, [field] = value,
        };

        var response = await _client.LogCallAsync(body);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(0, await app.QueryAsync(db => db.Calls.CountAsync(c => c.UnitId == unit.Id)));
    }

    [Fact]
    public async Task A_call_for_a_unit_that_does_not_exist_returns_404()
    {
        var response = await _client.LogCallAsync(new { callerPhone = HotlineCalls.NewPhone(), category = "other", description = "咨询", unitId = Guid.NewGuid() });

        await response.ProblemAsync(HttpStatusCode.NotFound, "unit_not_found");
    }

    [Fact]
    public async Task A_caller_whose_phone_belongs_to_one_person_is_matched_to_them()
    {
        var unit = await app.UnitAsync();
        var phone = HotlineCalls.NewPhone();
        var person = await app.PersonAsync(unit, "赵大海", phone);

        var call = await _client.LogAsync(unit.Id, phone, name: null);

        Assert.Equal((person.Id, "赵大海"), (call.PersonId, call.CallerName));
    }

    [Fact]
    public async Task A_new_caller_with_a_name_becomes_a_person_with_that_phone()
    {
        var unit = await app.UnitAsync();
        var phone = HotlineCalls.NewPhone();

        var call = await _client.LogAsync(unit.Id, phone, name: "钱小红");

        var person = await app.QueryAsync(db => db.People.SingleAsync(p => p.Id == call.PersonId));
        Assert.Equal(("钱小红", phone, unit.Id), (person.Name, person.Phone, person.UnitId));
    }

    [Fact]
    public async Task A_phone_shared_by_two_people_matches_nobody_and_files_no_one_new()
    {
        var unit = await app.UnitAsync();
        var phone = HotlineCalls.NewPhone();
        await app.PersonAsync(unit, "孙一", phone);
        await app.PersonAsync(unit, "孙二", phone);

        var call = await _client.LogAsync(unit.Id, phone, name: "孙三");

        Assert.Null(call.PersonId);
        Assert.Equal(2, await app.QueryAsync(db => db.People.CountAsync(p => p.Phone == phone)));
    }

    [Fact]
    public async Task An_employer_named_exactly_is_linked_by_its_id()
    {
        var unit = await app.UnitAsync();
        var employer = await app.EmployerAsync(unit);

        var call = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone(), "wage_arrears", employerName: employer.Name);

        Assert.Equal(employer.Id, call.EmployerId);
    }

    [Fact]
    public async Task A_call_answered_on_the_phone_is_logged_answered_in_one_request()
    {
        var unit = await app.UnitAsync();

        var call = await _client.LogAsync(unit.Id, HotlineCalls.NewPhone(), answer: "已告知仲裁时效为一年");

        Assert.Equal(("Answered", "已告知仲裁时效为一年"), (call.Outcome, call.Answer));
    }

    [Fact]
    public async Task Logging_writes_an_audit_row_with_the_caller_masked()
    {
        var unit = await app.UnitAsync();

        var call = await _client.LogAsync(unit.Id, "13912345678", name: "周星星");

        var audit = await app.QueryAsync(db => db.AuditLog.SingleAsync(a => a.Action == "call.logged" && a.EntityId == call.Id.ToString()));
        Assert.Contains("139****5678", audit.After);
        Assert.Contains("周*星", audit.After);
        Assert.DoesNotContain("13912345678", audit.After);
        Assert.DoesNotContain("周星星", audit.After);
    }
}
