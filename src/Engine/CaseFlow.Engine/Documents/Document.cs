using CaseFlow.Engine.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Engine.Documents;

/// <summary>A file attached to a case. The bytes live in the document store under <see cref="StorageKey"/>.</summary>
public sealed class Document
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string FileName { get; init; }
    /// <summary>The type found by reading the content, never the one the browser claimed.</summary>
    public required string ContentType { get; init; }
    public long Size { get; init; }
    /// <summary>Lower-case hex.</summary>
    public required string Sha256 { get; init; }
    public required string StorageKey { get; init; }
    public required string UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public DateTimeOffset? DeletedAt { get; set; }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.CaseId);
        // Two deletes of one document: the second finds it changed and answers 409, so one audit row says who.
        builder.Property(d => d.DeletedAt).IsConcurrencyToken();
    }
}
