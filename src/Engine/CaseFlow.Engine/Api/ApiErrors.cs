using Microsoft.AspNetCore.Http.Json;

namespace CaseFlow.Engine.Api;

public static class ApiErrors
{
    /// <summary>ProblemDetails for every error, each with a <c>code</c>, and binding failures thrown so they get one too.</summary>
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd("code", DefaultCode(problem.Status ?? context.HttpContext.Response.StatusCode));
            problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Without this, minimal APIs answer a bad body or parameter with an empty 400 outside Development.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => options.SerializerOptions.MaxDepth = 64);
        return services;
    }

    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Unmatched routes and methods (404, 405) get a ProblemDetails body too.
        app.UseStatusCodePages();
        // A NUL is never a legitimate query value, and PostgreSQL refuses it in text: refused here, before a
        // streamed answer (an export) has started and could only be cut off.
        app.Use(async (http, next) =>
        {
            foreach (var (key, values) in http.Request.Query)
            {
                if (!values.Any(v => v?.Contains('\0') == true) && !key.Contains('\0')) continue;
                var name = key.Replace("\0", "");
                await Problems.WriteAsync(http, StatusCodes.Status400BadRequest, "invalid_query",
                    $"The query parameter '{name}' contains a NUL character.", name);
                return;
            }
            await next(http);
        });
        return app;
    }

    private static string DefaultCode(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "bad_request",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status413PayloadTooLarge => "request_too_large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        StatusCodes.Status422UnprocessableEntity => "invalid",
        _ => status >= 500 ? "internal_error" : "error",
    };
}
