# Shared helpers for the local scripts (sourced, not run). Loopback only: nothing here listens beyond 127.0.0.1.

# Azurite's well-known development account (public, documented by Microsoft; not a secret).
AZURITE_ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

log() { printf '\033[1;34m[pmfbot]\033[0m %s\n' "$*" >&2; }

# Installs the project's own Node tools (Azurite, pinned in package.json / package-lock.json) when missing or stale.
ensure_node_tools() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    log "Node.js 20+ and npm are needed (they run Azurite). Install them, then run this again."
    exit 1
  fi
  if [ ! -x node_modules/.bin/azurite-table ] || [ ! -f node_modules/@microsoft/m365agentsplayground/cli.js ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "Installing local tools (npm ci)…"
    npm ci --no-audit --no-fund --loglevel=error >&2
  fi
}

# Debian's Chromium, for the browser journey test (Playwright drives it; it downloads no browser
# of its own). Installed with apt when missing: as root, or with sudo when that needs no password.
ensure_chromium() {
  if command -v "${CHROMIUM:-chromium}" >/dev/null; then return 0; fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then sudo="sudo"; else
      log "Chromium is needed for the browser test: install it with 'sudo apt-get install chromium', then run this again."
      exit 1
    fi
  fi
  log "Installing Chromium (apt-get install chromium)…"
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >&2
}

# Prints a free TCP port on 127.0.0.1.
free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

wait_for_port() {
  local port=$1 what=$2 tries=${3:-150}
  for _ in $(seq "$tries"); do
    if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  log "$what did not start on 127.0.0.1:$port"
  return 1
}

# start_azurite TABLE_PORT BLOB_PORT [extra azurite args…] — Azurite's Table service (PmfBot's data)
# and Blob service (the scheduler leader's lease). Sets AZURITE_PIDS and AZURITE_CONNECTION.
start_azurite() {
  local table_port=$1 blob_port=$2; shift 2
  mkdir -p .local
  node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$table_port" --disableTelemetry "$@" \
    >".local/azurite-$table_port.log" 2>&1 &
  AZURITE_PIDS="$!"
  # --skipApiVersionCheck: the current Azure.Storage.Blobs client asks for a newer service version than Azurite names.
  node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort "$blob_port" --disableTelemetry --skipApiVersionCheck "$@" \
    >".local/azurite-blob-$blob_port.log" 2>&1 &
  AZURITE_PIDS="$AZURITE_PIDS $!"
  wait_for_port "$table_port" "Azurite (tables)" || { cat ".local/azurite-$table_port.log" >&2; exit 1; }
  wait_for_port "$blob_port" "Azurite (blobs)" || { cat ".local/azurite-blob-$blob_port.log" >&2; exit 1; }
  AZURITE_CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_ACCOUNT_KEY;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;"
}

# Stops Azurite with SIGINT: it flushes its on-disk data on SIGINT (SIGTERM/SIGKILL lose the last writes).
stop_azurite() {
  local pid
  for pid in ${AZURITE_PIDS:-}; do kill -INT "$pid" 2>/dev/null || true; done
  for pid in ${AZURITE_PIDS:-}; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  AZURITE_PIDS=
}

# start_playground PORT BOT_ENDPOINT — the Agents Playground (a local Teams client) with the demo
# council's people (infra/playground/.m365agentsplayground.yml). Sets PLAYGROUND_PID.
start_playground() {
  local port=$1 endpoint=$2
  mkdir -p .local
  (
    cd infra/playground
    TEAMSAPPTESTER_BROWSER=none APPLICATION_INSIGHTS_NO_STATSBEAT=true \
    M365_AGENTS_PLAYGROUND_LOGFILE="$PWD/../../.local/playground.log" \
      exec node ../../node_modules/@microsoft/m365agentsplayground/cli.js \
        -e "$endpoint" -c msteams -p "$port" --service-url "http://127.0.0.1:$port/_connector" --disable-telemetry
  ) >".local/playground-$port.out" 2>&1 &
  PLAYGROUND_PID=$!
  wait_for_port "$port" "The Agents Playground" || { cat ".local/playground-$port.out" .local/playground.log 2>/dev/null >&2; exit 1; }
}

stop_playground() {
  if [ -n "${PLAYGROUND_PID:-}" ] && kill -0 "$PLAYGROUND_PID" 2>/dev/null; then
    kill -TERM "$PLAYGROUND_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$PLAYGROUND_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  PLAYGROUND_PID=
}
