namespace CaseFlow.Engine.Tests.Deployment;

/// <summary>Static checks of the engine's Dockerfile and .dockerignore (no Docker engine needed).</summary>
public sealed class DockerfileTests
{
    private readonly DockerfileModel _dockerfile = DockerfileModel.Parse(RepoFiles.Read(DeploymentPaths.EngineDockerfile));

    private string Context => ComposeFile.Build(ComposeFile.Load().Service("caseflow")).Context;

    [Fact]
    public void Builds_with_the_SDK_and_runs_on_the_ASPNET_runtime()
    {
        Assert.True(_dockerfile.Stages.Count >= 2, "expected a multi-stage build");
        Assert.Contains(_dockerfile.Stages, s => s.Image == "mcr.microsoft.com/dotnet/sdk:10.0");
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", _dockerfile.Final.Image);
    }

    [Fact]
    public void Restores_then_publishes_the_engine_project_that_exists_in_the_repo()
    {
        var runs = _dockerfile.All("RUN").ToList();
        var restore = runs.FindIndex(r => r.Words.Take(2).SequenceEqual(["dotnet", "restore"]));
        var publish = runs.FindIndex(r => r.Words.Take(2).SequenceEqual(["dotnet", "publish"]));
        Assert.True(restore >= 0, "no RUN dotnet restore");
        Assert.True(publish > restore, "RUN dotnet publish must come after RUN dotnet restore");

        var words = runs[publish].Words;
        var project = words.Skip(2).First(w => !w.StartsWith('-'));
        Assert.Equal("src/Engine/CaseFlow.Engine", project.TrimEnd('/'));
        Assert.True(File.Exists(RepoFiles.PathOf($"{project}/CaseFlow.Engine.csproj")), $"{project} has no CaseFlow.Engine.csproj");
        Assert.Equal("Release", words[words.ToList().IndexOf("-c") + 1]);

        // The runtime stage copies exactly what publish wrote.
        var output = words[words.ToList().IndexOf("-o") + 1];
        var buildStage = _dockerfile.Stages[runs[publish].Stage];
        Assert.Contains(_dockerfile.InStage(_dockerfile.Final.Index), i =>
            i.Keyword == "COPY" && i.Option("from") == buildStage.Name && i.Operands[0].TrimEnd('/') == output);

        // The entry point is the engine's assembly.
        var entrypoint = _dockerfile.InStage(_dockerfile.Final.Index).Single(i => i.Keyword == "ENTRYPOINT").Arguments;
        Assert.Contains("\"CaseFlow.Engine.dll\"", entrypoint);
    }

    [Fact]
    public void Every_file_copied_from_the_context_exists_and_is_not_dockerignored()
    {
        var ignore = new DockerIgnore(File.Exists(RepoFiles.PathOf($"{Context}/.dockerignore"))
            ? RepoFiles.Read($"{Context}/.dockerignore")
            : "");
        var copies = _dockerfile.All("COPY").Concat(_dockerfile.All("ADD")).Where(i => i.Option("from") is null).ToList();
        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            foreach (var source in copy.Operands.SkipLast(1))
            {
                var path = RepoFiles.PathOf($"{Context}/{source}");
                Assert.True(File.Exists(path) || Directory.Exists(path), $"line {copy.Line}: COPY source '{source}' does not exist");
                Assert.False(ignore.IsExcluded(source.TrimEnd('/')), $"line {copy.Line}: COPY source '{source}' is excluded by .dockerignore");
            }
        }
    }

    [Fact]
    public void Dockerignore_keeps_host_build_output_and_git_out_of_the_context()
    {
        var ignore = new DockerIgnore(RepoFiles.Read(".dockerignore"));
        Assert.True(ignore.IsExcluded(".git"));
        Assert.True(ignore.IsExcluded("src/Engine/CaseFlow.Engine/bin/Release/net10.0/CaseFlow.Engine.dll"));
        Assert.True(ignore.IsExcluded("src/Engine/CaseFlow.Workflows/obj/project.assets.json"));
        Assert.True(ignore.IsExcluded("src/Designer/node_modules/react/index.js"));
        Assert.False(ignore.IsExcluded("src/Engine/CaseFlow.Engine/Program.cs"));
        Assert.False(ignore.IsExcluded("Directory.Packages.props"));
    }

    [Fact]
    public void Runtime_serves_the_web_app_built_from_src_Designer_in_its_own_stage()
    {
        var web = _dockerfile.Stages.Single(s => s.Name == "web");
        var webInstructions = _dockerfile.InStage(web.Index).ToList();
        Assert.Contains(webInstructions, i => i.Keyword == "RUN" && i.Arguments.Contains("npm ci --ignore-scripts", StringComparison.Ordinal));
        Assert.Contains(webInstructions, i => i.Keyword == "RUN" && i.Arguments.Contains("npm run build", StringComparison.Ordinal));
        Assert.Contains(_dockerfile.InStage(_dockerfile.Final.Index), i =>
            i.Keyword == "COPY" && i.Arguments.Contains("--from=web", StringComparison.Ordinal) && i.Words.Last() == "./wwwroot/");
    }

    [Fact]
    public void Runtime_runs_as_non_root_on_port_8080_with_a_data_volume()
    {
        var final = _dockerfile.InStage(_dockerfile.Final.Index).ToList();
        var user = final.LastOrDefault(i => i.Keyword == "USER");
        Assert.NotNull(user);
        Assert.DoesNotContain(user.Arguments.Split(':')[0], new[] { "root", "0" });

        Assert.Contains(final, i => i.Keyword == "EXPOSE" && i.Words.Contains("8080"));
        Assert.Contains(final, i => i.Keyword == "ENV" && i.Arguments.Contains("ASPNETCORE_HTTP_PORTS=8080", StringComparison.Ordinal));
        Assert.Contains(final, i => i.Keyword == "VOLUME" && i.Words.Contains("/app/data"));
        Assert.Contains(final, i => i.Keyword == "WORKDIR" && i.Arguments == "/app");
    }

    [Fact]
    public void Parser_reads_continuations_stages_and_options()
    {
        var model = DockerfileModel.Parse("""
            # comment
            FROM --platform=$BUILDPLATFORM img:1 AS build
            RUN echo a \
                # inner comment
                b
            FROM img:2
            COPY --from=build /out ./
            """);
        Assert.Equal(2, model.Stages.Count);
        Assert.Equal("build", model.Stages[0].Name);
        Assert.Equal("img:2", model.Final.Image);
        Assert.Equal(["echo", "a", "b"], model.All("RUN").Single().Words);
        Assert.Equal("build", model.All("COPY").Single().Option("from"));
        Assert.Equal(["/out", "./"], model.All("COPY").Single().Operands);
    }
}
