#!/usr/bin/env bash
# Runs every PmfBot test: installs the local tools (and Debian's Chromium for the browser test), starts Azurite (in memory, on a free loopback
# port), runs all test projects against it, stops Azurite, and prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/local/lib.sh

ensure_node_tools
ensure_chromium
port=$(free_port)
start_azurite "$port" "$(free_port)" --inMemoryPersistence
trap stop_azurite EXIT
log "Azurite (tables and blobs, in memory) on 127.0.0.1:$port and more"

export PMFBOT_TEST_STORAGE="$AZURITE_CONNECTION"
mkdir -p .local
set +e
# House format: CSharpier (pinned in .config/dotnet-tools.json) at 120 columns (.editorconfig).
dotnet tool restore >/dev/null && dotnet csharpier check bot cards >&2
format=$?
[ "$format" -eq 0 ] || log "bot/ or cards/ is not formatted: run  dotnet csharpier format bot cards"
dotnet test PmfBot.sln --nologo "$@" 2>&1 | tee .local/test-output.log
status=${PIPESTATUS[0]}
[ "$status" -ne 0 ] || status=$format
set -e

# One closing line for people and CI alike, summed over the test projects.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' .local/test-output.log
exit "$status"
