#!/usr/bin/env bash
# Runs every test: formatting and lints, Rust unit and integration tests on
# SQLite and PostgreSQL, and the Playwright suite in Chromium (JS on and off).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
. scripts/leptos-env.sh

# A from-scratch run gains nothing from incremental caches, which take
# gigabytes of the CI machine's disk.
export CARGO_INCREMENTAL=0

say() { printf '\n== %s\n' "$*"; }

say "PostgreSQL"
TEST_POSTGRES_URL=$(scripts/postgres.sh | tail -n 1)
export TEST_POSTGRES_URL

say "format and lints"
cargo fmt --all -- --check
cargo clippy -p app --features ssr --all-targets -- -D warnings
cargo clippy -p welcome-kit --all-targets -- -D warnings
cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings

say "build the site (the server tests serve its files)"
cargo leptos build

say "Rust tests (SQLite and PostgreSQL)"
cargo test -p app --features ssr
cargo test -p welcome-kit

say "browser tests (Chromium)"
cd end2end
npx playwright test
