using System.Xml;
using System.Xml.Linq;

namespace CaseFlow.Workflows.Xml;

/// <summary>Loads an uploaded model file with line numbers, refusing DTDs.</summary>
internal static class SafeXml
{
    /// <summary>The document, or null with the reason (and the line, when the XML parser knows it).</summary>
    public static XDocument? Load(string? xml, out string? error, out int? line)
    {
        line = null;
        if (string.IsNullOrWhiteSpace(xml))
        {
            error = "The file is empty.";
            return null;
        }
        // Neither BPMN nor DMN needs a DTD; refusing one rules out entity-expansion attacks on an upload.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            error = null;
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            error = $"The file is not well-formed XML: {ex.Message}";
            line = ex.LineNumber > 0 ? ex.LineNumber : null;
            return null;
        }
    }
}
