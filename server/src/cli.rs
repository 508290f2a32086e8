//! Command line: `serve` (default), `migrate`, `import-places FILE`,
//! `load-demo`, `create-admin --email ADDRESS`.
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "welcome-kit",
    version,
    about = "Welcome Kit: places, stories and help for newcomers"
)]
pub struct Cli {
    /// sqlite://PATH (default) or postgres://USER:PASSWORD@HOST/DB
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/welcome-kit.db",
        global = true
    )]
    pub database_url: String,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the site (address from LEPTOS_SITE_ADDR), migrating first.
    Serve {
        /// Load the demo data when the database has no places yet.
        #[arg(long, env = "WK_DEMO")]
        demo: bool,
        /// Folder with prague-address-points.csv.gz and prague-districts.geojson
        /// for the demo's address lookup.
        #[arg(long, env = "WK_SHARED_DATA", default_value = "../shared/data")]
        shared_data: PathBuf,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Import or update places from a JSON file (all or nothing).
    ImportPlaces {
        file: PathBuf,
        /// Folder with the Prague address points and districts, to locate
        /// places that have an address but no coordinates.
        #[arg(long)]
        addresses: Option<PathBuf>,
    },
    /// Import or update events from a JSON file (the format of
    /// data/demo/events.json), all or nothing.
    ImportEvents { file: PathBuf },
    /// Create the first admin (or make an existing account admin). The
    /// password is asked for on the terminal, or read from the first line of
    /// standard input when that is not a terminal.
    CreateAdmin {
        #[arg(long)]
        email: String,
    },
    /// Give an account a role: member, moderator (of one city with --city,
    /// else of every city) or admin.
    SetRole {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
        #[arg(long)]
        city: Option<String>,
    },
    /// Remind organisations of listings not confirmed for --days (default
    /// 180) days, by e-mail/outbox; at most once a month per listing. Run it
    /// daily (cron or a systemd timer).
    RemindStale {
        #[arg(long, env = "WK_STALE_DAYS", default_value_t = 180)]
        days: i64,
        /// Base URL for the dashboard link in the message.
        #[arg(long, env = "WK_PUBLIC_URL", default_value = "http://127.0.0.1:3000")]
        public_url: String,
    },
    /// Delete interest requests kept past their time (the server also does
    /// it hourly).
    PurgeInterest,
    /// Load (or refresh) the demo places and stories.
    LoadDemo {
        #[arg(long, env = "WK_SHARED_DATA", default_value = "../shared/data")]
        shared_data: PathBuf,
    },
}
