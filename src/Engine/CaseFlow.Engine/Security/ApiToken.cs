using CaseFlow.Engine.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Security;

/// <summary>
/// A credential for an integration (a bank gateway, an SMS platform, an external job worker): scoped to a
/// unit and roles, revocable. Only the SHA-256 of its secret is kept.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string TokenHash { get; init; }
    /// <summary>The first characters of the secret, so people can tell their tokens apart.</summary>
    public required string Prefix { get; init; }
    public Guid UnitId { get; init; }
    /// <summary>Comma-separated role names.</summary>
    public required string Roles { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.TokenHash).IsUnique();
    }
}
