# Sourced by the scripts: the same LEPTOS_* variables cargo-leptos sets for a
# debug build, so `cargo test` and `cargo leptos build` share compiled crates
# (leptos reads these at compile time; different values force a rebuild) and
# the server finds its site files at run time.
export LEPTOS_OUTPUT_NAME=welcome-kit
export LEPTOS_SITE_ROOT=target/site
export LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
export LEPTOS_RELOAD_PORT=3001
export LEPTOS_LIB_DIR=app
export LEPTOS_BIN_DIR=server
export LEPTOS_JS_MINIFY=false
export LEPTOS_HASH_FILES=false
