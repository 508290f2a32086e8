#!/usr/bin/env bash
# Builds Welcome Kit (release) and serves it on SQLite with the demo data.
# The first run installs the tools and builds (about 35 minutes on a 2-core
# machine, see the README); later runs start in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo leptos build --release
. scripts/leptos-env.sh
export DATABASE_URL="${DATABASE_URL:-sqlite://data/welcome-kit.db}"
exec target/release/welcome-kit serve --demo
