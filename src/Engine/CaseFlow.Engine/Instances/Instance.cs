using CaseFlow.Engine.Definitions;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Instances;

/// <summary>
/// A running or finished process instance: the executor's state as one JSON document plus the columns
/// that queries filter on. <see cref="RowVersion"/> guards every write (optimistic concurrency).
/// </summary>
public sealed class Instance
{
    public Guid Id { get; init; }
    public Guid DefinitionId { get; init; }
    public required string ProcessId { get; init; }
    public int ProcessVersion { get; init; }
    public string? BusinessKey { get; init; }
    public InstanceStatus Status { get; set; }
    /// <summary><see cref="InstanceStateSerializer"/> output as text.</summary>
    public required string State { get; set; }
    public int RowVersion { get; set; }
    /// <summary>The seq of the last history entry written, so appending needs no query.</summary>
    public int HistorySeq { get; set; }
    public Guid? ParentInstanceId { get; init; }
    public long? ParentElementKey { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The unit that owns the instance (the case's unit): who may see it and its tasks. Null only for rows from before units existed.</summary>
    public Guid? UnitId { get; init; }
    /// <summary>The case this instance moves, if any.</summary>
    public Guid? CaseId { get; init; }
}

internal sealed class InstanceConfiguration(bool postgres) : IEntityTypeConfiguration<Instance>
{
    public void Configure(EntityTypeBuilder<Instance> builder)
    {
        builder.ToTable("instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Status).HasConversion<string>();
        // json, not jsonb: jsonb reorders object keys, and FEEL contexts keep insertion order.
        if (postgres) builder.Property(i => i.State).HasColumnType("json");
        builder.Property(i => i.RowVersion).IsConcurrencyToken();
        builder.HasOne<Definition>().WithMany().HasForeignKey(i => i.DefinitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Instance>().WithMany().HasForeignKey(i => i.ParentInstanceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.ProcessId, i.Status });
        builder.HasIndex(i => new { i.Status, i.StartedAt });
        builder.HasIndex(i => i.BusinessKey);
        builder.HasIndex(i => i.CaseId);
    }
}
