using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Tests.Bpmn;

public class DocumentTests
{
    [Fact]
    public void A_minimal_process_deploys_with_its_nodes_flows_and_lines()
    {
        var result = Fixture.Parse("valid-minimal");

        result.AssertDeployable();
        var process = Assert.Single(result.Processes);
        Assert.Equal("Process_1", process.Id);
        Assert.Equal(["Start", "Task_A", "End"], process.Root.Nodes.Select(n => n.Id));
        Assert.Equal("Start", process.Root.NoneStart?.Id);
        var task = Assert.IsType<PassThroughTask>(process.Node("Task_A"));
        Assert.Equal("Check documents", task.Name);
        Assert.Equal(Fixture.LineOf("valid-minimal", "id=\"Task_A\""), task.Line);
        Assert.Equal("Flow_2", Assert.Single(task.Outgoing).Id);
        Assert.Same(process.Node("End"), task.Outgoing[0].Target);
        Assert.Same(task, process.AllFlows["Flow_1"].Target);
    }

    [Fact]
    public void Malformed_xml_is_reported_as_invalid_xml_with_its_line()
    {
        var problem = Fixture.Parse("invalid-xml").Single(ProblemCodes.InvalidXml);

        Assert.Equal(Fixture.LineOf("invalid-xml", "</bpmn:process>"), problem.Line);
        Assert.Contains("not well-formed XML", problem.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("this is no xml")]
    [InlineData("\0\u0001PNG")]
    public void Input_that_is_not_xml_at_all_is_reported_instead_of_thrown(string? input)
    {
        var result = BpmnParser.Parse(input!);

        Assert.Empty(result.Processes);
        Assert.Equal(ProblemCodes.InvalidXml, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void A_document_type_definition_is_refused_so_entities_cannot_expand()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&b;</definitions>
            """;

        Assert.Equal(ProblemCodes.InvalidXml, Assert.Single(BpmnParser.Parse(xml).Problems).Code);
    }

    [Fact]
    public void Xml_that_is_not_bpmn_definitions_is_reported_as_not_bpmn()
    {
        var result = Fixture.Parse("not-bpmn");

        var problem = result.Single(ProblemCodes.NotBpmn);
        Assert.Equal(2, problem.Line);
        Assert.Contains("not a BPMN 2.0 file", problem.Message);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void A_file_with_only_a_collaboration_has_no_executable_process()
    {
        var result = Fixture.Parse("no-executable-process");

        var problem = result.Single(ProblemCodes.NoExecutableProcess);
        Assert.Equal("Definitions_1", problem.ElementId);
        Assert.False(result.IsDeployable);
    }

    [Fact]
    public void A_reused_id_is_reported_at_the_second_element_with_the_first_ones_line()
    {
        var result = Fixture.Parse("duplicate-id");

        var problem = result.Single(ProblemCodes.DuplicateId);
        Assert.Equal("Task_A", problem.ElementId);
        Assert.Equal(Fixture.LineOf("duplicate-id", "Copy-pasted"), problem.Line);
        Assert.Contains($"line {Fixture.LineOf("duplicate-id", "<bpmn:task id=\"Task_A\" />")}", problem.Message);
        // References resolve to the first element, so the copy adds no follow-on problems.
        Assert.Single(result.Problems);
    }

    [Fact]
    public void An_element_without_an_id_is_reported_with_its_line()
    {
        var problem = Fixture.Parse("missing-id").Single(ProblemCodes.MissingId);

        Assert.Equal(Fixture.LineOf("missing-id", "No id here"), problem.Line);
        Assert.NotNull(problem.ElementId);
    }

    [Fact]
    public void Only_processes_marked_executable_become_definitions()
    {
        var result = Fixture.Parse("executable-selection");

        Assert.Equal(["Process_Run"], result.Processes.Select(p => p.Id));
        Assert.True(result.Processes[0].IsExecutable);
    }

    [Fact]
    public void When_no_process_is_marked_executable_every_process_becomes_a_definition()
    {
        var result = Fixture.Parse("all-processes-when-none-marked");

        Assert.Equal(["Process_A", "Process_B"], result.Processes.Select(p => p.Id));
        result.AssertDeployable();
    }

    [Fact]
    public void Pools_lanes_annotations_data_and_diagram_shapes_are_ignored_without_problems()
    {
        var result = Fixture.Parse("display-only");

        result.AssertDeployable();
        Assert.Empty(result.Problems);
        Assert.Equal(["Start", "Task_A", "End"], Assert.Single(result.Processes).Root.Nodes.Select(n => n.Id));
    }
}
