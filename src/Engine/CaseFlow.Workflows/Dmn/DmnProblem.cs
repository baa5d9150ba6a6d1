using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Dmn;

/// <summary>One thing wrong with a DMN file, located at an element and a line (same shape as <see cref="BpmnProblem"/>).</summary>
/// <param name="Code">Stable, machine-readable; see <see cref="DmnProblemCodes"/>.</param>
public sealed record DmnProblem(string Code, string? ElementId, int? Line, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    public override string ToString() =>
        $"{(Line is { } l ? $"line {l}: " : "")}{(ElementId is null ? "" : $"{ElementId}: ")}{Message} [{Code}]" +
        (Severity == ProblemSeverity.Warning ? " (warning)" : "");
}

/// <summary>The decisions of one DMN file and everything wrong with it. Deployable when no problem is an error.</summary>
public sealed record DmnParseResult(DecisionRequirementsGraph? DecisionRequirementsGraph, IReadOnlyList<DmnProblem> Problems)
{
    public IReadOnlyList<DmnDecision> Decisions => DecisionRequirementsGraph?.Decisions ?? [];

    public bool IsDeployable => Decisions.Count > 0 && Problems.All(p => p.Severity != ProblemSeverity.Error);
}

/// <summary>The stable codes of <see cref="DmnProblem"/>; clients match on them, so a code is never renamed once shipped.</summary>
public static class DmnProblemCodes
{
    public const string InvalidXml = "invalid_xml";
    public const string NotDmn = "not_dmn";
    public const string NoDecision = "no_decision";
    public const string MissingId = "missing_id";
    public const string DuplicateId = "duplicate_id";
    public const string MissingName = "missing_name";
    public const string MissingExpression = "missing_expression";
    public const string InvalidExpression = "invalid_expression";
    public const string MissingRequirement = "missing_requirement";
    public const string CyclicRequirement = "cyclic_requirement";
    public const string UnknownType = "unknown_type";
    public const string InvalidHitPolicy = "invalid_hit_policy";
    public const string WrongEntryCount = "wrong_entry_count";
    public const string UnsupportedElement = "unsupported_element";

    // Table analysis at deploy.
    public const string OverlappingRules = "overlapping_rules";
    public const string TableGap = "table_gap";
    public const string TypeMismatch = "type_mismatch";
    public const string ValueNotAllowed = "value_not_allowed";
}

/// <summary>Collects problems while a file is read; nothing stops at the first one.</summary>
internal sealed class DmnProblemList
{
    private readonly List<DmnProblem> _items = [];

    public void Error(string code, string? elementId, int? line, string message) =>
        _items.Add(new DmnProblem(code, elementId, line, message));

    public void Warning(string code, string? elementId, int? line, string message) =>
        _items.Add(new DmnProblem(code, elementId, line, message, ProblemSeverity.Warning));

    public IReadOnlyList<DmnProblem> InFileOrder() =>
        _items.Select((p, i) => (p, i)).OrderBy(x => x.p.Line ?? 0).ThenBy(x => x.i).Select(x => x.p).ToList();
}
