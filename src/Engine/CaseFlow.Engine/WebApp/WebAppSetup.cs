using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CaseFlow.Engine.WebApp;

/// <summary>
/// Serves the web app (src/Designer, built by Vite into the app's <c>wwwroot</c>): hashed assets are cached for
/// a year, <c>index.html</c> never, and every path outside <c>/api</c>, <c>/hubs</c> and <c>/openapi</c> falls back
/// to <c>index.html</c> for GET and HEAD so the browser's router takes it. The pages are public; the data behind them is not.
/// </summary>
public static class WebAppSetup
{
    /// <summary>
    /// The folder with <c>index.html</c>: <c>WebApp:Root</c> when given, else <c>wwwroot</c> beside the app (the
    /// build copies the web app there). Null when the web app was not built (an API-only build).
    /// </summary>
    public static string? FindRoot(IConfiguration configuration)
    {
        var root = configuration["WebApp:Root"] ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return File.Exists(Path.Combine(root, "index.html")) ? Path.GetFullPath(root) : null;
    }

    public static WebApplication UseWebApp(this WebApplication app)
    {
        if (FindRoot(app.Configuration) is not { } root)
        {
            app.Logger.LogWarning("The web app is not built (no index.html in wwwroot): only the API is served.");
            return app;
        }
        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = context.File.Name == "index.html"
                    ? "no-cache"
                    : context.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
        app.MapFallback("{*path:nonfile}", async context =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/openapi"))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            context.Response.Headers["X-Frame-Options"] = "DENY";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"), context.RequestAborted);
        }).AllowAnonymous().WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])).ExcludeFromDescription();
        return app;
    }
}
