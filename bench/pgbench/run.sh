#!/usr/bin/env bash
# PostgreSQL peer bench: how many engine-like steps per second (update one ~1.6 KB jsonb row and
# insert one history row, one transaction each) a PostgreSQL server commits, at 1, 4 and 16 clients.
# Prints one JSON line per client count on stdout; details go to stderr.
#
# Usage:
#   bench/pgbench/run.sh --throwaway               # a temporary local PostgreSQL 15 cluster (fsync on)
#   bench/pgbench/run.sh [CONNINFO]                # a libpq connection string or URI, e.g.
#       bench/pgbench/run.sh "host=127.0.0.1 port=5432 user=postgres dbname=caseflow_bench"
#       or the libpq environment: PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=caseflow_bench bench/pgbench/run.sh
#   The target database must exist; its tables bench_instance and bench_history are recreated.
# Environment: DURATION seconds per client count (default 10), ROWS instances (default 100000),
#   CLIENTS (default "1 4 16"), PG_BIN (default /usr/lib/postgresql/15/bin).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DURATION="${DURATION:-10}"
ROWS="${ROWS:-100000}"
CLIENTS="${CLIENTS:-1 4 16}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

say() { printf 'pgbench-run: %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || die "DURATION must be a positive integer"
[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || die "ROWS must be a positive integer"

# CONN holds at most one word, the conninfo; psql and pgbench both take it as their database name.
CONN=()
THROWAWAY=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --throwaway) THROWAWAY=1 ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
    -*) die "unknown option '$1' (pass connection settings as one conninfo string)" ;;
    *) [[ ${#CONN[@]} -eq 0 ]] || die "more than one conninfo given"; CONN=("$1") ;;
  esac
  shift
done

if [[ $THROWAWAY -eq 1 ]]; then
  [[ ${#CONN[@]} -eq 0 ]] || die "--throwaway takes no connection options"
  # shellcheck source=tests/lib/pg-cluster.sh
  source "$ROOT/tests/lib/pg-cluster.sh"
  trap pg_cluster_stop EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  pg_cluster_start || die "could not start a throwaway cluster"
  CONN=("host=127.0.0.1 port=$PG_PORT user=postgres dbname=caseflow_bench")
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres caseflow_bench || die "createdb failed"
fi

PSQL="$PG_BIN/psql"
PGBENCH="$PG_BIN/pgbench"
# pgbench for 15 is in Debian's postgresql-15 package (not -contrib or -client).
[[ -x "$PGBENCH" ]] || PGBENCH="$(command -v pgbench || true)"
[[ -x "$PSQL" ]] || PSQL="$(command -v psql || true)"
[[ -n "$PGBENCH" && -n "$PSQL" ]] || die "pgbench/psql not found: apt-get install postgresql-15 (or set PG_BIN)"

server="$("$PSQL" "${CONN[@]}" -XAtq -c "select current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')")" \
  || die "cannot connect with: ${CONN[*]:-(libpq environment)}"
say "server: PostgreSQL $server"
say "preparing $ROWS rows ..."
"$PSQL" "${CONN[@]}" -XAq -v ON_ERROR_STOP=1 -v rows="$ROWS" -f "$HERE/schema.sql" -P footer=off -F ' ' \
  | sed 's/^/pgbench-run: /' >&2

cores="$(nproc)"
for clients in $CLIENTS; do
  [[ "$clients" =~ ^[1-9][0-9]*$ ]] || die "bad client count '$clients'"
  threads=$(( clients < cores ? clients : cores ))
  "$PSQL" "${CONN[@]}" -XAq -c 'CHECKPOINT' >/dev/null 2>&1 || true  # CHECKPOINT needs superuser; not required
  out="$("$PGBENCH" -n -M prepared -f "$HERE/step.sql" -D rows="$ROWS" \
           -c "$clients" -j "$threads" -T "$DURATION" "${CONN[@]}" 2>&1)" || { printf '%s\n' "$out" >&2; die "pgbench failed at $clients clients"; }
  tps="$(sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\)$/\1/p' <<<"$out")"
  latency="$(sed -nE 's/^latency average = ([0-9.]+) ms$/\1/p' <<<"$out")"
  done_tx="$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*$/\1/p' <<<"$out")"
  failed_tx="$(sed -nE 's/^number of failed transactions: ([0-9]+).*$/\1/p' <<<"$out")"
  [[ -n "$tps" && -n "$latency" && -n "$done_tx" ]] || { printf '%s\n' "$out" >&2; die "could not read pgbench's output"; }
  printf '{"peer":"pgbench","bench":"jsonb-step","clients":%d,"threads":%d,"seconds":%d,"rows":%d,"transactions":%d,"failed":%d,"tps":%.1f,"latencyMsAvg":%.3f}\n' \
    "$clients" "$threads" "$DURATION" "$ROWS" "$done_tx" "${failed_tx:-0}" "$tps" "$latency"
done
