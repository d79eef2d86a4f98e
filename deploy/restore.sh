#!/usr/bin/env bash
# Restore a dump made by deploy/backup.sh (pg_dump -Fc) into the configured database, which must
# be EMPTY (no tables outside pg_catalog / information_schema) unless --force is given.
# The connection comes from the app's own variables (DATABASE_URL or DB_*), see pg-connection.sh.
#
#   deploy/restore.sh [--force] DUMP_FILE
#
#   --force   restore into a database that has tables: objects in the dump are dropped and
#             recreated (pg_restore --clean --if-exists); tables not in the dump are left alone.
#
# Stop the backend first (docker compose ... stop backend). Runs in one transaction: on any error
# nothing is restored. Exit codes: 0 restored, 2 usage/configuration, 3 target not empty.
set -euo pipefail

# shellcheck source=pg-connection.sh
source "$(dirname "${BASH_SOURCE[0]}")/pg-connection.sh"

force=false
file=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --force) force=true; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) tt_die "unknown option: $1 (see --help)" ;;
    *) [[ -z "$file" ]] || tt_die "only one dump file"; file="$1"; shift ;;
  esac
done
[[ -n "$file" ]] || tt_die "usage: restore.sh [--force] DUMP_FILE"
[[ -f "$file" && -r "$file" ]] || tt_die "no such readable file: $file"

tt_require pg_restore psql
tt_resolve_database

# a dump pg_restore cannot read is refused before the database is touched
pg_restore --list "$file" >/dev/null || tt_die "$file is not a pg_dump custom-format archive"

tables="$(psql --no-psqlrc --no-password --tuples-only --no-align --quiet --dbname="$PG_TARGET" \
  --command="SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")"
clean=()
if [[ "$tables" != "0" ]]; then
  if [[ "$force" != true ]]; then
    echo "restore.sh: refusing: ${PG_TARGET_LABEL} is not empty ($tables tables)." >&2
    echo "Restore into an empty database (e.g. createdb), or pass --force to replace what the dump contains." >&2
    exit 3
  fi
  echo "restore.sh: --force: replacing the dump's objects in ${PG_TARGET_LABEL} ($tables tables present)" >&2
  clean=(--clean --if-exists)
fi

echo "Restoring $file into ${PG_TARGET_LABEL}" >&2
pg_restore --no-password --no-owner --no-privileges --exit-on-error --single-transaction \
  "${clean[@]}" --dbname="$PG_TARGET" "$file"
echo "Restored $file into ${PG_TARGET_LABEL}" >&2
