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

# Incremental compilation stays on (cargo's default for debug builds): it
# covers only our two crates, and after a change to one file it is what
# keeps the rebuilds short.
unset CARGO_INCREMENTAL

TEST_POSTGRES_URL=$(scripts/postgres.sh | tail -n 1)
export TEST_POSTGRES_URL

phase "format and lints"
cargo fmt --all -- --check
# The browser side's lints share nothing with the other builds, so they run
# beside them in a target directory of their own, filling the time the
# other builds leave a core idle (linking, the app crate's single-threaded
# front end); the browser tests wait for them.
mkdir -p target
cargo clippy -p app --features hydrate --target wasm32-unknown-unknown \
  --target-dir target/lint-wasm -- -D warnings >target/lint-wasm.log 2>&1 &
wasm_lints=$!
# The server and the app's server side (and every test) in one pass: the
# workspace builds the app with `ssr`.
cargo clippy --workspace --all-targets -- -D warnings

phase "build the site"
cargo leptos build

phase "Rust tests"
# One invocation: the app's unit tests and the integration tests compile
# side by side and share the libraries the site build made.
cargo test --workspace

phase "browser-side lints (started with the lints)"
if ! wait "$wasm_lints"; then
  cat target/lint-wasm.log
  echo "clippy on the browser side failed" >&2
  exit 1
fi

phase "browser tests"
cd end2end
npx playwright test
