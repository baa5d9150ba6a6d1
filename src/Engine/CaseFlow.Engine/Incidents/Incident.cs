using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Incidents;

public enum IncidentState { Open, Resolved }

/// <summary>
/// An element that cannot go on without a person: kept from the executor's <c>IncidentRaised</c> until its
/// <c>IncidentResolved</c>, with the error text and stack operators need. Resolved incidents stay, for the case file.
/// </summary>
public sealed class Incident
{
    /// <summary>Derived from (instance, incident key), so a resolution updates the row without reading it.</summary>
    public Guid Id { get; init; }
    public Guid InstanceId { get; init; }
    public long IncidentKey { get; init; }
    public required string ProcessId { get; init; }
    public long ElementKey { get; init; }
    public required string ElementId { get; init; }
    /// <summary>A stable code: <c>job_failed</c>, <c>unhandled_error</c>, <c>condition_not_boolean</c>, ...</summary>
    public required string Kind { get; init; }
    public required string Message { get; init; }
    public string? Details { get; init; }
    public IncidentState State { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    /// <summary>How it ended: <c>retried</c>, <c>completed_by_hand</c>, <c>element_ended</c>.</summary>
    public string? Resolution { get; set; }
}

internal static class IncidentIds
{
    public static Guid For(Guid instanceId, long incidentKey) => TaskIds.For(instanceId, incidentKey);
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.State).HasConversion<string>();
        builder.HasOne<Instance>().WithMany().HasForeignKey(i => i.InstanceId).OnDelete(DeleteBehavior.Restrict);
        // The operators' list: open incidents newest first, overall or per process.
        builder.HasIndex(i => new { i.State, i.CreatedAt });
        builder.HasIndex(i => new { i.ProcessId, i.State, i.CreatedAt });
    }
}
