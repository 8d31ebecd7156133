#!/usr/bin/env bash
# Install what the test suite needs, only when it is missing: Debian packages (chromium, PostgreSQL,
# fonts and Pango for PDF, npm) and axe-core (pinned in tools/axe/package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
# WeasyPrint (PDF reports) needs Pango and HarfBuzz.
ldconfig -p | grep -q libpangoft2-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
ldconfig -p | grep -q libharfbuzz-subset || need+=(libharfbuzz-subset0)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Ontbrekende pakketten: ${need[*]}. Installeer ze als root: apt-get install ${need[*]}" >&2
    exit 1
  fi
  echo "Installeren: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Wait (up to ten minutes) for another apt-get or an unattended upgrade to release the lock,
  # instead of failing with "Could not get lock /var/lib/dpkg/lock-frontend".
  lock=(-o DPkg::Lock::Timeout=600)
  apt-get "${lock[@]}" update -qq
  apt-get "${lock[@]}" install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ! -f tools/axe/node_modules/axe-core/axe.min.js ]; then
  (cd tools/axe && npm ci --silent --no-audit --no-fund)
fi
