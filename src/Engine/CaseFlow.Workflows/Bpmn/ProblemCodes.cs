namespace CaseFlow.Workflows.Bpmn;

/// <summary>
/// The stable codes of <see cref="BpmnProblem"/>. Clients (the API's ProblemDetails, the modeler's
/// error overlay, tests) match on these strings, so a code is never renamed once shipped.
/// </summary>
public static class ProblemCodes
{
    // The document itself.
    public const string InvalidXml = "invalid_xml";
    public const string NotBpmn = "not_bpmn";
    public const string NoExecutableProcess = "no_executable_process";
    public const string DuplicateId = "duplicate_id";
    public const string MissingId = "missing_id";

    // Sequence flows and the graph.
    public const string MissingSource = "missing_source";
    public const string MissingTarget = "missing_target";
    public const string FlowCrossesScope = "flow_crosses_scope";
    public const string NoStartEvent = "no_start_event";
    public const string MultipleNoneStartEvents = "multiple_none_start_events";
    public const string StartEventHasIncoming = "start_event_has_incoming";
    public const string EndEventHasOutgoing = "end_event_has_outgoing";
    public const string BoundaryHasIncoming = "boundary_has_incoming";
    public const string UnreachableElement = "unreachable_element";
    public const string BoundaryWithoutHost = "boundary_without_host";

    // Gateways and conditions.
    public const string GatewayWithoutDefault = "gateway_without_default";
    public const string DefaultFlowInvalid = "default_flow_invalid";
    public const string ConditionIgnored = "condition_ignored";
    public const string MissingCondition = "missing_condition";
    public const string InvalidEventBasedGateway = "invalid_event_based_gateway";

    // Element configuration (mostly Zeebe extensions).
    public const string MissingJobType = "missing_job_type";
    public const string MissingScript = "missing_script";
    public const string MissingResultVariable = "missing_result_variable";
    public const string MissingCalledElement = "missing_called_element";
    public const string MissingCalledDecision = "missing_called_decision";
    public const string MissingInputCollection = "missing_input_collection";
    public const string InvalidMultiInstance = "invalid_multi_instance";
    public const string InvalidMapping = "invalid_mapping";
    public const string MissingForm = "missing_form";
    public const string MissingMessage = "missing_message";
    public const string MissingCorrelationKey = "missing_correlation_key";
    public const string MissingErrorCode = "missing_error_code";
    public const string MissingTimerValue = "missing_timer_value";
    public const string InvalidExpression = "invalid_expression";
    public const string InvalidTimerValue = "invalid_timer_value";
    public const string TimerCycleNotAllowed = "timer_cycle_not_allowed";
    public const string TriggeredStartInSubProcess = "triggered_start_in_sub_process";
    public const string ErrorStartOutsideEventSubProcess = "error_start_outside_event_sub_process";
    public const string EventSubProcessHasFlows = "event_sub_process_has_flows";
    public const string NonInterruptingErrorBoundary = "non_interrupting_error_boundary";

    public const string UnsupportedElement = "unsupported_element";
}

/// <summary>Collects problems while a file is read; nothing stops at the first one.</summary>
internal sealed class ProblemList
{
    private readonly List<BpmnProblem> _items = [];

    public void Error(string code, string? elementId, int? line, string message) =>
        _items.Add(new BpmnProblem(code, elementId, line, message));

    /// <summary>In file order, so a supervisor can walk down the diagram source.</summary>
    public IReadOnlyList<BpmnProblem> InFileOrder() =>
        _items.Select((p, i) => (p, i)).OrderBy(x => x.p.Line ?? 0).ThenBy(x => x.i).Select(x => x.p).ToList();
}
