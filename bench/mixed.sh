#!/usr/bin/env bash
# V1's Locust mix on V2's endpoints (bench/MixedSimulation): 200 virtual users by default — 9 in 11
# regular people (dashboard, entries, weekly, projects, timer, teams, manual entry), 1 in 11 admins
# (admin dashboard, admin entries, workers report, alerts, monitoring), 1 in 11 health probes.
# Starts the packaged jar in embedded mode (rate limits off: this measures the server, not the
# limiter), seeds teams, projects and people with a week of history through the API, runs Gatling,
# prints count, errors, req/s and p50/p95/p99 per request and overall.
# Usage: bench/mixed.sh [path/to/timetracker.jar]
#   THINK=v1  V1's waits between tasks (regular 1–5 s, admin 2–8 s, health 5–10 s): latency at V1's load
#   THINK=0   no waits, every virtual user back to back: throughput at saturation and its latency
#   THINK=150 a fixed 150 ms wait after every request (any number of ms): 200 users offer at most 1,333 req/s
#   THINK="0 150 v1" one measured run of each, one after the other against the same warmed-up server
#   USERS=200 DURATION=60 RAMP=10 (seconds each virtual user loops / over which they arrive)
#   WARMUP=1  one unreported run of WARMUP_DURATION=30 s first (THINK=0), so the measured run meets a JIT-compiled server
set -euo pipefail
JAR=$(realpath "${1:-$(dirname "$0")/../target/timetracker.jar}")
cd "$(dirname "$0")"
echo "$(date -u +%FT%TZ) load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
. ./server.sh
start_server
gatling() {
  mvn -B -q -ntp gatling:test -Dgatling.simulationClass=timetracker.bench.MixedSimulation -DbaseUrl="http://127.0.0.1:$port" \
    -Dusers="${USERS:-200}" -Dramp="${RAMP:-10}" "$@" > "$work/gatling.log" 2>&1 || { tail -40 "$work/gatling.log"; exit 1; }
  grep -h "^Seeded" "$work/gatling.log" || true
}
if [ "${WARMUP:-1}" = 1 ]; then echo "warm-up run (${WARMUP_DURATION:-30} s, no think time, not reported)"; gatling -Dthink=0 -Dduration="${WARMUP_DURATION:-30}"; fi
for think in ${THINK:-v1}; do
  echo "measured run: THINK=$think, ${USERS:-200} users, ${DURATION:-60} s after a ${RAMP:-10} s ramp ($(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
  gatling -Dthink="$think" -Dduration="${DURATION:-60}"
  python3 report.py "$(ls -td target/gatling/*/ | head -1)index.html"
done
echo "$(date -u +%FT%TZ) load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
