using System.Net;
using CaseFlow.Engine.Forms;
using CaseFlow.Engine.Tasks;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Workflows;

/// <summary>A hardship-aid case through the shipped workflow, each task completed with valid data for its form.</summary>
public sealed class HardshipAidTests(ShippedApp app) : IClassFixture<ShippedApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private static readonly object Application = new
    {
        applicantName = "王秀英", applicantIdNumber = "33010219800101123X", applicantPhone = "13912345678",
        employer = "城南纺织厂", documentsComplete = true, applicationDecision = "accept",
    };

    private static object HouseholdFile(string cause) => new
    {
        hardshipCause = cause, householdSize = 3, monthlyIncomePerCapita = 800,
        householdMembers = "本人、丈夫（透析治疗）、女儿（在读高中）", hardshipDescription = "丈夫患尿毒症需长期透析，家庭收入微薄。",
    };

    private static readonly object Visit = new
    {
        visitDate = "2026-03-10", visitChecks = new[] { "housing", "members", "income", "medical" },
        visitFinding = "confirmed", visitNotes = "住房简陋，病历和收入证明齐全，情况属实。", visitSigned = true,
    };

    private static readonly object ReviewApproved = new { reviewDecision = "approve", reviewOpinion = "情况属实，同意上报。" };

    private static object Approval(decimal amount) => new { approvalDecision = "approve", approvedAmount = amount, approvalOpinion = "同意帮扶。" };

    private static readonly object Payment = new
    {
        paidAmount = 3000, paidOn = "2026-03-25", bankReference = "CB20260325-000123", paidByBankTransfer = true,
    };

    private static readonly object FollowUp = new
    {
        followUpMethod = "phone", familySituation = "improved", followUpNotes = "电话回访，女儿已正常上学。", keepFiled = true,
    };

    private static string CaseId() => $"2026-AID-{Random.Shared.Next(1_000_000):D6}";

    /// <summary>Completes the instance's one open task, which must be <paramref name="elementId"/> and show a form.</summary>
    private async Task<TaskDto> CompleteAsync(Guid instanceId, string elementId, object variables)
    {
        var task = await _client.OpenTaskAsync(instanceId);
        Assert.Equal(elementId, task.ElementId);
        (await _client.GetAsync($"/api/tasks/{task.Id}/form")).EnsureSuccessStatusCode();
        await (await _client.CompleteAsync(task.Id, variables, user: "caseworker-1")).ReadAsync<TaskDto>();
        return task;
    }

    /// <summary>From the application to the disclosure, approved at county level for <paramref name="amount"/>.</summary>
    private async Task<Guid> ToCountyApprovalAsync(string caseId, string cause)
    {
        var started = await _client.StartAsync("hardship-aid", new { caseId }, businessKey: caseId);
        await CompleteAsync(started.Id, "checkApplication", Application);
        await CompleteAsync(started.Id, "householdFile", HouseholdFile(cause));
        await CompleteAsync(started.Id, "householdVisit", Visit);
        await CompleteAsync(started.Id, "townReview", ReviewApproved);
        return started.Id;
    }

    [Fact]
    public async Task A_school_aid_case_runs_from_application_to_follow_up()
    {
        var id = await ToCountyApprovalAsync(CaseId(), "schooling");
        await CompleteAsync(id, "countyApproval", Approval(3000));
        await _client.WaitingAtAsync(id, "disclosure");
        await app.FireTimerAsync(id, "disclosurePassed");
        await CompleteAsync(id, "payAid", Payment);
        await CompleteAsync(id, "followUp", FollowUp);

        var done = await _client.InstanceAsync(id);
        var visited = (await _client.HistoryAsync(id)).Select(h => h.ElementId).ToHashSet();
        Assert.Equal(("Completed", true, false), (done.Status, visited.Contains("aidClosed"), visited.Contains("largeAmountApproval")));
    }

    [Fact]
    public async Task The_aid_level_decision_sets_the_amount_from_cause_income_and_household_size()
    {
        var id = await ToCountyApprovalAsync(CaseId(), "illness");

        var aid = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>((await _client.InstanceAsync(id)).Variables["aid"]);

        Assert.Equal((10000m, "大病深度困难"), (Convert.ToDecimal(aid["aidAmount"]), aid["aidCategory"]));
    }

    [Fact]
    public async Task A_large_amount_takes_the_extra_approval_level()
    {
        var id = await ToCountyApprovalAsync(CaseId(), "illness");
        await CompleteAsync(id, "countyApproval", Approval(10000));

        var task = await _client.OpenTaskAsync(id);

        Assert.Equal(("largeAmountApproval", "approver@county"), (task.ElementId, Assert.Single(task.CandidateGroups)));
    }

    [Fact]
    public async Task An_approved_large_amount_goes_on_to_disclosure()
    {
        var id = await ToCountyApprovalAsync(CaseId(), "illness");
        await CompleteAsync(id, "countyApproval", Approval(10000));
        await CompleteAsync(id, "largeAmountApproval", Approval(10000));

        await _client.WaitingAtAsync(id, "disclosure");
    }

    [Fact]
    public async Task An_objection_during_disclosure_sends_the_case_back_to_the_household_visit()
    {
        var caseId = CaseId();
        var id = await ToCountyApprovalAsync(caseId, "schooling");
        await CompleteAsync(id, "countyApproval", Approval(3000));
        await _client.WaitingAtAsync(id, "disclosure");

        var published = await _client.PostJsonAsync("/api/messages", new
        {
            name = "aid-objection", correlationKey = caseId, variables = new { objection = "申请人家中有营运车辆" },
        });
        published.EnsureSuccessStatusCode();

        await _client.WaitingAtAsync(id, "householdVisit");
    }

    [Fact]
    public async Task A_rejection_at_town_review_ends_the_case_as_rejected()
    {
        var started = await _client.StartAsync("hardship-aid", new { caseId = CaseId() });
        await CompleteAsync(started.Id, "checkApplication", Application);
        await CompleteAsync(started.Id, "householdFile", HouseholdFile("unemployment"));
        await CompleteAsync(started.Id, "householdVisit", Visit);
        await CompleteAsync(started.Id, "townReview", new { reviewDecision = "reject", reviewOpinion = "收入超过标准。" });

        var history = await _client.HistoryAsync(started.Id);

        Assert.Equal("Completed", (await _client.InstanceAsync(started.Id)).Status);
        Assert.Contains(history, h => h.ElementId == "rejected");
    }

    [Fact]
    public async Task A_rejection_at_county_approval_ends_the_case_as_rejected()
    {
        var id = await ToCountyApprovalAsync(CaseId(), "disability");
        await CompleteAsync(id, "countyApproval", new { approvalDecision = "reject", approvalOpinion = "材料不足。" });

        Assert.Contains(await _client.HistoryAsync(id), h => h.ElementId == "rejected");
    }

    [Fact]
    public async Task The_household_visit_is_due_in_five_working_days()
    {
        var started = await _client.StartAsync("hardship-aid", new { caseId = CaseId() });
        await CompleteAsync(started.Id, "checkApplication", Application);
        await CompleteAsync(started.Id, "householdFile", HouseholdFile("accident"));

        var visit = await _client.OpenTaskAsync(started.Id);

        var from = Uri.EscapeDataString(visit.CreatedAt.ToString("O"));
        var expected = await (await _client.GetAsync($"/api/calendars/working-days?from={from}&days=5")).ReadAsync<CaseFlow.Engine.Calendars.WorkingDaysDto>();
        Assert.Equal((true, DateTimeOffset.Parse(expected.Due)), (visit.DueInWorkingDays, visit.DueDate));
    }

    [Fact]
    public async Task An_overdue_household_visit_is_escalated_to_a_supervisor_and_stays_open()
    {
        var started = await _client.StartAsync("hardship-aid", new { caseId = CaseId() });
        await CompleteAsync(started.Id, "checkApplication", Application);
        await CompleteAsync(started.Id, "householdFile", HouseholdFile("accident"));

        await app.FireTimerAsync(started.Id, "visitOverdue");

        var open = (await _client.TasksAsync($"instanceId={started.Id}&state=Created")).Items;
        Assert.Equal(["householdVisit", "superviseVisit"], open.Select(t => t.ElementId).Order(StringComparer.Ordinal));
        Assert.Equal("supervisor", Assert.Single(open, t => t.ElementId == "superviseVisit").CandidateGroups.Single());
    }

    [Fact]
    public async Task A_payment_without_a_bank_reference_is_refused_by_its_form()
    {
        var id = await ToCountyApprovalAsync(CaseId(), "schooling");
        await CompleteAsync(id, "countyApproval", Approval(3000));
        await _client.WaitingAtAsync(id, "disclosure");
        await app.FireTimerAsync(id, "disclosurePassed");
        var task = await _client.OpenTaskAsync(id);

        var problem = await (await _client.CompleteAsync(task.Id, new { paidAmount = 3000, paidOn = "2026-03-25", paidByBankTransfer = true }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "form_validation_failed");

        Assert.Equal("bankReference", problem.GetProperty("field").GetString());
    }
}
