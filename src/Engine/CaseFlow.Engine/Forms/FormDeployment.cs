using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Forms;

/// <summary>
/// Deploys a form-js schema as the next version of its id, unless the latest version came from identical
/// content, which is returned instead (no new version), as for processes and decisions.
/// </summary>
internal static class FormDeployment
{
    public static async Task<Results<Created<FormDeploymentDto>, Ok<FormDeploymentDto>, ProblemHttpResult>> DeployAsync(
        string json, CaseFlowDb db, TimeProvider clock, CancellationToken ct)
    {
        FormSchema? schema;
        List<FormProblem> problems;
        using (var document = JsonDocument.Parse(json))
            (schema, problems) = FormSchema.Read(document.RootElement);
        if (schema is null) return Refuse(problems);

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var latest = await db.Forms.AsNoTracking()
            .Where(f => f.FormId == schema.Id)
            .OrderByDescending(f => f.Version)
            .FirstOrDefaultAsync(ct);
        if (latest is not null && latest.ContentHash == hash) return TypedResults.Ok(ToDto(latest, created: false));

        var now = clock.GetUtcNow();
        var row = new FormDefinition
        {
            Id = Guid.CreateVersion7(now), FormId = schema.Id, Version = (latest?.Version ?? 0) + 1,
            Schema = json, ContentHash = hash, DeployedAt = now,
        };
        db.Forms.Add(row);
        // A concurrent deployment takes the same version: the unique index refuses the second (409 concurrent_update).
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/forms/{Uri.EscapeDataString(row.FormId)}/versions/{row.Version}", ToDto(row, created: true));
    }

    /// <summary>The id of a schema that reads as a form, else null (the shipped-files deployer's check for an existing version).</summary>
    public static string? IdOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return FormSchema.Read(document.RootElement).Schema?.Id;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static FormDeploymentDto ToDto(FormDefinition row, bool created) =>
        new(row.Id, row.FormId, row.Version, row.ContentHash, row.DeployedAt, created);

    private static ProblemHttpResult Refuse(List<FormProblem> problems) =>
        Problems.Create(StatusCodes.Status422UnprocessableEntity, "form_invalid",
            $"The form cannot be deployed: {string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}"))}",
            field: problems[0].Field, more: [new("problems", problems)]);
}
