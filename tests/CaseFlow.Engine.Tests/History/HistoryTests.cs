using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.History;

public sealed class HistoryTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task History_records_elements_entered_and_left_in_order()
    {
        await _client.DeployAsync("single-task");
        var instance = await _client.StartAsync("single");
        (await _client.CompleteAsync((await _client.OpenTaskAsync(instance.Id)).Id)).EnsureSuccessStatusCode();

        var history = await _client.HistoryAsync(instance.Id);

        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => h.Seq));
        Assert.Equal("InstanceStarted", history[0].Type);
        Assert.Equal("InstanceCompleted", history[^1].Type);
        var steps = history.Where(h => h.Type is "ElementEntered" or "ElementLeft").Select(h => $"{h.Type}:{h.ElementId}").ToList();
        Assert.Equal(["ElementEntered:start", "ElementLeft:start", "ElementEntered:task", "ElementLeft:task", "ElementEntered:end", "ElementLeft:end"],
            steps.Where(s => !s.EndsWith(":single")));
    }

    [Fact]
    public async Task History_records_who_claimed_and_completed_a_task()
    {
        await _client.DeployAsync("single-task");
        var instance = await _client.StartAsync("single");
        var task = await _client.OpenTaskAsync(instance.Id);

        (await _client.PostJsonAsync($"/api/tasks/{task.Id}/claim", new { user = "ann" })).EnsureSuccessStatusCode();
        (await _client.CompleteAsync(task.Id, user: "ann")).EnsureSuccessStatusCode();

        var history = await _client.HistoryAsync(instance.Id);
        var claimed = Assert.Single(history, h => h.Type == "TaskClaimed");
        var completed = Assert.Single(history, h => h.Type == "TaskCompleted");
        Assert.Equal(("ann", "task", task.ElementKey), (claimed.User, claimed.ElementId, claimed.ElementKey));
        Assert.Equal(("ann", "task", task.ElementKey), (completed.User, completed.ElementId, completed.ElementKey));
        Assert.True(claimed.Seq < completed.Seq);
    }

    [Fact]
    public async Task History_records_a_variable_change_with_old_and_new_value()
    {
        await _client.DeployAsync("single-task");
        var instance = await _client.StartAsync("single", new { amount = 100 });

        (await _client.CompleteAsync((await _client.OpenTaskAsync(instance.Id)).Id, new { amount = 250, note = "checked" }, "bob"))
            .EnsureSuccessStatusCode();

        var history = await _client.HistoryAsync(instance.Id);
        var updated = Assert.Single(history, h => h.Type == "VariableUpdated" && h.Variable == "amount");
        Assert.Equal(100m, updated.OldValue!.Value.GetDecimal());
        Assert.Equal(250m, updated.NewValue!.Value.GetDecimal());
        var created = Assert.Single(history, h => h.Type == "VariableCreated" && h.Variable == "note");
        Assert.Null(created.OldValue);
        Assert.Equal("checked", created.NewValue!.Value.GetString());
    }
}
