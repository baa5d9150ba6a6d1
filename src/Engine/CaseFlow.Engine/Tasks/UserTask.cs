using CaseFlow.Engine.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Tasks;

public enum UserTaskState { Created, Completed, Cancelled }

/// <summary>
/// The work-list row of a user task. The instance state is the truth; this row is written from the
/// executor's task effects in the same transaction, so the list never disagrees with it.
/// </summary>
public sealed class UserTask
{
    /// <summary>Derived from (instance, element key) by <see cref="TaskIds"/>, so effects can update the row without reading it.</summary>
    public Guid Id { get; init; }
    public Guid InstanceId { get; init; }
    public long ElementKey { get; init; }
    public string ElementId { get; init; } = "";
    public string? Name { get; init; }
    public string ProcessId { get; init; } = "";
    public string? Assignee { get; set; }
    public DateTimeOffset? DueDate { get; init; }
    /// <summary>The due date was counted in working days (weekends, holidays and adjusted working days).</summary>
    public bool DueInWorkingDays { get; init; }
    public DateTimeOffset? FollowUpDate { get; init; }
    public string? FormKey { get; init; }
    public UserTaskState State { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    /// <summary>The instance's unit: candidate groups resolve against it, and it decides who sees the task.</summary>
    public Guid? UnitId { get; init; }
    public Guid? CaseId { get; init; }
    public List<TaskCandidate> Candidates { get; init; } = [];
}

public enum CandidateKind { Group, User }

/// <summary>One candidate group or user of a task: a row each, so <c>candidateGroup=</c> is an index lookup.</summary>
public sealed class TaskCandidate
{
    public Guid TaskId { get; init; }
    public CandidateKind Kind { get; init; }
    public required string Name { get; init; }
}

internal sealed class UserTaskConfiguration : IEntityTypeConfiguration<UserTask>
{
    public void Configure(EntityTypeBuilder<UserTask> builder)
    {
        builder.ToTable("user_tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.State).HasConversion<string>();
        builder.HasOne<Instance>().WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Candidates).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.InstanceId, t.ElementKey }).IsUnique();
        // The work list: filtered by state (and assignee or process), sorted by due date then creation.
        builder.HasIndex(t => new { t.State, t.DueDate, t.CreatedAt });
        builder.HasIndex(t => new { t.Assignee, t.State, t.DueDate, t.CreatedAt });
        builder.HasIndex(t => new { t.ProcessId, t.State });
        builder.HasIndex(t => new { t.UnitId, t.State, t.DueDate });
        builder.HasIndex(t => t.CaseId);
    }
}

internal sealed class TaskCandidateConfiguration : IEntityTypeConfiguration<TaskCandidate>
{
    public void Configure(EntityTypeBuilder<TaskCandidate> builder)
    {
        builder.ToTable("user_task_candidates");
        builder.HasKey(c => new { c.TaskId, c.Kind, c.Name });
        builder.Property(c => c.Kind).HasConversion<string>();
        builder.HasIndex(c => new { c.Kind, c.Name, c.TaskId });
    }
}
