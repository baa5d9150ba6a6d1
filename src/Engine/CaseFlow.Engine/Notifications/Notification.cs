using CaseFlow.Engine.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Notifications;

/// <summary>A message for one user (a collective incident for a unit's supervisors, a task escalated...).</summary>
public sealed class Notification
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    /// <summary>A stable code: <c>collective_incident</c>, ...</summary>
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public string? Body { get; init; }
    public Guid? CaseId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
    }
}
