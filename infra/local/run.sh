#!/usr/bin/env bash
# Runs PmfBot locally with the demo council in the Agents Playground (a local Teams client):
# installs the local tools, starts Azurite (data kept in .local/azurite), builds and starts the
# bot, seeds Northmere District Council, starts the Playground, and prints the URL to open.
# Ctrl+C stops all three (Azurite with SIGINT, so its data is flushed).
# With --as-of the bot's clock starts at 09:00 on that date (when prompts go out) and runs on
# from there, with a fresh council in memory each time: e.g. --as-of 2026-11-07, three days
# before October's deadline, shows the prompts, then reminders and chasers as the days pass.
#
#   infra/local/run.sh [--as-of yyyy-MM-dd] [--port N]
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/local/lib.sh

as_of="" bot_port=3978
while [ $# -gt 0 ]; do
  case "$1" in
    --as-of) as_of=${2:?--as-of needs a date, yyyy-MM-dd}; shift 2 ;;
    --port) bot_port=${2:?--port needs a number}; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) log "Unknown option $1 (try --help)"; exit 2 ;;
  esac
done

ensure_node_tools

# Azurite on its usual ports when free, so the admin commands' UseDevelopmentStorage=true reaches it too.
table_port=10002 blob_port=10000
if (echo >"/dev/tcp/127.0.0.1/$table_port") 2>/dev/null || (echo >"/dev/tcp/127.0.0.1/$blob_port") 2>/dev/null; then
  table_port=$(free_port) blob_port=$(free_port)
  log "Port 10002 or 10000 is busy; Azurite uses $table_port (tables) and $blob_port (blobs) instead."
fi
if [ -n "$as_of" ]; then
  start_azurite "$table_port" "$blob_port" --inMemoryPersistence   # a simulated date is a throwaway demo
else
  mkdir -p .local/azurite
  start_azurite "$table_port" "$blob_port" --location .local/azurite
fi

bot_pid=
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$bot_pid" ] && kill -0 "$bot_pid" 2>/dev/null; then
    # SIGTERM, not SIGINT: a background job of a script starts with SIGINT ignored, and .NET honours that.
    kill -TERM "$bot_pid" 2>/dev/null || true
    wait "$bot_pid" 2>/dev/null || true
  fi
  stop_playground
  stop_azurite
  log "Stopped."
}
trap cleanup EXIT INT TERM

if (echo >"/dev/tcp/127.0.0.1/$bot_port") 2>/dev/null; then
  log "Port $bot_port is busy: stop whatever is using it, or pass --port N."
  exit 1
fi

log "Building PmfBot…"
dotnet build bot/PmfBot/PmfBot.csproj --nologo -v quiet -clp:ErrorsOnly >&2

export ASPNETCORE_ENVIRONMENT=Development
export Storage__ConnectionString="$AZURITE_CONNECTION"
export Demo__SeedOnStart=true
export Bot__AllowUnauthenticatedLocalRequests=true   # the Playground sends no token; refused outside Development
export Demo__AsOf="$as_of"
export Clock__StartAt="$as_of"                        # empty: the real clock
export Updates__ScanEvery=00:00:20                    # prompts within seconds of start, not minutes
export Extensions__Approvers__0=priya.shah@northmere.gov.uk   # the demo's deciders on extension requests:
export Extensions__Approvers__1=helen.price@northmere.gov.uk   # Priya (the Playground user) and Helen Price
export Escalations__NextLevel__0=daniel.okoro@northmere.gov.uk # the Management Team: undecided escalations go up to them
export Escalations__NextLevel__1=helen.price@northmere.gov.uk
export Digests__CheckEvery=00:00:10                   # a subscribed channel's digest within seconds of its time
export Tab__AllowDemoSignIn=true                      # the tab signs in as ?as=<person>; refused outside Development
export Tab__PerformanceTeam__0=helen.price@northmere.gov.uk   # in the demo, Helen Price is the performance team too
dotnet bot/PmfBot/bin/Debug/net10.0/PmfBot.dll --urls "http://127.0.0.1:$bot_port" &
bot_pid=$!

for _ in $(seq 150); do
  if curl -fsS "http://127.0.0.1:$bot_port/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$bot_pid" 2>/dev/null; then log "PmfBot stopped during start-up (see above)."; exit 1; fi
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$bot_port/healthz" >/dev/null || { log "PmfBot did not become healthy."; exit 1; }

playground_port=56150
if (echo >"/dev/tcp/127.0.0.1/$playground_port") 2>/dev/null; then playground_port=$(free_port); fi
start_playground "$playground_port" "http://127.0.0.1:$bot_port/api/messages"

storage_note="data in .local/azurite"
clock_note="real time"
if [ -n "$as_of" ]; then
  storage_note="in memory (a fresh council each run)"
  clock_note="started at 09:00 on $as_of; move it on a day: curl -X POST 'http://127.0.0.1:$bot_port/_demo/clock?advance=1.00:00:00'
                or to a time (UK): curl -X POST 'http://127.0.0.1:$bot_port/_demo/clock?to=2026-11-09T09:00'"
fi

admin_connection=$AZURITE_CONNECTION
[ "$table_port" = 10002 ] && [ "$blob_port" = 10000 ] && admin_connection="UseDevelopmentStorage=true"
cat >&2 <<MSG

  PmfBot is running with the demo council (Northmere District Council).

    Open Teams (the Agents Playground):  http://127.0.0.1:$playground_port
    You are Priya Shah, Director of Resources. Due-update cards arrive in your chat within
    seconds. Answer one on the card, or type e.g.  CS 02: 73.7 — queue times up; action: two
    temporary advisers from Monday. Try also: what's due, my measures, how is my service doing?,
    export Q2 2026/27, help. In the Management Team's Performance channel: @PmfBot subscribe
    Resources department; then move the clock to Monday 09:00 (below) and the digest arrives.

    Performance tab (in a browser, signed in as a demo person):
                http://127.0.0.1:$bot_port/tab/?as=priya.shah@northmere.gov.uk   (Chief Officer: Resources)
                http://127.0.0.1:$bot_port/tab/?as=sam.taylor@northmere.gov.uk   (owner: his services)
                http://127.0.0.1:$bot_port/tab/?as=helen.price@northmere.gov.uk  (performance team: the council)

    Bot:        http://127.0.0.1:$bot_port/api/messages   (health: http://127.0.0.1:$bot_port/healthz)
    Storage:    Azurite on 127.0.0.1:$table_port (tables) and :$blob_port (the scheduler's lease), $storage_note
    Clock:      $clock_note
    Admin:      Storage__ConnectionString='$admin_connection' \\
                  dotnet run --project bot/PmfBot -- catalogue export catalogue.csv

  Press Ctrl+C to stop.

MSG
wait "$bot_pid"
