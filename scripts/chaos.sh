#!/usr/bin/env bash
# Cluster chaos on one machine (run as root; needs: apt-get install -y postgresql):
#   bash scripts/chaos.sh                        # 3 processes, 30 interviews (+9 after a new process joins)
#   PROCESSES=4 INTERVIEWS=60 bash scripts/chaos.sh
# Starts a private PostgreSQL and N co-hosted SyncHire processes (SyncHire.Gateway.dll: REST, candidate WebSockets
# and an Orleans silo each) on loopback ports (no network namespaces: see bench/README.md). Candidates answer
# continuously, spread across the processes, each knowing every process's URL (there is no load balancer) and
# rotating to the next when its socket drops. The run kill -9's the process hosting the most interviews and measures,
# per interrupted interview, the time from the kill until it is served again through another process (target: 5 s);
# then starts a new process and checks it serves new interviews; restarts PostgreSQL under load; and finally compares
# every turn the candidates were shown as final with the transcripts the API returns. Prints its figures; exits
# non-zero if a turn was lost or an interview failed. The same run is the CI test tests/Chaos.Tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

dotnet build -c Release src/Gateway -v quiet -nologo
dotnet build -c Release bench/LoadGen -v quiet -nologo

exec dotnet bench/LoadGen/bin/Release/net10.0/SyncHire.Bench.LoadGen.dll chaos \
  --gateway-dll src/Gateway/bin/Release/net10.0/SyncHire.Gateway.dll \
  --processes "${PROCESSES:-3}" --interviews "${INTERVIEWS:-30}" --interviews-after-join "${INTERVIEWS_AFTER_JOIN:-9}"
