using CaseFlow.Engine.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Security;

/// <summary>A member of staff. Signs in with a password (ASP.NET Core's PasswordHasher); acts through roles held per unit.</summary>
public sealed class User
{
    public Guid Id { get; init; }
    /// <summary>Lower case, unique.</summary>
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    /// <summary>The unit the user works in: new cases and calls belong to it unless another is chosen.</summary>
    public Guid UnitId { get; set; }
    public string? Phone { get; set; }
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public bool Disabled { get; set; }
    public bool MustChangePassword { get; set; }
    /// <summary>Changes when the password, roles or status change, so older cookies stop working.</summary>
    public required string SecurityStamp { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public int Version { get; set; }
    public List<RoleAssignment> Roles { get; init; } = [];
}

/// <summary>A role held at a unit: it applies to that unit and every unit below it.</summary>
public sealed class RoleAssignment
{
    public Guid UserId { get; init; }
    public Guid UnitId { get; init; }
    public required string Role { get; init; }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.UserName).IsUnique();
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.ToTable("role_assignments");
        builder.HasKey(r => new { r.UserId, r.UnitId, r.Role });
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.UnitId, r.Role });
    }
}
