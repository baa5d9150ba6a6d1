using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
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

    /// <summary>
    /// Brotli or gzip for the app's assets (its scripts shrink to a third). Only static files are compressed, never
    /// API answers: compressing a response that mixes a secret with what a request reflected leaks it (BREACH).
    /// </summary>
    public static IServiceCollection AddWebApp(this IServiceCollection services) =>
        services
            .AddResponseCompression(options =>
            {
                options.EnableForHttps = true;
                options.Providers.Add<BrotliCompressionProvider>();
                options.Providers.Add<GzipCompressionProvider>();
                options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("image/svg+xml");
            })
            // Fastest: every download compresses afresh, and the browser then keeps the file for a year.
            .Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest)
            .Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

    public static WebApplication UseWebApp(this WebApplication app)
    {
        if (FindRoot(app.Configuration) is not { } root)
        {
            app.Logger.LogWarning("The web app is not built (no index.html in wwwroot): only the API is served.");
            return app;
        }
        var files = new PhysicalFileProvider(root);
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/assets"), assets => assets.UseResponseCompression());
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
