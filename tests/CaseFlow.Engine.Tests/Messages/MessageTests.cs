using System.Net;
using CaseFlow.Engine.Messages;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Messages;

/// <summary>Publishing messages over HTTP: correlation by name and key, buffering with a time to live, message ids, start events.</summary>
public sealed class MessageTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();

    public async Task InitializeAsync() => await _client.DeployAsync("messages");

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<PublishedMessageDto> PublishAsync(object message) =>
        await (await _client.PostJsonAsync("/api/messages", message)).ReadAsync<PublishedMessageDto>();

    private static string CaseId() => $"GH-{Guid.NewGuid():N}"[..16];

    [Fact]
    public async Task A_message_reaches_the_instance_waiting_for_its_name_and_correlation_key()
    {
        var caseId = CaseId();
        var waiting = await _client.StartAsync("documentsWait", new { caseId });
        var other = await _client.StartAsync("documentsWait", new { caseId = CaseId() });

        var published = await PublishAsync(new { name = "documents", correlationKey = caseId, variables = new { pages = 4 } });

        Assert.Equal([waiting.Id], published.CorrelatedInstances);
        Assert.False(published.Buffered);
        var moved = await _client.InstanceAsync(waiting.Id);
        Assert.Equal(("checkDocuments", 4m), (Assert.Single(moved.ActiveElements).ElementId, moved.Variables["pages"]));
        Assert.Equal("documentsArrive", Assert.Single((await _client.InstanceAsync(other.Id)).ActiveElements).ElementId);
    }

    [Fact]
    public async Task A_message_published_before_its_subscription_waits_for_its_time_to_live()
    {
        var caseId = CaseId();

        var published = await PublishAsync(new { name = "documents", correlationKey = caseId, variables = new { pages = 2 }, timeToLive = 60_000 });
        var instance = await _client.StartAsync("documentsWait", new { caseId });

        Assert.True(published.Buffered);
        Assert.Empty(published.CorrelatedInstances);
        Assert.Equal(("checkDocuments", 2m), (Assert.Single(instance.ActiveElements).ElementId, instance.Variables["pages"]));
    }

    [Fact]
    public async Task A_buffered_message_is_taken_by_one_subscription_only()
    {
        var caseId = CaseId();
        await PublishAsync(new { name = "documents", correlationKey = caseId, timeToLive = 60_000 });

        var first = await _client.StartAsync("documentsWait", new { caseId });
        var second = await _client.StartAsync("documentsWait", new { caseId });

        Assert.Equal("checkDocuments", Assert.Single(first.ActiveElements).ElementId);
        Assert.Equal("documentsArrive", Assert.Single(second.ActiveElements).ElementId);
    }

    [Fact]
    public async Task An_expired_message_is_not_taken()
    {
        var caseId = CaseId();
        await PublishAsync(new { name = "documents", correlationKey = caseId, timeToLive = 100 });

        await Task.Delay(300);
        var instance = await _client.StartAsync("documentsWait", new { caseId });

        Assert.Equal("documentsArrive", Assert.Single(instance.ActiveElements).ElementId);
    }

    [Fact]
    public async Task A_message_without_time_to_live_that_reaches_nobody_is_dropped()
    {
        var caseId = CaseId();
        var published = await PublishAsync(new { name = "documents", correlationKey = caseId });

        var instance = await _client.StartAsync("documentsWait", new { caseId });

        Assert.False(published.Buffered);
        Assert.Equal("documentsArrive", Assert.Single(instance.ActiveElements).ElementId);
    }

    [Fact]
    public async Task A_message_start_event_starts_the_latest_version_with_the_message_variables()
    {
        var published = await PublishAsync(new { name = "complaint-filed", variables = new { caller = "Li Wei" } });

        var started = Assert.Single(published.StartedInstances);
        var instance = await _client.InstanceAsync(started);
        Assert.Equal(("complaintIntake", "triage", "Li Wei"), (instance.ProcessId, Assert.Single(instance.ActiveElements).ElementId, instance.Variables["caller"]));
    }

    [Fact]
    public async Task Publishing_the_same_message_id_again_changes_nothing_and_answers_as_the_first_time()
    {
        var messageId = Guid.NewGuid().ToString();
        var first = await PublishAsync(new { name = "complaint-filed", messageId, variables = new { caller = "Zhao Min" } });

        var again = await PublishAsync(new { name = "complaint-filed", messageId, variables = new { caller = "someone else" } });

        Assert.Equivalent(first, again);
        var started = Assert.Single(first.StartedInstances);
        var complaints = await _client.GetAsync<CaseFlow.Engine.Api.PageDto<CaseFlow.Engine.Instances.InstanceSummaryDto>>(
            "/api/instances?processId=complaintIntake&pageSize=500", _ => true, "the list");
        Assert.Single(complaints.Items, i => i.Id == started);
        Assert.Equal("Zhao Min", (await _client.InstanceAsync(started)).Variables["caller"]);
    }

    [Fact]
    public async Task A_message_thrown_by_an_instance_reaches_the_instance_waiting_for_it()
    {
        var caseId = CaseId();
        var waiting = await _client.StartAsync("documentsWait", new { caseId });

        var sender = await _client.StartAsync("documentsSender", new { caseId });

        Assert.Equal("Completed", sender.Status);
        Assert.Equal("checkDocuments", Assert.Single((await _client.InstanceAsync(waiting.Id)).ActiveElements).ElementId);
    }

    [Fact]
    public async Task A_receive_task_completes_with_the_message_variables()
    {
        var caseId = CaseId();
        var instance = await _client.StartAsync("employerReply", new { caseId });

        var published = await PublishAsync(new { name = "employer-reply", correlationKey = caseId, variables = new { agreesToPay = true } });

        Assert.Equal([instance.Id], published.CorrelatedInstances);
        var after = await _client.InstanceAsync(instance.Id);
        Assert.Equal(("readReply", true), (Assert.Single(after.ActiveElements).ElementId, after.Variables["agreesToPay"]));
    }

    [Fact]
    public async Task A_boundary_message_interrupts_the_task_and_withdraws_it()
    {
        var caseId = CaseId();
        var instance = await _client.StartAsync("mediation", new { caseId });
        var task = await _client.OpenTaskAsync(instance.Id);

        await PublishAsync(new { name = "withdrawn", correlationKey = caseId });

        Assert.Equal("closeCase", Assert.Single((await _client.InstanceAsync(instance.Id)).ActiveElements).ElementId);
        Assert.Equal("Cancelled", (await (await _client.GetAsync($"/api/tasks/{task.Id}")).ReadAsync<CaseFlow.Engine.Tasks.TaskDto>()).State);
        Assert.Empty((await PublishAsync(new { name = "withdrawn", correlationKey = caseId })).CorrelatedInstances);
    }

    [Fact]
    public async Task A_cancelled_instance_no_longer_receives_messages()
    {
        var caseId = CaseId();
        var instance = await _client.StartAsync("documentsWait", new { caseId });
        await (await _client.PostJsonAsync($"/api/instances/{instance.Id}/cancel", new { })).ReadAsync<CaseFlow.Engine.Instances.InstanceDto>();

        var published = await PublishAsync(new { name = "documents", correlationKey = caseId });

        Assert.Empty(published.CorrelatedInstances);
    }

    [Theory]
    [InlineData("{}", "name")]
    [InlineData("{\"name\":\" \"}", "name")]
    [InlineData("{\"name\":\"documents\",\"timeToLive\":-1}", "timeToLive")]
    [InlineData("{\"name\":\"documents\",\"messageId\":\"\"}", "messageId")]
    public async Task A_message_with_a_missing_or_invalid_field_returns_422_naming_it(string body, string field)
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }
}
