using System.Text;
using CaseFlow.Engine.Documents;

namespace CaseFlow.Engine.Tests.Documents;

/// <summary>What the content says a file is, whatever its name claims.</summary>
public sealed class DocumentTypeTests
{
    public static TheoryData<string, string> Allowed() => new()
    {
        { nameof(Samples.Pdf), "application/pdf" },
        { nameof(Samples.Png), "image/png" },
        { nameof(Samples.Jpeg), "image/jpeg" },
        { nameof(Samples.Gif), "image/gif" },
        { nameof(Samples.WebP), "image/webp" },
        { nameof(Samples.Docx), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { nameof(Samples.Xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { nameof(Samples.Text), "text/plain; charset=utf-8" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Each_allowed_type_is_found_from_its_content(string sample, string contentType)
    {
        Assert.Equal(contentType, Detect(Sample(sample))?.ContentType);
    }

    [Theory]
    [InlineData(nameof(Samples.Executable))]
    [InlineData(nameof(Samples.PlainZip))]
    [InlineData(nameof(Samples.Docm))]
    public void Content_of_no_allowed_type_is_refused(string sample)
    {
        Assert.Null(Detect(Sample(sample)));
    }

    [Fact]
    public void Text_with_invalid_utf8_is_not_text()
    {
        Assert.Null(Detect([.. Encoding.UTF8.GetBytes("abc"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("def")]));
    }

    [Fact]
    public void Text_with_a_nul_byte_is_not_text()
    {
        Assert.Null(Detect(Encoding.UTF8.GetBytes("name\0value")));
    }

    [Fact]
    public void A_multibyte_character_split_across_chunks_is_still_text()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', DocumentUpload.ChunkSize - 1) + "张");
        var check = new TextCheck();
        check.Append(bytes.AsSpan(0, DocumentUpload.ChunkSize), final: false);
        check.Append(bytes.AsSpan(DocumentUpload.ChunkSize), final: true);

        Assert.True(check.IsText);
    }

    [Theory]
    [InlineData("scan.PDF", true)]
    [InlineData("scan", true)]
    [InlineData("scan.png", false)]
    [InlineData("scan.pdf.exe", false)]
    public void A_name_agrees_when_its_extension_is_one_of_the_types(string name, bool agrees)
    {
        Assert.Equal(agrees, DocumentTypes.NameAgrees(name, DocumentTypes.Pdf));
    }

    private static byte[] Sample(string name) => (byte[])typeof(Samples).GetField(name)!.GetValue(null)!;

    private static DocumentType? Detect(byte[] bytes)
    {
        var check = new TextCheck();
        check.Append(bytes, final: true);
        using var content = new MemoryStream(bytes);
        return DocumentTypes.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, DocumentTypes.HeadLength)), content, check.IsText);
    }
}
