#!/usr/bin/env bash
# Cluster chaos on one machine (run as root; needs: apt-get install -y postgresql):
#   bash scripts/chaos.sh                       # 3 silos, 2 gateways, 30 interviews
#   SILOS=4 GATEWAYS=2 INTERVIEWS=60 bash scripts/chaos.sh
# Starts a private PostgreSQL, the silos and gateways as separate processes on loopback ports (no network
# namespaces: see bench/README.md), drives interviews with candidates answering continuously across the gateways,
# kill -9's the busiest silo, adds a new silo, restarts PostgreSQL under load, then compares every turn the
# candidates were shown as final with the transcripts the API returns. Exits non-zero if a turn was lost or an
# interview failed. The same run is the CI test tests/Chaos.Tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

dotnet build -c Release src/Silo -v quiet -nologo
dotnet build -c Release src/Gateway -v quiet -nologo
dotnet build -c Release bench/LoadGen -v quiet -nologo

exec dotnet bench/LoadGen/bin/Release/net10.0/SyncHire.Bench.LoadGen.dll chaos \
  --silo-dll src/Silo/bin/Release/net10.0/SyncHire.Silo.dll \
  --gateway-dll src/Gateway/bin/Release/net10.0/SyncHire.Gateway.dll \
  --silos "${SILOS:-3}" --gateways "${GATEWAYS:-2}" --interviews "${INTERVIEWS:-30}"
