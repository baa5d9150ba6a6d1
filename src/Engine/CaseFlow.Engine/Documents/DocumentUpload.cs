using System.Buffers;
using System.Security.Cryptography;
using CaseFlow.Engine.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CaseFlow.Engine.Documents;

/// <summary>A file as received: its cleaned name, the type found in its bytes, its size and SHA-256.</summary>
internal sealed record ReceivedDocument(string FileName, DocumentType Type, long Size, string Sha256);

/// <summary>
/// Reads the one file of a <c>multipart/form-data</c> upload straight from the request into a staged file,
/// hashing, measuring and checking it on the way: nothing is buffered in memory and nothing is kept when the
/// file is refused.
/// </summary>
internal static class DocumentUpload
{
    public const int ChunkSize = 81920;
    public const int MaxFileNameLength = 255;

    /// <summary>Room for the multipart framing and small form fields around the file.</summary>
    private const long FramingAllowance = 64 * 1024;

    public static async Task<(ReceivedDocument?, ProblemHttpResult?)> ReceiveAsync(
        HttpRequest request, IStagedDocument staged, long maxBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "Send the document as multipart/form-data with one file."));
        }
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200)
            return (null, Problems.BadRequest("malformed_multipart", "The multipart/form-data content type has no usable boundary."));
        if (request.ContentLength > maxBytes + FramingAllowance) return (null, TooLarge(maxBytes));
        // The server's own request limit (30 MB by default) must not cut an allowed file short.
        var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = maxBytes + FramingAllowance;

        try
        {
            return await ReadSectionsAsync(new MultipartReader(boundary, request.Body), staged, maxBytes, ct);
        }
        catch (InvalidDataException e)
        {
            return (null, Problems.BadRequest("malformed_multipart", e.Message));
        }
        catch (IOException e) when (e.InnerException is InvalidDataException or null && !ct.IsCancellationRequested)
        {
            return (null, Problems.BadRequest("malformed_multipart", $"The multipart body ended unexpectedly: {e.Message}"));
        }
    }

    private static async Task<(ReceivedDocument?, ProblemHttpResult?)> ReadSectionsAsync(
        MultipartReader reader, IStagedDocument staged, long maxBytes, CancellationToken ct)
    {
        (string Name, long Size, string Sha256, byte[] Head, bool IsText)? file = null;
        long total = 0;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
            var isFile = disposition is not null && (disposition.FileName.HasValue || disposition.FileNameStar.HasValue);
            if (!isFile)
            {
                // Form fields beside the file are allowed and ignored, within the framing allowance.
                total += await DrainAsync(section.Body, FramingAllowance - total, ct);
                if (total > FramingAllowance) return (null, TooLarge(maxBytes));
                continue;
            }
            if (file is not null)
                return (null, Problems.Invalid("one_file_only", "Send one file per upload.", "file"));
            var name = HeaderUtilities.RemoveQuotes(disposition!.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
            var copied = await CopyAsync(section.Body, staged.Content, maxBytes, ct);
            if (copied is null) return (null, TooLarge(maxBytes));
            file = (name, copied.Value.Size, copied.Value.Sha256, copied.Value.Head, copied.Value.IsText);
        }
        if (file is not { } received)
            return (null, Problems.Invalid("file_required", "The form holds no file: send one in a file field.", "file"));
        return Check(received.Name, received.Size, received.Sha256, received.Head, received.IsText, staged.Content);
    }

    private static (ReceivedDocument?, ProblemHttpResult?) Check(string rawName, long size, string sha256, byte[] head, bool isText, Stream content)
    {
        var (name, nameProblem) = CleanName(rawName);
        if (nameProblem is not null) return (null, nameProblem);
        if (size == 0) return (null, Problems.Invalid("document_empty", "The file is empty.", "file"));
        var type = DocumentTypes.Detect(head, content, isText);
        if (type is null)
        {
            return (null, Problems.Create(StatusCodes.Status415UnsupportedMediaType, "document_type_not_allowed",
                "The file's content is none of the allowed types (PDF, JPEG, PNG, WebP, GIF, DOCX, XLSX, UTF-8 text).", "file"));
        }
        if (!DocumentTypes.NameAgrees(name!, type))
        {
            return (null, Problems.Invalid("document_type_not_allowed",
                $"The file is {type.Name} by its content, but its name ends in '{Path.GetExtension(name)}': rename it to one of {string.Join(", ", type.Extensions)}.",
                "file"));
        }
        return (new ReceivedDocument(name!, type, size, sha256), null);
    }

    /// <summary>The name as shown and downloaded: no folders (browsers of some systems send them), no control characters.</summary>
    private static (string?, ProblemHttpResult?) CleanName(string raw)
    {
        var name = raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        if (name.Length == 0 || name is "." or "..")
            return (null, Problems.Invalid("invalid_file_name", "The file has no name.", "file"));
        if (name.Length > MaxFileNameLength)
            return (null, Problems.Invalid("invalid_file_name", $"The file name is longer than {MaxFileNameLength} characters.", "file"));
        if (name.Any(char.IsControl))
            return (null, Problems.Invalid("invalid_file_name", "The file name contains control characters.", "file"));
        return (name, null);
    }

    private static async Task<(long Size, string Sha256, byte[] Head, bool IsText)?> CopyAsync(
        Stream from, Stream to, long maxBytes, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new TextCheck();
        var head = new byte[DocumentTypes.HeadLength];
        var headLength = 0;
        long size = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer.AsMemory(0, ChunkSize), ct)) > 0)
            {
                size += read;
                if (size > maxBytes) return null;
                var chunk = buffer.AsMemory(0, read);
                if (headLength < head.Length)
                {
                    var take = Math.Min(head.Length - headLength, read);
                    chunk.Span[..take].CopyTo(head.AsSpan(headLength));
                    headLength += take;
                }
                sha.AppendData(chunk.Span);
                text.Append(chunk.Span, final: false);
                await to.WriteAsync(chunk, ct);
            }
            text.Append([], final: true);
            return (size, Convert.ToHexStringLower(sha.GetHashAndReset()), head[..headLength], text.IsText);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<long> DrainAsync(Stream body, long allowed, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, ChunkSize), ct)) > 0)
            {
                total += read;
                if (total > allowed) break;
            }
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, "document_too_large",
            $"A document may be at most {maxBytes} bytes ({maxBytes / (1024.0 * 1024):0.#} MiB).", "file");
}
