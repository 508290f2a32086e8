#!/usr/bin/env bash
# Welcome Kit benchmark: throughput, latency and memory of the release server
# on SQLite with the demo data plus synthetic places, and the compressed size
# of the first map view. Everything runs on loopback. See bench/README.md.
#
# Usage: bench/run.sh [--no-build] [--duration N] [--places N] [--events N]
#   --no-build     use the existing target/release/welcome-kit and target/site
#   --duration N   seconds per wrk run (default 10)
#   --places N     synthetic places to add to Prague (default 1000)
#   --events N     synthetic events to add to Prague (default 10000)
# Environment: BENCH_PORT (default 3099); BENCH_BIN (default
# target/release/welcome-kit; a debug binary works for a smoke test only).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

BUILD=1
DURATION=10
PLACES=1000
EVENTS=10000
PORT=${BENCH_PORT:-3099}
BIN=${BENCH_BIN:-target/release/welcome-kit}
OUT=bench/out
DB="$OUT/bench.db"
DB_URL="sqlite://$DB"
HOST=127.0.0.1
BASE="http://$HOST:$PORT"
CITY=prague
BUDGET_KB=250

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --duration)
      [ $# -ge 2 ] || { echo "bench: --duration needs a number of seconds" >&2; exit 2; }
      DURATION=$2; shift ;;
    --duration=*) DURATION=${1#*=} ;;
    --places)
      [ $# -ge 2 ] || { echo "bench: --places needs a number" >&2; exit 2; }
      PLACES=$2; shift ;;
    --places=*) PLACES=${1#*=} ;;
    --events)
      [ $# -ge 2 ] || { echo "bench: --events needs a number" >&2; exit 2; }
      EVENTS=$2; shift ;;
    --events=*) EVENTS=${1#*=} ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ $DURATION =~ ^[0-9]+$ ]] && [ "$DURATION" -ge 1 ] && [ "$DURATION" -le 600 ] \
  || { echo "bench: --duration must be a whole number of seconds, 1-600 (got '$DURATION')" >&2; exit 2; }
[[ $PLACES =~ ^[0-9]+$ ]] && [ "$PLACES" -ge 1 ] && [ "$PLACES" -le 9999 ] \
  || { echo "bench: --places must be a number, 1-9999 (got '$PLACES')" >&2; exit 2; }
[[ $EVENTS =~ ^[0-9]+$ ]] && [ "$EVENTS" -ge 1 ] && [ "$EVENTS" -le 99999 ] \
  || { echo "bench: --events must be a number, 1-99999 (got '$EVENTS')" >&2; exit 2; }
[[ $PORT =~ ^[0-9]+$ ]] || { echo "bench: BENCH_PORT must be a port number" >&2; exit 2; }

# ------------------------------------------------------------------ plumbing
STEP="start"
SERVER_PID=""
BG_PID=""
FAILURES=()

die() {
  trap - ERR
  printf '\nbench: FAILED at step "%s": %s\n' "$STEP" "$*" >&2
  exit 1
}
on_err() {
  local rc=$? line=$1
  trap - ERR
  printf '\nbench: FAILED at step "%s" (a command at bench/run.sh line %s exited with status %s)\n' \
    "$STEP" "$line" "$rc" >&2
  exit 1
}
cleanup() {
  local rc=$?
  [ -n "$BG_PID" ] && kill "$BG_PID" 2>/dev/null || true
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  exit "$rc"
}
trap 'on_err $LINENO' ERR
trap cleanup EXIT
trap 'echo; echo "bench: interrupted" >&2; exit 130' INT TERM

step() { STEP=$1; printf '\n== %s\n' "$1"; }
need() { command -v "$1" >/dev/null || die "$1 is not installed ($2)"; }
ms() { printf '%s' "$(( $(date +%s%N) / 1000000 ))"; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000 }'; }

server_alive() { [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; }
server_log_tail() { echo "--- last lines of $OUT/server.log:" >&2; tail -n 20 "$OUT/server.log" >&2 || true; }

# Sets RSS_KIB to the server's VmRSS in KiB (0 if unreadable). Pure bash,
# no subprocess, as it runs five times a second next to the load.
RSS_KIB=0
read_rss() {
  local k v _
  RSS_KIB=0
  if [ -n "$SERVER_PID" ] && [ -r "/proc/$SERVER_PID/status" ]; then
    while read -r k v _; do
      if [ "$k" = "VmRSS:" ]; then RSS_KIB=$v; return 0; fi
    done < "/proc/$SERVER_PID/status" || true
  fi
  return 0
}

mkdir -p "$OUT"

# ------------------------------------------------------------------ header
CPU=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
MEM=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "unknown")
echo "Welcome Kit benchmark"
echo "  date (UTC):  $(date -u '+%Y-%m-%d %H:%M:%S')"
echo "  commit:      $COMMIT"
echo "  CPU:         ${CPU:-unknown} (nproc $(nproc))"
echo "  memory:      ${MEM:-unknown}; kernel $(uname -r)"
echo "  runs:        wrk ${DURATION} s each, on loopback ($BASE)"

# ------------------------------------------------------------------ 1. build
if [ "$BUILD" = 1 ]; then
  step "1. build (release)"
  export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
  echo "setup: scripts/setup.sh --test (log: $OUT/setup.log)"
  scripts/setup.sh --test >"$OUT/setup.log" 2>&1 \
    || { tail -n 20 "$OUT/setup.log" >&2; die "scripts/setup.sh --test failed; see $OUT/setup.log"; }
  echo "build: cargo leptos build --release (log: $OUT/build.log)"
  t0=$(ms)
  cargo leptos build --release >"$OUT/build.log" 2>&1 \
    || { tail -n 30 "$OUT/build.log" >&2; die "cargo leptos build --release failed; see $OUT/build.log"; }
  echo "build: done in $(( ($(ms) - t0) / 1000 )) s"
else
  step "1. build: skipped (--no-build)"
fi
STEP="1. check the build and tools"
need wrk "run scripts/setup.sh --test, or apt-get install wrk"
need curl "apt-get install curl"
need python3 "Python 3.11 or newer"
[ -x "$BIN" ] || die "$BIN does not exist; build with 'cargo leptos build --release' or drop --no-build"
[ -d target/site ] || die "target/site does not exist; build with 'cargo leptos build --release'"
compgen -G 'target/site/pkg/*.wasm' >/dev/null \
  || echo "warning: target/site/pkg has no .wasm file (not a full build?); the size check will report it"
echo "binary: $BIN ($(( $(stat -c %s "$BIN") / 1048576 )) MiB)"

# ------------------------------------------------------------------ 2. data
step "2. database: demo data + $PLACES synthetic places"
rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"
"$BIN" --database-url "$DB_URL" load-demo >"$OUT/load-demo.log" 2>&1 \
  || { cat "$OUT/load-demo.log" >&2; die "load-demo failed"; }
grep -E '^loaded ' "$OUT/load-demo.log" | sed 's/^/load-demo: /' || true
python3 bench/gen_places.py --count "$PLACES" --city "$CITY" --out "$OUT/places.json" \
  || die "bench/gen_places.py failed"
echo "generated: $OUT/places.json ($PLACES places, $(kb "$(stat -c %s "$OUT/places.json")") KB)"
"$BIN" --database-url "$DB_URL" import-places "$OUT/places.json" >"$OUT/import.log" 2>&1 \
  || { cat "$OUT/import.log" >&2; die "import-places failed"; }
grep -E '^loaded ' "$OUT/import.log" | sed 's/^/import: /' || true
if grep -q '^warning:' "$OUT/import.log"; then
  echo "import: $(grep -c '^warning:' "$OUT/import.log") warnings (see $OUT/import.log)"
fi
python3 bench/gen_events.py --count "$EVENTS" --city "$CITY" --out "$OUT/events.json" \
  || die "bench/gen_events.py failed"
t0=$(ms)
"$BIN" --database-url "$DB_URL" import-events "$OUT/events.json" >"$OUT/import-events.log" 2>&1 \
  || { cat "$OUT/import-events.log" >&2; die "import-events failed"; }
echo "events: $(cat "$OUT/import-events.log") (synthetic, many recurring) in $(( $(ms) - t0 )) ms"

# ------------------------------------------------------------------ 3. server
step "3. server"
if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
  die "something already listens on $HOST:$PORT; stop it or set BENCH_PORT"
fi
env LEPTOS_OUTPUT_NAME=welcome-kit LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg \
  LEPTOS_SITE_ADDR="$HOST:$PORT" DATABASE_URL="$DB_URL" \
  "$BIN" serve >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
t0=$(ms)
until curl -fsS --max-time 2 -o /dev/null "$BASE/api/v1/cities" 2>/dev/null; do
  server_alive || { server_log_tail; die "the server exited during startup"; }
  [ $(( $(ms) - t0 )) -lt 60000 ] || { server_log_tail; die "$BASE/api/v1/cities did not answer within 60 s"; }
  sleep 0.2
done
read_rss
echo "server: pid $SERVER_PID, ready in $(( $(ms) - t0 )) ms, RSS at idle $(( RSS_KIB / 1024 )) MiB"

curl -fsS --max-time 10 "$BASE/api/v1/cities" -o "$OUT/cities.json" || die "GET /api/v1/cities failed"
TOTAL=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(next(c["places"] for c in d["cities"] if c["slug"]==sys.argv[2]))' \
  "$OUT/cities.json" "$CITY") || die "cannot read the $CITY place count from /api/v1/cities"
echo "data: $TOTAL published places in $CITY (demo + synthetic)"

WALK=$(python3 bench/parse.py walk "$BASE" "$CITY") || die "walking all pages of the places API failed"
read -r w_total w_pages w_secs <<<"$WALK"
echo "places API walk: all $w_total places in $w_pages pages of 200 (per_page max) took ${w_secs} s, one client, uncompressed"

# ------------------------------------------------------------------ 4. wrk
step "4. throughput and latency (wrk, Accept-Encoding: gzip)"
FROM=$(date -u +%Y-%m-%d)
TO=$(date -u -d '+30 days' +%Y-%m-%d)
NAMES=("places API, page 1" "places GeoJSON" "map page SSR" "events API, month" "events page SSR"
  "search, typo (cs)" "search, need (uk)" "near me (sorted)")
# The searches: "knihvna" (a letter missing) and "юрист" (a need named in
# Ukrainian), over the demo places and the synthetic ones.
PATHS=("/api/v1/places?city=$CITY&per_page=200" "/api/v1/places.geojson?city=$CITY" "/en/$CITY"
  "/api/v1/events?city=$CITY&from=$FROM&to=$TO&page=2" "/en/$CITY/events"
  "/api/v1/places?city=$CITY&q=knihvna" "/api/v1/places?city=$CITY&q=%D1%8E%D1%80%D0%B8%D1%81%D1%82"
  "/api/v1/places?city=$CITY&near=50.0813,14.4276")
for i in "${!PATHS[@]}"; do
  p=${PATHS[$i]}
  read -r code size < <(curl -sS --max-time 30 -o /dev/null -H 'Accept-Encoding: gzip' \
    -w '%{http_code} %{size_download}\n' "$BASE$p") || die "GET $p failed"
  [ "$code" = 200 ] || die "GET $p answered $code, expected 200"
  printf '  %-20s %-45s %8s KB gzip\n' "${NAMES[$i]}" "$p" "$(kb "$size")"
done
echo "  (the places API returns at most 200 places a page, so wrk measures page 1"
echo "   only: 200 of $TOTAL places; the GeoJSON and the map page carry all of them)"

PEAK_ALL=0
ROWS=()
for i in "${!PATHS[@]}"; do
  for conn in 1 16; do
    threads=$(( conn == 1 ? 1 : 2 ))
    log="$OUT/wrk-$i-c$conn.txt"
    printf '  running %-20s c%-2s ... ' "${NAMES[$i]}" "$conn"
    timeout $(( DURATION + 30 )) wrk -t"$threads" -c"$conn" -d"${DURATION}s" --timeout 10s --latency \
      -H 'Accept-Encoding: gzip' "$BASE${PATHS[$i]}" >"$log" 2>&1 &
    BG_PID=$!
    peak=0
    if [ "$conn" = 16 ]; then
      while kill -0 "$BG_PID" 2>/dev/null; do
        read_rss
        if [ "$RSS_KIB" -gt "$peak" ]; then peak=$RSS_KIB; fi
        sleep 0.2
      done
    fi
    wait "$BG_PID" || { BG_PID=""; echo; cat "$log" >&2; die "wrk failed or timed out on ${PATHS[$i]} (c$conn)"; }
    BG_PID=""
    server_alive || { echo; server_log_tail; die "the server died during the ${NAMES[$i]} c$conn run"; }
    stats=$(python3 bench/parse.py wrk "$log") || { echo; cat "$log" >&2; die "cannot parse wrk output ($log)"; }
    read -r rps p50 p99 reqs non2xx sockerr <<<"$stats"
    echo "$reqs requests"
    note=""
    if [ "$non2xx" != 0 ] || [ "$sockerr" != 0 ]; then
      note=" !! $non2xx non-2xx, $sockerr socket errors"
      FAILURES+=("${NAMES[$i]} c$conn: $non2xx non-2xx responses, $sockerr socket errors (see $log)")
    fi
    rss="-"
    if [ "$conn" = 16 ]; then
      rss=$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')
      if [ "$peak" -gt "$PEAK_ALL" ]; then PEAK_ALL=$peak; fi
    fi
    ROWS+=("$(printf '%-20s %5s %10s %9s %9s %12s%s' "${NAMES[$i]}" "$conn" "$rps" "$p50" "$p99" "$rss" "$note")")
  done
done
echo
printf '%-20s %5s %10s %9s %9s %12s\n' "endpoint" "conns" "req/s" "p50 ms" "p99 ms" "peak RSS MiB"
printf '%-20s %5s %10s %9s %9s %12s\n' "--------------------" "-----" "----------" "---------" "---------" "------------"
printf '%s\n' "${ROWS[@]}"
echo
echo "peak server RSS during the c16 runs: $(awk -v k="$PEAK_ALL" 'BEGIN { printf "%.1f", k / 1024 }') MiB (VmRSS, sampled every 0.2 s)"
# The search index's own size, as the server logged it when it built it.
INDEX_LINE=$(grep -m1 -o "search index for $CITY.*" "$OUT/server.log" || true)
echo "search index memory: ${INDEX_LINE:-not logged (no search ran?)}"

# ------------------------------------------------------------------ 5. size
step "5. first map view, compressed (Accept-Encoding: br, gzip; map tiles excluded)"
PAGE="/en/$CITY"
read -r code page_size page_enc < <(curl -sS --max-time 30 -H 'Accept-Encoding: br, gzip' \
  -o "$OUT/page.compressed" -w '%{http_code} %{size_download} %header{content-encoding}\n' "$BASE$PAGE") \
  || die "GET $PAGE failed"
[ "$code" = 200 ] || die "GET $PAGE answered $code, expected 200"
curl -sS --max-time 30 -o "$OUT/page.html" "$BASE$PAGE" || die "GET $PAGE (uncompressed) failed"
mapfile -t ASSETS < <(python3 bench/parse.py assets "$OUT/page.html" "$BASE$PAGE" \
  --wasm /pkg/welcome-kit.wasm \
  /map.js /vendor/leaflet/leaflet.js /vendor/leaflet/leaflet.css \
  /vendor/leaflet.markercluster/leaflet.markercluster.js \
  /vendor/leaflet.markercluster/MarkerCluster.css)
[ "${#ASSETS[@]}" -gt 0 ] || die "could not list the page's assets"

TOTAL_C=0
TOTAL_RAW=0
MISSING=0
printf '%-56s %6s %-5s %10s %10s\n' "file" "status" "enc" "KB sent" "KB raw"
printf '%-56s %6s %-5s %10s %10s\n' "$PAGE (HTML)" 200 "${page_enc:--}" "$(kb "$page_size")" \
  "$(kb "$(stat -c %s "$OUT/page.html")")"
TOTAL_C=$(( TOTAL_C + page_size ))
TOTAL_RAW=$(( TOTAL_RAW + $(stat -c %s "$OUT/page.html") ))
for a in "${ASSETS[@]}"; do
  read -r code csize enc < <(curl -sS --max-time 30 -o /dev/null -H 'Accept-Encoding: br, gzip' \
    -w '%{http_code} %{size_download} %header{content-encoding}\n' "$BASE$a") || die "GET $a failed"
  read -r rsize < <(curl -sS --max-time 30 -o /dev/null -w '%{size_download}\n' "$BASE$a") || die "GET $a failed"
  printf '%-56s %6s %-5s %10s %10s\n' "$a" "$code" "${enc:--}" "$(kb "$csize")" "$(kb "$rsize")"
  if [ "$code" != 200 ]; then
    FAILURES+=("first view: $a answered $code")
    MISSING=$(( MISSING + 1 ))
    continue
  fi
  TOTAL_C=$(( TOTAL_C + csize ))
  TOTAL_RAW=$(( TOTAL_RAW + rsize ))
done
printf '%-56s %6s %-5s %10s %10s\n' "total ($(( ${#ASSETS[@]} + 1 )) files)" "" "" "$(kb "$TOTAL_C")" "$(kb "$TOTAL_RAW")"
echo
if [ "$MISSING" -gt 0 ]; then
  echo "first map view: INCOMPLETE, $MISSING file(s) did not load; the rest is $(kb "$TOTAL_C") KB compressed (target $BUDGET_KB KB)"
elif [ "$TOTAL_C" -le $(( BUDGET_KB * 1000 )) ]; then
  echo "first map view: $(kb "$TOTAL_C") KB compressed, within the $BUDGET_KB KB target (1 KB = 1000 bytes)"
else
  echo "first map view: $(kb "$TOTAL_C") KB compressed, OVER the $BUDGET_KB KB target by $(kb $(( TOTAL_C - BUDGET_KB * 1000 ))) KB (1 KB = 1000 bytes)"
fi

# The scripts, styles and WebAssembly are the same in every language (the
# pages are rendered on the server; no translation table ships to the
# browser), so only the HTML differs: each language's first view is its
# page plus the shared files above.
ASSETS_C=$(( TOTAL_C - page_size ))
echo
printf '%-8s %12s %16s
' "language" "HTML KB sent" "first view KB"
for f in app/locales/*.json; do
  l=$(basename "$f" .json)
  read -r code lsize < <(curl -sS --max-time 30 -o /dev/null -H 'Accept-Encoding: br, gzip' \
    -w '%{http_code} %{size_download}\n' "$BASE/$l/$CITY") || die "GET /$l/$CITY failed"
  if [ "$code" != 200 ]; then
    FAILURES+=("first view in $l: /$l/$CITY answered $code")
    continue
  fi
  ltotal=$(( ASSETS_C + lsize ))
  verdict="within"
  [ "$ltotal" -le $(( BUDGET_KB * 1000 )) ] || verdict="OVER"
  printf '%-8s %12s %16s  %s the %s KB target\n' "$l" "$(kb "$lsize")" "$(kb "$ltotal")" "$verdict" "$BUDGET_KB"
done

# ------------------------------------------------------------------ done
STEP="summary"
if [ "${#FAILURES[@]}" -gt 0 ]; then
  echo
  echo "bench: FAILED: the run finished but some results are not valid:" >&2
  printf '  - %s\n' "${FAILURES[@]}" >&2
  exit 1
fi
echo
echo "bench: done (logs and raw wrk output in $OUT/)"
