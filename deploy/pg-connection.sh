# shellcheck shell=bash
# Sourced by backup.sh and restore.sh: turns the app's database variables into a libpq target.
#
#   DATABASE_URL  postgresql://, postgres://, postgresql+<driver>:// (V1's postgresql+asyncpg://)
#                 or jdbc:postgresql://  - wins over DB_*, as in the app
#   DB_HOST, DB_PORT (5432), DB_NAME (timetracker), DB_USER (postgres), DB_PASSWORD
#
# Sets PG_TARGET (the -d argument for pg_dump/pg_restore/psql) and PG_TARGET_LABEL (no password),
# and exports PGUSER/PGPASSWORD as the fallback for a URL without them (as the app does).

tt_die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

tt_resolve_database() {
  if [[ -n "${DATABASE_URL:-}" ]]; then
    local url="${DATABASE_URL#jdbc:}"
    if [[ "$url" =~ ^postgres(ql)?(\+[A-Za-z0-9_]+)?://(.+)$ ]]; then
      url="postgresql://${BASH_REMATCH[3]}"
    else
      tt_die "DATABASE_URL is not a PostgreSQL URL (postgresql://, postgresql+asyncpg://, jdbc:postgresql://)"
    fi
    # asyncpg's ssl=require / ssl=true is libpq's sslmode=require (as in the app)
    url="$(sed -E 's/([?&])ssl=(require|true)(&|$)/\1sslmode=require\3/g' <<<"$url")"
    local rest="${url#postgresql://}"
    rest="${rest#*@}"
    local hostport="${rest%%/*}"
    local database="${rest#*/}"
    database="${database%%\?*}"
    [[ "$rest" == */* && -n "$database" ]] || tt_die "DATABASE_URL has no database name"
    export PGUSER="${DB_USER:-postgres}"
    export PGPASSWORD="${DB_PASSWORD:-}"
    PG_TARGET="$url"
    PG_TARGET_LABEL="${database} on ${hostport}"
  elif [[ -n "${DB_HOST:-}" ]]; then
    export PGHOST="$DB_HOST"
    export PGPORT="${DB_PORT:-5432}"
    export PGUSER="${DB_USER:-postgres}"
    export PGPASSWORD="${DB_PASSWORD:-}"
    [[ "$PGPORT" =~ ^[0-9]+$ ]] || tt_die "DB_PORT is not a number: $PGPORT"
    PG_TARGET="${DB_NAME:-timetracker}"
    PG_TARGET_LABEL="${PG_TARGET} on ${PGHOST}:${PGPORT}"
  else
    tt_die "no database configured: set DATABASE_URL, or DB_HOST (with DB_PORT, DB_NAME, DB_USER, DB_PASSWORD); see docs/configuration.md"
  fi
  # keep the password out of `ps`: pg_* get it from PGPASSWORD or the URL, never from arguments we log
  export PG_TARGET PG_TARGET_LABEL
}

tt_require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || tt_die "$tool not found (install the PostgreSQL 15 client: apt-get install postgresql-client-15)"
  done
}
