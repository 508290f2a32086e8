#!/usr/bin/env bash
# Runs every test: formatting and lints, Rust unit and integration tests on
# SQLite and PostgreSQL, and the Playwright suite in Chromium (JS on and off).
# Prints how long each phase took at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

phases=()
started=$(date +%s)
phase_start=$started
phase_name=""
say() { printf '\n== %s\n' "$*"; }
phase() {
  local now; now=$(date +%s)
  [ -n "$phase_name" ] && phases+=("$(printf '%-28s %4ds' "$phase_name" $((now - phase_start)))")
  phase_name="$1"; phase_start=$now
  [ -n "$1" ] && say "$1"
  return 0
}
report() {
  phase ""
  say "phase times"
  printf '%s\n' "${phases[@]}"
  printf '%-28s %4ds\n' "total" $(($(date +%s) - started))
}
trap report EXIT

phase "setup"
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
. scripts/leptos-env.sh

# A from-scratch run gains nothing from incremental caches, which take
# gigabytes of the CI machine's disk.
export CARGO_INCREMENTAL=0

TEST_POSTGRES_URL=$(scripts/postgres.sh | tail -n 1)
export TEST_POSTGRES_URL

phase "format and lints"
cargo fmt --all -- --check
cargo clippy -p app --features ssr --all-targets -- -D warnings
cargo clippy -p welcome-kit --all-targets -- -D warnings
cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings

phase "build the site"
cargo leptos build

phase "Rust tests"
cargo test -p app --features ssr
cargo test -p welcome-kit

phase "browser tests"
cd end2end
npx playwright test
