using System.IO.Compression;
using System.Text;

namespace CaseFlow.Engine.Tests.Documents;

/// <summary>Small files with the real leading bytes (and, for Office files, the real package structure) of each type.</summary>
public static class Samples
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];
    public static readonly byte[] Gif = Encoding.ASCII.GetBytes("GIF89a\x01\x00\x01\x00\x00\x00\x00;");
    public static readonly byte[] WebP = [.. Encoding.ASCII.GetBytes("RIFF"), 26, 0, 0, 0, .. Encoding.ASCII.GetBytes("WEBPVP8 "), 0, 0, 0, 0];
    public static readonly byte[] Text = Encoding.UTF8.GetBytes("家访记录：申请人家中三口人，月收入 1,200 元。\r\nVisit notes.\n");
    public static readonly byte[] Executable = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];
    public static readonly byte[] Docx = Office("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml");
    public static readonly byte[] Xlsx = Office("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml");
    /// <summary>A macro-enabled Word file: a real Office package, but not one of the allowed types.</summary>
    public static readonly byte[] Docm = Office("application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml");
    public static readonly byte[] PlainZip = Zip(("readme.txt", "just a zip"));

    private static byte[] Office(string mainType, string mainPart) => Zip(
        ("[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            $"<Override PartName=\"/{mainPart}\" ContentType=\"{mainType}\"/></Types>"),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"),
        (mainPart, "<?xml version=\"1.0\"?><document/>"));

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }
}
