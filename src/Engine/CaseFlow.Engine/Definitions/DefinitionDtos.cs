using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Engine.Definitions;

public sealed record DefinitionDto(Guid Id, string ProcessId, int Version, string? Name, string ContentHash, DateTimeOffset DeployedAt);

/// <summary>
/// The answer to a deployment: the first process at the top level, all of them in <see cref="Processes"/>.
/// <see cref="Created"/> is false when identical content was already deployed (then the status is 200, not 201).
/// </summary>
public sealed record DeploymentDto(
    Guid Id, string ProcessId, int Version, string? Name, string ContentHash, DateTimeOffset DeployedAt,
    bool Created, IReadOnlyList<DefinitionDto> Processes, IReadOnlyList<BpmnProblemDto> Warnings);

/// <summary>A process with its latest version, as the definitions list shows it.</summary>
public sealed record ProcessSummaryDto(
    string ProcessId, string? Name, Guid LatestId, int LatestVersion, int VersionCount, DateTimeOffset DeployedAt);

public sealed record BpmnProblemDto(string Code, string? ElementId, int? Line, string Message, string Severity);

internal static class DefinitionMappings
{
    public static DefinitionDto ToDto(this Definition definition) =>
        new(definition.Id, definition.ProcessId, definition.Version, definition.Name, definition.ContentHash, definition.DeployedAt);

    public static BpmnProblemDto ToDto(this BpmnProblem problem) =>
        new(problem.Code, problem.ElementId, problem.Line, problem.Message, problem.Severity == ProblemSeverity.Error ? "error" : "warning");
}
