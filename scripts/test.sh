#!/usr/bin/env bash
# The whole suite: lint, Django's checks, then the tests on SQLite and on a throwaway PostgreSQL.
# Browser tests and other transactional tests run in a session of their own: they need a database
# that is emptied after each test, so they load the data they need themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=driehoek.conf.test
mkdir -p test-artifacts

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== manage.py check"
$PY manage.py check --fail-level WARNING

# The unit tests in one process per core (at most four; each has its own test database): CI stays
# under 40 minutes (docs/adr/0175). Browser and transactional tests share live servers and ports, so
# they run one at a time.
suite() {
  .venv/bin/pytest -m "not (browser or transactional)" -n auto --maxprocesses 4 "$@" \
    && .venv/bin/pytest -m "browser or transactional" "$@"
}

echo "== tests on SQLite"
suite "$@"

echo "== tests on PostgreSQL"
scripts/with-postgres.sh bash -c "$(declare -f suite); suite \"\$@\"" suite "$@"
