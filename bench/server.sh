# Sourced by timer.sh, mixed.sh and websockets.sh. start_server starts the packaged jar ($JAR, JVM
# flags from JAVA_OPTS) in embedded mode with a new data directory, rate limits off (the server is
# measured, not the limiter) and BCRYPT_ROUNDS=10 (only to speed up setup), waits until
# /api/health answers and sets work (data directory, app.log), port and pid; the server is
# stopped and its data directory removed when the calling script exits (KEEP_DATA=1 keeps it).
start_server() {
  work=$(mktemp -d)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  TIMETRACKER_DATA_DIR="$work" SERVER_PORT="$port" RATE_LIMIT_ENABLED=false BCRYPT_ROUNDS=10 \
    FIRST_SUPER_ADMIN_EMAIL=bench-admin@example.com FIRST_SUPER_ADMIN_PASSWORD=Bench-Harbor-7-Lamp \
    java ${JAVA_OPTS:-} -jar "$JAR" > "$work/app.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; [ "${KEEP_DATA:-0}" = 1 ] && echo "data and app.log kept in $work" || rm -rf "$work"' EXIT
  until curl -sf "http://127.0.0.1:$port/api/health" > /dev/null; do kill -0 $pid; sleep 0.2; done
}
