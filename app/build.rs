//! Generates the `i18n` module from `locales/*.json` (leptos_i18n).
//! Adding a language: add its file under `locales/` and one `.add_locale(..)` line below.
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    // The data layer embeds the migrations (`sqlx::migrate!`).
    println!("cargo::rerun-if-changed=../migrations");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?).join("i18n");
    let cfg = Config::new("en")?
        .add_locale("cs")?
        .add_locale("sk")?
        .add_locale("uk")?
        .add_locale("ru")?
        .add_locale("vi")?
        .add_locale("ar")?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}
