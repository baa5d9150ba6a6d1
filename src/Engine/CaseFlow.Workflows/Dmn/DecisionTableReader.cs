using System.Xml.Linq;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Dmn;

internal sealed partial class BoxedExpressionReader
{
    private DecisionTable ReadTable(XElement table, string tableId)
    {
        var line = DmnParser.Line(table);
        if (!DecisionTable.TryParseHitPolicy((string?)table.Attribute("hitPolicy"), out var policy))
        {
            problems.Error(DmnProblemCodes.InvalidHitPolicy, tableId, line, $"Unknown hit policy '{(string?)table.Attribute("hitPolicy")}'; expected UNIQUE, ANY, PRIORITY, FIRST, COLLECT, RULE ORDER or OUTPUT ORDER.");
        }
        if (!DecisionTable.TryParseAggregation((string?)table.Attribute("aggregation"), out var aggregation))
        {
            problems.Error(DmnProblemCodes.InvalidHitPolicy, tableId, line, $"Unknown aggregation '{(string?)table.Attribute("aggregation")}'; expected SUM, MIN, MAX or COUNT.");
        }
        else if (aggregation != CollectAggregation.None && policy != HitPolicy.Collect)
        {
            problems.Error(DmnProblemCodes.InvalidHitPolicy, tableId, line, "An aggregation is only allowed with hit policy COLLECT.");
            aggregation = CollectAggregation.None;
        }

        var inputs = table.Elements(ns + "input").Select((e, i) => ReadInput(e, i, tableId)).ToList();
        var outputElements = table.Elements(ns + "output").ToList();
        var outputs = outputElements.Select((e, i) => ReadOutput(e, i, tableId)).ToList();
        if (outputs.Count == 0)
        {
            problems.Error(DmnProblemCodes.MissingExpression, tableId, line, "The decision table has no output column.");
        }
        if (outputs.Count > 1 && outputs.Any(o => string.IsNullOrEmpty(o.Name)))
        {
            problems.Error(DmnProblemCodes.MissingName, tableId, line, "A table with several outputs needs a name on each output: they become the keys of the result.");
        }
        if (outputs.Count > 1 && aggregation != CollectAggregation.None)
        {
            problems.Error(DmnProblemCodes.InvalidHitPolicy, tableId, line, "COLLECT with an aggregation needs exactly one output.");
        }
        var rules = table.Elements(ns + "rule").Select((e, i) => ReadRule(e, i + 1, inputs.Count, outputs.Count, tableId)).ToList();
        return new DecisionTable(tableId, policy, aggregation, inputs, outputs, rules);
    }

    private TableInput ReadInput(XElement e, int index, string tableId)
    {
        var id = (string?)e.Attribute("id");
        var label = (string?)e.Attribute("label");
        var expression = e.Element(ns + "inputExpression");
        var text = expression?.Element(ns + "text")?.Value;
        var where = id ?? tableId;
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Error(DmnProblemCodes.MissingExpression, where, DmnParser.Line(e), $"Input {index + 1}{(label is null ? "" : $" '{label}'")} has no input expression.");
            text = "null";
        }
        var values = e.Element(ns + "inputValues")?.Element(ns + "text")?.Value;
        return new TableInput(id, label, Expression(text, $"input expression of input {index + 1}", where, expression ?? e),
            (string?)expression?.Attribute("typeRef"), UnaryTests(values, $"input values of input {index + 1}", where, e), DmnParser.Line(e) ?? 0);
    }

    private TableOutput ReadOutput(XElement e, int index, string tableId)
    {
        var id = (string?)e.Attribute("id");
        var where = id ?? tableId;
        var valuesText = e.Element(ns + "outputValues")?.Element(ns + "text")?.Value;
        var values = UnaryTests(valuesText, $"output values of output {index + 1}", where, e);
        var defaultText = e.Element(ns + "defaultOutputEntry")?.Element(ns + "text")?.Value;
        var fallback = string.IsNullOrWhiteSpace(defaultText) ? null : Expression(defaultText, $"default output of output {index + 1}", where, e);
        return new TableOutput(id, (string?)e.Attribute("name"), (string?)e.Attribute("label"), (string?)e.Attribute("typeRef"),
            values, Priorities(valuesText), fallback, DmnParser.Line(e) ?? 0);
    }

    /// <summary>The output values as a list of literals, in the order P and O rank them; null unless they are all literals.</summary>
    private IReadOnlyList<object?>? Priorities(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!Feel.FeelExpression.TryParse($"[{names.Quote(text)}]", out var list, out _)) return null;
        return list.Evaluate(DictionaryScope.Empty) as IReadOnlyList<object?>;
    }

    private TableRule ReadRule(XElement e, int index, int inputCount, int outputCount, string tableId)
    {
        var id = (string?)e.Attribute("id");
        var where = id ?? tableId;
        var line = DmnParser.Line(e);
        var inputEntries = e.Elements(ns + "inputEntry").ToList();
        var outputEntries = e.Elements(ns + "outputEntry").ToList();
        if (inputEntries.Count != inputCount || outputEntries.Count != outputCount)
        {
            problems.Error(DmnProblemCodes.WrongEntryCount, where, line,
                $"Rule {index} has {inputEntries.Count} input and {outputEntries.Count} output entries; the table has {inputCount} inputs and {outputCount} outputs.");
        }
        var tests = new Feel.FeelUnaryTests?[inputCount];
        for (var i = 0; i < Math.Min(inputCount, inputEntries.Count); i++)
        {
            tests[i] = UnaryTests(inputEntries[i].Element(ns + "text")?.Value, $"input entry {i + 1} of rule {index}", where, inputEntries[i]);
        }
        var results = new Feel.FeelExpression[outputCount];
        for (var o = 0; o < outputCount; o++)
        {
            var text = o < outputEntries.Count ? outputEntries[o].Element(ns + "text")?.Value : null;
            results[o] = string.IsNullOrWhiteSpace(text) ? Null : Expression(text, $"output entry {o + 1} of rule {index}", where, outputEntries[o]);
        }
        var annotations = e.Elements(ns + "annotationEntry").Select(a => a.Element(ns + "text")?.Value.Trim()).Where(t => !string.IsNullOrEmpty(t)).ToList();
        return new TableRule(id, index, tests, results, annotations.Count == 0 ? null : string.Join("; ", annotations), line ?? 0);
    }
}
