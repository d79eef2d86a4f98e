#!/usr/bin/env bash
# WebSocket capacity of one node (bench/src/test/java/timetracker/bench/WebSocketLoad.java): starts the
# packaged jar in embedded mode, creates USERS people in two teams through the API, opens SOCKETS
# sockets to /api/ws/ws?token=… (SOCKETS/USERS per person, like tabs), holds them HOLD seconds, then
# times a timer start/stop broadcast to every socket of the starter's team (and checks the other
# team's sockets get nothing). Prints sockets established/held/failed and the server's heap after a
# full GC (jcmd), resident memory and threads before, with the sockets open, and after.
# Usage: bench/websockets.sh [path/to/timetracker.jar]   (SOCKETS=5000 USERS=50 HOLD=60 by default;
#        JAVA_OPTS for the server, e.g. -Xmx256m)
set -euo pipefail
JAR=$(realpath "${1:-$(dirname "$0")/../target/timetracker.jar}")
cd "$(dirname "$0")"
ulimit -n "$(ulimit -Hn)"   # one descriptor per socket on each side
echo "$(date -u +%FT%TZ) load average before: $(cut -d' ' -f1-3 /proc/loadavg); open files limit $(ulimit -n); client ports $(tr '\t' - < /proc/sys/net/ipv4/ip_local_port_range)"
mvn -B -q -o -ntp test-compile
. ./server.sh
start_server
status=0
java -Xmx1g -cp target/test-classes -DbaseUrl="http://127.0.0.1:$port" -DserverPid=$pid \
  -Dsockets="${SOCKETS:-5000}" -Dusers="${USERS:-50}" -Dhold="${HOLD:-60}" timetracker.bench.WebSocketLoad || status=$?
echo "server log: $(grep -c -E ' (WARN|ERROR) ' "$work/app.log") warnings/errors"; grep -E ' (WARN|ERROR) ' "$work/app.log" | tail -5 || true
echo "$(date -u +%FT%TZ) load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
