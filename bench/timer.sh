#!/usr/bin/env bash
# Timer start/stop round trip and GET /api/time (page of 50) under 50 concurrent users:
# starts the packaged jar in embedded mode (rate limits off: this measures the server, not the
# limiter), runs bench/TimerSimulation with Gatling, prints p50/p95/p99 per request.
# Usage: bench/timer.sh [path/to/timetracker.jar]   (USERS=50 ITERATIONS=40 PACE=0 WARMUP=1 by default;
#        PACE=N: one start/stop/list round every N seconds per user instead of back to back;
#        WARMUP=1: one unreported run first, so the measured run sees a JIT-compiled server, as in production)
set -euo pipefail
JAR=$(realpath "${1:-$(dirname "$0")/../target/timetracker.jar}")
cd "$(dirname "$0")"
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
TIMETRACKER_DATA_DIR="$work" SERVER_PORT="$port" RATE_LIMIT_ENABLED=false BCRYPT_ROUNDS=10 \
  FIRST_SUPER_ADMIN_EMAIL=bench-admin@example.com FIRST_SUPER_ADMIN_PASSWORD=Bench-Harbor-7-Lamp \
  java ${JAVA_OPTS:-} -jar "$JAR" > "$work/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/api/health" > /dev/null; do kill -0 $pid; sleep 0.2; done
gatling() {
  mvn -B -q -ntp gatling:test -Dgatling.simulationClass=timetracker.bench.TimerSimulation -DbaseUrl="http://127.0.0.1:$port" \
  -Dusers="${USERS:-50}" -Diterations="${ITERATIONS:-40}" -Dpace="${PACE:-0}" "$@" > "$work/gatling.log" 2>&1 || { tail -40 "$work/gatling.log"; exit 1; }
}
if [ "${WARMUP:-1}" = 1 ]; then gatling; fi
gatling
python3 report.py "$(ls -td target/gatling/*/ | head -1)index.html"
