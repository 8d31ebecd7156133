#!/usr/bin/env bash
# Print the path of a Python 3.12 (or newer) interpreter; Django 6.1 needs 3.12.
check() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
for candidate in python3.12 python3.13 \
    "$HOME"/.pyenv/versions/3.12*/bin/python3.12 "$HOME"/.pyenv/versions/3.13*/bin/python3.13 \
    /usr/local/bin/python3.12 /usr/bin/python3.12 /usr/local/bin/python3.13 /usr/bin/python3.13 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && check "$candidate"; then
    command -v "$candidate"
    exit 0
  fi
done
echo "Driehoek heeft Python 3.12 of nieuwer nodig (Django 6.1); geen gevonden. Installeer python3.12." >&2
exit 1
