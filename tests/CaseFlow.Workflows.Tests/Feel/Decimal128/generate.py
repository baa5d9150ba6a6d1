"""Decimal128 oracle cases for FEEL arithmetic: Python's decimal module with IEEE 754-2008 decimal128's context.

Writes cases.json for Decimal128OracleTests: python3 generate.py > cases.json
Each case is an operator, its operands and the decimal128 result (null where decimal128 overflows or the
operation is undefined). The seed is fixed, so the file is reproducible.
"""
import json, random
from decimal import Decimal, Context, ROUND_HALF_EVEN, Overflow, DivisionByZero, InvalidOperation, localcontext

D128 = Context(prec=34, rounding=ROUND_HALF_EVEN, Emax=6144, Emin=-6143, clamp=1, traps=[Overflow, DivisionByZero, InvalidOperation])
rng = random.Random(20261130)

def number():
    kind = rng.random()
    if kind < 0.35:   # what decimal holds: up to 28 digits, scale up to 28
        digits = rng.randint(1, 28); exp = -rng.randint(0, min(28, digits + 5))
    elif kind < 0.7:  # decimal128 territory: up to 34 digits
        digits = rng.randint(1, 34); exp = rng.randint(-60, 30)
    elif kind < 0.85: # small integers and money
        digits = rng.randint(1, 8); exp = -rng.choice([0, 0, 1, 2])
    else:             # huge and tiny magnitudes
        digits = rng.randint(1, 34); exp = rng.choice([-1, 1]) * rng.randint(100, 6100)
    coefficient = rng.randint(10 ** (digits - 1), 10 ** digits - 1)
    if rng.random() < 0.2: coefficient = int(str(coefficient)[: max(1, digits // 3)]) * 10 ** (digits - max(1, digits // 3))
    return D128.plus(Decimal((rng.random() < 0.3, tuple(int(c) for c in str(coefficient)), exp)))

cases = []
def add(op, args, compute):
    try: result = str(compute())
    except (Overflow, DivisionByZero, InvalidOperation): result = None
    cases.append({"op": op, "args": [str(a) for a in args], "expected": result})

for _ in range(200):
    a, b = number(), number()
    add("+", (a, b), lambda: D128.add(a, b))
    add("-", (a, b), lambda: D128.subtract(a, b))
    add("*", (a, b), lambda: D128.multiply(a, b))
    add("/", (a, b), lambda: D128.divide(a, b))
    add("compare", (a, b), lambda: Decimal(a.compare(b)))
for _ in range(50):
    a = abs(number())
    add("sqrt", (a,), lambda: D128.sqrt(a))
    if a != 0: add("log", (a,), lambda: D128.ln(a))
    x = D128.plus(Decimal(rng.randint(-300000, 300000)) / 1000)
    add("exp", (x,), lambda: D128.exp(x))
    n = rng.randint(-40, 40)
    base = D128.plus(Decimal(rng.randint(1, 10 ** rng.randint(1, 12))) / Decimal(10) ** rng.randint(0, 6))
    add("**", (base, Decimal(n)), lambda: D128.power(base, n))
# Edge cases: logarithms near 1 (where a general reduction would cancel), exponentials of tiny numbers,
# quotients that end exactly on a tie, powers that overflow.
for a in ["1.000000000000000000000000000000001", "0.9999999999999999999999999999999999", "1.0000000001", "0.5000000000000000000000000000000001", "1.999999999999999999999999999999999"]:
    add("log", (Decimal(a),), lambda: D128.ln(Decimal(a)))
for a in ["1E-30", "-1E-30", "1E-6000", "14000", "-14000"]:
    add("exp", (Decimal(a),), lambda: D128.exp(Decimal(a)))
for a, b in [("1", "3"), ("2", "3"), ("1", "8E+34"), ("5", "2E+34"), ("1234567890123456789012345678901234", "10"), ("1234567890123456789012345678901235", "10")]:
    add("/", (Decimal(a), Decimal(b)), lambda: D128.divide(Decimal(a), Decimal(b)))
for a, n in [("10", 6145), ("10", -6177), ("2", 100), ("0.5", 50)]:
    add("**", (Decimal(a), Decimal(n)), lambda: D128.power(Decimal(a), n))
print("[\n" + ",\n".join(json.dumps(c) for c in cases) + "\n]")
