using System.Text;
using CaseFlow.Engine.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseFlow.Engine.Definitions;

/// <summary>Reads a BPMN or DMN file from the request: a raw XML body or the one file of a multipart form.</summary>
internal static class DefinitionUpload
{
    public static async Task<(string? Xml, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, string kind, CancellationToken ct)
    {
        if (request.HasFormContentType) return await ReadFormAsync(request, kind, ct);
        if (!IsXml(request.ContentType))
        {
            return (null, Problems.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"Send the {kind} file as application/xml, text/xml or multipart/form-data."));
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return Decode(buffer, kind);
    }

    private static async Task<(string?, ProblemHttpResult?)> ReadFormAsync(HttpRequest request, string kind, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException e)
        {
            return (null, Problems.BadRequest("malformed_multipart", e.Message));
        }
        if (form.Files.Count != 1)
            return (null, Problems.Invalid("file_required", $"Send exactly one {kind} file; got {form.Files.Count}.", "file"));
        await using var stream = form.Files[0].OpenReadStream();
        return Decode(stream, kind);
    }

    private static (string?, ProblemHttpResult?) Decode(Stream stream, string kind)
    {
        // Honours a BOM; BPMN and DMN files are UTF-8 in practice (the modelers write nothing else).
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var xml = reader.ReadToEnd();
        return string.IsNullOrWhiteSpace(xml)
            ? (null, Problems.Invalid("file_required", $"The {kind} file is empty.", "file"))
            : (xml, null);
    }

    private static bool IsXml(string? contentType)
    {
        if (contentType is null) return false;
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase);
    }
}
