#!/usr/bin/env bash
# Browser tests of the dyad web UI.
#
#   web-tests/run.sh DYAD_BIN SHARED_DIR
#
# Analyses SHARED_DIR/seeds and web-tests/fixtures into a temporary database, serves it with
# `DYAD_BIN serve` on a free local port, and runs the tests in web-tests/tests against it with
# Debian's Chromium. Screenshots go to target/web-screenshots/. Set DYAD_ASSETS=DIR to serve the
# UI from a folder (e.g. crates/serve/web) instead of the copy built into the binary.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 DYAD_BIN SHARED_DIR" >&2
  exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
dyad="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shared="$(cd "$2" && pwd)"

[ -x "$dyad" ] || { echo "run.sh: $dyad is not an executable" >&2; exit 2; }
[ -d "$shared/seeds" ] || { echo "run.sh: $shared/seeds is not a folder" >&2; exit 2; }
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "run.sh: $chromium is missing (apt-get install -y chromium)" >&2; exit 2; }
command -v node >/dev/null || { echo "run.sh: node is missing" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/dyad-web-tests.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

db="$work/web.db"
echo "run.sh: analysing the seeds and fixtures into $db"
"$dyad" analyze "$shared/seeds" "$here/fixtures" --db "$db" > "$work/analyze.log" 2>&1 || {
  cat "$work/analyze.log" >&2
  echo "run.sh: dyad analyze failed" >&2
  exit 1
}

# A free port: ask the kernel for one, then hand it to the server.
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});')"
base="http://127.0.0.1:$port"
serve_args=(serve --db "$db" --addr "127.0.0.1:$port")
if [ -n "${DYAD_ASSETS:-}" ]; then
  serve_args+=(--assets "$DYAD_ASSETS")
fi
"$dyad" "${serve_args[@]}" > "$work/serve.log" 2>&1 &
server_pid=$!

for _ in $(seq 1 100); do
  if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$base/api/stats"; then
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$work/serve.log" >&2
    echo "run.sh: the server exited" >&2
    exit 1
  fi
  sleep 0.2
done
node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$base/api/stats" || {
  cat "$work/serve.log" >&2
  echo "run.sh: the server did not answer at $base" >&2
  exit 1
}
echo "run.sh: serving at $base"

cd "$here"
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund
fi

mkdir -p "$root/target/web-screenshots"
status=0
BASE_URL="$base" SCREENSHOT_DIR="$root/target/web-screenshots" CHROMIUM="$chromium" npm test || status=$?
if [ "$status" -ne 0 ]; then
  echo "run.sh: server log:" >&2
  tail -n 50 "$work/serve.log" >&2
fi
echo "run.sh: screenshots in $root/target/web-screenshots"
exit "$status"
