using System.Net;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CaseFlow.Engine.Tests.WebApp;

/// <summary>A service whose web root is a folder of this test's own, so serving is tested apart from the npm build.</summary>
public sealed class WebAppFolderApp : CaseFlowApp
{
    public string Root { get; } = Directory.CreateTempSubdirectory("caseflow-webroot-").FullName;

    public WebAppFolderApp()
    {
        File.WriteAllText(Path.Combine(Root, "index.html"), "<!doctype html><title>CaseFlow</title><div id=\"root\"></div>");
        Directory.CreateDirectory(Path.Combine(Root, "assets"));
        File.WriteAllText(Path.Combine(Root, "assets", "index-abc123.js"), "console.log('app');");
    }

    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("WebApp:Root", Root);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}

public sealed class WebAppServingTests(WebAppFolderApp app) : IClassFixture<WebAppFolderApp>
{
    [Fact]
    public async Task The_root_answers_the_app_page_without_a_session()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_route_of_the_app_answers_the_app_page_so_the_browser_router_takes_it()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/cases/0b6f3c1e-2f5a-4d7e-9a51-0d3c2b1a4f00");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_app_page_is_never_cached()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/inbox");
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/assets/index-abc123.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Assets_are_compressed_for_a_browser_that_accepts_brotli()
    {
        var client = app.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/index-abc123.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        var response = await client.SendAsync(request);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Api_answers_are_not_compressed()
    {
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_problem_not_the_app_page()
    {
        var response = await app.CreateClient().GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_missing_asset_is_404_not_the_app_page()
    {
        // A chunk gone after a deploy must fail to load, not arrive as HTML the browser cannot run.
        var response = await app.CreateClient().GetAsync("/assets/gone-123.js");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_post_to_an_app_route_does_not_answer_the_app_page()
    {
        var response = await app.CreateAnonymousClient().PostAsync("/inbox", new StringContent(""));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
