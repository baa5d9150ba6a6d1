using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace CaseFlow.Engine.Tests.Deployment;

/// <summary>docker-compose.yml read with YamlDotNet into plain maps and lists.</summary>
internal sealed partial class ComposeFile
{
    public const string RelativePath = "docker-compose.yml";

    public IReadOnlyDictionary<string, object?> Document { get; }

    private ComposeFile(IReadOnlyDictionary<string, object?> document) => Document = document;

    public static ComposeFile Load()
    {
        var text = RepoFiles.Read(RelativePath);
        var root = new DeserializerBuilder().Build().Deserialize<object>(text);
        return new ComposeFile(AsMap(root, "the document"));
    }

    public IReadOnlyDictionary<string, object?> Services => AsMap(Document.GetValueOrDefault("services"), "services");

    public IReadOnlyDictionary<string, object?> Service(string name)
    {
        Assert.True(Services.ContainsKey(name), $"{RelativePath} has no service '{name}'");
        return AsMap(Services[name], $"services.{name}");
    }

    /// <summary>The service's environment as a map, from either the map or the list form, with
    /// ${VAR:-default} / ${VAR-default} interpolated to their defaults.</summary>
    public static IReadOnlyDictionary<string, string> Environment(IReadOnlyDictionary<string, object?> service)
    {
        var result = new Dictionary<string, string>();
        switch (service.GetValueOrDefault("environment"))
        {
            case null:
                break;
            case IDictionary<object, object?> map:
                foreach (var (k, v) in map)
                    result[(string)k] = Interpolate(v?.ToString() ?? "");
                break;
            case IList<object?> list:
                foreach (var item in list.Select(i => i?.ToString() ?? ""))
                {
                    var eq = item.IndexOf('=');
                    result[eq < 0 ? item : item[..eq]] = eq < 0 ? "" : Interpolate(item[(eq + 1)..]);
                }
                break;
            default:
                Assert.Fail("environment must be a map or a list");
                break;
        }
        return result;
    }

    /// <summary>build: either "context" or { context, dockerfile }; returns paths relative to the repo.</summary>
    public static (string Context, string Dockerfile) Build(IReadOnlyDictionary<string, object?> service)
    {
        var build = service["build"];
        string context, dockerfile = "Dockerfile";
        if (build is string s)
        {
            context = s;
        }
        else
        {
            var map = AsMap(build, "build");
            context = map.GetValueOrDefault("context")?.ToString() ?? ".";
            dockerfile = map.GetValueOrDefault("dockerfile")?.ToString() ?? "Dockerfile";
        }
        var composeDir = Path.GetDirectoryName(RepoFiles.PathOf(RelativePath))!;
        var contextFull = Path.GetFullPath(Path.Combine(composeDir, context));
        var dockerfileFull = Path.GetFullPath(Path.Combine(contextFull, dockerfile));
        return (RepoFiles.Relative(contextFull), RepoFiles.Relative(dockerfileFull));
    }

    public static IReadOnlyList<string> Strings(IReadOnlyDictionary<string, object?> service, string key) =>
        service.GetValueOrDefault(key) switch
        {
            null => [],
            IList<object?> list => list.Select(i => i?.ToString() ?? "").ToList(),
            var other => throw new FormatException($"{key} should be a list, not {other.GetType().Name}"),
        };

    public static IReadOnlyDictionary<string, object?> AsMap(object? node, string what)
    {
        if (node is not IDictionary<object, object?> map)
            throw new FormatException($"{RelativePath}: {what} should be a map");
        return map.ToDictionary(kv => kv.Key.ToString()!, kv => kv.Value);
    }

    public static string Interpolate(string value) =>
        InterpolationRegex().Replace(value, m => m.Groups[2].Success ? m.Groups[2].Value : "");

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}")]
    private static partial Regex InterpolationRegex();
}
