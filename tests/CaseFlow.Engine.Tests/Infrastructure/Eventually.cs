namespace CaseFlow.Engine.Tests.Infrastructure;

/// <summary>Waits for work the service does in the background (timers, jobs) to show.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until it answers a value <paramref name="done"/> accepts, or fails the test.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what ?? "the condition"}; last seen: {value}");
            await Task.Delay(100);
        }
    }
}
