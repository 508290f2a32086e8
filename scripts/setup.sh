#!/usr/bin/env bash
# Installs what building Welcome Kit needs, skipping what is already there.
# Usage: scripts/setup.sh [--test]   (--test adds Chromium and PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# cargo-leptos 0.3.11 needs a newer rustc than this machine's; 0.3.10 with
# no_downloads uses the wasm-bindgen and wasm-opt found on PATH.
if ! cargo leptos --version 2>/dev/null | grep -q '0\.3\.10'; then
  say "installing cargo-leptos 0.3.10 (takes about 12 minutes once)"
  cargo install cargo-leptos --version 0.3.10 --locked --features no_downloads
fi

WBG=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG\$"; then
  say "installing wasm-bindgen-cli $WBG (must match Cargo.lock)"
  cargo install wasm-bindgen-cli --version "$WBG"
fi

# Leaflet, binaryen's wasm-opt and the test tools come from the npm registry.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi
mkdir -p public/vendor/leaflet public/vendor/leaflet.markercluster
cp -r node_modules/leaflet/dist/. public/vendor/leaflet/
cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
   node_modules/leaflet.markercluster/dist/MarkerCluster.css \
   node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css public/vendor/leaflet.markercluster/

if [ "${1:-}" = "--test" ]; then
  # The tests format-check with rustfmt and compile our crates through clippy.
  for component in clippy rustfmt; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "adding the $component component"
      rustup component add "$component"
    fi
  done
  missing=()
  command -v chromium-headless-shell >/dev/null || missing+=(chromium-headless-shell)
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  command -v wrk >/dev/null || missing+=(wrk)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
