using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Engine.Tests.Sweep;

/// <summary>One request the sweep sends, and a line that says what it was when it goes wrong.</summary>
public sealed record Probe(string Method, string Path, string? ContentType, byte[]? Body, string What)
{
    public override string ToString()
    {
        var body = Body is null ? "" : Body.Length > 120 ? $" body {Body.Length} bytes: {Encoding.UTF8.GetString(Body, 0, 80)}..." : $" body: {Encoding.UTF8.GetString(Body)}";
        var path = Path.Length > 160 ? Path[..160] + "..." : Path;
        return $"{Method} {path} [{What}] ({ContentType}){body}";
    }
}

/// <summary>An API endpoint as the app's routing knows it: the pattern, its methods, its JSON request type and its query parameters.</summary>
public sealed record SweptEndpoint(string Method, RoutePattern Pattern, Type? RequestType, IReadOnlyList<string> ContentTypes,
    IReadOnlyList<string> QueryParameters, bool AllowsAnonymous)
{
    /// <summary>The pattern as written, without the slash a group's "/" route leaves at the end.</summary>
    public string Route => (Pattern.RawText ?? "").TrimEnd('/');

    public bool TakesBody => Method is "POST" or "PUT" or "PATCH";

    public bool TakesJson => RequestType is not null && ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Method} {Route}";

    /// <summary>Every endpoint under /api, one per method.</summary>
    public static IReadOnlyList<SweptEndpoint> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => Describe(method, e)))
            .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    private static SweptEndpoint Describe(string method, RouteEndpoint endpoint)
    {
        var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
        var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // [AsParameters] types bind their constructor's parameters from the query like the handler's own.
        var query = (handler?.GetParameters() ?? [])
            .SelectMany(p => p.GetCustomAttribute<AsParametersAttribute>() is null
                ? [p]
                : p.ParameterType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters())
            .Where(p => p.Name is not null && !routeNames.Contains(p.Name) && IsSimple(p.ParameterType))
            .Select(p => p.Name!)
            .ToList();
        return new SweptEndpoint(method, endpoint.RoutePattern, accepts?.RequestType, accepts?.ContentTypes ?? [], query,
            endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null);
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(decimal)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(DateOnly);
    }

    /// <summary>The path with each route parameter replaced by <paramref name="value"/>.</summary>
    public string Path(Func<RoutePatternParameterPart, string> value)
    {
        var path = new StringBuilder();
        foreach (var segment in Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(value(parameter)),
                    RoutePatternSeparatorPart separator => separator.Content,
                    _ => "",
                });
            }
        }
        return path.ToString();
    }

    /// <summary>A plausible path: every route parameter an id nobody has.</summary>
    public string UnknownPath() => Path(p => p.Name.Contains("version", StringComparison.OrdinalIgnoreCase) ? "987654" : Guid.NewGuid().ToString());

    /// <summary>The JSON request type's properties, by their JSON names.</summary>
    public IEnumerable<(string Name, Type Type)> JsonProperties() =>
        !TakesJson
            ? []
            : RequestType!.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType));
}
