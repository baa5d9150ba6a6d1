using CaseFlow.Engine.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.History;

/// <summary>One append-only history row. <see cref="Seq"/> orders the entries of one instance.</summary>
public sealed class HistoryEntry
{
    public long Id { get; init; }
    public Guid InstanceId { get; init; }
    public int Seq { get; init; }
    public required string Type { get; init; }
    public DateTimeOffset At { get; init; }
    public string? ElementId { get; init; }
    public long? ElementKey { get; init; }
    public string? UserName { get; init; }
    public string? Variable { get; init; }
    /// <summary>JSON text of the value (null when the event carries no value).</summary>
    public string? OldValue { get; init; }
    public string? NewValue { get; init; }
    public string? Detail { get; init; }
}

internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> builder)
    {
        builder.ToTable("history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedOnAdd();
        builder.HasOne<Instance>().WithMany().HasForeignKey(h => h.InstanceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.InstanceId, h.Seq }).IsUnique();
    }
}
