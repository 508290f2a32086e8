//! Integration tests: the real app, spawned on real SQLite files and a real
//! PostgreSQL server, driven over HTTP. One test binary, so the suite links
//! once and its tests run side by side.

#[macro_use]
mod common;

mod accounts;
mod api;
mod assign;
mod audit_log;
mod call_off;
mod categories;
mod cities;
mod cli;
mod data;
mod digest;
mod direct_create;
mod direct_edit;
mod events;
mod field_decisions;
mod freshness;
mod groups;
mod hours_editor;
mod informal_groups;
mod layers;
mod listing_proposals;
mod listings;
mod locate;
mod mail;
mod members;
mod moderation;
mod offline;
mod page_errors;
mod relevance;
mod reopen;
mod reports;
mod role_matrix;
mod schema;
mod staff;
mod statistics;
mod story_editor;
mod takeover;
mod translated_titles;
mod translations;
mod unchanged;
mod upgrade;
mod volunteering;
