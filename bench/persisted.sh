#!/usr/bin/env bash
# The persisted benchmark: CaseFlow's command path on SQLite and on a throwaway PostgreSQL 15 cluster,
# and, on that same cluster in the same run, pgbench's raw "step" transaction at the same client
# counts; prints every result as a JSON line and CaseFlow's commands/s as a share of pgbench's tps.
#
# Usage: bench/persisted.sh            (SECONDS_EACH=10 CLIENTS="1 4 16" by default)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source tests/lib/pg-cluster.sh
SECONDS_EACH="${SECONDS_EACH:-10}"
CLIENTS="${CLIENTS:-1 4 16}"
OUT="$(mktemp -d)"
trap 'pg_cluster_stop || true; rm -rf "$OUT"' EXIT

dotnet build -c Release --nologo -v quiet bench/CaseFlow.Bench >&2
bench() { dotnet run -c Release --no-build --project bench/CaseFlow.Bench -- persisted --seconds "$SECONDS_EACH" --clients "${CLIENTS// /,}" "$@"; }

bench --provider sqlite | tee "$OUT/sqlite.jsonl"
pg_cluster_start
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres caseflow_bench
bench --provider postgres --connection "$PG_CONN;Database=caseflow_bench" | tee "$OUT/postgres.jsonl"
DURATION="$SECONDS_EACH" CLIENTS="$CLIENTS" bench/pgbench/run.sh "host=127.0.0.1 port=$PG_PORT user=postgres dbname=caseflow_bench" | tee "$OUT/pgbench.jsonl"

python3 - "$OUT/postgres.jsonl" "$OUT/pgbench.jsonl" <<'PY'
import json, sys
ours = {r["clients"]: r for r in map(json.loads, open(sys.argv[1]))}
raw = {r["clients"]: r for r in map(json.loads, open(sys.argv[2]))}
for clients in sorted(ours):
    if clients in raw:
        print(json.dumps({"clients": clients, "caseflowCommandsPerSecond": ours[clients]["commandsPerSecond"],
                          "pgbenchTps": raw[clients]["tps"],
                          "share": round(ours[clients]["commandsPerSecond"] / raw[clients]["tps"], 2)}))
PY
