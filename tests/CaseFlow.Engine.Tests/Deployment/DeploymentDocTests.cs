using System.Text.RegularExpressions;

namespace CaseFlow.Engine.Tests.Deployment;

/// <summary>The docker commands shown in docs/deployment.md must match the compose file and Dockerfile.</summary>
public sealed partial class DeploymentDocTests
{
    private readonly string _doc = RepoFiles.Read(DeploymentPaths.DeploymentDoc);
    private readonly DockerfileModel _dockerfile = DockerfileModel.Parse(RepoFiles.Read(DeploymentPaths.EngineDockerfile));

    /// <summary>Commands from the fenced shell blocks, continuation lines joined, comments dropped.</summary>
    private IReadOnlyList<IReadOnlyList<string>> Commands()
    {
        var commands = new List<IReadOnlyList<string>>();
        foreach (Match block in FencedBlockRegex().Matches(_doc))
        {
            var pending = "";
            foreach (var raw in block.Groups[1].Value.Split('\n'))
            {
                var line = raw.TrimEnd('\r');
                var hash = line.IndexOf(" #", StringComparison.Ordinal);
                if (line.TrimStart().StartsWith('#')) continue;
                if (hash >= 0 && !line[..hash].Contains('\'') && !line[..hash].Contains('"')) line = line[..hash];
                if (line.TrimEnd().EndsWith('\\')) { pending += line.TrimEnd()[..^1] + " "; continue; }
                var command = (pending + line).Trim();
                pending = "";
                if (command.Length > 0) commands.Add(ShellWords.Split(command));
            }
        }
        return commands;
    }

    private IEnumerable<IReadOnlyList<string>> Docker(string sub) =>
        Commands().Where(c => c.Count > 1 && c[0] == "docker" && c[1] == sub);

    private static string? ValueOf(IReadOnlyList<string> words, params string[] flags)
    {
        for (var i = 0; i < words.Count - 1; i++)
            if (flags.Contains(words[i])) return words[i + 1];
        return null;
    }

    private static IEnumerable<string> ValuesOf(IReadOnlyList<string> words, string flag)
    {
        for (var i = 0; i < words.Count - 1; i++)
            if (words[i] == flag) yield return words[i + 1];
    }

    [Fact]
    public void Shows_docker_build_with_the_compose_Dockerfile_and_context()
    {
        var builds = Docker("build").ToList();
        Assert.NotEmpty(builds);
        var (context, dockerfile) = ComposeFile.Build(ComposeFile.Load().Service("caseflow"));
        foreach (var build in builds)
        {
            Assert.Equal(dockerfile, ValueOf(build, "-f", "--file"));
            Assert.Equal(context, build[^1]);
            Assert.NotNull(ValueOf(build, "-t", "--tag"));
        }
    }

    [Fact]
    public void Shows_docker_run_with_the_image_port_and_volume_of_the_Dockerfile()
    {
        var runs = Docker("run").Where(r => !r.Contains("--rm")).ToList(); // --rm ones are backup helpers
        Assert.NotEmpty(runs);
        var tags = Docker("build").Select(b => ValueOf(b, "-t", "--tag")!.Split(':')[0]).ToHashSet();
        var exposed = _dockerfile.InStage(_dockerfile.Final.Index).Where(i => i.Keyword == "EXPOSE").SelectMany(i => i.Words).ToHashSet();
        var volume = _dockerfile.InStage(_dockerfile.Final.Index).Single(i => i.Keyword == "VOLUME").Words.Single();
        foreach (var run in runs)
        {
            Assert.Contains(run[^1].Split(':')[0], tags);
            var ports = ValuesOf(run, "-p").ToList();
            Assert.NotEmpty(ports);
            Assert.All(ports, p => Assert.Contains(p.Split(':')[^1], exposed));
            Assert.Contains(ValuesOf(run, "-v"), v => v.Split(':')[1] == volume);
        }
    }

    [Fact]
    public void Docker_run_against_Postgres_uses_the_configuration_keys_of_the_compose_file()
    {
        var composeEnv = ComposeFile.Environment(ComposeFile.Load().Service("caseflow"));
        var postgresRuns = Docker("run").Where(r => ValuesOf(r, "-e").Any(e => e.StartsWith("Database__Provider=", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(postgresRuns);
        foreach (var run in postgresRuns)
        {
            var env = ValuesOf(run, "-e").Select(e => e.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
            Assert.Equal(composeEnv["Database__Provider"], env["Database__Provider"]);
            Assert.Contains("ConnectionStrings__CaseFlow", env.Keys);
            Assert.Contains("ConnectionStrings__CaseFlow", composeEnv.Keys);
        }
    }

    [Fact]
    public void Shows_docker_compose_up_and_documents_the_configuration_keys()
    {
        Assert.Contains(Docker("compose"), c => c.Count > 2 && c[2] == "up");
        foreach (var key in new[] { "Database:Provider", "Database__Provider", "ConnectionStrings:CaseFlow", "ConnectionStrings__CaseFlow", "Data Source=data/caseflow.db", "/app/data" })
            Assert.Contains(key, _doc);
    }

    [GeneratedRegex(@"```(?:sh|bash|shell|console)\s*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlockRegex();
}
