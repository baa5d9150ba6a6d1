using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Definitions;

/// <summary>One deployed version of one process. Immutable once written: instances keep running on it.</summary>
public sealed class Definition
{
    public Guid Id { get; init; }
    public required string ProcessId { get; init; }
    public int Version { get; init; }
    public string? Name { get; init; }
    /// <summary>The whole deployed file; a file with several processes is stored once per process.</summary>
    public required string Xml { get; init; }
    /// <summary>SHA-256 (hex) of the file's UTF-8 text: redeploying identical content is recognised by it.</summary>
    public required string ContentHash { get; init; }
    public DateTimeOffset DeployedAt { get; init; }
}

internal sealed class DefinitionConfiguration : IEntityTypeConfiguration<Definition>
{
    public void Configure(EntityTypeBuilder<Definition> builder)
    {
        builder.ToTable("definitions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasIndex(d => new { d.ProcessId, d.Version }).IsUnique();
        builder.HasIndex(d => d.ContentHash);
    }
}
