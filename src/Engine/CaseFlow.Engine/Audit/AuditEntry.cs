using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Audit;

/// <summary>
/// One line of the append-only audit log: who (user and unit), when, what (action on an entity), and the
/// values before and after as JSON. Written in the same transaction as the change it records.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public Guid? UserId { get; init; }
    public string? UserName { get; init; }
    public Guid? UnitId { get; init; }
    /// <summary>A stable verb: <c>case.created</c>, <c>person.viewed_unmasked</c>, <c>user.signed_in</c>, ...</summary>
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    public Guid? CaseId { get; init; }
    public Guid? PersonId { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? Ip { get; init; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.CaseId, a.At });
        builder.HasIndex(a => new { a.PersonId, a.At });
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.HasIndex(a => new { a.Action, a.At });
    }
}
