using System.Text;
using System.Text.Json;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Definitions;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Tasks;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Forms;

/// <summary>
/// The form of a user task, and the check of its completion against it. A task names its form by the
/// formId of zeebe:formDefinition, or by the id of a zeebe:userTaskForm embedded in its BPMN file (which
/// wins: the file's own form is what the modeler drew for it). A deployed form is bound "latest", as
/// Camunda 8 binds by default: a corrected form applies to the tasks already open.
/// </summary>
internal static class TaskForms
{
    private sealed record TaskRef(Guid InstanceId, Guid DefinitionId, long ElementKey, string ElementId, string? FormKey, bool Open);

    private sealed record Resolved(string Json, bool Embedded, string? FormId, int? Version);

    public static async Task<Results<Ok<TaskFormDto>, ProblemHttpResult>> GetAsync(Guid id, CaseFlowDb db, DefinitionCache definitions, CancellationToken ct)
    {
        var task = await FindTaskAsync(id, db, ct);
        if (task is null) return Problems.NotFound("task_not_found", $"Task {id} does not exist.");
        if (task.FormKey is null) return Problems.NotFound("form_not_found", $"Task {id} has no form.");
        var form = await ResolveAsync(task, db, definitions, ct);
        if (form is null) return FormNotFound(task.FormKey);
        if (!IsJson(form.Json)) return EmbeddedNotJson(task.FormKey);
        return TypedResults.Ok(new TaskFormDto(id, task.FormKey, form.Embedded, form.FormId, form.Version, FormMappings.Parse(form.Json)));
    }

    /// <summary>
    /// Null when the variables may complete the task; else the 422 listing every broken rule. A task whose
    /// form is not deployed (yet) is not checked: the form cannot be shown either, and a process must not stall on it.
    /// </summary>
    public static async Task<ProblemHttpResult?> CheckCompletionAsync(
        Guid id, IReadOnlyDictionary<string, object?>? variables, CaseFlowDb db, DefinitionCache definitions, CancellationToken ct)
    {
        var task = await FindTaskAsync(id, db, ct);
        // A task no longer open is refused by the command (409), whatever its variables.
        if (task is not { Open: true, FormKey: not null }) return null;
        var form = await ResolveAsync(task, db, definitions, ct);
        if (form is null) return null;

        if (!IsJson(form.Json)) return EmbeddedNotJson(task.FormKey);
        FormSchema? schema;
        List<FormProblem> problems;
        using (var document = JsonDocument.Parse(form.Json))
            (schema, problems) = FormSchema.Read(document.RootElement);
        if (schema is null)
        {
            // Only an embedded form can get here (deployed ones were checked): its task cannot be checked, so it is not completed blind.
            return Problems.Invalid("form_invalid",
                $"The task's form '{task.FormKey}' is not a valid form-js schema: {problems[0].Field}: {problems[0].Message}", problems[0].Field);
        }

        var submitted = variables ?? new Dictionary<string, object?>();
        var context = FormValidator.HasConditions(schema) ? await TaskScopeAsync(task, db, ct) : DictionaryScope.Empty;
        var errors = FormValidator.Validate(schema, submitted, context);
        if (errors.Count == 0) return null;
        return Problems.Create(StatusCodes.Status422UnprocessableEntity, "form_validation_failed",
            $"The form '{task.FormKey}' is not filled in correctly: {string.Join(" ", errors.Select(e => e.Message))}",
            field: errors[0].Field, more: [new("errors", errors)]);
    }

    private static Task<TaskRef?> FindTaskAsync(Guid id, CaseFlowDb db, CancellationToken ct) =>
        (from t in db.UserTasks.AsNoTracking()
         join i in db.Instances on t.InstanceId equals i.Id
         where t.Id == id
         select new TaskRef(t.InstanceId, i.DefinitionId, t.ElementKey, t.ElementId, t.FormKey, t.State == UserTaskState.Created))
        .SingleOrDefaultAsync(ct);

    private static async Task<Resolved?> ResolveAsync(TaskRef task, CaseFlowDb db, DefinitionCache definitions, CancellationToken ct)
    {
        var definition = await definitions.GetAsync(db, task.DefinitionId, ct);
        if (definition.AllNodes.GetValueOrDefault(task.ElementId) is CaseFlow.Workflows.Model.UserTask { EmbeddedForm: { } embedded })
            return new Resolved(embedded, true, null, null);
        var form = await db.Forms.AsNoTracking()
            .Where(f => f.FormId == task.FormKey)
            .OrderByDescending(f => f.Version)
            .Select(f => new Resolved(f.Schema, false, f.FormId, f.Version))
            .FirstOrDefaultAsync(ct);
        return form;
    }

    /// <summary>What the form's hide conditions see: the task's local variables over the instance's.</summary>
    private static async Task<IVariableScope> TaskScopeAsync(TaskRef task, CaseFlowDb db, CancellationToken ct)
    {
        var json = await db.Instances.AsNoTracking().Where(i => i.Id == task.InstanceId).Select(i => i.State).SingleAsync(ct);
        var state = InstanceStateSerializer.Deserialize(Encoding.UTF8.GetBytes(json));
        var processScope = new DictionaryScope(state.Variables);
        return state.Find(task.ElementKey)?.Variables is { } local ? new DictionaryScope(local, processScope) : processScope;
    }

    /// <summary>Only an embedded form can fail this: deployed forms were parsed when they were deployed.</summary>
    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ProblemHttpResult EmbeddedNotJson(string formKey) =>
        Problems.Invalid("form_invalid", $"The form '{formKey}' embedded in the task's BPMN file is not JSON.", "$");

    private static ProblemHttpResult FormNotFound(string formKey) =>
        Problems.NotFound("form_not_found", $"No form '{formKey}' is deployed.");
}
