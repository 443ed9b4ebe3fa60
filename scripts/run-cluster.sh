#!/usr/bin/env bash
# A whole cluster on one machine: PostgreSQL, two silos and a gateway as separate processes.
#   bash scripts/run-cluster.sh            (Ctrl+C stops everything)
# Open http://localhost:5000; kill a silo (kill -9 <pid> printed below) and its interviews move to the other.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

connection="$(bash scripts/start-postgres.sh | tail -n 1)"
secret="$(head -c 32 /dev/urandom | base64)"
signing_key="$(head -c 32 /dev/urandom | base64)"

dotnet build -c Release src/Silo src/Gateway -v quiet -nologo

common=(--Cluster:Storage=postgres "--Cluster:ConnectionString=${connection}" "--Cluster:Secret=${secret}")
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM

for port in 11111 11112; do
  dotnet src/Silo/bin/Release/net10.0/SyncHire.Silo.dll --urls "http://127.0.0.1:${port}" "${common[@]}" &
  pids+=($!)
  echo "silo on :${port} pid $!"
done

dotnet src/Gateway/bin/Release/net10.0/SyncHire.Gateway.dll --urls http://localhost:5000 \
  --Cluster:Role=Gateway "--Gateway:TokenSigningKey=${signing_key}" "${common[@]}" &
pids+=($!)
echo "gateway on http://localhost:5000 pid $!"
wait
