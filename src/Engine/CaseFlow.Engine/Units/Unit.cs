using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Units;

public enum UnitKind { Province, City, County, Town, Grassroots }

/// <summary>
/// One federation or union in the tree. Every case, task, person and call belongs to one unit; staff see
/// their units and everything below them.
/// </summary>
public sealed class Unit
{
    public Guid Id { get; init; }
    public Guid? ParentId { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    /// <summary>Short, unique, used in case numbers (<c>2026-LA-000123</c>).</summary>
    public required string Code { get; set; }
    /// <summary><c>/{root}/.../{id}/</c>: the unit's ancestors and itself, so a subtree is a prefix.</summary>
    public required string Path { get; set; }
    public int Depth { get; set; }
    /// <summary>Wage-arrears claimants that make a collective incident here; null: the parent's, else the service default.</summary>
    public int? CollectiveThreshold { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; set; }

    public static string PathOf(Unit? parent, Guid id) => (parent?.Path ?? "/") + id.ToString("N") + "/";
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Kind).HasConversion<string>();
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.Code).IsUnique();
    }
}
