using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Messages;

/// <summary>An instance waiting for a message (a catch event, receive task or boundary event), from the executor's effects.</summary>
public sealed class MessageSubscription
{
    public Guid InstanceId { get; init; }
    public long SubscriptionKey { get; init; }
    public long ElementKey { get; init; }
    /// <summary>The message event (or receive task) that waits.</summary>
    public required string EventId { get; init; }
    public required string MessageName { get; init; }
    public required string CorrelationKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// A published message the service remembers: while <see cref="BufferedUntil"/> lies ahead and nobody has
/// taken it, a subscription that opens takes it; while the row lives, its <see cref="MessageId"/> makes
/// publishing it again a replay of <see cref="Response"/>.
/// </summary>
public sealed class PublishedMessage
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string CorrelationKey { get; init; }
    public required string Variables { get; init; }
    public string? MessageId { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    /// <summary>Null once taken by a subscription, or when it was never buffered. A concurrency token: two
    /// subscriptions opening at once cannot both take it.</summary>
    public DateTimeOffset? BufferedUntil { get; set; }
    /// <summary>When the dispatcher's sweep deletes the row.</summary>
    public DateTimeOffset DeleteAfter { get; init; }
    /// <summary>The answer to the first publication, as JSON, replayed for the same message id.</summary>
    public required string Response { get; set; }
}

/// <summary>A message start event of a deployed version, so publishing finds the processes to start by an index lookup.</summary>
public sealed class MessageStartEvent
{
    public Guid DefinitionId { get; init; }
    public required string EventId { get; init; }
    public required string MessageName { get; init; }
}

internal sealed class MessageSubscriptionConfiguration : IEntityTypeConfiguration<MessageSubscription>
{
    public void Configure(EntityTypeBuilder<MessageSubscription> builder)
    {
        builder.ToTable("message_subscriptions");
        builder.HasKey(s => new { s.InstanceId, s.SubscriptionKey });
        builder.HasOne<Instance>().WithMany().HasForeignKey(s => s.InstanceId).OnDelete(DeleteBehavior.Restrict);
        // Correlation: every open subscription for (name, key).
        builder.HasIndex(s => new { s.MessageName, s.CorrelationKey });
    }
}

internal sealed class PublishedMessageConfiguration : IEntityTypeConfiguration<PublishedMessage>
{
    public void Configure(EntityTypeBuilder<PublishedMessage> builder)
    {
        builder.ToTable("messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.BufferedUntil).IsConcurrencyToken();
        // A subscription that opens looks for a buffered message of its (name, key) that has not expired.
        builder.HasIndex(m => new { m.Name, m.CorrelationKey, m.BufferedUntil });
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => m.DeleteAfter);
    }
}

internal sealed class MessageStartEventConfiguration : IEntityTypeConfiguration<MessageStartEvent>
{
    public void Configure(EntityTypeBuilder<MessageStartEvent> builder)
    {
        builder.ToTable("message_start_events");
        builder.HasKey(s => new { s.DefinitionId, s.EventId });
        builder.HasOne<Definition>().WithMany().HasForeignKey(s => s.DefinitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.MessageName);
    }
}
