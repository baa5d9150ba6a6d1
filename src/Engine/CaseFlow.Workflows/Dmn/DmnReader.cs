using System.Xml.Linq;
using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Dmn;

/// <summary>Reads one <c>definitions</c> element: item definitions, the DRG elements and their requirements.</summary>
internal sealed class DmnReader
{
    private static readonly HashSet<string> NamedElements =
        ["inputData", "decision", "businessKnowledgeModel", "variable", "formalParameter", "itemComponent", "column", "parameter"];

    private readonly XElement _root;
    private readonly XNamespace _ns;
    private readonly DmnProblemList _problems;
    private readonly BoxedExpressionReader _expressions;

    public DmnReader(XElement root, DmnProblemList problems)
    {
        _root = root;
        _ns = root.Name.Namespace;
        _problems = problems;
        var names = root.Descendants().Where(e => NamedElements.Contains(e.Name.LocalName)).Select(e => (string?)e.Attribute("name")).OfType<string>();
        _expressions = new BoxedExpressionReader(_ns, problems, new NameQuoter(names));
    }

    public DecisionRequirementsGraph? Read()
    {
        var types = new TypeRegistry(ReadItemDefinitions());
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var inputs = new Dictionary<string, DmnInputData>(StringComparer.Ordinal);
        foreach (var e in _root.Elements(_ns + "inputData"))
        {
            if (Identify(e, ids) is not var (id, name)) continue;
            inputs[id] = new DmnInputData(id, name, Variable(e));
        }
        var knowledge = new Dictionary<string, (DmnBusinessKnowledgeModel Model, XElement Element)>(StringComparer.Ordinal);
        foreach (var e in _root.Elements(_ns + "businessKnowledgeModel"))
        {
            if (Identify(e, ids) is not var (id, name)) continue;
            knowledge[id] = (ReadKnowledge(e, id, name), e);
        }
        var decisions = new Dictionary<string, (DmnDecision Decision, XElement Element)>(StringComparer.Ordinal);
        foreach (var e in _root.Elements(_ns + "decision"))
        {
            if (Identify(e, ids) is not var (id, name)) continue;
            var decision = new DmnDecision(id, name, DmnParser.Line(e)) { TypeRef = Variable(e) };
            decision.Logic = _expressions.ReadLogic(e, id, name);
            decisions[id] = (decision, e);
        }
        foreach (var (decision, e) in decisions.Values)
        {
            decision.RequiredDecisions = Requirements(e, "informationRequirement", "requiredDecision", decisions, d => d.Decision, decision.Id, "decision");
            decision.RequiredInputs = Requirements(e, "informationRequirement", "requiredInput", inputs, i => i, decision.Id, "input data");
            decision.RequiredKnowledge = Requirements(e, "knowledgeRequirement", "requiredKnowledge", knowledge, k => k.Model, decision.Id, "business knowledge model");
        }
        foreach (var (model, e) in knowledge.Values)
        {
            model.RequiredKnowledge = Requirements(e, "knowledgeRequirement", "requiredKnowledge", knowledge, k => k.Model, model.Id, "business knowledge model");
        }
        ReportCycles(decisions.Values.Select(d => d.Decision).ToList());
        if (decisions.Count == 0)
        {
            _problems.Error(DmnProblemCodes.NoDecision, (string?)_root.Attribute("id"), DmnParser.Line(_root), "The file contains no decision.");
        }
        var graph = new DecisionRequirementsGraph((string?)_root.Attribute("id"), (string?)_root.Attribute("name"), (string?)_root.Attribute("namespace"),
            decisions.Values.Select(d => d.Decision).ToList(), inputs.Values.ToList(), knowledge.Values.Select(k => k.Model).ToList(), types);
        foreach (var decision in graph.Decisions) decision.Graph = graph;
        foreach (var decision in graph.Decisions.Where(d => d.TypeRef is not null && !types.IsKnown(d.TypeRef)))
        {
            _problems.Warning(DmnProblemCodes.UnknownType, decision.Id, decision.Line,
                $"Decision '{decision.Name}' has type '{decision.TypeRef}', which is neither a FEEL type nor an itemDefinition of this file; its result is not checked.");
        }
        return graph;
    }

    private (string Id, string Name)? Identify(XElement e, HashSet<string> ids)
    {
        var id = (string?)e.Attribute("id");
        var name = (string?)e.Attribute("name");
        var line = DmnParser.Line(e);
        if (string.IsNullOrWhiteSpace(id))
        {
            _problems.Error(DmnProblemCodes.MissingId, null, line, $"A <{e.Name.LocalName}>{(name is null ? "" : $" named '{name}'")} has no id; it is left out.");
            return null;
        }
        if (!ids.Add(id))
        {
            _problems.Error(DmnProblemCodes.DuplicateId, id, line, $"The id '{id}' is used by more than one element; the second <{e.Name.LocalName}> is left out.");
            return null;
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            _problems.Error(DmnProblemCodes.MissingName, id, line, $"The <{e.Name.LocalName}> has no name; other decisions refer to it by name.");
            name = id;
        }
        return (id, name);
    }

    private string? Variable(XElement e) => (string?)e.Element(_ns + "variable")?.Attribute("typeRef");

    private DmnBusinessKnowledgeModel ReadKnowledge(XElement e, string id, string name)
    {
        var model = new DmnBusinessKnowledgeModel(id, name);
        if (e.Element(_ns + "encapsulatedLogic") is not { } logic)
        {
            _problems.Error(DmnProblemCodes.MissingExpression, id, DmnParser.Line(e), $"Business knowledge model '{name}' has no encapsulatedLogic.");
            return model;
        }
        var parameters = logic.Elements(_ns + "formalParameter").ToList();
        model.Parameters = parameters.Select(p => (string?)p.Attribute("name") ?? "").ToList();
        model.ParameterTypes = parameters.Select(p => (string?)p.Attribute("typeRef")).ToList();
        model.Body = _expressions.ReadLogic(logic, id, name);
        return model;
    }

    private List<T> Requirements<TSource, T>(XElement e, string requirement, string reference, Dictionary<string, TSource> targets,
        Func<TSource, T> select, string ownerId, string what)
    {
        var result = new List<T>();
        foreach (var r in e.Elements(_ns + requirement).Elements(_ns + reference))
        {
            var href = (string?)r.Attribute("href") ?? "";
            var target = href[(href.LastIndexOf('#') + 1)..];
            if (targets.TryGetValue(target, out var found)) result.Add(select(found));
            else _problems.Error(DmnProblemCodes.MissingRequirement, ownerId, DmnParser.Line(r), $"The required {what} '{href}' is not in this file.");
        }
        return result;
    }

    private void ReportCycles(List<DmnDecision> decisions)
    {
        var state = new Dictionary<DmnDecision, int>();
        foreach (var d in decisions) Visit(d);

        void Visit(DmnDecision d)
        {
            if (state.TryGetValue(d, out var s))
            {
                if (s == 1) _problems.Error(DmnProblemCodes.CyclicRequirement, d.Id, d.Line, $"Decision '{d.Name}' requires itself through its required decisions.");
                return;
            }
            state[d] = 1;
            foreach (var r in d.RequiredDecisions) Visit(r);
            state[d] = 2;
        }
    }

    private Dictionary<string, ItemDefinition> ReadItemDefinitions()
    {
        var result = new Dictionary<string, ItemDefinition>(StringComparer.Ordinal);
        foreach (var e in _root.Elements(_ns + "itemDefinition"))
        {
            if ((string?)e.Attribute("name") is { } name) result[name] = ReadItem(e, name);
        }
        return result;
    }

    private ItemDefinition ReadItem(XElement e, string name)
    {
        var item = new ItemDefinition(name)
        {
            TypeRef = e.Element(_ns + "typeRef")?.Value.Trim(),
            IsCollection = (string?)e.Attribute("isCollection") == "true",
        };
        if (e.Element(_ns + "allowedValues")?.Element(_ns + "text")?.Value is { } allowed && !string.IsNullOrWhiteSpace(allowed))
        {
            try { item.AllowedValues = FeelUnaryTests.Parse(allowed); }
            catch (FeelSyntaxException ex)
            {
                _problems.Error(DmnProblemCodes.InvalidExpression, (string?)e.Attribute("id") ?? name, DmnParser.Line(e),
                    $"The allowed values '{allowed}' of type '{name}' are not valid FEEL unary tests: {ex.Reason} (column {ex.Column}).");
            }
        }
        foreach (var c in e.Elements(_ns + "itemComponent"))
        {
            item.Components.Add(ReadItem(c, (string?)c.Attribute("name") ?? ""));
        }
        return item;
    }
}
