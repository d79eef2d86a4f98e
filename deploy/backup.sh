#!/usr/bin/env bash
# Back up TimeTracker's PostgreSQL database: pg_dump custom format (-Fc), timestamped file name,
# retention. The connection comes from the app's own variables (DATABASE_URL or DB_*; V1's
# postgresql+asyncpg:// form is accepted), see deploy/pg-connection.sh.
#
#   deploy/backup.sh [--dir DIR] [--keep-days N]
#
#   --dir DIR        where dumps go (env BACKUP_DIR, default ./backups); created if missing
#   --keep-days N    afterwards delete timetracker_*.dump files in DIR older than N days
#                    (env BACKUP_RETENTION_DAYS, default 14; 0 keeps everything)
#
# Prints the new dump's path on stdout. Against the compose database from the host:
#   set -a; . deploy/.env; set +a
#   DATABASE_URL= DB_HOST=127.0.0.1 DB_PORT="${DB_PUBLISH_PORT:-5432}" deploy/backup.sh
set -euo pipefail

# shellcheck source=pg-connection.sh
source "$(dirname "${BASH_SOURCE[0]}")/pg-connection.sh"

dir="${BACKUP_DIR:-./backups}"
keep_days="${BACKUP_RETENTION_DAYS:-14}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) [[ $# -ge 2 ]] || tt_die "--dir needs a value"; dir="$2"; shift 2 ;;
    --keep-days) [[ $# -ge 2 ]] || tt_die "--keep-days needs a value"; keep_days="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) tt_die "unknown argument: $1 (see --help)" ;;
  esac
done
[[ "$keep_days" =~ ^[0-9]+$ ]] || tt_die "retention must be a whole number of days: $keep_days"

tt_require pg_dump
tt_resolve_database
mkdir -p "$dir"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
name="${PG_TARGET_LABEL%% *}"
name="${name//[^A-Za-z0-9_-]/_}"
file="$dir/timetracker_${name}_${stamp}.dump"
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

echo "Backing up ${PG_TARGET_LABEL} to $file" >&2
pg_dump --format=custom --no-password --file="$partial" --dbname="$PG_TARGET"
# a dump is only renamed to *.dump once pg_dump succeeded: no truncated "backups"
mv "$partial" "$file"
trap - EXIT

if [[ "$keep_days" -gt 0 ]]; then
  while IFS= read -r -d '' old; do
    echo "Deleting $old (older than $keep_days days)" >&2
    rm -f -- "$old"
  done < <(find "$dir" -maxdepth 1 -type f -name 'timetracker_*.dump' -mmin "+$((keep_days * 1440))" -print0)
fi

echo "$file"
