# Starts a throwaway PostgreSQL for the tests and exports ACCORD_TEST_POSTGRES_URL.
# Sourced by scripts/test; stops the server when the calling shell exits.
# Uses the machine's PostgreSQL binaries (initdb, pg_ctl); listens on a Unix socket only,
# so it never collides with another server's port. initdb refuses to run as root, so as
# root the cluster belongs to the `postgres` user (created if missing).

if [ -n "${ACCORD_TEST_POSTGRES_URL:-}" ]; then
  echo "tests use the PostgreSQL at ACCORD_TEST_POSTGRES_URL"
  return 0
fi

pg_bin=""
if command -v pg_ctl >/dev/null 2>&1; then
  pg_bin=$(dirname "$(command -v pg_ctl)")
else
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && pg_bin=$d; done
fi
if [ -z "$pg_bin" ]; then
  echo "error: PostgreSQL server binaries (initdb, pg_ctl) not found; install them (Debian: postgresql) or set ACCORD_TEST_POSTGRES_URL" >&2
  exit 1
fi

pg_dir=$(mktemp -d /tmp/accord-test-pg.XXXXXX)
run_as=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pg_dir"
  run_as=(runuser -u postgres --)
fi

"${run_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; echo "error: initdb failed" >&2; exit 1; }
# A throwaway cluster: durability settings off for speed; many connections for parallel tests.
"${run_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-k $pg_dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" start >/dev/null \
  || { cat "$pg_dir/server.log" >&2; echo "error: PostgreSQL did not start" >&2; exit 1; }

accord_stop_test_postgres() {
  "${run_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap accord_stop_test_postgres EXIT

export ACCORD_TEST_POSTGRES_URL="postgres://postgres@localhost/postgres?host=$pg_dir"
echo "tests use a throwaway PostgreSQL ($("$pg_bin/postgres" --version)) at $pg_dir"
