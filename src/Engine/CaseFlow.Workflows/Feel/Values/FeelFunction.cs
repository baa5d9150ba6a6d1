using System.Runtime.CompilerServices;
using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Feel;

/// <summary>A FEEL function value: a built-in, or one defined with <c>function(a, b) ...</c>.</summary>
public abstract class FeelFunction
{
    private protected FeelFunction() { }

    public abstract string Name { get; }

    /// <summary>Parameter names, as named invocation uses them (the first signature for overloaded built-ins).</summary>
    public abstract IReadOnlyList<string> Parameters { get; }

    /// <summary>Calls the function from host code; errors yield null and a warning, as in an expression.</summary>
    public object? Invoke(IReadOnlyList<object?> arguments, ICollection<string>? warnings = null) =>
        Invoke([.. arguments], new Env(DictionaryScope.Empty, warnings));

    internal abstract object? Invoke(object?[] args, Env env);

    internal abstract object? InvokeNamed(string[] names, object?[] values, Env env);

    public override string ToString() => $"function {Name}({string.Join(", ", Parameters)})";
}

/// <summary>A function defined in FEEL; it closes over the scope it was defined in (which is how a
/// context entry can call itself recursively: the context's later entries land in that same scope).</summary>
internal sealed class LambdaFunction(string[] parameters, Eval body, IVariableScope closure) : FeelFunction
{
    public override string Name => "anonymous";
    public override IReadOnlyList<string> Parameters => parameters;

    internal override object? Invoke(object?[] args, Env env)
    {
        if (args.Length != parameters.Length)
            return env.Fail($"Function({string.Join(", ", parameters)}) expects {parameters.Length} argument(s) but got {args.Length}");
        // Deep recursion in user functions must end as a FEEL error, not as a crashed process.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return body(new Env(new ParameterScope(parameters, args, closure), env.Warnings));
    }

    internal override object? InvokeNamed(string[] names, object?[] values, Env env)
    {
        var args = new object?[parameters.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var at = Array.IndexOf(parameters, names[i]);
            if (at < 0) return env.Fail($"Function({string.Join(", ", parameters)}) has no parameter '{names[i]}'");
            args[at] = values[i];
        }
        return Invoke(args, env);
    }
}
