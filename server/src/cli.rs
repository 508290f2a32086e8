//! Command line: `serve` (default), `migrate`, `add-city`, `import-places
//! FILE`, `load-demo`, `create-admin --email ADDRESS` and the rest below.
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
    /// Add a city: its map, lists, registration and moderation work at once.
    /// Example: add-city --slug brno --name Brno --lat 49.1951 --lon 16.6068
    /// --time-zone Europe/Prague --country CZ --language cs --name-in uk=Брно
    AddCity {
        /// The city's part of the address: lowercase letters, digits, hyphens.
        #[arg(long)]
        slug: String,
        /// The city's name in its own language.
        #[arg(long)]
        name: String,
        /// The English name, when it differs (Prague for Praha).
        #[arg(long)]
        name_en: Option<String>,
        /// The name in an interface language, as language=name; repeatable.
        #[arg(long = "name-in")]
        names: Vec<String>,
        /// Latitude of the map's centre.
        #[arg(long, allow_hyphen_values = true)]
        lat: f64,
        /// Longitude of the map's centre.
        #[arg(long, allow_hyphen_values = true)]
        lon: f64,
        /// Time zone of the time-zone database, e.g. Europe/Prague.
        #[arg(long)]
        time_zone: String,
        /// Two-letter ISO 3166 country code (public holidays for "open now").
        #[arg(long)]
        country: String,
        /// ISO 639 code of the city's language, e.g. cs.
        #[arg(long)]
        language: String,
        /// Map bounds south,west,north,east (default: about 33 × 36 km
        /// around the centre).
        #[arg(long, allow_hyphen_values = true)]
        bounds: Option<String>,
        /// The map's starting zoom (default 12).
        #[arg(long)]
        zoom: Option<i64>,
        /// The city's address lookup (ruian: Czech address points); without
        /// one, places get a map pin and typed coordinates.
        #[arg(long)]
        address_lookup: Option<String>,
    },
    /// Add a place or event category; it shows in the filters, forms,
    /// imports and API at once. Example: add-category --key housing
    /// --name-in en=Housing --name-in cs=Bydlení --name-in uk=Житло
    AddCategory {
        /// Lowercase letters and underscores, e.g. housing.
        #[arg(long)]
        key: String,
        /// What it sorts: place (the default) or event.
        #[arg(long = "for", default_value = "place")]
        kind: String,
        /// The name in an interface language, as language=name; repeatable;
        /// English is required (it stands in for languages without a name).
        #[arg(long = "name-in")]
        names: Vec<String>,
    },
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
