using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Tests.Bpmn;

public class FlowTests
{
    [Fact]
    public void A_flow_to_an_unknown_element_is_reported_with_its_id_and_line()
    {
        var problem = Fixture.Parse("missing-target").Single(ProblemCodes.MissingTarget);

        Assert.Equal("Flow_2", problem.ElementId);
        Assert.Equal(Fixture.LineOf("missing-target", "id=\"Flow_2\""), problem.Line);
        Assert.Contains("'Task_Missing'", problem.Message);
    }

    [Fact]
    public void A_flow_without_a_source_is_reported_as_missing_source()
    {
        var problem = Fixture.Parse("missing-source").Single(ProblemCodes.MissingSource);

        Assert.Equal("Flow_2", problem.ElementId);
        Assert.Contains("sourceRef", problem.Message);
    }

    [Fact]
    public void A_flow_into_a_sub_process_from_outside_crosses_its_scope()
    {
        var result = Fixture.Parse("flow-crosses-scope");

        var problem = result.Single(ProblemCodes.FlowCrossesScope);
        Assert.Equal("Flow_Into_Sub", problem.ElementId);
        Assert.Contains("'Sub_Task'", problem.Message);
        Assert.Contains("'Sub'", problem.Message);
    }

    [Fact]
    public void A_process_without_a_start_event_is_reported_on_the_process()
    {
        var result = Fixture.Parse("no-start-event");

        var problem = result.Single(ProblemCodes.NoStartEvent);
        Assert.Equal("Process_1", problem.ElementId);
        Assert.Equal(Fixture.LineOf("no-start-event", "<bpmn:process"), problem.Line);
        // Every element would be unreachable; saying so again for each adds nothing.
        Assert.Empty(result.All(ProblemCodes.UnreachableElement));
    }

    [Fact]
    public void A_sub_process_without_a_none_start_event_is_reported_on_the_sub_process()
    {
        var problem = Fixture.Parse("sub-process-without-start").Single(ProblemCodes.NoStartEvent);

        Assert.Equal("Sub", problem.ElementId);
        Assert.Equal(Fixture.LineOf("sub-process-without-start", "<bpmn:subProcess"), problem.Line);
    }

    [Fact]
    public void A_second_none_start_event_in_the_same_scope_is_reported()
    {
        var problem = Fixture.Parse("multiple-none-start-events").Single(ProblemCodes.MultipleNoneStartEvents);

        Assert.Equal("Start_Second", problem.ElementId);
    }

    [Fact]
    public void A_flow_into_a_start_event_is_reported_on_the_start_event()
    {
        var problem = Fixture.Parse("start-event-has-incoming").Single(ProblemCodes.StartEventHasIncoming);

        Assert.Equal("Start", problem.ElementId);
        Assert.Contains("'Flow_Back'", problem.Message);
    }

    [Fact]
    public void A_flow_out_of_an_end_event_is_reported_on_the_end_event()
    {
        var problem = Fixture.Parse("end-event-has-outgoing").Single(ProblemCodes.EndEventHasOutgoing);

        Assert.Equal("End", problem.ElementId);
        Assert.Contains("'Flow_After_End'", problem.Message);
    }

    [Fact]
    public void A_flow_into_a_boundary_event_is_reported_on_the_boundary_event()
    {
        var problem = Fixture.Parse("boundary-has-incoming").Single(ProblemCodes.BoundaryHasIncoming);

        Assert.Equal("Boundary_Fed", problem.ElementId);
    }

    [Fact]
    public void Elements_no_start_event_leads_to_are_unreachable()
    {
        var result = Fixture.Parse("unreachable-element");

        var unreachable = result.All(ProblemCodes.UnreachableElement);
        Assert.Equal(["Task_Orphan", "Task_After_Orphan"], unreachable.Select(p => p.ElementId));
        Assert.Equal(Fixture.LineOf("unreachable-element", "Nobody gets here"), unreachable[0].Line);
    }

    [Fact]
    public void Boundary_events_are_reachable_through_their_host_and_sub_process_bodies_through_their_start()
    {
        var result = Fixture.Parse("unreachable-element");

        Assert.DoesNotContain(result.All(ProblemCodes.UnreachableElement), p => p.ElementId is "Boundary_Escalate" or "Sub" or "Sub_Start" or "Sub_Task");
    }

    [Fact]
    public void The_path_after_a_boundary_event_is_reachable()
    {
        var result = Fixture.Parse("reachable-through-boundary");

        Assert.Empty(result.All(ProblemCodes.UnreachableElement));
        var boundary = Assert.IsType<BoundaryEvent>(result.Processes[0].Node("Boundary_Error"));
        Assert.Same(result.Processes[0].Node("Task_A"), boundary.AttachedTo);
        Assert.True(boundary.CancelActivity);
    }

    [Fact]
    public void An_element_without_outgoing_flows_is_an_implicit_end_and_deploys()
    {
        Fixture.Parse("implicit-end").AssertDeployable();
    }

    [Fact]
    public void A_boundary_event_attached_to_an_unknown_element_has_no_host()
    {
        var problem = Fixture.Parse("boundary-without-host").Single(ProblemCodes.BoundaryWithoutHost);

        Assert.Equal("Boundary_Lost", problem.ElementId);
        Assert.Contains("'Task_Nowhere'", problem.Message);
    }

    [Fact]
    public void A_boundary_event_attached_to_a_gateway_has_no_host()
    {
        var problem = Fixture.Parse("boundary-on-gateway").Single(ProblemCodes.BoundaryWithoutHost);

        Assert.Equal("Boundary_On_Gateway", problem.ElementId);
        Assert.Contains("exclusive gateway", problem.Message);
    }
}
