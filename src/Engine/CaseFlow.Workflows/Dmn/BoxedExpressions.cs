using CaseFlow.Workflows.Feel;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Dmn;

/// <summary>What one decision evaluation collects on its way: warnings and the table rules that matched.</summary>
internal sealed class EvalContext(string decisionId, ICollection<string>? warnings, List<MatchedRule>? matched, TypeRegistry types)
{
    public string DecisionId => decisionId;
    public ICollection<string>? Warnings => warnings;
    public List<MatchedRule>? Matched => matched;
    public TypeRegistry Types => types;

    public EvalContext For(string otherDecisionId) => new(otherDecisionId, warnings, matched, types);

    public void Warn(string message) => warnings?.Add(message);

    public object? Conform(object? value, string? typeRef, string what) =>
        warnings is null ? types.Conform(value, typeRef, what, new List<string>()) : types.Conform(value, typeRef, what, warnings);
}

/// <summary>A DMN boxed expression, compiled at parse time: every FEEL text inside is already parsed.</summary>
internal abstract class BoxedExpression(string? id)
{
    public string? Id => id;
    public abstract string Kind { get; }
    public abstract object? Evaluate(IVariableScope scope, EvalContext context);
}

internal sealed class LiteralExpression(string? id, FeelExpression expression) : BoxedExpression(id)
{
    public FeelExpression Expression => expression;
    public override string Kind => "literalExpression";
    public override object? Evaluate(IVariableScope scope, EvalContext context) => expression.Evaluate(scope, context.Warnings);
}

internal sealed record ContextEntry(string? Name, string? TypeRef, BoxedExpression Value);

/// <summary>Entries see the earlier ones by name; an entry without a name is the result of the whole context.</summary>
internal sealed class ContextExpression(string? id, IReadOnlyList<ContextEntry> entries) : BoxedExpression(id)
{
    public override string Kind => "context";

    public override object? Evaluate(IVariableScope scope, EvalContext context)
    {
        var result = new OrderedDictionary<string, object?>();
        // The scope reads the dictionary as it fills, so a function entry can call itself and later entries.
        var inner = new ContextScope(result, scope);
        foreach (var entry in entries)
        {
            var value = context.Conform(entry.Value.Evaluate(inner, context), entry.TypeRef, $"Context entry '{entry.Name ?? "result"}'");
            if (entry.Name is null) return value;
            result[entry.Name] = value;
        }
        return result;
    }
}

internal sealed class ListExpression(string? id, IReadOnlyList<BoxedExpression> items) : BoxedExpression(id)
{
    public override string Kind => "list";
    public override object? Evaluate(IVariableScope scope, EvalContext context) => items.Select(i => i.Evaluate(scope, context)).ToList();
}

/// <summary>A relation is a list of contexts, one per row, keyed by the column names.</summary>
internal sealed class RelationExpression(string? id, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<BoxedExpression>> rows) : BoxedExpression(id)
{
    public override string Kind => "relation";

    public override object? Evaluate(IVariableScope scope, EvalContext context)
    {
        var list = new List<object?>(rows.Count);
        foreach (var row in rows)
        {
            var item = new OrderedDictionary<string, object?>();
            for (var i = 0; i < columns.Count; i++) item[columns[i]] = i < row.Count ? row[i].Evaluate(scope, context) : null;
            list.Add(item);
        }
        return list;
    }
}

/// <summary>Calls a function (usually a business knowledge model) by name with named bindings.</summary>
internal sealed class InvocationExpression(string? id, FeelExpression callee, IReadOnlyList<(string Name, BoxedExpression Value)> bindings) : BoxedExpression(id)
{
    public override string Kind => "invocation";

    public override object? Evaluate(IVariableScope scope, EvalContext context)
    {
        if (callee.Evaluate(scope, context.Warnings) is not FeelFunction function)
        {
            context.Warn($"Invocation of '{callee.Source}': no such function");
            return null;
        }
        var names = bindings.Select(b => b.Name).ToArray();
        var values = bindings.Select(b => b.Value.Evaluate(scope, context)).ToArray();
        return function.InvokeNamed(names, values, new Env(scope, context.Warnings));
    }
}

internal sealed class FunctionDefinitionExpression(string? id, string[] parameters, string?[] types, BoxedExpression body) : BoxedExpression(id)
{
    public override string Kind => "functionDefinition";

    public override object? Evaluate(IVariableScope scope, EvalContext context) =>
        new BoxedFunction("anonymous", parameters, types, body, scope, context.DecisionId, context.Types);
}

/// <summary>A function whose body is a boxed expression: a business knowledge model, or a boxed function definition.</summary>
internal sealed class BoxedFunction(string name, string[] parameters, string?[] types, BoxedExpression? body, IVariableScope closure,
    string decisionId, TypeRegistry registry) : FeelFunction
{
    public override string Name => name;
    public override IReadOnlyList<string> Parameters => parameters;

    internal override object? Invoke(object?[] args, Env env)
    {
        if (args.Length != parameters.Length)
            return env.Fail($"Function '{name}' expects {parameters.Length} argument(s) but got {args.Length}");
        if (body is null) return env.Fail($"Function '{name}' has no body");
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var context = new EvalContext(decisionId, env.Warnings, null, registry);
        var conformed = new object?[args.Length];
        for (var i = 0; i < args.Length; i++) conformed[i] = context.Conform(args[i], types[i], $"Parameter '{parameters[i]}' of '{name}'");
        return body.Evaluate(new ParameterScope(parameters, conformed, closure), context);
    }

    internal override object? InvokeNamed(string[] names, object?[] values, Env env)
    {
        var args = new object?[parameters.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var at = Array.IndexOf(parameters, names[i]);
            if (at < 0) return env.Fail($"Function '{name}' has no parameter '{names[i]}'");
            args[at] = values[i];
        }
        return Invoke(args, env);
    }
}
