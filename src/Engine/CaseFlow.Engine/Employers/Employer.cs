using CaseFlow.Engine.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Employers;

/// <summary>An enterprise that workers complain about or claim from, known by its unified social credit code.</summary>
public sealed class Employer
{
    public Guid Id { get; init; }
    public Guid UnitId { get; set; }
    public required string Name { get; set; }
    /// <summary>统一社会信用代码: 18 characters, GB 32100 checksum.</summary>
    public string? CreditCode { get; set; }
    public string? Address { get; set; }
    public string? ContactPhone { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> builder)
    {
        builder.ToTable("employers");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.CreditCode).IsUnique();
        builder.HasIndex(e => e.Name);
        builder.HasIndex(e => e.UnitId);
    }
}
