using System.Xml.Linq;
using CaseFlow.Workflows.Model;
using static CaseFlow.Workflows.Bpmn.BpmnNames;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>
/// Reads the Camunda 8 (Zeebe) extension elements that make tasks executable. Camunda 7 attributes
/// (camunda:class, camunda:decisionRef, ...) are not read, but they are named in the reason when the
/// Zeebe equivalent is missing, since a Camunda 7 file is the likeliest cause.
/// </summary>
internal sealed class ZeebeReader(BpmnDocument document, ProblemList problems, ExpressionReader expressions)
{
    /// <summary>How a user task points at a form embedded in the same file (zeebe:userTaskForm).</summary>
    private const string EmbeddedFormPrefix = "camunda-forms:bpmn:";

    public UserTask UserTask(XElement xml, string id, string? name, int line)
    {
        var assignment = xml.ZeebeExtension("assignmentDefinition");
        var schedule = xml.ZeebeExtension("taskSchedule");
        var form = xml.ZeebeExtension("formDefinition");
        var formKey = form?.Attr("formKey") ?? form?.Attr("formId") ?? form?.Attr("externalReference");
        string? embedded = null;
        if (formKey is not null && formKey.StartsWith(EmbeddedFormPrefix, StringComparison.Ordinal))
        {
            formKey = formKey[EmbeddedFormPrefix.Length..];
            embedded = document.Form(formKey)?.Value;
            if (embedded is null)
            {
                problems.Error(ProblemCodes.MissingForm, id, line,
                    $"The user task uses the embedded form '{formKey}', but the file has no zeebe:userTaskForm with that id.");
            }
        }
        return new UserTask(id, name, line)
        {
            Assignee = expressions.Attribute(assignment?.Attr("assignee"), "assignee", id, line),
            CandidateGroups = expressions.Attribute(assignment?.Attr("candidateGroups"), "candidate groups", id, line),
            CandidateUsers = expressions.Attribute(assignment?.Attr("candidateUsers"), "candidate users", id, line),
            FormKey = formKey,
            EmbeddedForm = embedded,
            DueDate = expressions.Attribute(schedule?.Attr("dueDate"), "due date", id, line),
            FollowUpDate = expressions.Attribute(schedule?.Attr("followUpDate"), "follow-up date", id, line),
        };
    }

    /// <summary>Service and send tasks, and script or business rule tasks that Zeebe hands to a job worker.</summary>
    public ServiceTask ServiceTask(XElement xml, string id, string? name, int line)
    {
        var definition = xml.ZeebeExtension("taskDefinition");
        var type = expressions.Attribute(definition?.Attr("type"), "job type", id, line);
        if (type is null)
        {
            problems.Error(ProblemCodes.MissingJobType, id, line,
                $"The {xml.Name.LocalName} has no job type (zeebe:taskDefinition type), so no worker would ever pick it up." +
                Camunda7Hint(xml, "class", "delegateExpression", "expression", "topic"));
        }
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in xml.ZeebeExtension("taskHeaders")?.Elements(ZeebeNs + "header") ?? [])
        {
            if (header.Attr("key") is { } key) headers.TryAdd(key, header.Attribute("value")?.Value ?? "");
        }
        return new ServiceTask(id, name, line)
        {
            JobType = type ?? Expression.Static(""),
            Retries = expressions.Attribute(definition?.Attr("retries"), "retries", id, line),
            Headers = headers,
        };
    }

    public Activity ScriptTask(XElement xml, string id, string? name, int line)
    {
        var script = xml.ZeebeExtension("script");
        if (script is null && xml.ZeebeExtension("taskDefinition") is not null) return ServiceTask(xml, id, name, line);
        var expression = expressions.Attribute(script?.Attr("expression"), "script", id, line);
        if (expression is null)
        {
            problems.Error(ProblemCodes.MissingScript, id, line,
                "The script task has no FEEL expression to run (zeebe:script expression)." +
                (xml.Element(BpmnNs + "script") is not null ? " An inline bpmn:script (JavaScript, Groovy, ...) is Camunda 7; CaseFlow runs FEEL." : ""));
        }
        return new ScriptTask(id, name, line)
        {
            Script = expression ?? Expression.Static(""),
            ResultVariable = ResultVariable(script, "script task", id, line),
        };
    }

    public Activity BusinessRuleTask(XElement xml, string id, string? name, int line)
    {
        var decision = xml.ZeebeExtension("calledDecision");
        if (decision is null && xml.ZeebeExtension("taskDefinition") is not null) return ServiceTask(xml, id, name, line);
        var decisionId = expressions.Attribute(decision?.Attr("decisionId"), "decision id", id, line);
        if (decisionId is null)
        {
            problems.Error(ProblemCodes.MissingCalledDecision, id, line,
                "The business rule task does not say which decision to evaluate (zeebe:calledDecision decisionId)." +
                Camunda7Hint(xml, "decisionRef"));
        }
        return new BusinessRuleTask(id, name, line)
        {
            DecisionId = decisionId ?? Expression.Static(""),
            ResultVariable = ResultVariable(decision, "business rule task", id, line),
        };
    }

    public CallActivity CallActivity(XElement xml, string id, string? name, int line)
    {
        var called = xml.ZeebeExtension("calledElement");
        // The standard BPMN calledElement attribute names the process too; Zeebe ignores it, but a
        // file from another modeler means the same thing by it.
        var processId = expressions.Attribute(called?.Attr("processId") ?? xml.Attr("calledElement"), "called process id", id, line);
        if (processId is null)
        {
            problems.Error(ProblemCodes.MissingCalledElement, id, line,
                "The call activity does not say which process to call (zeebe:calledElement processId).");
        }
        return new CallActivity(id, name, line)
        {
            CalledProcessId = processId ?? Expression.Static(""),
            PropagateAllChildVariables = called?.Attr("propagateAllChildVariables") is not ("false" or "0"),
            PropagateAllParentVariables = called?.Attr("propagateAllParentVariables") is not ("false" or "0"),
        };
    }

    /// <summary>zeebe:properties; the first of two properties with one name wins.</summary>
    public IReadOnlyDictionary<string, string>? Properties(XElement xml)
    {
        var properties = xml.ZeebeExtension("properties")?.Elements(ZeebeNs + "property").ToList();
        if (properties is null || properties.Count == 0) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            if (property.Attr("name") is { } name) result.TryAdd(name, property.Attribute("value")?.Value.Trim() ?? "");
        }
        return result;
    }

    public IoMapping IoMapping(XElement xml, string id, int line)
    {
        var mapping = xml.ZeebeExtension("ioMapping");
        if (mapping is null) return Model.IoMapping.None;
        var inputs = mapping.Elements(ZeebeNs + "input").Select(m => Mapping(m, "input", id, line)).OfType<Mapping>().ToList();
        var outputs = mapping.Elements(ZeebeNs + "output").Select(m => Mapping(m, "output", id, line)).OfType<Mapping>().ToList();
        return inputs.Count == 0 && outputs.Count == 0 ? Model.IoMapping.None : new IoMapping(inputs, outputs);
    }

    private Mapping? Mapping(XElement xml, string direction, string id, int line)
    {
        var target = xml.Attr("target");
        if (target is null || !IsVariablePath(target))
        {
            problems.Error(ProblemCodes.InvalidMapping, id, line, target is null
                ? $"An {direction} mapping has no target: it must name the variable it sets."
                : $"The {direction} mapping target '{target}' is not a variable name or a dotted path like 'applicant.address'.");
            return null;
        }
        // As in Camunda 8: '=expr' is FEEL, other text is a static string, and no source sets null.
        var text = xml.Attr("source");
        var source = text is null
            ? expressions.Feel("null", $"{direction} mapping source for '{target}'", id, line)
            : expressions.Attribute(text, $"{direction} mapping source for '{target}'", id, line);
        return source is null ? null : new Mapping(source, target);
    }

    public MultiInstance? MultiInstance(XElement loop, string id, int line)
    {
        var zeebe = loop.ZeebeExtension("loopCharacteristics");
        var collection = zeebe?.Attr("inputCollection");
        var outputCollection = zeebe?.Attr("outputCollection");
        var outputElement = zeebe?.Attr("outputElement");
        var completion = loop.Element(BpmnNs + "completionCondition").Text();
        var completionCondition = completion is null ? null : expressions.Feel(completion, "completion condition", id, line);
        if ((outputCollection is null) != (outputElement is null))
        {
            problems.Error(ProblemCodes.InvalidMultiInstance, id, line,
                "A multi-instance activity needs both an output collection and an output element, or neither: one says where results go, the other which result.");
        }
        if (collection is null)
        {
            problems.Error(ProblemCodes.MissingInputCollection, id, line,
                "The multi-instance activity does not say which list to run over (zeebe:loopCharacteristics inputCollection)." +
                (loop.Element(BpmnNs + "loopCardinality") is not null ? " A fixed loopCardinality is not supported; use a FEEL list, e.g. '= for i in 1..3 return i'." : ""));
            return null;
        }
        return new MultiInstance(
            IsSequential: loop.Attr("isSequential") is "true" or "1",
            // A collection is never static text, so a missing '=' is read as FEEL rather than refused.
            InputCollection: expressions.Feel(collection, "input collection", id, line),
            InputElement: zeebe?.Attr("inputElement"),
            OutputCollection: outputCollection,
            OutputElement: expressions.Attribute(outputElement, "output element", id, line),
            CompletionCondition: completionCondition);
    }

    private string ResultVariable(XElement? extension, string what, string id, int line)
    {
        if (extension?.Attr("resultVariable") is { } variable) return variable;
        problems.Error(ProblemCodes.MissingResultVariable, id, line,
            $"The {what} does not say which variable receives its result (resultVariable).");
        return "";
    }

    private static bool IsVariablePath(string target) =>
        target.Split('.').All(part => part.Length > 0 && !part.Any(char.IsWhiteSpace) && !part.StartsWith('='));

    private static string Camunda7Hint(XElement xml, params string[] attributes) =>
        attributes.FirstOrDefault(a => xml.Attribute(Camunda7Ns + a) is not null) is { } found
            ? $" The file uses camunda:{found}, which is Camunda 7 configuration; CaseFlow reads the Camunda 8 (zeebe:) extensions."
            : "";
}
