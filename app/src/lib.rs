//! Welcome Kit: the Leptos application (pages, components, server functions)
//! and, behind the `ssr` feature, the domain services and data layer.
#![recursion_limit = "512"]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod accounts;
pub mod app;
pub mod categories;
pub mod cities;
pub mod components;
pub mod events;
pub mod forms;
pub mod groups;
pub mod http;
pub mod kinds;
pub mod listing;
pub mod locale;
pub mod moderation;
pub mod page_error;
pub mod pages;
pub mod places;
pub mod stories;
pub mod values;
pub mod volunteering;

#[cfg(feature = "ssr")]
pub mod calendar;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod error;
#[cfg(feature = "ssr")]
pub mod geocode;
#[cfg(feature = "ssr")]
pub mod limits;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod state;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
