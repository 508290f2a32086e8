//! Generates the `i18n` module from `locales/*.json` (leptos_i18n).
//! Adding a language is adding its file under `locales/` (named by its
//! language code, e.g. `mn.json`): every file there is a locale, English is
//! the default and the reference the others are checked against.
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    // The data layer embeds the migrations (`sqlx::migrate!`).
    println!("cargo::rerun-if-changed=../migrations");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?).join("i18n");
    let mut cfg = Config::new("en")?;
    for (code, _) in locale_paths()? {
        if code != "en" {
            cfg = cfg.add_locale(&code)?;
        }
    }
    let cfg = cfg.parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    locale_files()
}

/// `locale_files.rs`: every file under `locales/` with its language code,
/// so the server reads the need texts of every language without a list of
/// languages of its own.
fn locale_files() -> Result<(), Box<dyn Error>> {
    let mut code = String::from("&[\n");
    for (lang, f) in locale_paths()? {
        code += &format!("    ({lang:?}, include_str!({:?})),\n", f.display().to_string());
    }
    code += "]\n";
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?);
    std::fs::write(out.join("locale_files.rs"), code)?;
    Ok(())
}

/// The files under `locales/` with their language codes, sorted by code.
fn locale_paths() -> Result<Vec<(String, PathBuf)>, Box<dyn Error>> {
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").ok_or("no manifest dir")?)
        .join("locales");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "json") {
            let code = path.file_stem().and_then(|s| s.to_str()).ok_or("bad file name")?;
            files.push((code.to_string(), path.clone()));
        }
    }
    files.sort();
    Ok(files)
}
