using CaseFlow.Engine.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.People;

/// <summary>
/// A worker, applicant or claimant. The resident ID, bank account, health details and household are
/// personal data: encrypted at rest (the <c>*Cipher</c> columns, ASP.NET Core Data Protection), found by a
/// keyed hash, and shown masked (<c>*Masked</c>) to everyone but the roles that need them in full.
/// </summary>
public sealed class Person
{
    public Guid Id { get; init; }
    public Guid UnitId { get; set; }
    public required string Name { get; set; }
    public string? Phone { get; set; }
    public string? ResidentIdCipher { get; set; }
    public string? ResidentIdHash { get; set; }
    public string? ResidentIdMasked { get; set; }
    public string? Gender { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Address { get; set; }
    public string? BankName { get; set; }
    public string? BankAccountCipher { get; set; }
    public string? BankAccountMasked { get; set; }
    public string? HealthCipher { get; set; }
    public string? HouseholdCipher { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.ResidentIdHash).IsUnique();
        builder.HasIndex(p => p.Phone);
        builder.HasIndex(p => p.Name);
        builder.HasIndex(p => p.UnitId);
    }
}
