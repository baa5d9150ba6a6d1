using System.Net;
using System.Text;
using CaseFlow.Engine.Decisions;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Forms;
using CaseFlow.Engine.Tests.Calendars;
using CaseFlow.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseFlow.Engine.Tests.Workflows;

/// <summary>The workflows, decisions and forms in workflows/ are deployed on first start, once, and never over a newer version.</summary>
public sealed class ShippedWorkflowsTests(ShippedApp app) : IClassFixture<ShippedApp>
{
    private static readonly string Folder = ShippedWorkflowsSetup.ResolveFolder(null, AppContext.BaseDirectory);

    private static IEnumerable<string> ShippedFiles(string pattern) =>
        Directory.EnumerateFiles(Folder, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static string[] ShippedFormIds() =>
        ShippedFiles("*.form").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public async Task First_start_deploys_both_shipped_processes_as_version_1()
    {
        var client = app.CreateClient();

        var processes = await (await client.GetAsync("/api/definitions")).ReadAsync<List<ProcessSummaryDto>>();

        Assert.Equal([("hardship-aid", 1), ("hotline-triage", 1)], processes.Select(p => (p.ProcessId, p.LatestVersion)));
    }

    [Fact]
    public async Task First_start_deploys_the_aid_level_decision()
    {
        var decisions = await (await app.CreateClient().GetAsync("/api/decisions")).ReadAsync<List<DecisionSummaryDto>>();

        Assert.Equal(("aid-level", 1), (Assert.Single(decisions).DecisionId, decisions[0].Version));
    }

    [Fact]
    public async Task First_start_deploys_every_shipped_form()
    {
        var forms = await (await app.CreateClient().GetAsync("/api/forms")).ReadAsync<List<FormSummaryDto>>();

        Assert.Equal(ShippedFormIds(), forms.Select(f => f.FormId));
    }

    [Fact]
    public async Task Every_shipped_process_deploys_without_a_warning()
    {
        var client = app.CreateClient();
        foreach (var file in ShippedFiles("*.bpmn"))
        {
            var again = await (await client.DeployXmlAsync(await File.ReadAllTextAsync(file))).ReadAsync<DeploymentDto>(HttpStatusCode.OK);
            Assert.Empty(again.Warnings);
        }
    }

    [Fact]
    public async Task Every_shipped_decision_deploys_without_a_warning()
    {
        var client = app.CreateClient();
        foreach (var file in ShippedFiles("*.dmn"))
        {
            var response = await client.PostAsync("/api/decisions", new StringContent(await File.ReadAllTextAsync(file), Encoding.UTF8, "application/xml"));
            Assert.Empty((await response.ReadAsync<DecisionDeploymentDto>(HttpStatusCode.OK)).Warnings);
        }
    }

    [Fact]
    public async Task Every_user_task_of_the_shipped_processes_names_a_shipped_form_or_none()
    {
        var named = ShippedFiles("*.bpmn")
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), "formId=\"([^\"]+)\"").Select(m => m.Groups[1].Value))
            .Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(ShippedFormIds(), named);
    }

    [Fact]
    public async Task A_restart_deploys_nothing_again()
    {
        await using var database = await TestDatabase.CreateAsync();
        await StartAndStopAsync(database);

        await using var restarted = new ShippedNode(database);
        var client = restarted.CreateClient();

        var versions = await (await client.GetAsync("/api/definitions/hotline-triage/versions")).ReadAsync<List<DefinitionDto>>();
        var forms = await (await client.GetAsync("/api/forms")).ReadAsync<List<FormSummaryDto>>();
        Assert.Equal((1, true), (Assert.Single(versions).Version, forms.All(f => f.Versions == 1)));
    }

    [Fact]
    public async Task A_newer_version_deployed_since_survives_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var first = new ShippedNode(database))
        {
            var edited = (await File.ReadAllTextAsync(Path.Combine(Folder, "hotline-triage.bpmn"))).Replace("name=\"办结\"", "name=\"已办结\"", StringComparison.Ordinal);
            await (await first.CreateClient().DeployXmlAsync(edited)).ReadAsync<DeploymentDto>(HttpStatusCode.Created);
        }

        await using var restarted = new ShippedNode(database);
        var versions = await (await restarted.CreateClient().GetAsync("/api/definitions/hotline-triage/versions")).ReadAsync<List<DefinitionDto>>();

        Assert.Equal([2, 1], versions.Select(v => v.Version));
    }

    [Fact]
    public async Task Two_nodes_starting_at_once_deploy_each_file_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var one = new ShippedNode(database);
        await using var two = new ShippedNode(database);

        var clients = await Task.WhenAll(Task.Run(one.CreateClient), Task.Run(two.CreateClient));

        var processes = await (await clients[1].GetAsync("/api/definitions")).ReadAsync<List<ProcessSummaryDto>>();
        var forms = await (await clients[0].GetAsync("/api/forms")).ReadAsync<List<FormSummaryDto>>();
        Assert.Equal((2, true, ShippedFormIds().Length), (processes.Count, processes.All(p => p.VersionCount == 1), forms.Count(f => f.Versions == 1)));
    }

    [Fact]
    public async Task A_broken_file_is_logged_and_the_others_are_deployed()
    {
        var folder = Directory.CreateTempSubdirectory("caseflow-shipped-").FullName;
        try
        {
            File.Copy(Path.Combine(Folder, "forms", "aid-review.form"), Path.Combine(folder, "aid-review.form"));
            await File.WriteAllTextAsync(Path.Combine(folder, "broken.bpmn"), "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"broken\" isExecutable=\"true\"><bpmn:userTask id=\"t\" /><bpmn:sequenceFlow id=\"f\" sourceRef=\"t\" targetRef=\"nowhere\" /></bpmn:process></bpmn:definitions>");
            await File.WriteAllTextAsync(Path.Combine(folder, "broken.form"), "{\"id\": ");
            var log = new LogCapture<ShippedWorkflows>();
            await using var database = await TestDatabase.CreateAsync();
            await using var node = new ShippedNode(database, builder =>
            {
                builder.UseSetting("Workflows:Folder", folder);
                builder.ConfigureServices(services => services.AddSingleton<ILogger<ShippedWorkflows>>(log));
            });

            var forms = await (await node.CreateClient().GetAsync("/api/forms")).ReadAsync<List<FormSummaryDto>>();

            Assert.Equal("aid-review", Assert.Single(forms).FormId);
            Assert.Equal(2, log.At(LogLevel.Error).Count(m => m.Contains("broken.bpmn") || m.Contains("broken.form")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task StartAndStopAsync(TestDatabase database)
    {
        await using var node = new ShippedNode(database);
        (await node.CreateClient().GetAsync("/api/forms")).EnsureSuccessStatusCode();
    }
}
