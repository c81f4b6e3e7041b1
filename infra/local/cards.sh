#!/usr/bin/env bash
# Writes every card the bot sends, filled from the demo council by the bot itself, to a folder as
# JSON (default .local/cards), and checks each with the official Adaptive Cards renderer at 1.5.
#   infra/local/cards.sh [folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/local/lib.sh

folder=$(realpath -m "${1:-.local/cards}")
ensure_node_tools
port=$(free_port)
start_azurite "$port" "$(free_port)" --inMemoryPersistence
trap stop_azurite EXIT

export PMFBOT_TEST_STORAGE="$AZURITE_CONNECTION" PMFBOT_CARDS_OUT="$folder"
dotnet test tests/PmfBot.Tests --nologo --filter "FullyQualifiedName~PmfBot.Tests.Gallery.DemoCardGalleryTests" >&2
log "$(ls "$folder"/*.json | wc -l) cards in $folder"
