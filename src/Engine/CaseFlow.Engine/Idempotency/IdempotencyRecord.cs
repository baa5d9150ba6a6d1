using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Idempotency;

/// <summary>The stored first (successful) response to a POST carrying an Idempotency-Key.</summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    /// <summary>SHA-256 (hex) of the query string and body: the same key with another request is refused.</summary>
    public required string RequestHash { get; init; }
    public int StatusCode { get; init; }
    public required byte[] ResponseBody { get; init; }
    public string? ContentType { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => new { r.Key, r.Method, r.Path });
        // For the clean-up of old records.
        builder.HasIndex(r => r.CreatedAt);
    }
}
