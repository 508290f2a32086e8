#![recursion_limit = "512"]
use app::db::Db;
use app::state::Config;
use clap::Parser;
use leptos::config::get_configuration;
use std::path::Path;
use std::process::ExitCode;
use welcome_kit::cli::{Cli, Command};

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("welcome-kit: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn open(url: &str) -> Result<Db, String> {
    let db = Db::connect(url).await.map_err(|e| e.to_string())?;
    db.migrate().await.map_err(|e| e.to_string())?;
    Ok(db)
}

fn shared_dir(dir: &Path) -> Option<&Path> {
    let ok = dir.join("prague-address-points.csv.gz").is_file()
        && dir.join("prague-districts.geojson").is_file();
    if !ok {
        eprintln!(
            "note: {} has no address data; places without coordinates stay unlocated",
            dir.display()
        );
    }
    ok.then_some(dir)
}

fn read_address_data(dir: &Path) -> Result<app::geocode::GeoData, String> {
    app::geocode::GeoData::load(dir).map_err(|e| e.to_string())
}

fn print_report(r: &app::demo::LoadReport) {
    println!(
        "loaded {} places, {} stories, {} events, {} volunteering opportunities, {} community groups and {} translated texts",
        r.places, r.stories, r.events, r.opportunities, r.groups, r.translations
    );
    if let Some(g) = &r.geocode {
        println!(
            "address lookup: {} located ({}), {} districts set, {} still without location",
            g.located.len(),
            g.located.join(", "),
            g.districts_set,
            g.still_unlocated.len()
        );
    }
    for w in &r.warnings {
        println!("warning: {w}");
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    let command =
        cli.command.unwrap_or(Command::Serve { demo: false, shared_data: "../shared/data".into() });
    match command {
        Command::Migrate => {
            open(&cli.database_url).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::AddCity {
            slug,
            name,
            name_en,
            names,
            lat,
            lon,
            time_zone,
            country,
            language,
            bounds,
            zoom,
            address_lookup,
        } => {
            let city = app::cities::new::CityInput {
                slug,
                name,
                name_en,
                lat,
                lon,
                time_zone,
                country,
                language,
                names,
                bounds,
                zoom,
                address_lookup,
            }
            .check()
            .map_err(|errors| lines(&errors))?;
            let db = open(&cli.database_url).await?;
            let now = app::values::Timestamp::from(chrono_now());
            if !db.add_city(&city, None, now).await.map_err(|e| e.to_string())? {
                return Err(app::cities::new::CityError::Exists(city.slug.into()).to_string());
            }
            println!("added {} ({})", city.name_local, city.slug);
            Ok(())
        }
        Command::AddCategory { key, kind, names } => {
            let category = app::categories::new::check(&key, &kind, &names)
                .map_err(|errors| lines(&errors))?;
            let db = open(&cli.database_url).await?;
            let now = app::values::Timestamp::from(chrono_now());
            if !db.add_category(&category, None, now).await.map_err(|e| e.to_string())? {
                return Err(app::categories::new::CategoryError::Exists(category.key).to_string());
            }
            println!("added category {}", category.key);
            Ok(())
        }
        Command::ImportPlaces { file, addresses } => {
            let db = open(&cli.database_url).await?;
            let json = std::fs::read_to_string(&file)
                .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let geo = addresses.as_deref().map(read_address_data).transpose()?;
            let (report, _) = app::demo::import_places(&db, &json, geo.as_ref())
                .await
                .map_err(|e| format!("{}: {e}; nothing was imported", file.display()))?;
            print_report(&report);
            Ok(())
        }
        Command::ImportEvents { file } => {
            let db = open(&cli.database_url).await?;
            let json = std::fs::read_to_string(&file)
                .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let n = app::demo::import_events(&db, &json)
                .await
                .map_err(|e| format!("{}: {e}; nothing was imported", file.display()))?;
            println!("loaded {n} events");
            Ok(())
        }
        Command::CreateAdmin { email } => {
            let db = open(&cli.database_url).await?;
            let password = read_password()?;
            let id =
                app::accounts::service::create_admin(&db, &email, &password, chrono_now()).await?;
            // As stored: e-mail addresses are kept trimmed and lower-cased.
            println!("admin {} ready (user {id})", email.trim().to_lowercase());
            Ok(())
        }
        Command::SetRole { email, role, city } => {
            let db = open(&cli.database_url).await?;
            app::moderation::service::set_role(&db, &email, &role, city.as_deref(), chrono_now())
                .await?;
            println!("{email} is now {role}");
            Ok(())
        }
        Command::RemindStale { days, public_url } => {
            let db = open(&cli.database_url).await?;
            let base = public_url.trim_end_matches('/');
            let now = chrono_now();
            let sent = app::listing::freshness::remind(&db, days, base, now)
                .await
                .map_err(|e| e.to_string())?
                + app::groups::freshness::remind(&db, days, base, now)
                    .await
                    .map_err(|e| e.to_string())?;
            println!("{sent} reminder(s) queued");
            Ok(())
        }
        Command::PurgeInterest => {
            let db = open(&cli.database_url).await?;
            let n = app::volunteering::interest::purge(&db, chrono_now())
                .await
                .map_err(|e| e.to_string())?;
            println!("{n} expired interest request(s) deleted");
            Ok(())
        }
        Command::LoadDemo { shared_data } => {
            let db = open(&cli.database_url).await?;
            let geo = shared_dir(&shared_data).map(read_address_data).transpose()?;
            let report = app::demo::load_demo(&db, geo.as_ref()).await?;
            print_report(&report);
            Ok(())
        }
        Command::Serve { demo, shared_data } => {
            let db = open(&cli.database_url).await?;
            if demo && db.count_places().await.map_err(|e| e.to_string())? == 0 {
                let geo = shared_dir(&shared_data).map(read_address_data).transpose()?;
                let report = app::demo::load_demo(&db, geo.as_ref()).await?;
                print_report(&report);
            }
            let conf = get_configuration(None).map_err(|e| format!("configuration: {e}"))?;
            let options = conf.leptos_options;
            let addr = options.site_addr;
            let mut config = Config::default();
            if let Ok(url) = std::env::var("WK_TILE_URL") {
                config.tile_url = url;
            }
            if let Ok(a) = std::env::var("WK_TILE_ATTRIBUTION") {
                config.tile_attribution = a;
            }
            config.public_url = std::env::var("WK_PUBLIC_URL").ok();
            if let Some(n) = env_number("WK_FORM_POSTS_PER_MINUTE")? {
                config.form_posts_per_minute = n;
            }
            if let Some(n) = env_number("WK_FORM_POSTS_BURST")? {
                config.form_posts_burst = n;
            }
            if let Some(n) = env_number("WK_STALE_DAYS")? {
                config.stale_days = n.into();
            }
            if let Some(n) = env_number("WK_INTEREST_DAYS")? {
                config.interest_retention_days = n.into();
            }
            config.offline = std::env::var("WK_OFFLINE").map_or(true, |v| v != "off");
            config.address_data = shared_dir(&shared_data).map(Path::to_path_buf);
            config.smtp_url = std::env::var("WK_SMTP_URL").ok().filter(|u| !u.is_empty());
            if let Ok(from) = std::env::var("WK_MAIL_FROM") {
                config.mail_from = from;
            }
            match &config.smtp_url {
                Some(url) => {
                    let mailer = app::mail::Mailer::new(url, &config.mail_from)
                        .map_err(|e| e.to_string())?;
                    app::mail::spawn_sender(db.clone(), mailer, std::time::Duration::from_secs(10));
                }
                None => println!("no WK_SMTP_URL: messages stay in the outbox (admin page)"),
            }
            let state = welcome_kit::state(db, options, config);
            // Read the address data now rather than on the first place form.
            let geo = state.geo.clone();
            tokio::spawn(async move { geo.ready().await });
            // Hourly: interest requests past their time are deleted,
            // moderators get their daily digest once it is morning, and
            // organisations are reminded of listings nobody confirmed for
            // long (each at most once a month, so running often is safe).
            let hourly_db = state.db.clone();
            let stale_days = state.config.stale_days;
            let digest_base = app::state::base_url_from(&state, &Default::default());
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
                loop {
                    tick.tick().await;
                    let now = chrono::Utc::now();
                    let (db, base) = (&hourly_db, digest_base.as_str());
                    let purged = app::volunteering::interest::purge(db, now).await;
                    log_job(
                        purged,
                        "deleted",
                        "expired interest request(s)",
                        "purging interest requests",
                    );
                    let digests = app::moderation::digest::send_digests(db, base, now).await;
                    log_job(digests, "queued", "moderator digest(s)", "moderator digests");
                    let listings = app::listing::freshness::remind(db, stale_days, base, now).await;
                    log_job(listings, "queued", "freshness reminder(s)", "freshness reminders");
                    let groups = app::groups::freshness::remind(db, stale_days, base, now).await;
                    log_job(
                        groups,
                        "queued",
                        "group profile reminder(s)",
                        "group profile reminders",
                    );
                }
            });
            let app = welcome_kit::app(state);
            let listener = tokio::net::TcpListener::bind(&addr)
                .await
                .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
            println!("Welcome Kit is running at http://{addr}/");
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = tokio::signal::ctrl_c().await;
                })
                .await
                .map_err(|e| e.to_string())
        }
    }
}

/// A password from the terminal (not echoed) or from standard input's first line.
fn read_password() -> Result<String, String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ").map_err(|e| e.to_string())?;
        let again = rpassword::prompt_password("Password again: ").map_err(|e| e.to_string())?;
        if first != again {
            return Err("the two passwords differ".into());
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}

fn chrono_now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// Every problem of a refused input, one per line.
fn lines(errors: &[impl std::fmt::Display]) -> String {
    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

fn env_number(name: &str) -> Result<Option<u32>, String> {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| format!("{name} must be a whole number, not `{v}`")),
        Err(_) => Ok(None),
    }
}

/// What an hourly job did ("queued 3 moderator digest(s)"; nothing when it
/// had nothing to do), or why it failed.
fn log_job<N, E>(result: Result<N, E>, verb: &str, what: &str, failed: &str)
where
    N: std::fmt::Display + PartialEq + Default,
    E: std::fmt::Display,
{
    match result {
        Ok(n) if n == N::default() => {}
        Ok(n) => println!("{verb} {n} {what}"),
        Err(e) => eprintln!("{failed}: {e}"),
    }
}
