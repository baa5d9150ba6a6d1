using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Forms;

/// <summary>
/// One deployed version of a form-js schema, versioned by the schema's own <c>id</c> (what a user task's
/// zeebe:formDefinition formId names). Immutable once written.
/// </summary>
public sealed class FormDefinition
{
    public Guid Id { get; init; }
    public required string FormId { get; init; }
    public int Version { get; init; }
    /// <summary>The form-js JSON as it was deployed.</summary>
    public required string Schema { get; init; }
    /// <summary>SHA-256 (hex) of the schema's UTF-8 text: redeploying identical content is recognised by it.</summary>
    public required string ContentHash { get; init; }
    public DateTimeOffset DeployedAt { get; init; }
}

internal sealed class FormDefinitionConfiguration : IEntityTypeConfiguration<FormDefinition>
{
    public void Configure(EntityTypeBuilder<FormDefinition> builder)
    {
        builder.ToTable("forms");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        // Two deployments racing for the same next version: the second is refused here.
        builder.HasIndex(f => new { f.FormId, f.Version }).IsUnique();
    }
}
