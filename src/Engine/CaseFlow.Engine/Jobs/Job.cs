using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Jobs;

/// <summary>
/// Activatable: waits for a handler or worker (from <see cref="Job.NextAttemptAt"/>). Activated: locked by
/// <see cref="Job.Worker"/> until <see cref="Job.LockedUntil"/>. The rest are closed: Completed, ErrorThrown
/// (a BPMN error), Failed (no retries left: an incident holds the element) and Cancelled (its element left).
/// </summary>
public enum JobState { Activatable, Activated, Completed, ErrorThrown, Failed, Cancelled }

/// <summary>
/// The durable job of a service task. The instance state is the truth about the element; this row is
/// written from the executor's job effects in the same transaction and is what handlers and external
/// workers lock, so a job survives restarts and is shared between service nodes.
/// </summary>
public sealed class Job
{
    /// <summary>Derived from (instance, element key) by <see cref="JobIds"/>: a retried incident re-creates the same job, as in Zeebe.</summary>
    public Guid Id { get; init; }
    public Guid InstanceId { get; init; }
    public long ElementKey { get; init; }
    public required string ElementId { get; init; }
    public required string ProcessId { get; init; }
    public required string Type { get; set; }
    public JobState State { get; set; }
    public int Retries { get; set; }
    /// <summary>Failed attempts so far: the exponent of the next back-off.</summary>
    public int Failures { get; set; }
    /// <summary>JSON object of text values (<c>zeebe:taskHeaders</c>).</summary>
    public required string Headers { get; set; }
    /// <summary>The variables visible to the task when the job was created, as a JSON object.</summary>
    public required string Variables { get; set; }
    public string? Worker { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    /// <summary>When the job is next due for activation: after its back-off, or when its lock expires; null once closed.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? ErrorMessage { get; set; }
    /// <summary>What operators need to find the cause: an exception's type, message and stack.</summary>
    public string? ErrorDetails { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpen => State is JobState.Activatable or JobState.Activated;

    public void Close(JobState state, DateTimeOffset now)
    {
        State = state;
        NextAttemptAt = null;
        LockedUntil = null;
        UpdatedAt = now;
    }
}

internal static class JobIds
{
    public static Guid For(Guid instanceId, long elementKey) => TaskIds.For(instanceId, elementKey);
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.State).HasConversion<string>();
        builder.Ignore(j => j.IsOpen);
        builder.HasOne<Instance>().WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Restrict);
        // The dispatcher's and the workers' query: due jobs of some types, oldest first. Closed jobs have
        // no next_attempt_at, so they are outside every range the query scans.
        builder.HasIndex(j => new { j.Type, j.NextAttemptAt });
    }
}
