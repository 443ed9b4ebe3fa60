#!/usr/bin/env bash
# Starts the local PostgreSQL cluster used by the tests and prints its connection string.
# Idempotent: safe to run again when the server is already up and the role/database exist.
# Installing PostgreSQL is not done here (it belongs to .ci/run or the developer's machine).
set -euo pipefail

if [[ "$(id -u)" -ne 0 ]]; then
  echo "start-postgres.sh: run as root (it starts the Debian cluster and switches to the postgres user)." >&2
  exit 1
fi

# The Debian layout puts server binaries under /usr/lib/postgresql/<version>/bin.
version="$(ls -1 /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -z "${version}" || ! -x "/usr/lib/postgresql/${version}/bin/postgres" ]] || ! command -v pg_ctlcluster >/dev/null; then
  echo "start-postgres.sh: PostgreSQL server binaries not found; install them first: apt-get install -y postgresql" >&2
  exit 1
fi

if ! pg_lsclusters --no-header | awk -v v="${version}" '$1 == v && $2 == "main"' | grep -q .; then
  pg_createcluster "${version}" main >/dev/null
fi

port="$(pg_lsclusters --no-header | awk -v v="${version}" '$1 == v && $2 == "main" {print $3}')"

# Test suites run many silos (each with its own connection pool) in parallel; the default of 100 connections
# is too tight for that. The setting needs a restart, so restart only when the running value differs.
wanted_connections=300
conf_dir="/etc/postgresql/${version}/main/conf.d"
mkdir -p "${conf_dir}"
echo "max_connections = ${wanted_connections}" > "${conf_dir}/synchire.conf"

if ! pg_lsclusters --no-header | awk -v v="${version}" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  pg_ctlcluster "${version}" main start >&2
elif [[ "$(su postgres -c "psql -p ${port} -qtAX -c 'SHOW max_connections'")" != "${wanted_connections}" ]]; then
  pg_ctlcluster "${version}" main restart >&2
fi

# The server accepts connections a moment after pg_ctlcluster returns on slow machines.
for _ in $(seq 1 60); do
  if su postgres -c "pg_isready -q -h 127.0.0.1 -p ${port}"; then break; fi
  sleep 0.5
done
su postgres -c "pg_isready -q -h 127.0.0.1 -p ${port}" || { echo "start-postgres.sh: server did not become ready" >&2; exit 1; }

psql_admin() { su postgres -c "psql -p ${port} -v ON_ERROR_STOP=1 -qtAX $*"; }

if [[ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = 'synchire'\"")" != "1" ]]; then
  psql_admin "-c \"CREATE ROLE synchire LOGIN PASSWORD 'synchire' CREATEDB\""
fi
if [[ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = 'synchire'\"")" != "1" ]]; then
  psql_admin "-c \"CREATE DATABASE synchire OWNER synchire\""
fi

echo "Host=127.0.0.1;Port=${port};Username=synchire;Password=synchire;Database=synchire"
