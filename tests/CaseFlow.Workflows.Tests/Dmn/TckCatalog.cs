using System.Xml.Linq;
using CaseFlow.Workflows.Dmn;
using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Tests.Dmn;

/// <summary>One resultNode: the decision to evaluate and what the TCK expects (null for errorResult or xsi:nil).</summary>
public sealed record TckResult(string Name, string Type, object? Expected, bool ExpectsError);

/// <summary>One TCK testCase: the model it runs against, its inputs by name, its expected results.</summary>
public sealed record TckCase(string Name, string Folder, string ModelPath, IReadOnlyDictionary<string, object?> Inputs, IReadOnlyList<TckResult> Results);

/// <summary>Reads the copied DMN TCK (Corpora/dmn-tck) and the known-failure list beside the tests.</summary>
public static class TckCatalog
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static string Root => Path.Combine(AppContext.BaseDirectory, "Corpora", "dmn-tck");

    public static readonly Lazy<IReadOnlyList<TckCase>> Cases = new(Load);

    public static readonly Lazy<IReadOnlyDictionary<string, string>> KnownFailures = new(LoadKnownFailures);

    private static readonly Dictionary<string, DmnParseResult> Models = [];

    public static DmnParseResult Model(string path)
    {
        lock (Models)
        {
            if (!Models.TryGetValue(path, out var result)) Models[path] = result = DmnParser.Parse(File.ReadAllText(path));
            return result;
        }
    }

    private static IReadOnlyList<TckCase> Load()
    {
        var cases = new List<TckCase>();
        foreach (var level in Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
        {
            foreach (var folder in Directory.GetDirectories(level).Order(StringComparer.Ordinal))
            {
                var folderName = $"{Path.GetFileName(level)}/{Path.GetFileName(folder)}";
                foreach (var testFile in Directory.GetFiles(folder, "*-test-01.xml"))
                {
                    var doc = XDocument.Load(testFile, LoadOptions.PreserveWhitespace);
                    var modelName = doc.Root!.Elements().First(e => e.Name.LocalName == "modelName").Value.Trim();
                    var modelPath = Path.Combine(folder, modelName);
                    foreach (var testCase in doc.Root.Elements().Where(e => e.Name.LocalName == "testCase"))
                    {
                        var inputs = new Dictionary<string, object?>();
                        foreach (var input in Children(testCase, "inputNode")) inputs[(string)input.Attribute("name")!] = ReadValue(input);
                        var results = Children(testCase, "resultNode").Select(r => ReadResult(r)).ToList();
                        cases.Add(new TckCase($"{folderName}/{(string?)testCase.Attribute("id")}", folderName, modelPath, inputs, results));
                    }
                }
            }
        }
        return cases;
    }

    private static TckResult ReadResult(XElement node)
    {
        var error = (string?)node.Attribute("errorResult") == "true";
        var expected = Children(node, "expected").FirstOrDefault();
        return new TckResult((string)node.Attribute("name")!, (string?)node.Attribute("type") ?? "decision",
            expected is null ? null : ReadValue(expected), error);
    }

    private static IEnumerable<XElement> Children(XElement e, string localName) => e.Elements().Where(c => c.Name.LocalName == localName);

    /// <summary>A value node holds a value, a list of items, or components (a context).</summary>
    public static object? ReadValue(XElement node)
    {
        if (Children(node, "value").FirstOrDefault() is { } value) return Scalar(value);
        if (Children(node, "list").FirstOrDefault() is { } list) return ReadList(list);
        var components = Children(node, "component").ToList();
        if (components.Count > 0)
        {
            var context = new OrderedDictionary<string, object?>();
            foreach (var c in components) context[(string)c.Attribute("name")!] = ReadValue(c);
            return context;
        }
        return null;
    }

    private static List<object?> ReadList(XElement list) => Children(list, "item").Select(ReadValue).ToList();

    private static object? Scalar(XElement value)
    {
        if ((string?)value.Attribute(Xsi + "nil") == "true") return null;
        var type = (string?)value.Attribute(Xsi + "type") ?? "";
        type = type[(type.IndexOf(':') + 1)..];
        var text = value.Value;
        if (Children(value, "list").FirstOrDefault() is { } nested) return ReadList(nested);
        if (Children(value, "component").Any()) return ReadValue(value);
        return type switch
        {
            // FeelNumber keeps all 34 digits the TCK may give (decimal would round them to 28).
            "decimal" or "double" or "integer" or "int" or "long" => FeelNumber.TryParse(text.Trim(), out var number)
                ? number.ToValue()
                : throw new FormatException($"Not a number: {text}"),
            "boolean" => text.Trim() == "true",
            "date" when TemporalParser.TryParseAnyDate(text.Trim(), out var d) => d,
            "time" when TemporalParser.TryParseTime(text.Trim(), out var t) => t,
            "dateTime" when TemporalParser.TryParseDateTime(text.Trim(), out var dt) => dt,
            "duration" when TemporalParser.TryParseDuration(text.Trim(), out var duration) => duration,
            _ => text,
        };
    }

    private static IReadOnlyDictionary<string, string> LoadKnownFailures()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Dmn", "tck-known-failures.txt");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        foreach (var line in File.ReadAllLines(path))
        {
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#')) continue;
            var split = line.IndexOf(' ');
            result[split < 0 ? line.Trim() : line[..split].Trim()] = split < 0 ? "known failure" : line[(split + 1)..].Trim();
        }
        return result;
    }
}
