#!/usr/bin/env bash
# Load test of the HTTP API: ingests the example corpus into a fresh database, starts
# `vigie serve` on a free loopback port and runs wrk against the events endpoint
# (default: 200 connections for 20 s), then prints requests/s, p99 latency and errors.
# Not part of the test suite (it takes the machine for its duration).
#
#   scripts/loadtest.sh                       # 200 connections, 20 s, /api/events
#   CONNECTIONS=50 DURATION=5s LOADTEST_PATH='/api/events?type=shelling' scripts/loadtest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VIGIE=${VIGIE:-build/tools/vigie/vigie}
WORK=${LOADTEST_DIR:-build/loadtest}
CONNECTIONS=${CONNECTIONS:-200}
DURATION=${DURATION:-20s}
WRK_THREADS=${WRK_THREADS:-2}
SERVER_THREADS=${SERVER_THREADS:-}
TARGET=${LOADTEST_PATH:-/api/events}

command -v wrk >/dev/null || { echo "loadtest: wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -x "$VIGIE" ] || { echo "loadtest: no $VIGIE (run scripts/setup.sh)" >&2; exit 1; }
mkdir -p "$WORK"
DB="$WORK/example.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
"$VIGIE" ingest -q --db "$DB" examples/corpus

args=(serve --db "$DB" --port 0)
[ -n "$SERVER_THREADS" ] && args+=(--threads "$SERVER_THREADS")
"$VIGIE" "${args[@]}" >"$WORK/serve.out" 2>"$WORK/serve.err" &
server=$!
trap 'kill -TERM $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  grep -q 'http://' "$WORK/serve.out" 2>/dev/null && break
  sleep 0.1
done
url=$(grep -o 'http://[^ ]*' "$WORK/serve.out" | head -1)
[ -n "$url" ] || { echo "loadtest: vigie serve did not start:" >&2; cat "$WORK/serve.err" >&2; exit 1; }
url=${url%/}$TARGET

echo "== wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION --latency $url =="
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url" | tee "$WORK/wrk.txt"

rps=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
socket=$(awk '/Socket errors:/ {n = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i + 0; print n}' "$WORK/wrk.txt")
non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$WORK/wrk.txt")
echo
echo "loadtest: $TARGET: ${rps:-?} requests/s, p99 ${p99:-?}, errors: ${socket:-0} socket, ${non2xx:-0} non-2xx" \
  "(load average before the end: $(cut -d' ' -f1-3 /proc/loadavg))"
