using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Decisions;

/// <summary>
/// One deployed version of one DMN file, versioned by its <c>definitions</c> id (<see cref="Key"/>).
/// Immutable once written: a business rule task evaluates whichever version is latest when it runs.
/// </summary>
public sealed class DecisionDefinition
{
    public Guid Id { get; init; }
    /// <summary>The id attribute of the file's <c>definitions</c> element.</summary>
    public required string Key { get; init; }
    public int Version { get; init; }
    public string? Name { get; init; }
    public required string Xml { get; init; }
    /// <summary>SHA-256 (hex) of the file's UTF-8 text: redeploying identical content is recognised by it.</summary>
    public required string ContentHash { get; init; }
    public DateTimeOffset DeployedAt { get; init; }
    public List<DeployedDecision> Decisions { get; init; } = [];
}

/// <summary>A decision held by a deployed file version: how a decision id finds its latest file.</summary>
public sealed class DeployedDecision
{
    public Guid DefinitionId { get; init; }
    public required string DecisionId { get; init; }
    public required string DecisionName { get; init; }
}

internal sealed class DecisionDefinitionConfiguration : IEntityTypeConfiguration<DecisionDefinition>
{
    public void Configure(EntityTypeBuilder<DecisionDefinition> builder)
    {
        builder.ToTable("decision_definitions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasIndex(d => new { d.Key, d.Version }).IsUnique();
        builder.HasMany(d => d.Decisions).WithOne().HasForeignKey(d => d.DefinitionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeployedDecisionConfiguration : IEntityTypeConfiguration<DeployedDecision>
{
    public void Configure(EntityTypeBuilder<DeployedDecision> builder)
    {
        builder.ToTable("decisions");
        builder.HasKey(d => new { d.DefinitionId, d.DecisionId });
        builder.HasIndex(d => d.DecisionId);
    }
}
