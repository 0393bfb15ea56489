//! Settings: defaults, then an optional TOML file, then `ACCORD_*` environment variables.
//! Every setting is listed in docs/configuration.md.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FileSettings {
    pub database_url: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub listen: Option<String>,
    pub public_url: Option<String>,
    pub time_zone: Option<String>,
    pub secure_cookies: Option<bool>,
    pub log_format: Option<String>,
    pub max_connections: Option<u32>,
    pub mail: Option<accord_mail::MailSettings>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: String,
    pub data_dir: PathBuf,
    pub listen: SocketAddr,
    pub public_url: String,
    pub time_zone: jiff::tz::TimeZone,
    pub secure_cookies: bool,
    pub json_logs: bool,
    pub max_connections: u32,
    pub mail: accord_mail::MailSettings,
    pub mail_listen: accord_mail::service::Listen,
}

impl Settings {
    /// `config` is `--config`/`ACCORD_CONFIG`; without it, `./accord.toml` is read if present.
    pub fn load(config: Option<&Path>) -> Result<Settings> {
        let file = match config {
            Some(path) => read_file(path)?,
            None if Path::new("accord.toml").exists() => read_file(Path::new("accord.toml"))?,
            None => FileSettings::default(),
        };
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let data_dir = env("ACCORD_DATA_DIR")
            .map(PathBuf::from)
            .or(file.data_dir)
            .unwrap_or_else(|| PathBuf::from("accord-data"));
        let database_url = env("ACCORD_DATABASE_URL")
            .or(file.database_url)
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("accord.db").display()));
        let listen_text = env("ACCORD_LISTEN")
            .or(file.listen)
            .unwrap_or_else(|| "127.0.0.1:8080".into());
        let listen = listen_text.parse().with_context(|| {
            format!(
                "ACCORD_LISTEN / listen: {listen_text:?} is not an address such as 127.0.0.1:8080"
            )
        })?;
        let public_url = env("ACCORD_PUBLIC_URL")
            .or(file.public_url)
            .unwrap_or_else(|| format!("http://{listen}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://"))
            || public_url.contains(char::is_whitespace)
        {
            bail!(
                "ACCORD_PUBLIC_URL / public_url: {public_url:?} is not an address such as https://support.example.com"
            );
        }
        let public_url = public_url.trim_end_matches('/').to_owned();
        let time_zone = match env("ACCORD_TIME_ZONE").or(file.time_zone) {
            Some(name) => jiff::tz::TimeZone::get(&name).with_context(|| format!("ACCORD_TIME_ZONE / time_zone: unknown time zone {name:?}; use an IANA name such as Europe/Riga"))?,
            None => jiff::tz::TimeZone::system(),
        };
        let secure_cookies = match env("ACCORD_SECURE_COOKIES") {
            Some(v) => parse_bool("ACCORD_SECURE_COOKIES", &v)?,
            None => file.secure_cookies.unwrap_or(false),
        };
        let log_format = env("ACCORD_LOG_FORMAT")
            .or(file.log_format)
            .unwrap_or_else(|| "text".into());
        let json_logs = match log_format.as_str() {
            "json" => true,
            "text" => false,
            other => {
                bail!("ACCORD_LOG_FORMAT / log_format: {other:?} is neither \"text\" nor \"json\"")
            }
        };
        let max_connections = match env("ACCORD_MAX_CONNECTIONS") {
            Some(v) => v
                .parse()
                .with_context(|| format!("ACCORD_MAX_CONNECTIONS: {v:?} is not a number"))?,
            None => file.max_connections.unwrap_or(16),
        };
        let mut mail = file.mail.unwrap_or_default();
        if let Some(relay) = env("ACCORD_SMTP_RELAY") {
            mail.relay = Some(relay);
        }
        if let Some(address) = env("ACCORD_MAIL_ADDRESS") {
            mail.address = Some(address);
        }
        let smtp = env("ACCORD_SMTP_LISTEN").or(mail.smtp_listen.clone());
        let lmtp = env("ACCORD_LMTP_LISTEN").or(mail.lmtp_listen.clone());
        let mail_listen = accord_mail::service::Listen {
            smtp: socket("ACCORD_SMTP_LISTEN / mail.smtp_listen", smtp)?,
            lmtp: socket("ACCORD_LMTP_LISTEN / mail.lmtp_listen", lmtp)?,
        };
        Ok(Settings {
            database_url,
            data_dir,
            listen,
            public_url,
            time_zone,
            secure_cookies,
            json_logs,
            max_connections,
            mail,
            mail_listen,
        })
    }

    pub fn store_options(&self) -> accord_store::StoreOptions {
        accord_store::StoreOptions {
            url: self.database_url.clone(),
            attachments_dir: self.data_dir.join("attachments"),
            max_connections: self.max_connections,
        }
    }

    /// The SQLite file behind the database URL, if it is one.
    pub fn sqlite_path(&self) -> Option<PathBuf> {
        let rest = self
            .database_url
            .strip_prefix("sqlite://")
            .or_else(|| self.database_url.strip_prefix("sqlite:"))?;
        Some(PathBuf::from(rest.split('?').next().unwrap_or(rest)))
    }
}

fn read_file(path: &Path) -> Result<FileSettings> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read configuration file {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("configuration file {}", path.display()))
}

fn socket(name: &str, value: Option<String>) -> Result<Option<SocketAddr>> {
    value
        .map(|v| {
            v.parse()
                .with_context(|| format!("{name}: {v:?} is not an address such as 127.0.0.1:2525"))
        })
        .transpose()
}

fn parse_bool(name: &str, value: &str) -> Result<bool> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        other => bail!("{name}: {other:?} is not true or false"),
    }
}
