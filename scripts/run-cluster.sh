#!/usr/bin/env bash
# A whole cluster on one machine: PostgreSQL and two SyncHire processes, each the REST API, the candidate WebSockets
# and an Orleans silo (the same SyncHire.Gateway.dll, co-hosted), on http://localhost:5000 and http://localhost:5001.
#   bash scripts/run-cluster.sh            (run as root; Ctrl+C stops everything)
# An interview runs in the process its candidate's WebSocket is on (its grain migrates there). kill -9 one of the pids
# printed below: within a few seconds the other declares it dead, and a candidate that reconnects through the other
# process (the interview page opened again on the other port, or any client that tries the next address) finds its
# interview moved there, resumed from its stored state with its transcript. There is no load balancer here: a client
# that only knows the killed address cannot come back.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

connection="$(bash scripts/start-postgres.sh | tail -n 1)"
# Every process must accept the candidate tokens the others issue: one key for all.
signing_key="$(head -c 32 /dev/urandom | base64)"

dotnet build -c Release src/Gateway -v quiet -nologo

common=(--Cluster:Storage=postgres "--Cluster:ConnectionString=${connection}" --Cluster:AdvertisedAddress=127.0.0.1
  --Cluster:Kubernetes=false "--Gateway:TokenSigningKey=${signing_key}")
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM

# HTTP port and Orleans silo port of each process.
for ports in 5000:11111 5001:11112; do
  http="${ports%%:*}" silo="${ports##*:}"
  dotnet src/Gateway/bin/Release/net10.0/SyncHire.Gateway.dll --urls "http://localhost:${http}" \
    "--Cluster:SiloPort=${silo}" "${common[@]}" &
  pids+=($!)
  echo "process on http://localhost:${http} (silo :${silo}) pid $!"
done

for http in 5000 5001; do
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://localhost:${http}/health/ready" && break; sleep 0.5; done
done
echo "cluster ready: http://localhost:5000 and http://localhost:5001 (kill -9 ${pids[0]} moves its interviews to :5001 as their candidates reconnect)"
wait
