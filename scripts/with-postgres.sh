#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster on 127.0.0.1, removed afterwards.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PORT=${PGPORT_TEST:-54329}
DIR=$(mktemp -d /tmp/driehoek-pg.XXXXXX)
AS=()
if [ "$(id -u)" = 0 ]; then AS=(runuser -u postgres --); chown postgres: "$DIR"; fi
stop() {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
"${AS[@]}" "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w start \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
"${AS[@]}" "$PGBIN/psql" -q -h "$DIR" -p "$PORT" -U postgres \
  -c "CREATE ROLE app LOGIN PASSWORD 'app' CREATEDB" -c "CREATE DATABASE app OWNER app" >/dev/null
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') draait op 127.0.0.1:$PORT"
DATABASE_URL="postgres://app:app@127.0.0.1:$PORT/app" "$@"
