#!/usr/bin/env bash
# "Where is the technician?" under load: wrk against GET /api/tickets/{id}/arrival and GET /api/arrivals?phone=
# on a running Tehai (it starts nothing). Every request is a real answer: it reads PostgreSQL and writes the
# ticket's ARRIVAL_INQUIRY contact row, so a run adds (requests) rows to the contact log of the database it hits.
#
#   java -Dquarkus.profile=demo -jar target/quarkus-app/quarkus-run.jar        # the demo region, in another shell
#   load/arrivals.sh --publish 2026-12-01      # once, when no visit is dispatched yet: propose 15 s and publish
#   load/arrivals.sh                           # both endpoints, wrk -t2 -c8 -d30s each
#
# The ids come from the API: the tickets of dispatched visits (GET /api/visits?status=DISPATCHED), each endpoint
# cycles through them (phone: each ticket's customer's first number), so no single ticket's log grows alone.
# Each endpoint first gets WARMUP of the same load, not counted (a JVM just started answers slower until its JIT
# compiled the path). Settings (environment): BASE (http://127.0.0.1:8080, loopback only), DURATION (30s),
# WARMUP (10s, 0s for none), THREADS (2),
# CONNECTIONS (8), AUTH (bearer: a demo JWT from scripts/demo-token.sh, as production signs in; basic: agent:agent),
# REGION (TOKYO-WEST, for --publish). Needs curl, jq, wrk (apt-get install -y wrk) and, for bearer, openssl.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${BASE:-http://127.0.0.1:8080}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
AUTH=${AUTH:-bearer}
REGION=${REGION:-TOKYO-WEST}

case "$BASE" in
  http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
  *) echo "BASE must be a loopback address (http://127.0.0.1:PORT), not $BASE" >&2; exit 2 ;;
esac
for tool in curl jq wrk; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install -y $tool)" >&2; exit 2; }
done
case "$DURATION" in
  [1-9]s|[1-9][0-9]s|[1-2][0-9][0-9]s|300s) ;;
  *) echo "DURATION must be 1s to 300s, not $DURATION" >&2; exit 2 ;;
esac
case "$WARMUP" in
  0s|[1-9]s|[1-5][0-9]s|60s) ;;
  *) echo "WARMUP must be 0s to 60s, not $WARMUP" >&2; exit 2 ;;
esac

case "$AUTH" in
  bearer) HEADER="Authorization: Bearer $(scripts/demo-token.sh agent agent 30)" ;;
  basic) HEADER="Authorization: Basic $(printf agent:agent | base64)" ;;
  *) echo "AUTH is bearer or basic, not $AUTH" >&2; exit 2 ;;
esac
api() { curl -sS -f --max-time 10 -H "$HEADER" "$BASE$1"; }

if [ "${1:-}" = "--publish" ]; then
  date=${2:?--publish needs the date of a day with work, e.g. 2026-12-01}
  D=(-u dispatcher:dispatcher --max-time 10 -sS -f)
  day="$BASE/api/regions/$REGION/days/$date"
  curl "${D[@]}" -H Content-Type:application/json -X POST "$day/proposals" \
    -d '{"spentLimitSeconds": 15, "unimprovedSpentLimitSeconds": 5}' >/dev/null
  for _ in $(seq 1 60); do
    status=$(curl "${D[@]}" "$day/proposals/current" | jq -r .status)
    [ "$status" = SOLVING ] || [ "$status" = QUEUED ] || break
    sleep 1
  done
  curl "${D[@]}" -X POST "$day/proposals/current/publish"; echo
  exit 0
fi

tickets=$(api '/api/visits?status=DISPATCHED&size=100' | jq -r '[.items[].ticketId | select(. != null)] | unique | .[]')
if [ -z "$tickets" ]; then
  echo "No dispatched visit with a ticket: publish a day first (load/arrivals.sh --publish <date>)" >&2
  exit 2
fi
phones=$(for t in $tickets; do api "/api/tickets/$t" | jq -r '.customer.phones[0] // empty'; done | sort -u)
answers=0
for p in $phones; do answers=$((answers + $(api "/api/arrivals?phone=$(jq -rn --arg p "$p" '$p|@uri')" | jq length))); done
echo "$(echo "$tickets" | wc -l) tickets with a dispatched visit; $(echo "$phones" | wc -l) callers' numbers with" \
  "$answers answers between them (open tickets of the caller), so a phone request is $(jq -n "$answers / $(echo "$phones" | wc -l) * 100 | round / 100") answers"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One Lua script per endpoint: the paths to cycle through, each thread from its own offset; the summary line
# gives requests per second, p50 and p99 in milliseconds and the failures (non-2xx answers count).
lua() {
  {
    echo 'local paths = {'
    while read -r p; do [ -n "$p" ] && printf '  "%s",\n' "$p"; done
    echo '}'
    cat <<'LUA'
local counter = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 7)
end
function init(args)
  counter = tonumber(offset) or 0
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.1f req_per_s=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.1f failed=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.status + e.timeout))
end
LUA
  }
}
for t in $tickets; do echo "/api/tickets/$t/arrival"; done | lua > "$work/ticket.lua"
for p in $phones; do echo "/api/arrivals?phone=$(jq -rn --arg p "$p" '$p|@uri')"; done | lua > "$work/phone.lua"

seconds=${DURATION%s}
for endpoint in ticket phone; do
  if [ "$WARMUP" != 0s ]; then
    echo "== $endpoint: warm-up $WARMUP"
    timeout $((${WARMUP%s} + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 5s -H "$HEADER" \
      -s "$work/$endpoint.lua" "$BASE" | grep '^RESULT' | sed 's/^RESULT/   (not counted)/'
  fi
  echo "== $endpoint: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency ($AUTH)"
  timeout $((seconds + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency --timeout 5s \
    -H "$HEADER" -s "$work/$endpoint.lua" "$BASE" | tee "$work/$endpoint.out"
done
echo "== summary ($(date -u +%FT%TZ), $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
for endpoint in ticket phone; do
  printf '%-7s %s\n' "$endpoint" "$(grep '^RESULT' "$work/$endpoint.out" | cut -d' ' -f2-)"
done
