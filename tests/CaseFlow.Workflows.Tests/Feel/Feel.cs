using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Tests.Feel;

/// <summary>Shorthands for evaluating FEEL in tests.</summary>
internal static class F
{
    public static IVariableScope Scope(params (string Name, object? Value)[] variables) =>
        new DictionaryScope(variables.ToDictionary(v => v.Name, v => v.Value));

    public static object? Eval(string expression, params (string Name, object? Value)[] variables) =>
        FeelExpression.Parse(expression).Evaluate(Scope(variables));

    /// <summary>The result as FEEL's string() prints it ("null" for null), which makes lists and contexts easy to assert.</summary>
    public static string Text(string expression, params (string Name, object? Value)[] variables) =>
        FeelValue.ToFeelString(Eval(expression, variables)) ?? "null";

    public static (object? Result, List<string> Warnings) EvalWarn(string expression, params (string Name, object? Value)[] variables)
    {
        var warnings = new List<string>();
        var result = FeelExpression.Parse(expression).Evaluate(Scope(variables), warnings);
        return (result, warnings);
    }

    /// <summary>Parses a literal FEEL value (number, boolean, null, string, list...) for theory tables.</summary>
    public static object? Value(string feel) => Eval(feel);

    public static FeelSyntaxException SyntaxError(string expression) =>
        Assert.Throws<FeelSyntaxException>(() => FeelExpression.Parse(expression));

    public static IReadOnlyDictionary<string, object?> Context(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);
}
