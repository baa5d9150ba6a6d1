using CaseFlow.Engine.Calendars;
using CaseFlow.Engine.Tasks;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Workflows;

/// <summary>A hotline call through the shipped triage workflow: answered or referred, then called back in time.</summary>
public sealed class HotlineTriageTests(ShippedApp app) : IClassFixture<ShippedApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private static object Call(string urgency) => new
    {
        callId = $"CALL-{Random.Shared.Next(1_000_000):D6}", category = "wageArrears", description = "工地拖欠三个月工资",
        urgency, callerName = "李建国", callerPhone = "13700001111",
    };

    private async Task<TaskDto> TriageAsync(Guid instanceId, object variables)
    {
        var task = await _client.OpenTaskAsync(instanceId);
        Assert.Equal("triage", task.ElementId);
        await (await _client.CompleteAsync(task.Id, variables, user: "operator-1")).ReadAsync<TaskDto>();
        return await _client.OpenTaskAsync(instanceId);
    }

    private async Task<DateTimeOffset> WorkingDaysAsync(DateTimeOffset from, int days)
    {
        var url = $"/api/calendars/working-days?from={Uri.EscapeDataString(from.ToString("O"))}&days={days}";
        return DateTimeOffset.Parse((await (await _client.GetAsync(url)).ReadAsync<WorkingDaysDto>()).Due);
    }

    [Fact]
    public async Task Triage_is_an_operators_task_with_the_triage_form()
    {
        var started = await _client.StartAsync("hotline-triage", Call("normal"));

        var task = await _client.OpenTaskAsync(started.Id);

        Assert.Equal(("operator", "hotline-triage"), (Assert.Single(task.CandidateGroups), task.FormKey));
    }

    [Fact]
    public async Task An_answered_call_is_called_back_within_two_working_days()
    {
        var started = await _client.StartAsync("hotline-triage", Call("normal"));

        var callBack = await TriageAsync(started.Id, new { category = "legal", summary = "咨询加班费计算方法", outcome = "answered", answer = "已告知按劳动法第四十四条计算。" });

        Assert.Equal(("callBack", true, await WorkingDaysAsync(callBack.CreatedAt, 2)),
            (callBack.ElementId, callBack.DueInWorkingDays, callBack.DueDate!.Value));
    }

    [Fact]
    public async Task An_urgent_call_is_called_back_within_one_working_day()
    {
        var started = await _client.StartAsync("hotline-triage", Call("urgent"));

        var callBack = await TriageAsync(started.Id, new { category = "wageArrears", summary = "三十名工人被拖欠工资", outcome = "referred", referTo = "wageArrears" });

        Assert.Equal(await WorkingDaysAsync(callBack.CreatedAt, 1), callBack.DueDate);
    }

    [Fact]
    public async Task A_referred_call_records_the_referral_and_closes_after_the_call_back()
    {
        var call = Call("normal");
        var started = await _client.StartAsync("hotline-triage", call);
        var callBack = await TriageAsync(started.Id, new { category = "hardship", summary = "家属重病，生活困难", outcome = "referred", referTo = "aid" });

        await (await _client.CompleteAsync(callBack.Id, new { callbackReached = "yes", callerSatisfaction = "satisfied", callbackNote = "已告知帮扶申请进度。" })).ReadAsync<TaskDto>();

        var done = await _client.InstanceAsync(started.Id);
        var referral = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(done.Variables["referral"]);
        Assert.Equal(("Completed", "aid", "hardship"), (done.Status, referral["family"], referral["category"]));
    }

    [Fact]
    public async Task A_referral_without_its_target_is_refused_by_the_triage_form()
    {
        var started = await _client.StartAsync("hotline-triage", Call("normal"));
        var task = await _client.OpenTaskAsync(started.Id);

        var problem = await (await _client.CompleteAsync(task.Id, new { category = "dispute", summary = "被公司无故辞退", outcome = "referred" }))
            .ProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity, "form_validation_failed");

        Assert.Equal("referTo", problem.GetProperty("field").GetString());
    }
}
