namespace CaseFlow.Workflows.Feel;

internal sealed partial class Compiler
{
    private Eval Binary(BinaryNode b)
    {
        var l = Node(b.Left);
        // "amount > 5000" and 'status = "open"' are the typical gateway conditions: compare against the literal directly.
        if (b.Right is LiteralNode { Value: var constant } && b.Op is >= BinaryOp.Eq and <= BinaryOp.GtEq)
            return CompareWithConstant(b.Op, l, constant);
        var r = Node(b.Right);
        return b.Op switch
        {
            BinaryOp.Or => env => Or(l(env), r, env),
            BinaryOp.And => env => And(l(env), r, env),
            BinaryOp.Eq => env => Boxes.Bool(Ops.Equal(l(env), r(env))),
            BinaryOp.NotEq => env => Boxes.Bool(!Ops.Equal(l(env), r(env))),
            BinaryOp.Lt => env =>
            {
                object? x = l(env), y = r(env);
                return x is decimal p && y is decimal q ? Boxes.Bool(p < q) : CompareSlow(x, y, BinaryOp.Lt, env);
            },
            BinaryOp.LtEq => env =>
            {
                object? x = l(env), y = r(env);
                return x is decimal p && y is decimal q ? Boxes.Bool(p <= q) : CompareSlow(x, y, BinaryOp.LtEq, env);
            },
            BinaryOp.Gt => env =>
            {
                object? x = l(env), y = r(env);
                return x is decimal p && y is decimal q ? Boxes.Bool(p > q) : CompareSlow(x, y, BinaryOp.Gt, env);
            },
            BinaryOp.GtEq => env =>
            {
                object? x = l(env), y = r(env);
                return x is decimal p && y is decimal q ? Boxes.Bool(p >= q) : CompareSlow(x, y, BinaryOp.GtEq, env);
            },
            BinaryOp.Add => env => Ops.Add(l(env), r(env), env),
            BinaryOp.Sub => env => Ops.Subtract(l(env), r(env), env),
            BinaryOp.Mul => env => Ops.Multiply(l(env), r(env), env),
            BinaryOp.Div => env => Ops.Divide(l(env), r(env), env),
            BinaryOp.Pow => env => Ops.Power(l(env), r(env), env),
            _ => throw new InvalidOperationException($"Unknown operator {b.Op}"),
        };
    }

    private static Eval CompareWithConstant(BinaryOp op, Eval l, object? constant)
    {
        if (constant is string s && op is BinaryOp.Eq or BinaryOp.NotEq)
        {
            var equal = op == BinaryOp.Eq;
            return env =>
            {
                var x = l(env);
                return Boxes.Bool(x is string t ? string.Equals(t, s, StringComparison.Ordinal) == equal : Ops.Equal(x, s) is { } e ? e == equal : null);
            };
        }
        if (constant is not decimal k)
        {
            return op switch
            {
                BinaryOp.Eq => env => Boxes.Bool(Ops.Equal(l(env), constant)),
                BinaryOp.NotEq => env => Boxes.Bool(!Ops.Equal(l(env), constant)),
                _ => env => CompareSlow(l(env), constant, op, env),
            };
        }
        object boxed = k;
        return op switch
        {
            BinaryOp.Eq => env => { var x = l(env); return x is decimal d ? Boxes.Bool(d == k) : Boxes.Bool(Ops.Equal(x, boxed)); },
            BinaryOp.NotEq => env => { var x = l(env); return x is decimal d ? Boxes.Bool(d != k) : Boxes.Bool(!Ops.Equal(x, boxed)); },
            BinaryOp.Lt => env => { var x = l(env); return x is decimal d ? Boxes.Bool(d < k) : CompareSlow(x, boxed, op, env); },
            BinaryOp.LtEq => env => { var x = l(env); return x is decimal d ? Boxes.Bool(d <= k) : CompareSlow(x, boxed, op, env); },
            BinaryOp.Gt => env => { var x = l(env); return x is decimal d ? Boxes.Bool(d > k) : CompareSlow(x, boxed, op, env); },
            _ => env => { var x = l(env); return x is decimal d ? Boxes.Bool(d >= k) : CompareSlow(x, boxed, op, env); },
        };
    }

    private static object? CompareSlow(object? x, object? y, BinaryOp op, Env env)
    {
        if (x is null || y is null) return null;
        if (Ops.Compare(x, y) is not { } c)
            return env.Fail($"Cannot compare {FeelValue.TypeName(x)} and {FeelValue.TypeName(y)} with {Symbol(op)}");
        return Boxes.Bool(op switch
        {
            BinaryOp.Lt => c < 0,
            BinaryOp.LtEq => c <= 0,
            BinaryOp.Gt => c > 0,
            _ => c >= 0,
        });
    }

    private static string Symbol(BinaryOp op) => op switch
    {
        BinaryOp.Lt => "<", BinaryOp.LtEq => "<=", BinaryOp.Gt => ">", BinaryOp.GtEq => ">=", BinaryOp.Eq => "=", _ => "!=",
    };

    /// <summary>Three-valued: false wins over null, so the right side may be skipped once the left is false.</summary>
    private static object? And(object? left, Eval right, Env env)
    {
        if (left is false) return Boxes.False;
        var r = right(env);
        if (r is false) return Boxes.False;
        if (left is true && r is true) return Boxes.True;
        return NotBoolean(left, r, "and", env);
    }

    /// <summary>Three-valued: true wins over null.</summary>
    private static object? Or(object? left, Eval right, Env env)
    {
        if (left is true) return Boxes.True;
        var r = right(env);
        if (r is true) return Boxes.True;
        if (left is false && r is false) return Boxes.False;
        return NotBoolean(left, r, "or", env);
    }

    private static object? NotBoolean(object? left, object? right, string op, Env env)
    {
        var odd = left is not (null or bool) ? left : right is not (null or bool) ? right : null;
        return odd is null ? null : env.Fail($"Operand of '{op}' is a {FeelValue.TypeName(odd)}, not a boolean");
    }

    private Eval Negate(NegateNode n)
    {
        var operand = Node(n.Operand);
        return env => Ops.Negate(operand(env), env);
    }
}
