#!/usr/bin/env bash
# Builds Welcome Kit (release) and serves it on SQLite with the demo data.
# The first run installs the tools (about 20 minutes); later runs start in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo leptos build --release
export LEPTOS_OUTPUT_NAME=welcome-kit LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
export DATABASE_URL="${DATABASE_URL:-sqlite://data/welcome-kit.db}"
exec target/release/welcome-kit serve --demo
