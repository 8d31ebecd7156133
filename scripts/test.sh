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

suite() {
  .venv/bin/pytest -m "not (browser or transactional)" "$@" && .venv/bin/pytest -m "browser or transactional" "$@"
}

echo "== tests on SQLite"
suite "$@"

echo "== tests on PostgreSQL"
scripts/with-postgres.sh bash -c "$(declare -f suite); suite \"\$@\"" suite "$@"
