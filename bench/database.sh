# Sourced by the benchmarks: a new, empty database for each service they start, on the
# PostgreSQL of the test infrastructure (bin/dev infra up) when its env was sourced, else on the
# local stack's (bin/dev up). Prints the JDBC URL.
bench_database() { # name
  local port="${TIDBCLOUD_TEST_PG_PORT:-${TIDBCLOUD_PG_PORT:-8432}}" db="bench_${1//-/_}"
  psql -q -h localhost -p "$port" -U tidbcloud -d postgres \
    -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null \
    || { printf '[bench] error: no PostgreSQL on :%s (bin/dev up, or bin/dev infra up)\n' "$port" >&2; return 1; }
  printf 'jdbc:postgresql://localhost:%s/%s' "$port" "$db"
}
