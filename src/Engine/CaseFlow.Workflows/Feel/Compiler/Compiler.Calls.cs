using CaseFlow.Workflows.Values;

namespace CaseFlow.Workflows.Feel;

internal sealed partial class Compiler
{
    private Eval Call(CallNode c)
    {
        var args = c.Args.Select(Node).ToArray();
        var names = c.Names?.ToArray();
        if (c.Callee is NameNode { Name: var name })
        {
            var local = _locals.Contains(name);
            if (name == "is defined" && !local && names is null && c.Args.Count == 1) return IsDefined(c.Args[0]);
            Builtins.TryGet(name, out var builtin);
            // Built-ins are bound at compile time unless the expression itself may have shadowed the name.
            if (builtin is not null && !local) return BuiltinCall(builtin, c, args, names);
            return env =>
            {
                if (env.Scope.TryGetVariable(name, out var value) && value is FeelFunction function) return Invoke(function, args, names, env);
                if (builtin is not null) return Invoke(builtin, args, names, env);
                return env.Fail(value is null ? $"No function found with name '{name}'" : $"'{name}' is a {FeelValue.TypeName(value)}, not a function");
            };
        }
        var callee = Node(c.Callee);
        return env => callee(env) is FeelFunction f
            ? Invoke(f, args, names, env)
            : env.Fail("The value called is not a function");
    }

    private static object? Invoke(FeelFunction function, Eval[] args, string[]? names, Env env)
    {
        var values = new object?[args.Length];
        for (var i = 0; i < args.Length; i++) values[i] = args[i](env);
        return names is null ? function.Invoke(values, env) : function.InvokeNamed(names, values, env);
    }

    /// <summary>Chooses the signature once, and evaluates pure calls with literal arguments right away.</summary>
    private static Eval BuiltinCall(BuiltinFunction builtin, CallNode c, Eval[] args, string[]? names)
    {
        int[]? positions = null;
        var overload = names is null ? builtin.Resolve(args.Length) : builtin.Resolve(names, out positions);
        if (overload is null)
        {
            var message = names is null ? builtin.ArityMessage(args.Length) : builtin.NamesMessage(names);
            return env => env.Fail(message);
        }
        if (overload.Pure && c.Args.All(a => a is LiteralNode) && Fold(overload, args, positions) is { } folded) return Constant(folded);
        if (positions is not null)
        {
            return env =>
            {
                var values = new object?[args.Length];
                for (var i = 0; i < args.Length; i++) values[i] = args[i](env);
                return overload.Invoke(BuiltinFunction.Arrange(overload, positions, values), env);
            };
        }
        return args.Length switch
        {
            0 => env => overload.Invoke([], env),
            1 => env => overload.Invoke([args[0](env)], env),
            2 => env => overload.Invoke([args[0](env), args[1](env)], env),
            _ => env =>
            {
                var values = new object?[args.Length];
                for (var i = 0; i < args.Length; i++) values[i] = args[i](env);
                return overload.Invoke(values, env);
            },
        };
    }

    /// <summary>Only immutable results are folded: a list or context constant would be shared by every evaluation.</summary>
    private static object? Fold(BuiltinOverload overload, Eval[] args, int[]? positions)
    {
        var env = new Env(DictionaryScope.Empty, null);
        var values = args.Select(a => a(env)).ToArray();
        object? result;
        try { result = overload.Invoke(positions is null ? values : BuiltinFunction.Arrange(overload, positions, values), env); }
        catch (Exception) { return null; }
        return result is decimal or FeelNumber or string or bool or DateOnly or FeelDate or FeelTime or FeelDateTime or TimeSpan or YearsMonthsDuration ? result : null;
    }

    /// <summary>
    /// <c>is defined(x)</c> (a Camunda extension) asks whether a name or context entry exists, which a value
    /// cannot tell (an existing entry may hold null). Other arguments are defined when not null.
    /// </summary>
    private Eval IsDefined(Node argument)
    {
        switch (argument)
        {
            case NameNode n:
                var name = n.Name;
                return env => Boxes.Bool(env.Scope.TryGetVariable(name, out _));
            case PathNode p:
                var target = Node(p.Target);
                var member = p.Member;
                return env =>
                {
                    var quiet = env.Muted;
                    return target(quiet) switch
                    {
                        null => Boxes.False,
                        IReadOnlyDictionary<string, object?> context => Boxes.Bool(context.ContainsKey(member)),
                        var other => Boxes.Bool(Member(other, member, quiet) is not null),
                    };
                };
            default:
                var value = Node(argument);
                return env => Boxes.Bool(value(env.Muted) is not null);
        }
    }
}
