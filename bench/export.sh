#!/usr/bin/env bash
# Time and heap of large time-entry exports (PRODUCT.md §4: 100,000 rows, streamed, < 5 s, heap flat).
# Starts the packaged jar in embedded mode with a small heap (HEAP=256m), seeds ROWS one-minute
# entries (default 100,000, over 347 days) plus a tenth of that in a second user through psql on the
# embedded PostgreSQL, then downloads GET /api/export/csv and /excel for both users with curl (after one warm-up
# download of each format, not reported). Each
# download follows a full GC. Printed per export: rows, seconds, bytes, peak heap used (the largest
# "before" of the collections during the download, or the used heap right after it if larger) and the
# largest heap left after a collection during the download (the live set). Flat heap: the 100,000-row export
# peaks no higher than the 10,000-row one.
# Usage: bench/export.sh [path/to/timetracker.jar]   (needs curl, psql, jcmd, python3; ROWS, HEAP)
set -euo pipefail
JAR=$(realpath "${1:-$(dirname "$0")/../target/timetracker.jar}")
ROWS=${ROWS:-100000}
HEAP=${HEAP:-256m}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
TIMETRACKER_DATA_DIR="$work" SERVER_PORT="$port" RATE_LIMIT_ENABLED=false BCRYPT_ROUNDS=10 \
  FIRST_SUPER_ADMIN_EMAIL=bench-admin@example.com FIRST_SUPER_ADMIN_PASSWORD=Bench-Harbor-7-Lamp \
  java -Xmx"$HEAP" -Xlog:gc:file="$work/gc.log":uptime ${JAVA_OPTS:-} -jar "$JAR" > "$work/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/api/health" > /dev/null; do kill -0 $pid; sleep 0.2; done

pgport=$(sed -n 4p "$work/postgres/postmaster.pid")
sql() { psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pgport" -U postgres -d postgres "$@"; }
sql <<SQL
INSERT INTO users (email, password_hash, name, role, is_active, created_at, updated_at)
VALUES ('bench-small@example.com', 'x', 'Small', 'regular_user', true, now(), now());
INSERT INTO teams (name, owner_id, created_at, updated_at)
SELECT 'Bench', id, now(), now() FROM users WHERE email = 'bench-admin@example.com';
INSERT INTO team_members (team_id, user_id, role, joined_at)
SELECT t.id, u.id, 'member', now() FROM teams t, users u WHERE t.name = 'Bench';
INSERT INTO projects (team_id, name, color, is_archived, created_at, updated_at)
SELECT t.id, 'Project ' || n, '#3B82F6', false, now(), now() FROM teams t, generate_series(1, 10) n WHERE t.name = 'Bench';
INSERT INTO time_entries (user_id, project_id, start_time, end_time, duration_seconds, description, is_running, created_at, updated_at)
SELECT u.id, (SELECT min(id) FROM projects) + i % 10,
       TIMESTAMPTZ '2025-01-01 00:00:00+00' + i * INTERVAL '5 minutes',
       TIMESTAMPTZ '2025-01-01 00:01:00+00' + i * INTERVAL '5 minutes', 60,
       'Worked on ticket #' || i || ', reviewed and deployed', false, now(), now()
FROM users u, generate_series(0, CASE WHEN u.email = 'bench-admin@example.com' THEN $ROWS ELSE $ROWS / 10 END - 1) AS i
WHERE u.email IN ('bench-admin@example.com', 'bench-small@example.com');
ANALYZE time_entries;
SQL
small=$(sql -At -c "SELECT id FROM users WHERE email = 'bench-small@example.com'")
token=$(curl -sf "http://127.0.0.1:$port/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench-admin@example.com","password":"Bench-Harbor-7-Lamp"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
range="start_date=2025-01-01&end_date=2025-12-31&tz=UTC"

measure() { # label, path
  jcmd $pid GC.run > /dev/null
  local before; before=$(wc -l < "$work/gc.log")
  local out; out=$(curl -sf -o "$work/download" -D "$work/headers" -w '%{time_total} %{size_download}' \
    -H "Authorization: Bearer $token" "http://127.0.0.1:$port$2")
  jcmd $pid GC.heap_info > "$work/heap.txt"
  local rows; rows=$(grep -i '^x-export-rows:' "$work/headers" | tr -dc '0-9')
  tail -n +"$((before + 1))" "$work/gc.log" > "$work/gc-part.log"
  python3 - "$1" "$out" "$rows" "$work/gc-part.log" "$work/heap.txt" <<'PY'
import re, sys
label, out, rows, gc, heap = sys.argv[1], sys.argv[2].split(), int(sys.argv[3]), sys.argv[4], sys.argv[5]
peak = live = 0.0
for line in open(gc):
    m = re.search(r'Pause (Young|Mixed|Remark|Cleanup).* (\d+)M->(\d+)M\(\d+M\)', line)
    if m:  # collections during the download (the full GC before it is not one of them)
        peak, live = max(peak, float(m.group(2))), max(live, float(m.group(3)))
# used heap right after the download: what it allocated since the last collection, on top of the live set
end = float(re.search(r'used (\d+)K', open(heap).read()).group(1)) / 1024
print(f"| {label} | {rows:,} | {float(out[0]):.2f} s | {int(out[1]) / 1e6:.1f} MB | {max(peak, end):.0f} MB | {live:.0f} MB |")
PY
}
big=$(sql -At -c "SELECT id FROM users WHERE email = 'bench-admin@example.com'")
echo "| Export | Rows | Time | Size | Peak heap used | Largest heap after a GC |"
echo "|---|---|---|---|---|---|"
for format in csv excel; do
  measure "$format (warm-up)" "/api/export/$format?$range&user_id=$small" > /dev/null
  measure "$format" "/api/export/$format?$range&user_id=$small"
  measure "$format" "/api/export/$format?$range&user_id=$big"
done
echo "(heap -Xmx$HEAP; load average $(cut -d' ' -f1-3 /proc/loadavg))"
