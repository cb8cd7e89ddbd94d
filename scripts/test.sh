#!/usr/bin/env bash
# One command for the whole test suite, on SQLite and then on PostgreSQL.
#
# Installs what the tests need and is missing: Debian packages (Chromium for the
# browser tests, poppler-utils, PostgreSQL; needs root or sudo) and the Python
# packages (.venv). Extra arguments go to pytest, e.g. scripts/test.sh -k rules.
# Not -m: each invocation below selects its part of the suite with -m.
# HAIRTX_TEST_DATABASES="sqlite" skips the PostgreSQL pass. HAIRTX_MULTISERVER=skip leaves
# tests/multiserver out. HAIRTX_TEST_WORKERS sets the number of pytest-xdist workers
# (default: one per core; 0 runs the tests in the pytest process itself).
#
# The SQLite pass is two pytest invocations, because a process has one test database: the
# tests that need no live server on an in-memory database, then the live-server and browser
# tests on a file per worker (tests/conftest.py chooses). tests/multiserver runs once, on
# its own: it starts its own PostgreSQL, S3 server and gunicorns and uses no test database.
# The PostgreSQL pass runs only the tests that use the database (marked "database" by
# tests/conftest.py): the others give the same result on both. The browser tests are left
# out of it too: they drive Chromium through the same views the PostgreSQL pass already
# tests without a browser, took ~45 % of that pass, and the multiserver test runs the whole
# stack on PostgreSQL (issue 24: the suite under 10 minutes; README "How the suite runs").
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(chromium fonts-liberation poppler-utils libharfbuzz-subset0 postgresql)
missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi

scripts/setup-venv.sh test

run_pytest() {
  # Exit code 5 means "no tests collected", which happens with a -k filter or when an
  # invocation's part of the suite is empty.
  local status=0
  .venv/bin/python -m pytest "$@" || status=$?
  if [ "$status" -eq 5 ]; then status=0; fi
  return "$status"
}

# worksteal: a worker that runs out takes tests from the other (durations vary a lot).
workers=(-n "${HAIRTX_TEST_WORKERS:-auto}" --dist worksteal)
databases="${HAIRTX_TEST_DATABASES:-sqlite postgresql}"
status=0

if [[ " $databases " == *" sqlite "* ]]; then
  echo "== Test suite on SQLite (in memory): everything but the live-server tests"
  DATABASE_URL="" run_pytest "${workers[@]}" -m "not live_server and not multiserver" "$@" \
    || status=$?
  echo "== Test suite on SQLite (a file per worker): live-server and browser tests"
  DATABASE_URL="" run_pytest "${workers[@]}" -m "live_server and not multiserver" "$@" \
    || status=$?
fi

echo "== tests/multiserver, on its own (two gunicorns, its own PostgreSQL and S3 server)"
only_multiserver=("$@")
[ $# -gt 0 ] || only_multiserver=(tests/multiserver)  # no need to collect the whole suite
DATABASE_URL="" run_pytest -m multiserver "${only_multiserver[@]}" || status=$?

if [[ " $databases " == *" postgresql "* ]]; then
  echo "== Test suite on PostgreSQL: the tests that use the database, except the browser tests"
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  pg_dir="$(mktemp -d /tmp/hairtx-pg.XXXXXX)"
  pg_port="${HAIRTX_PG_PORT:-54329}"
  as_postgres=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$pg_dir"
    as_postgres=(runuser -u postgres --)
  fi
  stop_postgres() {
    "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  }
  trap stop_postgres EXIT
  "${as_postgres[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U hairtx --auth=trust -E UTF8 >/dev/null
  "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  DATABASE_URL="postgres://hairtx@127.0.0.1:$pg_port/hairtx" \
    run_pytest "${workers[@]}" -m "database and not multiserver and not browser" "$@" \
    || status=$?
  stop_postgres
  trap - EXIT
fi

exit "$status"
