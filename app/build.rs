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
    locale_files()
}

/// `locale_files.rs`: every file under `locales/` with its language code,
/// so the server reads the need texts of every language without a list of
/// languages of its own.
fn locale_files() -> Result<(), Box<dyn Error>> {
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").ok_or("no manifest dir")?)
        .join("locales");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut code = String::from("&[\n");
    for f in files {
        let lang = f.file_stem().and_then(|s| s.to_str()).ok_or("bad file name")?;
        code += &format!("    ({lang:?}, include_str!({:?})),\n", f.display().to_string());
    }
    code += "]\n";
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?);
    std::fs::write(out.join("locale_files.rs"), code)?;
    Ok(())
}
