#!/usr/bin/env bash
# The load benchmark: SyncHire and the Node.js peer relay, side by side in one run, against the OpenAI Realtime
# emulator answering in real time. See bench/README.md for what each figure means.
#
#   bash bench/run.sh                                  # 50 and 200 sessions, 30 s each (a quick check)
#   SESSIONS="250 500 1000 1500" DURATION=60 bash bench/run.sh   # the full-scale run
#
# Settings (environment): SESSIONS (space-separated counts), DURATION, WARMUP, RAMP (seconds), BOUND_MS (p99 bound),
# TOPOLOGY (cluster: PostgreSQL + two co-hosted processes, each the gateway and an Orleans silo; the load generator
# connects every candidate to the first, so all the benchmark's interviews run there and the second is an idle member
# of the cluster; single: one process, SQLite),
# TARGETS (default "direct synchire peer"; direct is the baseline the others are measured against),
# AUDIO_CHUNK_MS (size of the emulator's audio deltas, default 100), OUT (results folder), SYNCHIRE_ARGS (extra
# settings for SyncHire's processes, e.g. "--Gateway:InlineSocketScheduling=true").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SESSIONS="${SESSIONS:-50 200}"
DURATION="${DURATION:-30}"
# 30 s: a .NET process under new load keeps tiering code up (tier 0 → instrumented → optimised) for about 20 s after
# the sessions connect; measured with dotnet-counters at 150 sessions, JIT took 2.7 s of CPU in one 5 s interval then,
# and under 0.3 s in every later one. A shorter warm-up bills that one-off compilation to every frame.
WARMUP="${WARMUP:-30}"
RAMP="${RAMP:-10}"
BOUND_MS="${BOUND_MS:-20}"
TOPOLOGY="${TOPOLOGY:-cluster}"
TARGETS="${TARGETS:-direct synchire peer}"
AUDIO_CHUNK_MS="${AUDIO_CHUNK_MS:-100}"
OUT="${OUT:-bench/results/$(date +%Y%m%d-%H%M%S)}"
EMULATOR_PORT="${EMULATOR_PORT:-18090}"
GATEWAY_PORT="${GATEWAY_PORT:-18000}"   # HTTP of the (first) process: the candidates connect here
SECOND_PORT="${SECOND_PORT:-18001}"     # HTTP of the second process (cluster)
SILO_PORT="${SILO_PORT:-18111}"         # Orleans silo port of the first process; the second uses SILO_PORT+1
PEER_PORT="${PEER_PORT:-18081}"

# As in the images (src/*/Dockerfile): no thread-pool spin-waiting; it roughly doubled CPU per frame at low load.
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit="${DOTNET_ThreadPool_UnfairSemaphoreSpinLimit:-0}"

mkdir -p "${OUT}"
results="${OUT}/results.jsonl"
: > "${results}"
pids=()
database=""
cleanup() {
  for pid in "${pids[@]}"; do kill "${pid}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ -n "${database}" ]]; then
    su postgres -c "psql -qtAX -c 'DROP DATABASE IF EXISTS ${database} WITH (FORCE)'" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT INT TERM

echo "== building (Release)"
dotnet build -c Release src/Gateway -v quiet -nologo
dotnet build -c Release bench/LoadGen -v quiet -nologo
dotnet build -c Release bench/EmulatorHost -v quiet -nologo
(cd bench/peer-relay && npm ci --no-audit --no-fund --silent)

wait_http() { # url name
  for _ in $(seq 1 120); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "$2 did not come up at $1 (log: ${OUT}/$2.log)" >&2; exit 1
}

for port in "${EMULATOR_PORT}" "${GATEWAY_PORT}" "${SECOND_PORT}" "${SILO_PORT}" "$((SILO_PORT + 1))" "${PEER_PORT}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
    echo "port ${port} is already in use (a previous run still going?); set *_PORT to free ones" >&2; exit 1
  fi
done

echo "== starting the emulator (real-time audio, ${AUDIO_CHUNK_MS} ms deltas)"
# The harness (emulator and load generator, never the system under test) runs socket completions inline on the
# epoll thread: one thread-pool hop less per frame, measured at 200 sessions as 0.59 → 0.57 of a core for the emulator
# and 0.27 → 0.22 for the load generator, with a lower direct-baseline tail. They share the 2 cores with what they measure.
harness_env=(env DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1)
"${harness_env[@]}" dotnet bench/EmulatorHost/bin/Release/net10.0/SyncHire.Bench.EmulatorHost.dll --urls "http://127.0.0.1:${EMULATOR_PORT}" \
  --audio-chunk-ms "${AUDIO_CHUNK_MS}" > "${OUT}/emulator.log" 2>&1 &
emulator_pid=$!; pids+=("${emulator_pid}")
wait_http "http://127.0.0.1:${EMULATOR_PORT}/bench/stats" emulator

provider=(--Providers:OpenAI:ApiKey=emulator-key "--Providers:OpenAI:Endpoint=http://127.0.0.1:${EMULATOR_PORT}/v1"
  --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.AspNetCore=Warning
  # The benchmark is one tenant opening sessions as fast as the ramp asks: lift the per-tenant protections.
  --Platform:MaxConcurrentInterviews=1000000 --Platform:RateLimit:PermitsPerMinute=10000000 --Platform:RateLimit:Burst=1000000
  --Platform:SelfServe:InterviewsPerHourPerAddress=0 ${SYNCHIRE_ARGS:-})
signing_key="$(head -c 32 /dev/urandom | base64)"
metrics="gateway=http://127.0.0.1:${GATEWAY_PORT}/metrics"
if [[ "${TOPOLOGY}" == cluster ]]; then
  echo "== starting PostgreSQL and two co-hosted processes (gateway + silo each); every candidate connects to the first"
  admin="$(bash scripts/start-postgres.sh | tail -n 1)"
  database="synchire_bench_$$"
  su postgres -c "psql -qtAX -c 'CREATE DATABASE ${database} OWNER synchire'" >/dev/null
  connection="${admin/Database=synchire/Database=${database}}"
  common=(--Cluster:Storage=postgres "--Cluster:ConnectionString=${connection}" --Cluster:AdvertisedAddress=127.0.0.1
    --Cluster:Kubernetes=false "--Gateway:TokenSigningKey=${signing_key}")
  dotnet src/Gateway/bin/Release/net10.0/SyncHire.Gateway.dll --urls "http://127.0.0.1:${GATEWAY_PORT}" \
    "--Cluster:SiloPort=${SILO_PORT}" "${common[@]}" "${provider[@]}" > "${OUT}/gateway.log" 2>&1 &
  gateway_pid=$!; pids+=("${gateway_pid}")
  dotnet src/Gateway/bin/Release/net10.0/SyncHire.Gateway.dll --urls "http://127.0.0.1:${SECOND_PORT}" \
    "--Cluster:SiloPort=$((SILO_PORT + 1))" "${common[@]}" "${provider[@]}" > "${OUT}/second.log" 2>&1 &
  second_pid=$!; pids+=("${second_pid}")
  wait_http "http://127.0.0.1:${SECOND_PORT}/health/ready" second
  # The first process creates every interview (its grain is placed locally) and takes every candidate socket, so it
  # relays and hosts the whole load: it is the system under test ("gateway"; its /metrics stand for the silo's too).
  # The second only takes part in the cluster (membership): its CPU and memory are reported as "second", outside
  # the per-frame cost.
  sut_pids="gateway=${gateway_pid},second=${second_pid}"
else
  echo "== starting SyncHire as one process (gateway + silo, SQLite)"
  rm -f "${OUT}/synchire.db"
  dotnet src/Gateway/bin/Release/net10.0/SyncHire.Gateway.dll --urls "http://127.0.0.1:${GATEWAY_PORT}" \
    "--Cluster:ConnectionString=Data Source=${PWD}/${OUT}/synchire.db" "--Cluster:SiloPort=${SILO_PORT}" \
    "--Gateway:TokenSigningKey=${signing_key}" "${provider[@]}" > "${OUT}/gateway.log" 2>&1 &
  gateway_pid=$!; pids+=("${gateway_pid}")
  sut_pids="gateway=${gateway_pid}"
fi
wait_http "http://127.0.0.1:${GATEWAY_PORT}/health/ready" gateway

echo "== starting the peer relay (Node.js $(node --version), ws)"
node bench/peer-relay/relay.js --port "${PEER_PORT}" \
  --provider "ws://127.0.0.1:${EMULATOR_PORT}/v1/realtime?model=gpt-realtime" > "${OUT}/peer.log" 2>&1 &
peer_pid=$!; pids+=("${peer_pid}")
for _ in $(seq 1 60); do grep -q listening "${OUT}/peer.log" && break; sleep 0.5; done

loadgen=("${harness_env[@]}" dotnet bench/LoadGen/bin/Release/net10.0/SyncHire.Bench.LoadGen.dll)
url_of() {
  case "$1" in
    synchire) echo "http://127.0.0.1:${GATEWAY_PORT}" ;;
    peer) echo "ws://127.0.0.1:${PEER_PORT}/ws" ;;
    direct) echo "http://127.0.0.1:${EMULATOR_PORT}" ;;
  esac
}
phase() { # target sessions duration warmup [results]
  local extra=()
  [[ $# -ge 5 ]] && extra=(--results "$5")
  "${loadgen[@]}" run --target "$1" --url "$(url_of "$1")" --emulator "http://127.0.0.1:${EMULATOR_PORT}" \
    --sessions "$2" --ramp "${RAMP}" --warmup "$4" --duration "$3" --bound-ms "${BOUND_MS}" \
    --pids "${sut_pids},peer=${peer_pid},emulator=${emulator_pid}" --metrics "${metrics}" "${extra[@]}"
}

echo "== warm-up (JIT, connection pools): 10 sessions of each, not recorded"
for target in ${TARGETS}; do phase "${target}" 10 5 2 > "${OUT}/warmup-${target}.log"; done

for sessions in ${SESSIONS}; do
  for target in ${TARGETS}; do
    echo "== ${target} × ${sessions}"
    phase "${target}" "${sessions}" "${DURATION}" "${WARMUP}" "${results}" | tee -a "${OUT}/report.txt"
  done
done

"${loadgen[@]}" compare "${results}" --bound-ms "${BOUND_MS}" | tee -a "${OUT}/report.txt"
