//! The `accord` command: run the server, the demo, migrations, and account administration.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use accord_core::language::Language;
use accord_core::people::{NewUser, Role};
use accord_store::Store;
use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

mod config;
mod policy_cmd;
mod serve;

use config::Settings;

/// Bulk work (a publication re-evaluating every open case) allocates and frees a lot at
/// once; mimalloc reuses that memory instead of faulting fresh pages in each time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "accord",
    version,
    about = "Customer service run by your service policy"
)]
struct Cli {
    /// Configuration file (TOML); defaults to ./accord.toml when it exists.
    #[arg(long, global = true, env = "ACCORD_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web interface and API.
    Serve,
    /// Serve with a demo data set in four languages (created on first run) and print the logins.
    Demo {
        /// Delete the demo database first and generate a new one.
        #[arg(long)]
        fresh: bool,
        /// How many cases to generate (300 by default; use e.g. 100000 for benchmarks).
        #[arg(long, default_value_t = 300)]
        cases: usize,
        /// Generate the data and exit without serving.
        #[arg(long)]
        no_serve: bool,
    },
    /// Create or update the database schema.
    Migrate,
    /// Take one email message from standard input (as an MTA's pipe delivers it), store it
    /// and file it into a case. Exit status 0 once it is stored, 75 (try again later) if it
    /// could not be, 65 if it never will be (too large, empty).
    IngestEmail {
        /// The configured mailbox it was delivered to (its team and procedure apply).
        #[arg(long)]
        mailbox: Option<String>,
        /// The envelope sender (MAIL FROM), if the MTA passes it.
        #[arg(long)]
        sender: Option<String>,
        /// The envelope recipients.
        #[arg(long)]
        recipient: Vec<String>,
    },
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Work with service policy files.
    Policy {
        #[command(subcommand)]
        command: PolicyCommand,
    },
}

#[derive(Subcommand)]
enum PolicyCommand {
    /// Check a policy file: syntax and schema with line and column, then the policy checks.
    /// Exit status 0 without errors, 1 with errors, 2 when the file cannot be read.
    Check {
        file: PathBuf,
        /// Language of the messages (en, es, pt, lv); default from the locale.
        #[arg(long)]
        lang: Option<String>,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a user; asks for the password on the terminal when --password is not given.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// agent, supervisor, admin or customer
        #[arg(long)]
        role: String,
        #[arg(long)]
        password: Option<String>,
        /// en, es, pt or lv
        #[arg(long, default_value = "en")]
        language: String,
    },
    /// Set a user's password; asks on the terminal when --password is not given. Every
    /// session of the user ends.
    Password {
        #[arg(long)]
        email: String,
        #[arg(long)]
        password: Option<String>,
    },
    /// Deactivate a user: they cannot sign in, their sessions end and their API tokens are
    /// refused on every node at once, until they are reactivated.
    Deactivate {
        #[arg(long)]
        email: String,
    },
    /// Reactivate a deactivated user: they can sign in again, and their tokens that were
    /// neither revoked nor expired work again.
    Reactivate {
        #[arg(long)]
        email: String,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create an API token for a user and print it (it is shown only once).
    Create {
        /// The user's email address.
        #[arg(long)]
        user: String,
        /// A name to recognise the token by.
        #[arg(long, default_value = "cli")]
        name: String,
        /// When it stops working: the last day it works (2027-01-31, in the configured time
        /// zone) or an instant (2027-01-31T18:00:00Z). Without it, it works until revoked.
        #[arg(long)]
        expires: Option<String>,
    },
    /// List a user's API tokens (never their secrets), newest first.
    List {
        /// The user's email address.
        #[arg(long)]
        user: String,
    },
    /// Revoke an API token by its id (from `token list`): every node refuses it at once.
    Revoke { id: uuid::Uuid },
}

/// `--expires`: an instant, or the last day a token works (it stops at the next midnight).
fn parse_expiry(text: &str, zone: &jiff::tz::TimeZone) -> Result<jiff::Timestamp> {
    if let Ok(at) = text.parse::<jiff::Timestamp>() {
        return Ok(at);
    }
    text.parse::<jiff::civil::Date>()
        .ok()
        .and_then(|day| day.tomorrow().ok())
        .and_then(|next| next.to_zoned(zone.clone()).ok())
        .map(|z| z.timestamp())
        .with_context(|| {
            format!("--expires: {text:?} is neither a date such as 2027-01-31 nor an instant such as 2027-01-31T18:00:00Z")
        })
}

/// The user with this address, active or not.
async fn user_by_email(store: &Store, email: &str) -> Result<accord_core::ids::UserId> {
    store
        .user_id_by_email(email)
        .await?
        .with_context(|| format!("no user has the email address {email}"))
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    // Checking a file needs neither settings nor a database.
    if let Command::Policy {
        command: PolicyCommand::Check { file, lang },
    } = &cli.command
    {
        let tr = accord_i18n::Tr::new(policy_cmd::language(lang.as_deref()));
        return policy_cmd::check(file, &tr);
    }
    let result = Settings::load(cli.config.as_deref()).and_then(|settings| {
        init_logging(&settings);
        let runtime = runtime().context("starting the async runtime")?;
        runtime.block_on(run(cli.command, settings))
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// SQLite statements run on the async worker threads (they take microseconds, less than a
/// hand-off to another thread), so a worker is sometimes busy in SQLite; with more workers
/// than cores another request proceeds meanwhile. Measured on 2 cores: p99 of reading a case
/// at 64 clients 11.9 ms with 2 workers, 9.6 ms with 6. `TOKIO_WORKER_THREADS` overrides.
fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    if std::env::var_os("TOKIO_WORKER_THREADS").is_none() {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        builder.worker_threads(cores * 3);
    }
    builder.enable_all().build()
}

fn init_logging(settings: &Settings) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("ACCORD_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if settings.json_logs {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn open_store(settings: &Settings) -> Result<Store> {
    if let Some(path) = settings.sqlite_path()
        && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("creating data directory {}", dir.display()))?;
    }
    let store = Store::connect(&settings.store_options())
        .await
        .context("connecting to the database")?;
    store.migrate().await.context("migrating the database")?;
    Ok(store)
}

async fn run(command: Command, settings: Settings) -> Result<()> {
    match command {
        Command::Serve => {
            let store = open_store(&settings).await?;
            serve::serve(store, &settings, None).await
        }
        Command::Demo {
            fresh,
            cases,
            no_serve,
        } => {
            if fresh {
                let Some(path) = settings.sqlite_path() else {
                    bail!(
                        "--fresh only deletes SQLite demo databases; drop the PostgreSQL database yourself"
                    )
                };
                for suffix in ["", "-wal", "-shm"] {
                    let file = PathBuf::from(format!("{}{suffix}", path.display()));
                    if file.exists() {
                        std::fs::remove_file(&file)
                            .with_context(|| format!("deleting {}", file.display()))?;
                    }
                }
            }
            let store = open_store(&settings).await?;
            let logins = if store
                .find_user_by_email("admin@demo.accord")
                .await?
                .is_none()
            {
                if store.has_users().await? {
                    bail!(
                        "this database already has users but no demo data; use an empty database (or --fresh for the SQLite demo)"
                    );
                }
                eprintln!("Generating demo data ({cases} cases)…");
                let options = accord_demo::DemoOptions {
                    cases,
                    ..Default::default()
                };
                let started = std::time::Instant::now();
                let summary =
                    accord_demo::generate(&store, &options, jiff::Timestamp::now()).await?;
                eprintln!(
                    "Created {} organizations, {} contacts, {} cases with {} conversation entries and {} survey answers in {:.1} s.",
                    summary.organizations,
                    summary.contacts,
                    summary.cases,
                    summary.entries,
                    summary.survey_answers,
                    started.elapsed().as_secs_f64()
                );
                summary.logins
            } else {
                accord_demo::demo_logins(&store).await?
            };
            if no_serve {
                return Ok(());
            }
            // The demo takes mail: SMTP on loopback unless set otherwise.
            let mut settings = settings;
            if settings.mail_listen.smtp.is_none() {
                settings.mail_listen.smtp =
                    Some(std::net::SocketAddr::from(([127, 0, 0, 1], 2525)));
            }
            if settings.mail.address.is_none() {
                settings.mail.address = Some("support@demo.accord".into());
            }
            serve::serve(store, &settings, Some(&logins)).await
        }
        Command::IngestEmail {
            mailbox,
            sender,
            recipient,
        } => ingest_email(&settings, mailbox, sender, recipient).await,
        Command::Migrate => {
            open_store(&settings).await?;
            eprintln!("The database schema is up to date.");
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Create {
                    email,
                    name,
                    role,
                    password,
                    language,
                },
        } => {
            let role = Role::parse(&role).with_context(|| {
                format!("--role: {role:?} is not one of agent, supervisor, admin, customer")
            })?;
            let language = Language::from_tag(&language).with_context(|| {
                format!("--language: {language:?} is not one of en, es, pt, lv")
            })?;
            let password = match password {
                Some(p) => p,
                None => ask_password()?,
            };
            let store = open_store(&settings).await?;
            let new = NewUser {
                email,
                name,
                role,
                language: Some(language),
                password: Some(password),
                organization_id: None,
                contact_id: None,
                team_ids: vec![],
            };
            let user = store.create_user(None, new, jiff::Timestamp::now()).await?;
            println!("Created {} {} ({})", user.role, user.email, user.id);
            Ok(())
        }
        Command::User {
            command: UserCommand::Password { email, password },
        } => {
            let store = open_store(&settings).await?;
            let principal = store
                .find_user_by_email(&email)
                .await?
                .with_context(|| format!("no active user has the email address {email}"))?;
            let password = match password {
                Some(p) => p,
                None => ask_password()?,
            };
            store.set_password(None, principal.id, &password).await?;
            println!("Password changed for {}", principal.email);
            Ok(())
        }
        Command::User {
            command: UserCommand::Deactivate { email },
        } => {
            let store = open_store(&settings).await?;
            let id = user_by_email(&store, &email).await?;
            let user = store
                .set_user_active(None, id, false, jiff::Timestamp::now())
                .await?;
            println!(
                "Deactivated {}: signed out everywhere, API tokens refused",
                user.email
            );
            Ok(())
        }
        Command::User {
            command: UserCommand::Reactivate { email },
        } => {
            let store = open_store(&settings).await?;
            let id = user_by_email(&store, &email).await?;
            let user = store
                .set_user_active(None, id, true, jiff::Timestamp::now())
                .await?;
            println!("Reactivated {}", user.email);
            Ok(())
        }
        Command::Token {
            command:
                TokenCommand::Create {
                    user,
                    name,
                    expires,
                },
        } => {
            let expires_at = expires
                .map(|e| parse_expiry(&e, &settings.time_zone))
                .transpose()?;
            let store = open_store(&settings).await?;
            let principal = store
                .find_user_by_email(&user)
                .await?
                .with_context(|| format!("no active user has the email address {user}"))?;
            let new = accord_store::auth::NewToken { name, expires_at };
            let (_, token) = store
                .issue_token(None, principal.id, &new, jiff::Timestamp::now())
                .await?;
            println!("{token}");
            Ok(())
        }
        Command::Token {
            command: TokenCommand::List { user },
        } => {
            let store = open_store(&settings).await?;
            let id = user_by_email(&store, &user).await?;
            let now = jiff::Timestamp::now();
            let mut before = None;
            loop {
                let page = store.list_tokens(None, id, 500, before).await?;
                for t in &page {
                    let state = match (t.revoked_at, t.expires_at) {
                        (Some(at), _) => format!("revoked {at}"),
                        (None, Some(at)) if at <= now => format!("expired {at}"),
                        (None, Some(at)) => format!("expires {at}"),
                        (None, None) => "never expires".to_owned(),
                    };
                    println!("{}\t{}\tcreated {}\t{state}", t.id, t.name, t.created_at);
                }
                match page.last() {
                    Some(last) if page.len() == 500 => before = Some(last.id),
                    _ => break,
                }
            }
            Ok(())
        }
        Command::Token {
            command: TokenCommand::Revoke { id },
        } => {
            let store = open_store(&settings).await?;
            let token = store.revoke_token(None, id, jiff::Timestamp::now()).await?;
            println!("Revoked token {} ({})", token.id, token.name);
            Ok(())
        }
        Command::Policy { .. } => Ok(()),
    }
}

async fn ingest_email(
    settings: &Settings,
    mailbox: Option<String>,
    sender: Option<String>,
    recipients: Vec<String>,
) -> Result<()> {
    use std::io::Read;
    let mut raw = Vec::new();
    std::io::stdin()
        .read_to_end(&mut raw)
        .context("reading the message from standard input")?;
    let store = open_store(settings).await?;
    let config = accord_mail::MailConfig::resolve(&settings.mail, &store)
        .await
        .map_err(anyhow::Error::msg)?;
    if let Some(name) = &mailbox
        && config.mailbox_named(name).is_none()
    {
        bail!("--mailbox: no mailbox is named {name:?} in the [mail] settings");
    }
    let inbound = accord_mail::Inbound::new(store.clone(), std::sync::Arc::new(config));
    let source = accord_store::mail::MailSource::Cli;
    match inbound
        .receive(
            &raw,
            source,
            sender.as_deref(),
            &recipients,
            mailbox.as_deref(),
        )
        .await
    {
        Ok(receipt) => {
            inbound.file_pending().await?;
            let verb = if receipt.duplicate {
                "already stored as"
            } else {
                "stored as"
            };
            println!("{verb} {}", receipt.id);
            store.close().await;
            Ok(())
        }
        Err(accord_mail::Refused::Store(e)) => {
            eprintln!("error: the message could not be stored now: {e}");
            std::process::exit(75);
        }
        Err(refused) => {
            eprintln!("error: {refused}");
            std::process::exit(65);
        }
    }
}

fn ask_password() -> Result<String> {
    if !std::io::stdin().is_terminal() {
        bail!("no --password given and standard input is not a terminal to ask on");
    }
    eprint!("Password: ");
    std::io::stderr().flush().ok();
    let first = rpassword::read_password().context("reading the password")?;
    eprint!("Repeat the password: ");
    std::io::stderr().flush().ok();
    let second = rpassword::read_password().context("reading the password")?;
    if first != second {
        bail!("the two passwords differ");
    }
    Ok(first)
}
