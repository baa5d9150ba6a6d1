namespace CaseFlow.Bench;

internal static class PersistedBench
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("persisted bench: not wired yet");
        return Task.FromResult(1);
    }
}
