#!/usr/bin/env bash
# Builds the Teams app package (manifest.json with the ids filled in, plus the two icons) as a zip
# to upload in Teams Admin Center or Developer Portal.
#
#   appPackage/build.sh --bot-id <Azure Bot app id> --domain <bot host, e.g. pmfbot.azurewebsites.net> \
#       [--app-id <Teams app id; defaults to the bot id>] [--council "Northmere District Council"] \
#       [--version 1.0.0] [--out appPackage/build/pmfbot.zip]
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project bot/PmfBot -- app-package --template appPackage "$@"
