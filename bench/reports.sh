#!/usr/bin/env bash
# Report latency on a million entries: starts a private PostgreSQL 15 and Redis, starts the packaged
# jar against them (migrations), fills the database with bench/reports/generate.sql (timed), and
# times each report with bench/reports/measure.py (N sequential requests after a warm-up).
# Usage: bench/reports.sh [path/to/timetracker.jar]   (N=100 by default)
set -euo pipefail
JAR=$(realpath "${1:-$(dirname "$0")/../target/timetracker.jar}")
cd "$(dirname "$0")"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work=$(mktemp -d); chmod 755 "$work"
pg_port=$(free_port); redis_port=$(free_port); port=$(free_port)
mkdir -p "$work/pg" && chown postgres "$work/pg"
su postgres -c "/usr/lib/postgresql/15/bin/initdb -D $work/pg -A trust -U postgres" > /dev/null
su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $work/pg -o '-p $pg_port -k /tmp -c shared_buffers=256MB' -l $work/pg/server.log start" > /dev/null
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --daemonize yes --pidfile "$work/redis.pid" > /dev/null
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $work/pg stop -m fast" > /dev/null || true
  kill "$(cat "$work/redis.pid")" 2>/dev/null || true
}
trap cleanup EXIT
admin=bench-admin@example.com; password=Bench-Harbor-7-Lamp
DATABASE_URL="postgresql+asyncpg://postgres@127.0.0.1:$pg_port/postgres" REDIS_URL="redis://127.0.0.1:$redis_port/0" \
  TIMETRACKER_DATA_DIR="$work/app" SERVER_PORT="$port" RATE_LIMIT_ENABLED=false BCRYPT_ROUNDS=10 \
  FIRST_SUPER_ADMIN_EMAIL=$admin FIRST_SUPER_ADMIN_PASSWORD=$password \
  java ${JAVA_OPTS:-} -jar "$JAR" > "$work/app.log" 2>&1 &
app=$!
until curl -sf "http://127.0.0.1:$port/api/health" > /dev/null; do kill -0 $app; sleep 0.5; done
until psql -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM users WHERE email = '$admin'" | grep -q 1; do sleep 0.5; done
echo "Generating data..."
started=$(date +%s.%N)
psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -v admin_email=$admin -f reports/generate.sql
echo "Generated in $(python3 -c "print(round($(date +%s.%N) - $started, 1))") s"
psql -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 'users ' || (SELECT count(*) FROM users) || ', teams ' || (SELECT count(*) FROM teams) || ', projects ' || (SELECT count(*) FROM projects) || ', entries ' || (SELECT count(*) FROM time_entries) || ', crossing midnight ' || (SELECT count(*) FROM time_entries WHERE (start_time AT TIME ZONE 'UTC')::date <> (end_time AT TIME ZONE 'UTC')::date)"
python3 reports/measure.py "http://127.0.0.1:$port" $admin $password "${N:-100}"
