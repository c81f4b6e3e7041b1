#!/usr/bin/env bash
# Runs PmfBot's benchmarks: installs the local tools, starts Azurite (in memory, on a free loopback
# port) and runs tests/PmfBot.Benchmarks in Release. Results: tests/PmfBot.Benchmarks/Results/.
#   infra/local/bench.sh                  everything (about 10 minutes on 2 cores)
#   infra/local/bench.sh fan-out --owners 2000
# Exits 1 when a target was missed (the summary says which).
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/local/lib.sh

ensure_node_tools
port=$(free_port)
start_azurite "$port" "$(free_port)" --inMemoryPersistence
trap stop_azurite EXIT
log "Azurite (tables and blobs, in memory) on 127.0.0.1:$port and more"

export PMFBOT_TEST_STORAGE="$AZURITE_CONNECTION"
log "Building the benchmarks (Release)…"
dotnet build tests/PmfBot.Benchmarks -c Release --nologo -v quiet -clp:ErrorsOnly >&2
dotnet run -c Release --no-build --project tests/PmfBot.Benchmarks -- "$@"
