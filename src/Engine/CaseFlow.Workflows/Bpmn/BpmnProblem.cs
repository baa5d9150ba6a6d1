namespace CaseFlow.Workflows.Bpmn;

public enum ProblemSeverity { Error, Warning }

/// <summary>One thing wrong with a BPMN file, located at an element and a line.</summary>
/// <param name="Code">Stable, machine-readable: e.g. <c>missing_target</c>, <c>unreachable_element</c>,
/// <c>gateway_without_default</c>, <c>unsupported_element</c>, <c>invalid_expression</c>, <c>invalid_xml</c>.</param>
public sealed record BpmnProblem(string Code, string? ElementId, int? Line, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    public override string ToString() =>
        $"{(Line is { } l ? $"line {l}: " : "")}{(ElementId is null ? "" : $"{ElementId}: ")}{Message} [{Code}]";
}

/// <summary>The processes of one BPMN file and everything wrong with it. Deployable when no problem is an error.</summary>
public sealed record BpmnParseResult(IReadOnlyList<Model.ProcessDefinition> Processes, IReadOnlyList<BpmnProblem> Problems)
{
    public bool IsDeployable => Processes.Count > 0 && Problems.All(p => p.Severity != ProblemSeverity.Error);
}
