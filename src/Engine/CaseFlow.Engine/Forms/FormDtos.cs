using System.Text.Json;

namespace CaseFlow.Engine.Forms;

public sealed record FormDeploymentDto(Guid Id, string FormId, int Version, string ContentHash, DateTimeOffset DeployedAt, bool Created);

public sealed record FormDto(Guid Id, string FormId, int Version, string ContentHash, DateTimeOffset DeployedAt, JsonElement Schema);

public sealed record FormSummaryDto(string FormId, Guid Id, int Version, int Versions, DateTimeOffset DeployedAt);

/// <summary>The form a task shows: a deployed form (<see cref="FormId"/> and <see cref="Version"/>) or one embedded in the BPMN file.</summary>
public sealed record TaskFormDto(Guid TaskId, string FormKey, bool Embedded, string? FormId, int? Version, JsonElement Schema);

internal static class FormMappings
{
    public static FormDto ToDto(this FormDefinition form) =>
        new(form.Id, form.FormId, form.Version, form.ContentHash, form.DeployedAt, Parse(form.Schema));

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
