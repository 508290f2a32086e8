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

phase "format"
cargo fmt --all -- --check
# cargo fmt reaches only the modules it sees declared; modules declared
# through a macro (`server_only!`) are checked by naming every file.
find app server -name '*.rs' -not -path '*/target/*' -print0 | xargs -0 rustfmt --edition 2021 --check

# Clippy runs as the compiler of our two crates in the builds below
# (cargo passes RUSTC_WORKSPACE_WRAPPER for workspace members only), with
# warnings as errors: the site build lints the server and the app on both
# sides (server and WebAssembly), the test build lints every test. The
# same lints as `cargo clippy --workspace --all-targets` plus the wasm32
# pass, without the separate metadata-only compile of every dependency
# that each `cargo clippy` run costs (about 9 minutes here from a clean
# clone).
RUSTC_WORKSPACE_WRAPPER="$(rustc --print sysroot)/bin/clippy-driver"
CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
export RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS

phase "build the site (with lints)"
cargo leptos build

phase "Rust tests (with lints)"
# One invocation: the app's unit tests and the integration tests compile
# side by side and share the libraries the site build made.
cargo test --workspace

phase "browser tests"
cd end2end
npx playwright test
