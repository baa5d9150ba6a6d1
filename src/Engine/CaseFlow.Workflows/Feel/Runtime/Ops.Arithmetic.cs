namespace CaseFlow.Workflows.Feel;

// Each operator is a tiny fast path for two decimals plus a separate slow method: keeping the
// try/catch and the big type switch out of the fast path keeps it small enough to inline.
internal static partial class Ops
{
    public static object? Add(object? a, object? b, Env env) =>
        a is decimal x && b is decimal y ? Numbers.Add(x, y, env) : AddSlow(a, b, env);

    public static object? Subtract(object? a, object? b, Env env) =>
        a is decimal x && b is decimal y ? Numbers.Subtract(x, y, env) : SubtractSlow(a, b, env);

    public static object? Multiply(object? a, object? b, Env env) =>
        a is decimal x && b is decimal y ? Numbers.Multiply(x, y, env) : MultiplySlow(a, b, env);

    public static object? Divide(object? a, object? b, Env env) =>
        a is decimal x && b is decimal y && y != 0 ? Numbers.Divide(x, y, env) : DivideSlow(a, b, env);

    private static object? AddSlow(object? a, object? b, Env env)
    {
        if (a is null || b is null) return null;
        a = FeelValue.Import(a);
        b = FeelValue.Import(b);
        try
        {
            var number = Numbers.Arithmetic(a!, b!, '+', env, out var numbers);
            if (numbers) return number;
            return Result("add", a, b, env, (a, b) switch
            {
                (string p, string q) => string.Concat(p, q),
                (DateOnly or FeelDate, TimeSpan t) => Dated(FeelDate.AddDays(a, t)),
                (TimeSpan t, DateOnly or FeelDate) => Dated(FeelDate.AddDays(b, t)),
                (DateOnly or FeelDate, YearsMonthsDuration m) => Dated(FeelDate.AddMonths(a, m.TotalMonths)),
                (YearsMonthsDuration m, DateOnly or FeelDate) => Dated(FeelDate.AddMonths(b, m.TotalMonths)),
                (FeelDateTime d, TimeSpan t) => d.Add(t),
                (TimeSpan t, FeelDateTime d) => d.Add(t),
                (FeelDateTime d, YearsMonthsDuration m) => d.AddMonths(m.TotalMonths),
                (YearsMonthsDuration m, FeelDateTime d) => d.AddMonths(m.TotalMonths),
                (FeelTime t, TimeSpan s) => t.Add(s),
                (TimeSpan s, FeelTime t) => t.Add(s),
                (TimeSpan p, TimeSpan q) => p + q,
                (YearsMonthsDuration p, YearsMonthsDuration q) => p + q,
                _ => Mismatch,
            });
        }
        catch (Exception e) when (IsOutOfRange(e)) { return OutOfRange("add", a, b, env); }
    }

    private static object? SubtractSlow(object? a, object? b, Env env)
    {
        if (a is null || b is null) return null;
        a = FeelValue.Import(a);
        b = FeelValue.Import(b);
        try
        {
            var number = Numbers.Arithmetic(a!, b!, '-', env, out var numbers);
            if (numbers) return number;
            return Result("subtract", a, b, env, (a, b) switch
            {
                (DateOnly or FeelDate, DateOnly or FeelDate) => TimeSpan.FromDays(FeelDate.DayNumberOf(a) - FeelDate.DayNumberOf(b)),
                (DateOnly or FeelDate, TimeSpan t) => Dated(FeelDate.AddDays(a, -t)),
                (DateOnly or FeelDate, YearsMonthsDuration m) => Dated(FeelDate.AddMonths(a, -m.TotalMonths)),
                (FeelDateTime p, FeelDateTime q) => Between(p, q, env),
                (FeelDateTime p, DateOnly q) => Between(p, AtMidnightLike(q, p), env),
                (DateOnly p, FeelDateTime q) => Between(AtMidnightLike(p, q), q, env),
                (FeelDateTime d, TimeSpan t) => d.Add(-t),
                (FeelDateTime d, YearsMonthsDuration m) => d.AddMonths(-m.TotalMonths),
                (FeelTime p, FeelTime q) => new TimeSpan(p.UtcTicksOfDay - q.UtcTicksOfDay),
                (FeelTime t, TimeSpan s) => t.Add(-s),
                (TimeSpan p, TimeSpan q) => p - q,
                (YearsMonthsDuration p, YearsMonthsDuration q) => p - q,
                _ => Mismatch,
            });
        }
        catch (Exception e) when (IsOutOfRange(e)) { return OutOfRange("subtract", a, b, env); }
    }

    private static object? MultiplySlow(object? a, object? b, Env env)
    {
        if (a is null || b is null) return null;
        a = FeelValue.Import(a);
        b = FeelValue.Import(b);
        try
        {
            var number = Numbers.Arithmetic(a!, b!, '*', env, out var numbers);
            if (numbers) return number;
            (a, b) = (Numbers.Approximate(a), Numbers.Approximate(b));
            return Result("multiply", a, b, env, (a, b) switch
            {
                (TimeSpan t, decimal n) => Scale(t, n),
                (decimal n, TimeSpan t) => Scale(t, n),
                (YearsMonthsDuration m, decimal n) => Months(m.TotalMonths * n),
                (decimal n, YearsMonthsDuration m) => Months(m.TotalMonths * n),
                _ => Mismatch,
            });
        }
        catch (Exception e) when (IsOutOfRange(e)) { return OutOfRange("multiply", a, b, env); }
    }

    private static object? DivideSlow(object? a, object? b, Env env)
    {
        if (a is null || b is null) return null;
        a = FeelValue.Import(a);
        b = FeelValue.Import(b);
        var divisorIsZero = b is decimal and 0m || b is TimeSpan { Ticks: 0 } || b is YearsMonthsDuration { TotalMonths: 0 };
        if (divisorIsZero && a is decimal or TimeSpan or YearsMonthsDuration) return env.Fail("Division by zero");
        try
        {
            if (!divisorIsZero)
            {
                var number = Numbers.Arithmetic(a!, b!, '/', env, out var numbers);
                if (numbers) return number;
            }
            b = Numbers.Approximate(b);
            return Result("divide", a, b, env, (a, b) switch
            {
                _ when divisorIsZero => Mismatch,
                (TimeSpan t, decimal n) => Scale(t, 1 / n),
                (YearsMonthsDuration m, decimal n) => Months(m.TotalMonths / n),
                (TimeSpan p, TimeSpan q) => (decimal)p.Ticks / q.Ticks,
                (YearsMonthsDuration p, YearsMonthsDuration q) => (decimal)p.TotalMonths / q.TotalMonths,
                _ => Mismatch,
            });
        }
        catch (Exception e) when (IsOutOfRange(e)) { return OutOfRange("divide", a, b, env); }
    }

    public static object? Power(object? a, object? b, Env env)
    {
        if (a is null || b is null) return null;
        if (!Numbers.TryGet(FeelValue.Import(a), out var x) || !Numbers.TryGet(FeelValue.Import(b), out var y))
            return env.Fail(CannotMessage("exponentiate", a, b));
        if (DecimalMath.Pow(x, y) is { } power) return power.ToValue();
        if (x.Sign == 0 && y.Sign < 0) return env.Fail("Division by zero");
        return x.Sign < 0 && !y.IsInteger
            ? env.Fail($"{x} ** {y} is not a number")
            : env.Fail("Numeric overflow in **: the result is beyond decimal128's range");
    }

    public static object? Negate(object? a, Env env)
    {
        if (a is decimal d) return -d;
        try
        {
            return FeelValue.Import(a) switch
            {
                null => null,
                decimal n => -n,
                FeelNumber n => -n,
                TimeSpan t => -t,
                YearsMonthsDuration m => -m,
                var other => env.Fail($"Cannot negate a {FeelValue.TypeName(other)}"),
            };
        }
        catch (OverflowException) { return env.Fail("Duration out of range"); }
    }

    private static readonly object Mismatch = new();

    private static object? Result(string verb, object? a, object? b, Env env, object? result) =>
        ReferenceEquals(result, Mismatch) ? env.Fail(CannotMessage(verb, a, b)) : result;

    private static bool IsOutOfRange(Exception e) => e is OverflowException or ArgumentOutOfRangeException or ArgumentException;

    private static object? OutOfRange(string verb, object? a, object? b, Env env) =>
        env.Fail($"Cannot {verb} {FeelValue.TypeName(a)} and {FeelValue.TypeName(b)}: result out of range");

    private static string CannotMessage(string verb, object? a, object? b) =>
        $"Cannot {verb} {FeelValue.TypeName(a)} and {FeelValue.TypeName(b)}";

    /// <summary>A date result, or the out-of-range failure the caller reports when it is beyond ±999999999 years.</summary>
    private static object Dated(object? date) => date ?? throw new ArgumentOutOfRangeException(nameof(date));

    private static TimeSpan Scale(TimeSpan t, decimal n) => new((long)decimal.Round(t.Ticks * n));

    private static YearsMonthsDuration Months(decimal months) => new((int)decimal.Truncate(months));

    /// <summary>A date meets a date and time as midnight in the same zone kind (UTC when the other is zoned).</summary>
    private static FeelDateTime AtMidnightLike(DateOnly date, FeelDateTime other) =>
        other.IsLocal ? new FeelDateTime(date.ToDateTime(TimeOnly.MinValue)) : new FeelDateTime(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static object? Between(FeelDateTime p, FeelDateTime q, Env env) =>
        p.IsLocal != q.IsLocal
            ? env.Fail("Cannot subtract a date and time with a time zone from one without")
            : new TimeSpan(p.InstantTicks - q.InstantTicks);
}
