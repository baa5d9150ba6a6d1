namespace CaseFlow.Engine.Jobs;

/// <summary>The <c>Jobs</c> configuration section: how the dispatcher polls, locks and backs off.</summary>
public sealed class JobOptions
{
    /// <summary>How often the dispatcher looks for due retries and expired locks when no commit woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>The first retry waits this long; each further one twice as long as the one before ...</summary>
    public TimeSpan BackOffBase { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>... up to this.</summary>
    public TimeSpan BackOffMax { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>How long an in-process handler holds its job; a node that dies leaves it to expire and run again.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Jobs locked per round, and handlers run at once.</summary>
    public int BatchSize { get; set; } = 16;
    public int Concurrency { get; set; } = 4;
    /// <summary>How often expired buffered messages are deleted.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The back-off before attempt <paramref name="failures"/> + 1: base, 2 base, 4 base, ... capped.</summary>
    public TimeSpan BackOff(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(BackOffBase.Ticks * Math.Pow(2, exponent), BackOffMax.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
