using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Live;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tasks;
using CaseFlow.Engine.Tests.Cases;
using CaseFlow.Engine.Tests.Infrastructure;
using CaseFlow.Engine.Tests.Workflows;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Live;

/// <summary>The live hub: who hears which task and case events, and that only committed changes are heard.</summary>
public sealed class LiveHubTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();
    private readonly string _process = "live" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync() =>
        await (await _client.DeployXmlAsync(TestApi.Renamed("single-task", "single", _process))).ReadAsync<DeploymentDto>(HttpStatusCode.Created);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A new user with <paramref name="role"/> at <paramref name="unitId"/>, connected with their sign-in cookie as the web app is.</summary>
    private async Task<HubClient> UserAsync(Guid unitId, string role) => await ConnectAsUserAsync(app, unitId, role);

    internal static async Task<HubClient> ConnectAsUserAsync(WebApplicationFactory<Program> app, Guid unitId, string role)
    {
        var userName = "u" + Guid.NewGuid().ToString("N")[..10];
        const string password = "correct horse battery";
        var admin = app.CreateClient();
        (await admin.PostJsonAsync("/api/users", new { userName, displayName = userName, unitId, password, roles = new[] { new { role, unitId } } }))
            .EnsureSuccessStatusCode();
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        anonymous.DefaultRequestHeaders.Authorization = null;
        var signIn = await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { userName, password });
        signIn.EnsureSuccessStatusCode();
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("caseflow.auth=", StringComparison.Ordinal)));
        Assert.NotEmpty(cookie);
        return await HubClient.ConnectAsync(app, headers => headers.Cookie(cookie));
    }

    private async Task<InstanceDto> StartAsync(Guid unitId) =>
        await (await _client.PostJsonAsync("/api/instances", new { processId = _process, unitId })).ReadAsync<InstanceDto>(HttpStatusCode.Created);

    private static Func<JsonElement, bool> TaskOf(Guid instanceId, string change) => e =>
        e.GetProperty("instanceId").GetGuid() == instanceId && e.GetProperty("change").GetString() == change;

    [Fact]
    public async Task Completing_a_task_elsewhere_sends_taskChanged_completed_to_a_caseworker_of_its_unit()
    {
        var units = await app.UnitsAsync();
        var instance = await StartAsync(units.TownA);
        var task = await _client.OpenTaskAsync(instance.Id);
        await using var caseworker = await UserAsync(units.TownA, Roles.CaseWorker);

        (await _client.CompleteAsync(task.Id)).EnsureSuccessStatusCode();

        var heard = await caseworker.NextAsync("taskChanged", TaskOf(instance.Id, "completed"));
        var expected = new { taskId = task.Id, instanceId = instance.Id, caseId = (Guid?)null, unitId = (Guid?)units.TownA, elementId = "task", name = "Do it", change = "completed" };
        Assert.Equal(expected, new
        {
            taskId = heard.GetProperty("taskId").GetGuid(), instanceId = heard.GetProperty("instanceId").GetGuid(),
            caseId = heard.GetProperty("caseId").ValueKind == JsonValueKind.Null ? (Guid?)null : heard.GetProperty("caseId").GetGuid(),
            unitId = (Guid?)heard.GetProperty("unitId").GetGuid(), elementId = heard.GetProperty("elementId").GetString()!,
            name = heard.GetProperty("name").GetString()!, change = heard.GetProperty("change").GetString()!,
        });
        Assert.True(heard.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task A_new_task_is_heard_at_the_units_above_its_own_but_not_in_another_town()
    {
        var units = await app.UnitsAsync();
        await using var county = await UserAsync(units.County, Roles.Supervisor);
        await using var otherTown = await UserAsync(units.TownB, Roles.CaseWorker);

        var instance = await StartAsync(units.UnionA1);

        var heard = await county.NextAsync("taskChanged", TaskOf(instance.Id, "created"));
        Assert.Equal(units.UnionA1, heard.GetProperty("unitId").GetGuid());
        // Both were sent in one go on this node: what the other town would have heard has arrived by now.
        await Task.Delay(200);
        Assert.DoesNotContain(otherTown.Received(), e => e.Argument.GetProperty("instanceId").GetGuid() == instance.Id);
    }

    [Fact]
    public async Task Claiming_and_unclaiming_are_heard_with_the_assignee()
    {
        var units = await app.UnitsAsync();
        var instance = await StartAsync(units.TownA);
        var task = await _client.OpenTaskAsync(instance.Id);
        await using var listener = await HubClient.ConnectAsync(app, headers => headers.Bearer(TestUsers.RootToken(app)));

        (await _client.PostJsonAsync($"/api/tasks/{task.Id}/claim", new { user = "li.ming" })).EnsureSuccessStatusCode();
        (await _client.PostJsonAsync($"/api/tasks/{task.Id}/unclaim", null)).EnsureSuccessStatusCode();

        var claimed = await listener.NextAsync("taskChanged", TaskOf(instance.Id, "claimed"));
        var unclaimed = await listener.NextAsync("taskChanged", TaskOf(instance.Id, "unclaimed"));
        Assert.Equal(("li.ming", JsonValueKind.Null), (claimed.GetProperty("assignee").GetString(), unclaimed.GetProperty("assignee").ValueKind));
    }

    [Fact]
    public async Task Watching_a_case_the_caller_cannot_see_fails_with_case_not_found()
    {
        var units = await app.UnitsAsync();
        var elsewhere = await _client.OpenAsync(units.TownB);
        await using var caseworker = await UserAsync(units.TownA, Roles.CaseWorker);

        var error = await Assert.ThrowsAsync<HubError>(() => caseworker.InvokeAsync("WatchCase", elsewhere.Id));

        Assert.Contains("case_not_found", error.Message);
    }

    [Fact]
    public async Task A_watcher_of_a_case_hears_a_note_added_to_it()
    {
        var units = await app.UnitsAsync();
        var watched = await _client.OpenAsync(units.TownA);
        await using var caseworker = await UserAsync(units.TownA, Roles.CaseWorker);
        await caseworker.InvokeAsync("WatchCase", watched.Id);

        (await _client.PostJsonAsync($"/api/cases/{watched.Id}/notes", new { text = "Called the employer." })).EnsureSuccessStatusCode();

        var heard = await caseworker.NextAsync("caseChanged", e => e.GetProperty("caseId").GetGuid() == watched.Id);
        Assert.Equal("note", heard.GetProperty("change").GetString());
    }

    [Fact]
    public async Task A_caller_without_credentials_cannot_connect()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => HubClient.ConnectAsync(app, _ => { }));

        Assert.Contains("401", refused.Message);
    }

    [Fact]
    public async Task A_change_rolled_back_after_it_was_saved_is_never_heard()
    {
        var units = await app.UnitsAsync();
        var rolledBack = await _client.OpenTaskAsync((await StartAsync(units.TownA)).Id);
        var committed = await _client.OpenTaskAsync((await StartAsync(units.TownA)).Id);
        await using var listener = await HubClient.ConnectAsync(app, headers => headers.Bearer(TestUsers.RootToken(app)));

        await AssignAsync(rolledBack.Id, "wang.fang", commit: false);
        await AssignAsync(committed.Id, "zhao.lei", commit: true);

        // Events go out in commit order: had the rolled-back claim been sent, it would come first.
        var first = await listener.NextAsync("taskChanged");
        Assert.Equal((committed.Id, "claimed"), (first.GetProperty("taskId").GetGuid(), first.GetProperty("change").GetString()));
    }

    /// <summary>Claims a task straight through the service's database context, inside a transaction it commits or rolls back.</summary>
    private async Task AssignAsync(Guid taskId, string assignee, bool commit)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var task = await db.UserTasks.SingleAsync(t => t.Id == taskId);
        task.Assignee = assignee;
        await db.SaveChangesAsync();
        if (commit) await transaction.CommitAsync();
        else await transaction.RollbackAsync();
    }

    [PostgresFact]
    public async Task On_PostgreSQL_a_task_completed_on_one_node_is_heard_by_a_client_of_another()
    {
        var units = await app.UnitsAsync();
        await using var nodeB = new ShippedNode(app.Database, builder => builder.UseSetting("Workflows:DeployOnStart", "false"));
        nodeB.CreateClient();
        await nodeB.Services.GetRequiredService<LiveListener>().Listening.WaitAsync(Eventually.Patience);
        var instance = await StartAsync(units.TownA);
        var task = await _client.OpenTaskAsync(instance.Id);
        await using var caseworkerOnB = await ConnectAsUserAsync(nodeB, units.TownA, Roles.CaseWorker);

        (await _client.CompleteAsync(task.Id)).EnsureSuccessStatusCode();

        var heard = await caseworkerOnB.NextAsync("taskChanged", TaskOf(instance.Id, "completed"));
        Assert.Equal(task.Id, heard.GetProperty("taskId").GetGuid());
    }
}
