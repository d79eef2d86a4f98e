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
. ./server.sh
start_server
gatling() {
  mvn -B -q -ntp gatling:test -Dgatling.simulationClass=timetracker.bench.TimerSimulation -DbaseUrl="http://127.0.0.1:$port" \
  -Dusers="${USERS:-50}" -Diterations="${ITERATIONS:-40}" -Dpace="${PACE:-0}" "$@" > "$work/gatling.log" 2>&1 || { tail -40 "$work/gatling.log"; exit 1; }
}
if [ "${WARMUP:-1}" = 1 ]; then gatling; fi
gatling
python3 report.py "$(ls -td target/gatling/*/ | head -1)index.html"
