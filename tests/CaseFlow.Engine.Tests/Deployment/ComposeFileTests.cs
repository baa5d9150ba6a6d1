using Npgsql;

namespace CaseFlow.Engine.Tests.Deployment;

/// <summary>Static checks of docker-compose.yml (no Docker engine needed).</summary>
public sealed class ComposeFileTests
{
    private readonly ComposeFile _compose = ComposeFile.Load();

    [Fact]
    public void Declares_the_postgres_and_caseflow_services()
    {
        Assert.Contains("postgres", _compose.Services.Keys);
        Assert.Contains("caseflow", _compose.Services.Keys);
        Assert.StartsWith("postgres:15", _compose.Service("postgres")["image"]?.ToString());
    }

    [Fact]
    public void Every_build_points_at_an_existing_context_and_Dockerfile()
    {
        var builds = _compose.Services
            .Where(s => ComposeFile.AsMap(s.Value, s.Key).ContainsKey("build"))
            .ToList();
        Assert.NotEmpty(builds);
        foreach (var (name, node) in builds)
        {
            var (context, dockerfile) = ComposeFile.Build(ComposeFile.AsMap(node, name));
            Assert.True(Directory.Exists(RepoFiles.PathOf(context)), $"service {name}: build context '{context}' does not exist");
            Assert.True(File.Exists(RepoFiles.PathOf(dockerfile)), $"service {name}: Dockerfile '{dockerfile}' does not exist");
        }
    }

    [Fact]
    public void Caseflow_is_built_from_the_engine_Dockerfile_with_the_repo_as_context()
    {
        var (context, dockerfile) = ComposeFile.Build(_compose.Service("caseflow"));
        Assert.Equal(".", context);
        Assert.Equal(DeploymentPaths.EngineDockerfile, dockerfile);
    }

    [Fact]
    public void Caseflow_selects_Postgres_and_connects_to_the_postgres_service()
    {
        var env = ComposeFile.Environment(_compose.Service("caseflow"));
        Assert.Equal("Postgres", env.GetValueOrDefault("Database__Provider"));
        Assert.True(env.TryGetValue("ConnectionStrings__CaseFlow", out var connectionString), "ConnectionStrings__CaseFlow is not set");

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal("postgres", builder.Host);
        Assert.Contains(builder.Host!, _compose.Services.Keys);
        Assert.Equal(5432, builder.Port);

        // The credentials are the ones the postgres image is told to create.
        var pg = ComposeFile.Environment(_compose.Service("postgres"));
        Assert.Equal(pg["POSTGRES_USER"], builder.Username);
        Assert.Equal(pg["POSTGRES_PASSWORD"], builder.Password);
        Assert.Equal(pg.GetValueOrDefault("POSTGRES_DB") ?? pg["POSTGRES_USER"], builder.Database);
    }

    [Fact]
    public void Caseflow_waits_for_a_healthy_postgres()
    {
        var dependsOn = ComposeFile.AsMap(_compose.Service("caseflow")["depends_on"], "caseflow.depends_on");
        var postgres = ComposeFile.AsMap(dependsOn["postgres"], "caseflow.depends_on.postgres");
        Assert.Equal("service_healthy", postgres["condition"]);

        var healthcheck = ComposeFile.AsMap(_compose.Service("postgres")["healthcheck"], "postgres.healthcheck");
        var test = Assert.IsType<List<object>>(healthcheck["test"]);
        Assert.Contains(test, t => t.ToString()!.Contains("pg_isready", StringComparison.Ordinal));
    }

    [Fact]
    public void Caseflow_publishes_the_port_and_mounts_the_data_folder_of_its_image()
    {
        var dockerfile = DockerfileModel.Parse(RepoFiles.Read(DeploymentPaths.EngineDockerfile));
        var exposed = dockerfile.InStage(dockerfile.Final.Index).Where(i => i.Keyword == "EXPOSE").SelectMany(i => i.Words).ToList();
        var volumes = dockerfile.InStage(dockerfile.Final.Index).Where(i => i.Keyword == "VOLUME").SelectMany(i => i.Words).ToList();

        var caseflow = _compose.Service("caseflow");
        Assert.Contains("8080:8080", ComposeFile.Strings(caseflow, "ports"));
        foreach (var port in ComposeFile.Strings(caseflow, "ports"))
            Assert.Contains(port.Split(':')[^1].Split('/')[0], exposed);

        var mounts = ComposeFile.Strings(caseflow, "volumes").Select(v => v.Split(':')[1]).ToList();
        Assert.Contains("/app/data", volumes);
        Assert.Contains("/app/data", mounts);
    }

    [Fact]
    public void Named_volumes_are_declared_and_postgres_keeps_its_data_in_one()
    {
        var declared = ComposeFile.AsMap(_compose.Document["volumes"], "volumes").Keys.ToHashSet();
        foreach (var (name, node) in _compose.Services)
        {
            foreach (var volume in ComposeFile.Strings(ComposeFile.AsMap(node, name), "volumes"))
            {
                var source = volume.Split(':')[0];
                if (!source.StartsWith('.') && !source.StartsWith('/'))
                    Assert.True(declared.Contains(source), $"service {name} uses volume '{source}' that is not declared");
            }
        }
        Assert.Contains(ComposeFile.Strings(_compose.Service("postgres"), "volumes"),
            v => v.EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal));
    }
}

internal static class DeploymentPaths
{
    public const string EngineDockerfile = "src/Engine/CaseFlow.Engine/Dockerfile";
    public const string DeploymentDoc = "docs/deployment.md";
}
