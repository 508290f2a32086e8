#!/usr/bin/env bash
# The offline city pack's size: for each demo city and interface language,
# the pages "Save … for offline" fetches (GET /api/v1/pack), summed as they
# travel (gzip) and as stored on the phone (decoded). Budget: 1.5 MB
# compressed for the demo city in one language.
#
# Usage: bench/pack.sh [LANG ...]   (default: en uk ar)
# Environment: BENCH_PORT (default 3098); BENCH_BIN (default
# target/release/welcome-kit, else target/debug/welcome-kit).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-3098}
BIN=${BENCH_BIN:-target/release/welcome-kit}
[ -x "$BIN" ] || BIN=target/debug/welcome-kit
LANGS=("$@"); [ ${#LANGS[@]} -gt 0 ] || LANGS=(en uk ar)
BASE="http://127.0.0.1:$PORT"
OUT=bench/out; mkdir -p "$OUT"; DB="$OUT/pack.db"; rm -f "$DB"*
BUDGET=$((1500 * 1000))

. scripts/leptos-env.sh
DATABASE_URL="sqlite://$DB" LEPTOS_SITE_ADDR="127.0.0.1:$PORT" "$BIN" serve --demo >"$OUT/pack-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/api/v1/cities" >/dev/null && break; sleep 1; done

echo "# offline city pack size"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  commit: $(git rev-parse --short HEAD)  machine: $(nproc) cores, $(uname -m), $(basename "$BIN") $( [ "$BIN" = target/release/welcome-kit ] && echo release || echo debug)"
printf '%-8s %-4s %6s %12s %12s %s\n' city lang pages gzip_bytes decoded_bytes budget
status=0
for city in $(curl -sf "$BASE/api/v1/cities" | python3 -c 'import json,sys; print(" ".join(c["slug"] for c in json.load(sys.stdin)["cities"]))'); do
  for lang in "${LANGS[@]}"; do
    urls=$(curl -sf "$BASE/api/v1/pack?city=$city&lang=$lang" | python3 -c 'import json,sys; print("\n".join(json.load(sys.stdin)["urls"]))')
    pages=0; gz=0; raw=0
    while read -r u; do
      [ -n "$u" ] || continue
      pages=$((pages + 1))
      gz=$((gz + $(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -H 'Accept: text/html' -w '%{size_download}' "$BASE$u")))
      raw=$((raw + $(curl -s -o /dev/null -H 'Accept: text/html' -w '%{size_download}' "$BASE$u")))
    done <<<"$urls"
    verdict=ok; [ "$gz" -le "$BUDGET" ] || { verdict="OVER (1.5 MB)"; status=1; }
    printf '%-8s %-4s %6d %12d %12d %s\n' "$city" "$lang" "$pages" "$gz" "$raw" "$verdict"
  done
done
exit $status
