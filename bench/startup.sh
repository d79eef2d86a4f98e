#!/usr/bin/env bash
# Time from process start to a healthy /api/health for the packaged jar, median of N runs:
#   embedded mode, first start (fresh data directory: initdb + migrations)
#   embedded mode, restart (existing data directory)
#   external mode (Debian PostgreSQL 15 + Redis on loopback, schema already migrated)
# Usage: bench/startup.sh [path/to/timetracker.jar]   (RUNS=5 by default; installs postgresql/redis with apt if missing)
set -euo pipefail
JAR=$(realpath "${1:-target/timetracker.jar}")
RUNS=${RUNS:-5}
work=$(mktemp -d)
chmod 755 "$work"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# prints seconds from launch to healthy
time_to_healthy() {
  local port; port=$(free_port)
  local log="$work/app-$RANDOM.log"
  local start end pid
  start=$(date +%s.%N)
  env "$@" SERVER_PORT="$port" java -jar "$JAR" > "$log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/api/health" > /dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "app died, see $log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  python3 -c "print(f'{$end - $start:.2f}')"
}

median() { python3 -c 'import sys, statistics; v=[float(x) for x in sys.argv[1:]]; runs=", ".join("%.2f" % x for x in v); print("median %.2f s  (runs: %s)" % (statistics.median(v), runs))' "$@"; }

echo "embedded, first start:"
runs=(); for i in $(seq "$RUNS"); do runs+=("$(time_to_healthy TIMETRACKER_DATA_DIR="$work/fresh-$i")"); done; median "${runs[@]}"

echo "embedded, restart:"
time_to_healthy TIMETRACKER_DATA_DIR="$work/kept" > /dev/null
runs=(); for i in $(seq "$RUNS"); do runs+=("$(time_to_healthy TIMETRACKER_DATA_DIR="$work/kept")"); done; median "${runs[@]}"

if ! [ -x /usr/lib/postgresql/15/bin/postgres ] || ! command -v redis-server > /dev/null; then
  apt-get update -qq && apt-get install -y -qq postgresql-15 redis-server > /dev/null
fi
pg_port=$(free_port); redis_port=$(free_port)
mkdir -p "$work/pg" && chown postgres "$work/pg"
su postgres -c "/usr/lib/postgresql/15/bin/initdb -D $work/pg -A trust -U postgres" > /dev/null
su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $work/pg -o '-p $pg_port -k /tmp' -l $work/pg/server.log start" > /dev/null
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --daemonize yes --pidfile "$work/redis.pid" > /dev/null
trap 'su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $work/pg stop -m fast" > /dev/null; kill "$(cat $work/redis.pid)"' EXIT
external=(DATABASE_URL="postgresql+asyncpg://postgres@127.0.0.1:$pg_port/postgres" REDIS_URL="redis://127.0.0.1:$redis_port/0" TIMETRACKER_DATA_DIR="$work/ext")
echo "external, first start (migrations):"
time_to_healthy "${external[@]}"
echo "external, restart:"
runs=(); for i in $(seq "$RUNS"); do runs+=("$(time_to_healthy "${external[@]}")"); done; median "${runs[@]}"
