#!/usr/bin/env bash
# The whole suite: lint, Django's checks, then the tests on SQLite and on a throwaway PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=driehoek.conf.test

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== manage.py check"
$PY manage.py check --fail-level WARNING

echo "== tests on SQLite"
.venv/bin/pytest "$@"

echo "== tests on PostgreSQL"
scripts/with-postgres.sh .venv/bin/pytest "$@"
