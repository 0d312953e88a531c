#!/usr/bin/env bash
# Load test of `dyad serve` from a second process on loopback: wrk with 64 connections against
# the main read endpoints, one after the other. Not part of CI (the figures go in
# docs/BENCHMARKS.md). Usage: bench/load.sh [SHARED_DIR] [SECONDS]
# Needs wrk (Debian package `wrk`) and a release build (`cargo build --release -p dyad-cli`).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
seconds=${2:-10}
dyad=./target/release/dyad
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }
[ -x "$dyad" ] || { echo "$dyad not found: cargo build --release -p dyad-cli" >&2; exit 1; }

work=$(mktemp -d)
"$dyad" analyze "$shared/seeds" --db "$work/seeds.db" > /dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$dyad" serve --db "$work/seeds.db" --addr "127.0.0.1:$port" 2> "$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/api/stats" > /dev/null && break; sleep 0.1; done

doc=$(curl -fs "http://127.0.0.1:$port/api/documents?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
echo "machine: $(nproc) cores, $(uname -sr); wrk 2 threads, 64 connections, ${seconds}s per endpoint"
printf '%-55s %10s %10s %10s %8s\n' endpoint "req/s" "p50" "p99" errors
for path in \
  "/api/stats" \
  "/api/documents" \
  "/api/documents/$doc" \
  "/api/actors?limit=50" \
  "/api/actors/KAZ" \
  "/api/organisations/ABRAHAM_ACCORDS?as_of=2025-12-31" \
  "/api/events?limit=50" \
  "/api/events?actor=KAZ&root=05" \
  "/api/conflicts" \
  "/api/network" \
  "/api/search?q=oman"; do
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency "http://127.0.0.1:$port$path")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  sock=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' <<<"$out")
  printf '%-55s %10s %10s %10s %8s\n' "$path" "$rps" "$p50" "$p99" "$(( ${non2xx:-0} + ${sock:-0} ))"
done
