using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Definitions;

/// <summary>
/// The designer's work in progress on one process: at most one per process id, shared by every supervisor (the
/// version column makes a second editor's stale save a 409, not a silent overwrite). Deploying the process
/// deletes it: the deployed version supersedes it.
/// </summary>
public sealed class DefinitionDraft
{
    public required string ProcessId { get; init; }
    public required string Xml { get; set; }
    public string? Name { get; set; }
    /// <summary>Starts at 1, steps on every save; the concurrency token.</summary>
    public int Version { get; set; }
    /// <summary>The deployed version the draft was started from; null for a new process.</summary>
    public int? BasedOnVersion { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class DefinitionDraftConfiguration : IEntityTypeConfiguration<DefinitionDraft>
{
    public void Configure(EntityTypeBuilder<DefinitionDraft> builder)
    {
        builder.ToTable("definition_drafts");
        builder.HasKey(d => d.ProcessId);
        builder.Property(d => d.ProcessId).ValueGeneratedNever();
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}
