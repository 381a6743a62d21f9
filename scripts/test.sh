#!/usr/bin/env bash
# `npm test`: every check SMART has, in the order that fails fastest.
#   type checking, lint, unit tests, API tests on PGlite and on PostgreSQL, CLI tests,
#   then the end-to-end journeys in Debian's Chromium.
# It finds or starts what it needs (PostgreSQL, Chromium) and stops with a clear message where it cannot.
#
# Environment:
#   TEST_DATABASE_URL  a PostgreSQL server URL with rights to create databases
#                      (default: postgres://postgres@127.0.0.1:5432/postgres, else a throwaway cluster)
#   CHROMIUM_PATH      the Chromium to drive (default /usr/bin/chromium, installed with apt if missing)
#   SMART_SKIP_E2E=1   skip the browser journeys (for a quick run; CI never sets it)
set -uo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
fail() { printf '\n\033[31mFAILED: %s\033[0m\n' "$*" >&2; cleanup; exit 1; }

throwaway_dir=""
cleanup() {
  if [[ -n "$throwaway_dir" ]]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$throwaway_dir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$throwaway_dir"
  fi
}
trap cleanup EXIT

can_connect() {
  node -e '
    const pg = require("pg");
    const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    c.connect().then(() => c.query("select 1")).then(() => c.end()).then(() => process.exit(0), () => process.exit(1));
  ' "$1" 2>/dev/null
}

# A PostgreSQL server for the persistence tests: the one given, the local one, or one of our own.
find_postgres() {
  if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
    can_connect "$TEST_DATABASE_URL" || fail "TEST_DATABASE_URL is set but no PostgreSQL answers there."
    echo "PostgreSQL: TEST_DATABASE_URL"
    return
  fi
  local local_url="postgres://postgres@127.0.0.1:5432/postgres"
  if can_connect "$local_url"; then
    export TEST_DATABASE_URL="$local_url"
    echo "PostgreSQL: the server on 127.0.0.1:5432"
    return
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -x "$PG_BIN/initdb" ]] || fail "no PostgreSQL for the API tests: set TEST_DATABASE_URL, run a server on 127.0.0.1:5432, or install PostgreSQL (apt-get install -y postgresql) so a throwaway cluster can be started."
  id postgres >/dev/null 2>&1 || fail "PostgreSQL is installed but there is no 'postgres' user to run a throwaway cluster."
  throwaway_dir=$(mktemp -d /tmp/smart-pg.XXXXXX)
  chown postgres "$throwaway_dir"
  local port=55432
  runuser -u postgres -- "$PG_BIN/initdb" -D "$throwaway_dir/data" -A trust -U postgres >/dev/null \
    || fail "initdb of a throwaway PostgreSQL cluster failed."
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$throwaway_dir/data" -l "$throwaway_dir/log" -w \
    -o "-p $port -k $throwaway_dir -c listen_addresses=127.0.0.1" start >/dev/null \
    || fail "the throwaway PostgreSQL cluster did not start (see $throwaway_dir/log)."
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL: a throwaway cluster on port $port"
}

find_chromium() {
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [[ ! -x "$CHROMIUM_PATH" ]]; then
    echo "Chromium is missing at $CHROMIUM_PATH; installing Debian's package."
    if [[ $(id -u) -eq 0 ]]; then
      (apt-get install -y chromium >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y chromium >/dev/null)) \
        || fail "could not install Chromium with apt-get (apt-get install -y chromium)."
    else
      sudo -n apt-get install -y chromium >/dev/null || fail "Chromium is missing and cannot be installed without root: apt-get install -y chromium"
    fi
    [[ -x "$CHROMIUM_PATH" ]] || fail "Chromium was installed but is not at $CHROMIUM_PATH."
  fi
  echo "Chromium: $("$CHROMIUM_PATH" --version 2>/dev/null | head -1)"
}

step "Type checking"
npx tsc --noEmit -p tsconfig.json || fail "type checking"

step "Lint and format (Biome)"
npx biome check . || fail "lint (run 'npm run format' to fix formatting)"

step "Unit tests"
npx vitest run --project unit || fail "unit tests"

step "Finding PostgreSQL"
find_postgres

step "API and CLI tests on PGlite"
SMART_TEST_DB=pglite npx vitest run --project api || fail "API tests on PGlite"

step "API and CLI tests on PostgreSQL"
SMART_TEST_DB=postgres npx vitest run --project api || fail "API tests on PostgreSQL"

if [[ "${SMART_SKIP_E2E:-}" == "1" ]]; then
  step "End-to-end tests skipped (SMART_SKIP_E2E=1)"
else
  step "End-to-end tests in Chromium"
  find_chromium
  npx playwright test -c e2e/playwright.config.ts || fail "end-to-end tests (traces in test-results/)"
fi

printf '\n\033[32mAll tests passed\033[0m in %ss.\n' "$(( $(date +%s) - started ))"
