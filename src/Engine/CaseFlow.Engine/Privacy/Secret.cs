using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Privacy;

/// <summary>
/// A service-wide secret that every node must share (the resident ID hash key), stored protected by
/// Data Protection. Written once by whichever node needs it first; never changed by the service.
/// </summary>
public sealed class Secret
{
    public required string Name { get; init; }
    /// <summary>The secret, protected with the purpose <see cref="PersonalData.SecretsPurpose"/>.</summary>
    public required string Value { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class SecretConfiguration : IEntityTypeConfiguration<Secret>
{
    public void Configure(EntityTypeBuilder<Secret> builder)
    {
        builder.ToTable("secrets");
        builder.HasKey(s => s.Name);
    }
}

/// <summary>The Data Protection key ring, one XML element per key (the package's entity, our table name).</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedOnAdd();
    }
}
