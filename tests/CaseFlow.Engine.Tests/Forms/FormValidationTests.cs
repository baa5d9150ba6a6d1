using System.Net;
using System.Text.Json;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Forms;

/// <summary>Completing a task that has a form is checked against the form's validate rules, on the server.</summary>
public sealed class FormValidationTests(FormValidationTests.App app) : IClassFixture<FormValidationTests.App>
{
    /// <summary>The visit-check form and a process whose task uses it, deployed once for the class.</summary>
    public sealed class App : CaseFlowApp
    {
        private bool _deployed;
        private readonly SemaphoreSlim _gate = new(1, 1);

        public async Task<HttpClient> ClientAsync()
        {
            var client = CreateClient();
            await _gate.WaitAsync();
            try
            {
                if (!_deployed)
                {
                    await client.DeployFormAsync(FormFiles.VisitCheck("visit-check"));
                    await client.DeployProcessFixtureAsync("form-task.bpmn");
                    await client.DeployProcessFixtureAsync("embedded-form.bpmn");
                    _deployed = true;
                }
            }
            finally
            {
                _gate.Release();
            }
            return client;
        }
    }

    private static Dictionary<string, object?> Valid() => new()
    {
        ["inspector"] = "张三",
        ["phone"] = "13800000000",
        ["members"] = 3,
        ["signed"] = true,
        ["finding"] = "confirmed",
        ["checks"] = new[] { "housing", "income" },
        ["address"] = new Dictionary<string, object?> { ["street"] = "人民路1号" },
    };

    private async Task<(HttpClient Client, Guid TaskId, Guid InstanceId)> OpenVisitAsync()
    {
        var client = await app.ClientAsync();
        var started = await client.StartAsync("form-task");
        return (client, (await client.OpenTaskAsync(started.Id)).Id, started.Id);
    }

    public static TheoryData<string, object?, string, string> BrokenRules() => new()
    {
        { "inspector", null, "inspector", "required" },
        { "inspector", "", "inspector", "required" },
        { "inspector", "张", "inspector", "minLength" },
        { "inspector", "一二三四五六七八九十一", "inspector", "maxLength" },
        { "inspector", 42, "inspector", "type" },
        { "phone", "12345", "phone", "pattern" },
        { "members", 0, "members", "min" },
        { "members", 21, "members", "max" },
        { "members", "three", "members", "type" },
        { "signed", false, "signed", "required" },
        { "signed", "yes", "signed", "type" },
        { "finding", "maybe", "finding", "option" },
        { "checks", new[] { "garden" }, "checks", "option" },
        { "address", new Dictionary<string, object?>(), "address.street", "required" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task A_broken_rule_refuses_the_completion_with_422_naming_the_field(string key, object? value, string field, string rule)
    {
        var (client, taskId, _) = await OpenVisitAsync();
        var variables = Valid();
        variables[key] = value;

        var problem = await (await client.CompleteAsync(taskId, variables)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "form_validation_failed");

        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(rule, Assert.Single(problem.GetProperty("errors").EnumerateArray()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task A_refused_completion_writes_nothing()
    {
        var (client, taskId, instanceId) = await OpenVisitAsync();
        var variables = Valid();
        variables["members"] = 0;

        await client.CompleteAsync(taskId, variables);

        var instance = await client.InstanceAsync(instanceId);
        Assert.Equal(("Active", "visit", false), (instance.Status, Assert.Single(instance.ActiveElements).ElementId, instance.Variables.ContainsKey("inspector")));
    }

    [Fact]
    public async Task Every_broken_rule_is_listed_at_once()
    {
        var (client, taskId, _) = await OpenVisitAsync();

        var problem = await (await client.CompleteAsync(taskId, new { members = 99, phone = "x" })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        var broken = problem.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("field").GetString()}:{e.GetProperty("rule").GetString()}");
        Assert.Equal(["inspector:required", "phone:pattern", "members:max", "signed:required", "finding:required", "address.street:required"], broken);
    }

    [Fact]
    public async Task Valid_variables_complete_the_task()
    {
        var (client, taskId, instanceId) = await OpenVisitAsync();
        var variables = Valid();
        variables["finding"] = "notConfirmed";
        variables["reason"] = "收入与申报不符";

        (await client.CompleteAsync(taskId, variables)).EnsureSuccessStatusCode();

        Assert.Equal("Completed", (await client.InstanceAsync(instanceId)).Status);
    }

    [Fact]
    public async Task A_field_the_form_hides_is_not_required()
    {
        var (client, taskId, _) = await OpenVisitAsync();

        var response = await client.CompleteAsync(taskId, Valid());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_field_the_form_shows_on_a_condition_is_required_when_shown()
    {
        var (client, taskId, _) = await OpenVisitAsync();
        var variables = Valid();
        variables["finding"] = "notConfirmed";

        var problem = await (await client.CompleteAsync(taskId, variables)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "form_validation_failed");

        Assert.Equal("reason", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_embedded_form_is_checked_too()
    {
        var client = await app.ClientAsync();
        var started = await client.StartAsync("embedded-form");
        var task = await client.OpenTaskAsync(started.Id);

        var problem = await (await client.CompleteAsync(task.Id, new { other = 1 })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "form_validation_failed");

        Assert.Equal("note", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_task_whose_embedded_form_is_not_json_is_refused_with_422_and_stays_open()
    {
        var client = await app.ClientAsync();
        await client.DeployProcessFixtureAsync("embedded-broken.bpmn");
        var started = await client.StartAsync("embedded-broken");
        var task = await client.OpenTaskAsync(started.Id);

        await (await client.CompleteAsync(task.Id, new { note = "已回访" })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "form_invalid");

        Assert.Equal("Active", (await client.InstanceAsync(started.Id)).Status);
    }

    [Fact]
    public async Task Completing_a_completed_task_answers_409_whatever_its_variables()
    {
        var (client, taskId, _) = await OpenVisitAsync();
        await client.CompleteAsync(taskId, Valid());

        await (await client.CompleteAsync(taskId, new { members = 0 })).ProblemAsync(HttpStatusCode.Conflict, "task_not_active");
    }

    [Fact]
    public async Task A_task_whose_form_is_not_deployed_completes_unchecked()
    {
        var client = await app.ClientAsync();
        await client.DeployProcessFixtureAsync("missing-form.bpmn");
        var started = await client.StartAsync("missing-form");
        var task = await client.OpenTaskAsync(started.Id);

        (await client.CompleteAsync(task.Id, new { anything = true })).EnsureSuccessStatusCode();

        Assert.Equal("Completed", (await client.InstanceAsync(started.Id)).Status);
    }
}
