#!/usr/bin/env bash
# Refresh the vendored htmx from the npm registry, so that running Driehoek needs no Node.
set -euo pipefail
VERSION=${1:-2.0.11}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "htmx.org@$VERSION" --silent >/dev/null && tar xzf htmx.org-*.tgz)
cp "$tmp/package/dist/htmx.min.js" "$(dirname "$0")/../src/driehoek/static/js/htmx.min.js"
echo "htmx $VERSION vendored in src/driehoek/static/js/htmx.min.js"
