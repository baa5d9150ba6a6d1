using System.IO.Compression;
using System.Text;
using System.Xml;

namespace CaseFlow.Engine.Documents;

/// <summary>A type a case file may hold: what its content must look like, and the extensions its name may carry.</summary>
public sealed record DocumentType(string Name, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// Finds a document's type from its bytes, never from the name or the browser's claim: a file is one of the
/// types below or it is refused. Office files are ZIP archives; only those whose <c>[Content_Types].xml</c>
/// declares a Word document or an Excel workbook pass (a renamed .zip, .jar or .docm does not).
/// </summary>
public static class DocumentTypes
{
    public static readonly DocumentType Pdf = new("pdf", "application/pdf", [".pdf"]);
    public static readonly DocumentType Jpeg = new("jpeg", "image/jpeg", [".jpg", ".jpeg", ".jpe"]);
    public static readonly DocumentType Png = new("png", "image/png", [".png"]);
    public static readonly DocumentType WebP = new("webp", "image/webp", [".webp"]);
    public static readonly DocumentType Gif = new("gif", "image/gif", [".gif"]);
    public static readonly DocumentType Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly DocumentType Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly DocumentType Text = new("text", "text/plain; charset=utf-8", [".txt", ".text", ".csv", ".log", ".md"]);

    public static readonly IReadOnlyList<DocumentType> All = [Pdf, Jpeg, Png, WebP, Gif, Docx, Xlsx, Text];

    /// <summary>How many leading bytes <see cref="Detect"/> needs to see.</summary>
    public const int HeadLength = 16;

    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>
    /// The type of a stored file: <paramref name="head"/> are its first bytes, <paramref name="content"/> the
    /// whole file (seekable; read only for ZIP archives), <paramref name="isText"/> whether all of it is UTF-8 text.
    /// Null when it is none of the allowed types.
    /// </summary>
    public static DocumentType? Detect(ReadOnlySpan<byte> head, Stream content, bool isText)
    {
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return WebP;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return Gif;
        if (head.StartsWith("PK\x03\x04"u8)) return OfficeType(content);
        return isText ? Text : null;
    }

    /// <summary>Whether a file name's extension agrees with the type found in the content (no extension agrees with anything).</summary>
    public static bool NameAgrees(string fileName, DocumentType type)
    {
        var extension = Path.GetExtension(fileName);
        return extension.Length == 0 || type.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase);
    }

    private static DocumentType? OfficeType(Stream content)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var types = zip.GetEntry("[Content_Types].xml");
            // A Content_Types part is a few KiB; a huge one is not an Office file (and not worth inflating).
            if (types is null || types.Length > 1024 * 1024) return null;
            using var stream = types.Open();
            var document = new XmlDocument { XmlResolver = null };
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document.Load(reader);
            var declared = document.GetElementsByTagName("Override").OfType<XmlElement>().Select(e => e.GetAttribute("ContentType")).ToHashSet();
            if (declared.Contains(WordMain)) return Docx;
            if (declared.Contains(ExcelMain)) return Xlsx;
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            // A broken archive or content-types part is not a document we accept.
            return null;
        }
    }
}

/// <summary>
/// Decides, chunk by chunk while the upload streams, whether the whole file is UTF-8 text: valid UTF-8, no
/// NUL and no control characters other than tab, line feed, form feed and carriage return.
/// </summary>
internal sealed class TextCheck
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private readonly char[] _chars = new char[Encoding.UTF8.GetMaxCharCount(DocumentUpload.ChunkSize) + 2];

    public bool IsText { get; private set; } = true;

    public void Append(ReadOnlySpan<byte> bytes, bool final)
    {
        if (!IsText) return;
        try
        {
            var count = _decoder.GetChars(bytes, _chars, flush: final);
            foreach (var c in _chars.AsSpan(0, count))
            {
                if (char.IsControl(c) && c is not ('\t' or '\n' or '\f' or '\r'))
                {
                    IsText = false;
                    return;
                }
            }
        }
        catch (DecoderFallbackException)
        {
            IsText = false;
        }
    }
}
