using System.Net;
using CaseFlow.Engine.Cases;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Tasks;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Cases;

/// <summary>
/// 办结消号: a case is struck off as closed only when its work is done; cancelling it stops its workflow,
/// in the same transaction as the status change.
/// </summary>
public sealed class CaseEndingTests(CasesApp app) : IClassFixture<CasesApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<T> QueryAsync<T>(Func<CaseFlowDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CaseFlowDb>());
    }

    /// <summary>A mediation case: its workflow waits at one user task ("Do it").</summary>
    private async Task<CaseDto> RunningCaseAsync()
    {
        await app.DeployMediationAsync();
        return await _client.OpenAsync((await app.UnitAsync()).Id, family: "Mediation");
    }

    [Fact]
    public async Task Cancelling_a_case_cancels_its_running_workflow()
    {
        var opened = await RunningCaseAsync();

        var cancelled = await (await _client.PatchCaseAsync(opened.Id, new { version = opened.Version, status = "Cancelled", reason = "withdrawn" }))
            .ReadAsync<CaseDto>();

        Assert.Equal("Cancelled", cancelled.Status);
        Assert.Equal("Cancelled", Assert.Single(cancelled.Instances).Status);
        Assert.Empty(cancelled.OpenTasks);
    }

    [Fact]
    public async Task Cancelling_a_case_cancels_its_open_task()
    {
        var opened = await RunningCaseAsync();
        var taskId = Assert.Single(opened.OpenTasks).Id;

        (await _client.PatchCaseAsync(opened.Id, new { version = opened.Version, status = "Cancelled" })).EnsureSuccessStatusCode();

        Assert.Equal(UserTaskState.Cancelled, await QueryAsync(db => db.UserTasks.Where(t => t.Id == taskId).Select(t => t.State).SingleAsync()));
    }

    [Fact]
    public async Task A_stale_cancellation_leaves_the_workflow_running()
    {
        var opened = await RunningCaseAsync();
        (await _client.PatchCaseAsync(opened.Id, new { version = opened.Version, priority = "High" })).EnsureSuccessStatusCode();

        var response = await _client.PatchCaseAsync(opened.Id, new { version = opened.Version, status = "Cancelled" });

        await response.ProblemAsync(HttpStatusCode.Conflict, "concurrent_update");
        Assert.Equal("Active", Assert.Single((await _client.CaseAsync(opened.Id)).Instances).Status);
    }

    [Fact]
    public async Task Closing_a_case_with_an_open_task_returns_409_case_has_open_work_naming_the_task()
    {
        var opened = await RunningCaseAsync();
        var task = Assert.Single(opened.OpenTasks);

        var response = await _client.PatchCaseAsync(opened.Id, new { version = opened.Version, status = "Closed" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "case_has_open_work");
        Assert.Equal("status", problem.GetProperty("field").GetString());
        Assert.Contains($"Do it ({task.Id})", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_refused_close_changes_nothing()
    {
        var opened = await RunningCaseAsync();

        await _client.PatchCaseAsync(opened.Id, new { version = opened.Version, status = "Closed", priority = "High" });

        var shown = await _client.CaseAsync(opened.Id);
        Assert.Equal(("Open", "Normal", opened.Version), (shown.Status, shown.Priority, shown.Version));
    }

    [Fact]
    public async Task A_case_whose_workflow_ended_closes()
    {
        var opened = await RunningCaseAsync();
        (await _client.CompleteAsync(Assert.Single(opened.OpenTasks).Id)).EnsureSuccessStatusCode();

        var closed = await (await _client.PatchCaseAsync(opened.Id, new { version = opened.Version, status = "Closed" })).ReadAsync<CaseDto>();

        Assert.Equal(("Closed", "Completed"), (closed.Status, Assert.Single(closed.Instances).Status));
    }

    [Fact]
    public async Task A_case_without_a_workflow_closes()
    {
        var opened = await _client.OpenAsync((await app.UnitAsync()).Id);

        var closed = await (await _client.PatchCaseAsync(opened.Id, new { version = opened.Version, status = "Closed" })).ReadAsync<CaseDto>();

        Assert.Equal("Closed", closed.Status);
    }
}
