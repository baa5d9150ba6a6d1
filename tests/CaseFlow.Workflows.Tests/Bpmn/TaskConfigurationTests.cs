using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Tests.Bpmn;

public class TaskConfigurationTests
{
    [Fact]
    public void A_service_task_without_a_job_type_is_reported()
    {
        var problem = Fixture.Parse("missing-job-type").Single(ProblemCodes.MissingJobType);

        Assert.Equal("Task_A", problem.ElementId);
        Assert.Equal(Fixture.LineOf("missing-job-type", "id=\"Task_A\""), problem.Line);
        Assert.Contains("zeebe:taskDefinition", problem.Message);
    }

    [Fact]
    public void A_camunda_7_service_task_is_told_that_camunda_class_is_not_read()
    {
        var problem = Fixture.Parse("missing-job-type-camunda7").Single(ProblemCodes.MissingJobType);

        Assert.Contains("camunda:class", problem.Message);
        Assert.Contains("Camunda 7", problem.Message);
    }

    [Fact]
    public void A_script_task_without_an_expression_is_reported()
    {
        var problem = Fixture.Parse("missing-script").Single(ProblemCodes.MissingScript);

        Assert.Equal("Task_A", problem.ElementId);
    }

    [Fact]
    public void A_script_task_without_a_result_variable_is_reported()
    {
        var problem = Fixture.Parse("missing-result-variable").Single(ProblemCodes.MissingResultVariable);

        Assert.Equal("Task_A", problem.ElementId);
        Assert.Contains("resultVariable", problem.Message);
    }

    [Fact]
    public void A_call_activity_without_a_called_process_is_reported()
    {
        var problem = Fixture.Parse("missing-called-element").Single(ProblemCodes.MissingCalledElement);

        Assert.Equal("Task_A", problem.ElementId);
        Assert.Contains("zeebe:calledElement", problem.Message);
    }

    [Fact]
    public void A_business_rule_task_without_a_decision_is_reported()
    {
        var problem = Fixture.Parse("missing-called-decision").Single(ProblemCodes.MissingCalledDecision);

        Assert.Equal("Task_A", problem.ElementId);
        Assert.Contains("zeebe:calledDecision", problem.Message);
    }

    [Fact]
    public void A_multi_instance_activity_without_an_input_collection_is_reported()
    {
        var problem = Fixture.Parse("missing-input-collection").Single(ProblemCodes.MissingInputCollection);

        Assert.Equal("Task_A", problem.ElementId);
        Assert.Contains("loopCardinality", problem.Message);
    }

    [Fact]
    public void An_output_collection_without_an_output_element_is_reported()
    {
        var problem = Fixture.Parse("invalid-multi-instance").Single(ProblemCodes.InvalidMultiInstance);

        Assert.Equal("Task_A", problem.ElementId);
    }

    [Fact]
    public void A_mapping_without_a_target_is_reported()
    {
        var problem = Fixture.Parse("invalid-mapping").Single(ProblemCodes.InvalidMapping);

        Assert.Equal("Task_A", problem.ElementId);
        Assert.Contains("output mapping has no target", problem.Message);
    }

    [Fact]
    public void A_user_task_pointing_at_a_missing_embedded_form_is_reported()
    {
        var problem = Fixture.Parse("missing-form").Single(ProblemCodes.MissingForm);

        Assert.Contains("'userTaskForm_gone'", problem.Message);
    }

    [Fact]
    public void A_receive_task_for_an_unknown_message_is_reported()
    {
        var problem = Fixture.Parse("missing-message").Single(ProblemCodes.MissingMessage);

        Assert.Equal("Task_A", problem.ElementId);
        Assert.Contains("'Message_Gone'", problem.Message);
    }

    [Fact]
    public void A_catching_message_event_without_a_correlation_key_is_reported()
    {
        var problem = Fixture.Parse("missing-correlation-key").Single(ProblemCodes.MissingCorrelationKey);

        Assert.Equal("Task_A", problem.ElementId);
        Assert.Contains("'reply'", problem.Message);
    }

    [Fact]
    public void An_error_end_event_without_an_error_code_is_reported()
    {
        var problem = Fixture.Parse("missing-error-code").Single(ProblemCodes.MissingErrorCode);

        Assert.Equal("Task_A", problem.ElementId);
    }

    [Fact]
    public void A_timer_without_a_date_duration_or_cycle_is_reported()
    {
        var problem = Fixture.Parse("missing-timer-value").Single(ProblemCodes.MissingTimerValue);

        Assert.Equal("Task_A", problem.ElementId);
    }
}
