using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Dmn;

/// <summary>
/// Deploy-time analysis of decision tables, on the cells it can read (literals, ranges, comparisons):
/// type mismatches between cells and their column (errors: such a cell can never match), overlapping rules
/// under UNIQUE (errors: DMN 1.5, 8.2.11 makes such a table invalid), and gaps and values outside
/// inputValues/outputValues (warnings: an incomplete table is allowed, its result is then null).
/// </summary>
internal static class DmnValidator
{
    private const int MaxOverlapReports = 20;

    public static void Validate(DecisionRequirementsGraph graph, DmnProblemList problems)
    {
        foreach (var decision in graph.Decisions)
        {
            if (decision.Logic is DecisionTable table) Table(table, problems);
        }
        foreach (var model in graph.BusinessKnowledgeModels)
        {
            if (model.Body is DecisionTable table) Table(table, problems);
        }
    }

    private static void Table(DecisionTable table, DmnProblemList problems)
    {
        var cells = table.Rules.Select(r => r.InputEntries.Select(Cell.Of).ToArray()).ToArray();
        var columnTypes = new string?[table.Inputs.Count];
        for (var i = 0; i < table.Inputs.Count; i++) columnTypes[i] = InputColumn(table, i, cells, problems);
        for (var o = 0; o < table.Outputs.Count; o++) OutputColumn(table, o, problems);
        if (table.HitPolicy == HitPolicy.Unique) Overlaps(table, cells, problems);
        var singleHit = table.HitPolicy is HitPolicy.Unique or HitPolicy.Any or HitPolicy.First or HitPolicy.Priority;
        if (singleHit && table.Outputs.All(o => o.Default is null))
        {
            for (var i = 0; i < table.Inputs.Count; i++) Gaps(table, i, cells, columnTypes[i], problems);
        }
    }

    /// <summary>The column's type: from typeRef, else from literal inputValues; checks every readable cell against it.</summary>
    private static string? InputColumn(DecisionTable table, int i, Cell[][] cells, DmnProblemList problems)
    {
        var input = table.Inputs[i];
        var allowed = Cell.Of(input.InputValues);
        var type = Basic(input.TypeRef) ?? SingleType(allowed.Values());
        for (var r = 0; r < table.Rules.Count; r++)
        {
            var rule = table.Rules[r];
            foreach (var value in cells[r].Length > i ? cells[r][i].Values() : [])
            {
                var where = $"Table {table.Id}, rule {rule.Index}, {input.Describe(i)}";
                if (type is not null && Cell.TypeOf(value) is { } actual && actual != type)
                {
                    problems.Error(DmnProblemCodes.TypeMismatch, rule.Id ?? table.Id, rule.Line,
                        $"{where}: {Show(value)} is a {actual} but the input is a {type}; this cell can never match.");
                }
                else if (input.InputValues is { } values && values.Evaluate(value, Values.DictionaryScope.Empty) == false)
                {
                    problems.Warning(DmnProblemCodes.ValueNotAllowed, rule.Id ?? table.Id, rule.Line,
                        $"{where}: {Show(value)} is not one of the input values {values.Source}.");
                }
            }
        }
        return type;
    }

    private static void OutputColumn(DecisionTable table, int o, DmnProblemList problems)
    {
        var output = table.Outputs[o];
        var type = Basic(output.TypeRef) ?? SingleType(output.Priorities?.OfType<object>() ?? []);
        foreach (var rule in table.Rules)
        {
            if (o >= rule.OutputEntries.Length || !TryLiteral(rule.OutputEntries[o], out var value) || value is null) continue;
            var where = $"Table {table.Id}, rule {rule.Index}, {output.Describe(o)}";
            if (type is not null && Cell.TypeOf(value) is { } actual && actual != type)
            {
                problems.Error(DmnProblemCodes.TypeMismatch, rule.Id ?? table.Id, rule.Line, $"{where}: {Show(value)} is a {actual} but the output is a {type}.");
            }
            else if (output.OutputValues is { } values && values.Evaluate(value, Values.DictionaryScope.Empty) == false)
            {
                problems.Warning(DmnProblemCodes.ValueNotAllowed, rule.Id ?? table.Id, rule.Line,
                    $"{where}: {Show(value)} is not one of the output values {values.Source}; evaluation gives null for it.");
            }
        }
    }

    private static void Overlaps(DecisionTable table, Cell[][] cells, DmnProblemList problems)
    {
        var reported = 0;
        for (var a = 0; a < cells.Length && reported < MaxOverlapReports; a++)
        {
            for (var b = a + 1; b < cells.Length && reported < MaxOverlapReports; b++)
            {
                if (cells[a].Length != cells[b].Length) continue;
                var all = true;
                for (var i = 0; i < cells[a].Length && all; i++) all = cells[a][i].Intersects(cells[b][i]) == true;
                if (!all) continue;
                var first = table.Rules[a];
                var second = table.Rules[b];
                problems.Error(DmnProblemCodes.OverlappingRules, second.Id ?? table.Id, second.Line,
                    $"Table {table.Id} has hit policy UNIQUE but rules {first.Index} and {second.Index} can both match the same inputs; " +
                    "make their conditions exclusive or choose another hit policy (FIRST, PRIORITY, COLLECT...).");
                reported++;
            }
        }
    }

    /// <summary>Values of one numeric or enumerated input that no rule accepts (whatever the other inputs are).</summary>
    private static void Gaps(DecisionTable table, int i, Cell[][] cells, string? type, DmnProblemList problems)
    {
        var column = cells.Select(c => c.Length > i ? c[i] : Cell.Unknown).ToList();
        if (column.Any(c => c.IsAny || c.Intervals is null)) return;
        var input = table.Inputs[i];
        var intervals = column.SelectMany(c => c.Intervals!).ToList();
        var allowed = Cell.Of(input.InputValues);
        if (allowed is { IsAny: false, Intervals: { } domain } && domain.All(d => d.Low is string && Equals(d.Low, d.High)))
        {
            foreach (var value in domain.Select(d => d.Low!).Where(v => !intervals.Any(x => x.Intersects(new Interval(v, true, v, true)))))
            {
                problems.Warning(DmnProblemCodes.TableGap, table.Id, input.Line,
                    $"Table {table.Id}, {input.Describe(i)}: no rule matches {Show(value)}, so the result is null for it.");
            }
            return;
        }
        if (type != "number" || intervals.Any(x => x.Low is not (null or decimal) || x.High is not (null or decimal))) return;
        if (FirstGap(intervals) is { } gap && (allowed.Intervals is not { } limits || allowed.IsAny || limits.Any(gap.Intersects)))
        {
            problems.Warning(DmnProblemCodes.TableGap, table.Id, input.Line,
                $"Table {table.Id}, {input.Describe(i)}: no rule matches values {Describe(gap)}, so the result is null for them.");
        }
    }

    /// <summary>The first stretch of numbers the intervals leave uncovered, sweeping from minus infinity.</summary>
    private static Interval? FirstGap(List<Interval> intervals)
    {
        var sorted = intervals.OrderBy(x => x.Low is null ? 0 : 1).ThenBy(x => x.Low as decimal? ?? 0).ThenBy(x => x.LowIncluded ? 0 : 1).ToList();
        decimal? reach = null;
        var reachIncluded = false;
        var started = false;
        foreach (var x in sorted)
        {
            if (!started)
            {
                if (x.Low is decimal low) return new Interval(null, false, low, !x.LowIncluded);
                started = true;
            }
            else if (x.Low is decimal low && reach is { } r && (low > r || (low == r && !reachIncluded && !x.LowIncluded)))
            {
                return new Interval(r, !reachIncluded, low, !x.LowIncluded);
            }
            if (x.High is null) return null;
            var high = (decimal)x.High;
            if (reach is null || high > reach)
            {
                reach = high;
                reachIncluded = x.HighIncluded;
            }
            else if (high == reach) reachIncluded |= x.HighIncluded;
        }
        return reach is { } end ? new Interval(end, !reachIncluded, null, false) : null;
    }

    private static string Describe(Interval gap) => (gap.Low, gap.High) switch
    {
        (null, var h) => $"{(gap.HighIncluded ? "<=" : "<")} {Show(h!)}",
        (var l, null) => $"{(gap.LowIncluded ? ">=" : ">")} {Show(l)}",
        var (l, h) => $"{(gap.LowIncluded ? "[" : "(")}{Show(l)}..{Show(h!)}{(gap.HighIncluded ? "]" : ")")}",
    };

    private static bool TryLiteral(FeelExpression expression, out object? value)
    {
        value = null;
        try { return Cell.Literal(Parser.ParseExpression(expression.Source), out value); }
        catch (FeelSyntaxException) { return false; }
    }

    private static string? Basic(string? typeRef) => TypeRegistry.Strip(typeRef) is "number" or "string" or "boolean" ? TypeRegistry.Strip(typeRef) : null;

    private static string? SingleType(IEnumerable<object> values)
    {
        var types = values.Select(Cell.TypeOf).Distinct().ToList();
        return types.Count == 1 ? types[0] : null;
    }

    private static string Show(object? value) => value is string s ? $"\"{s}\"" : FeelValue.ToFeelString(value) ?? "null";
}
