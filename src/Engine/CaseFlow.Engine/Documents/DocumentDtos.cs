namespace CaseFlow.Engine.Documents;

public sealed record DocumentDto(
    Guid Id, Guid CaseId, string FileName, string ContentType, long Size, string Sha256, string UploadedBy,
    DateTimeOffset UploadedAt, DateTimeOffset? DeletedAt);

internal static class DocumentMappings
{
    public static DocumentDto ToDto(this Document d) =>
        new(d.Id, d.CaseId, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt, d.DeletedAt);
}
