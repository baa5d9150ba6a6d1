# shellcheck shell=bash
# shellcheck disable=SC2034  # PG_CONN, PG_PORT are read by the callers
# Throwaway PostgreSQL 15 clusters for tests and benches.
#
# Source this file, then:
#   pg_ensure_installed          # apt-get install postgresql-15 when its binaries are missing
#   pg_cluster_start             # initdb + start in a fresh temp dir; sets PG_PORT, PG_DIR, PG_CONN
#   pg_cluster_stop              # stop it and remove the temp dir (safe to call twice)
#
# The caller owns the trap: call pg_cluster_stop from its EXIT trap.
# Settings: PG_BIN (default /usr/lib/postgresql/15/bin), PG_MAX_CONNECTIONS (default 200).

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_DIR=""
PG_PORT=""
PG_CONN=""
PG_OS_USER=""

_pg_log() { printf '[pg] %s\n' "$*" >&2; }

_pg_as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else _pg_log "need root (or sudo) to run: $*"; return 1
  fi
}

pg_ensure_installed() {
  if [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" && -x "$PG_BIN/postgres" ]]; then
    return 0
  fi
  _pg_log "PostgreSQL 15 not found in $PG_BIN; installing postgresql-15 from Debian's packages"
  local log
  log="$(mktemp)"
  # Quiet output; on failure show what apt said.
  if ! _pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1 \
     || ! _pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
            --no-install-recommends postgresql-15 </dev/null >>"$log" 2>&1; then
    _pg_log "installing postgresql-15 failed:"
    tail -n 40 "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
  if [[ ! -x "$PG_BIN/initdb" ]]; then
    _pg_log "postgresql-15 installed but $PG_BIN/initdb is missing"
    return 1
  fi
  _pg_log "installed $("$PG_BIN/postgres" --version)"
}

# Prints a TCP port on 127.0.0.1 that nobody listens on right now.
pg_free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  for _ in $(seq 1 100); do
    port=$(( 20000 + RANDOM % 40000 ))
    # A refused connection means the port is free.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"; return 0
    fi
  done
  _pg_log "no free port found"; return 1
}

# Runs a command as the cluster's OS user (PostgreSQL refuses to run as root).
_pg_run() {
  if [[ $EUID -eq 0 ]]; then runuser -u "$PG_OS_USER" -- "$@"
  else "$@"
  fi
}

# Functions here may be called where bash ignores `set -e`: every step checks for itself.
pg_cluster_start() {
  pg_ensure_installed || return 1
  if [[ $EUID -eq 0 ]]; then
    PG_OS_USER=postgres
    id -u "$PG_OS_USER" >/dev/null 2>&1 || { _pg_log "OS user 'postgres' is missing (it comes with postgresql-common)"; return 1; }
  else
    PG_OS_USER="$(id -un)"
  fi
  # As root the cluster runs as 'postgres', who may not reach a private $TMPDIR: use /tmp then.
  local base="${TMPDIR:-/tmp}"
  [[ $EUID -eq 0 ]] && base=/tmp
  PG_DIR="$(mktemp -d "$base/caseflow-pg.XXXXXX")" || return 1
  if [[ $EUID -eq 0 ]]; then chown "$PG_OS_USER:" "$PG_DIR" || return 1; fi
  chmod 700 "$PG_DIR" || return 1

  local initlog="$PG_DIR/initdb.log"
  if ! _pg_run "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$initlog" 2>&1; then
    _pg_log "initdb failed:"; cat "$initlog" >&2; return 1
  fi

  # Trust only the private socket dir and 127.0.0.1; nothing else can connect.
  _pg_run tee "$PG_DIR/data/pg_hba.conf" >/dev/null <<'EOF' || return 1
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
EOF

  local attempt
  for attempt in 1 2 3; do
    PG_PORT="$(pg_free_port)" || return 1
    _pg_run tee "$PG_DIR/data/postgresql.auto.conf" >/dev/null <<EOF || return 1
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
max_connections = ${PG_MAX_CONNECTIONS:-200}
shared_buffers = '256MB'
# Real commits: this cluster is used to measure durable writes.
fsync = on
synchronous_commit = on
full_page_writes = on
logging_collector = off
log_min_messages = warning
log_min_duration_statement = -1
EOF
    if _pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -s start >/dev/null 2>&1; then
      PG_CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
      _pg_log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') listening on 127.0.0.1:$PG_PORT (data in $PG_DIR)"
      return 0
    fi
    _pg_log "start on port $PG_PORT failed (attempt $attempt):"
    tail -n 20 "$PG_DIR/server.log" >&2 || true
  done
  return 1
}

pg_cluster_stop() {
  [[ -n "$PG_DIR" && -d "$PG_DIR" ]] || return 0
  if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
    _pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 -s stop >/dev/null 2>&1 \
      || _pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 30 -s stop >/dev/null 2>&1 \
      || _pg_log "could not stop the cluster in $PG_DIR"
  fi
  rm -rf "$PG_DIR"
  PG_DIR=""
}

# Prints the end of the server log (for failed runs).
pg_cluster_log_tail() {
  [[ -n "$PG_DIR" && -f "$PG_DIR/server.log" ]] || return 0
  echo "--- last lines of the PostgreSQL server log:"
  tail -n "${1:-30}" "$PG_DIR/server.log"
}
