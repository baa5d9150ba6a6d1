using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Engine.Api;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Dmn;

namespace CaseFlow.Engine.Decisions;

/// <summary>The same shape as a BPMN problem: code, element id, line, message, severity.</summary>
public sealed record DmnProblemDto(string Code, string? ElementId, int? Line, string Message, string Severity);

public sealed record DecisionRefDto(string DecisionId, string Name);

/// <summary>The answer to a DMN deployment. <see cref="Created"/> is false when identical content was already deployed (200, not 201).</summary>
public sealed record DecisionDeploymentDto(
    Guid Id, string Key, int Version, string? Name, string ContentHash, DateTimeOffset DeployedAt, bool Created,
    IReadOnlyList<DecisionRefDto> Decisions, IReadOnlyList<DmnProblemDto> Warnings);

/// <summary>A decision with the file version that holds its latest deployment.</summary>
public sealed record DecisionSummaryDto(string DecisionId, string Name, Guid DefinitionId, string Key, int Version, DateTimeOffset DeployedAt);

public sealed record EvaluateDecisionRequest(JsonElement? Variables);

/// <summary>A table under edit: the whole DMN file, the decision to evaluate in it, and the inputs.</summary>
public sealed record EvaluateDecisionXmlRequest(string? Xml, string? DecisionId, JsonElement? Variables);

public sealed record MatchedRuleDto(
    string DecisionId, string RuleId, int RuleIndex, string? Annotation,
    [property: JsonConverter(typeof(FeelValuesConverter))] IReadOnlyDictionary<string, object?> Outputs);

public sealed record DecisionEvaluationDto(
    [property: JsonConverter(typeof(FeelValueConverter))] object? Result,
    IReadOnlyList<MatchedRuleDto> MatchedRules, IReadOnlyList<string> Warnings);

internal static class DecisionMappings
{
    public static DmnProblemDto ToDto(this DmnProblem problem) =>
        new(problem.Code, problem.ElementId, problem.Line, problem.Message, problem.Severity == ProblemSeverity.Error ? "error" : "warning");

    public static DecisionEvaluationDto ToDto(this DecisionResult result) => new(
        result.Result,
        result.MatchedRules.Select(m => new MatchedRuleDto(m.DecisionId, m.RuleId, m.RuleIndex, m.Annotation, m.Outputs)).ToList(),
        result.Warnings);
}
