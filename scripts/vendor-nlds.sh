#!/usr/bin/env bash
# Refresh the vendored NL Design System CSS from the npm registry, so that running Driehoek needs
# no Node: the Utrecht component library (the NL Design System's most complete set of CSS
# components) and the neutral "Voorbeeld" theme's design tokens. Driehoek's own brand tokens and
# components sit on top in src/driehoek/static/css/driehoek.css (see docs/adr/0050-*).
set -euo pipefail
COMPONENTS=${COMPONENTS:-9.0.4}   # @utrecht/component-library-css
TOKENS=${TOKENS:-7.4.1}           # @nl-design-system-unstable/voorbeeld-design-tokens
out="$(cd "$(dirname "$0")/.." && pwd)/src/driehoek/static/vendor/nlds"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack "@utrecht/component-library-css@$COMPONENTS" "@nl-design-system-unstable/voorbeeld-design-tokens@$TOKENS" \
  --silent >/dev/null 2>&1
mkdir components tokens
tar xzf utrecht-component-library-css-*.tgz -C components
tar xzf nl-design-system-unstable-voorbeeld-design-tokens-*.tgz -C tokens
mkdir -p "$out"
cp components/package/dist/index.css "$out/utrecht-components.css"
# The same components for plain HTML elements inside .utrecht-html (headings, tables, inputs, ...).
cp components/package/dist/html.css "$out/utrecht-html.css"
# The theme sets tokens for many component libraries; keep the ones Driehoek's CSS can use
# (utrecht-*, nl-* and the basis/voorbeeld layers they refer to), a quarter of the file.
{ echo "/* @license EUPL-1.2 · @nl-design-system-unstable/voorbeeld-design-tokens $TOKENS, dist/theme.css (filtered) */"
  grep -E '^\s*--(utrecht|nl|basis|voorbeeld)-|^\.voorbeeld-theme|^}' tokens/package/dist/theme.css; } > "$out/voorbeeld-theme.css"
# Both packages carry the same EUPL-1.2 text.
cp tokens/package/LICENSE.md "$out/LICENSE-EUPL-1.2.md"
cat > "$out/README.md" <<README
# Vendored NL Design System CSS

Made by \`scripts/vendor-nlds.sh\` from the npm registry; do not edit by hand.

| file | npm package | version | licence |
|---|---|---|---|
| utrecht-components.css | @utrecht/component-library-css (dist/index.css) | $COMPONENTS | EUPL-1.2 |
| utrecht-html.css | @utrecht/component-library-css (dist/html.css) | $COMPONENTS | EUPL-1.2 |
| voorbeeld-theme.css | @nl-design-system-unstable/voorbeeld-design-tokens (dist/theme.css, only the utrecht-, nl-, basis- and voorbeeld- tokens) | $TOKENS | EUPL-1.2 |

Source: the NL Design System community (nldesignsystem.nl), Gemeente Utrecht and Frameless B.V.
The licence text (EUPL-1.2) is beside this file. The theme class is \`voorbeeld-theme\`; Driehoek's own
brand tokens override it under \`driehoek-theme\` in \`static/css/driehoek.css\`.
README
echo "NL Design System CSS vendored in $out (components $COMPONENTS, tokens $TOKENS)"
