//! Email settings: the `[mail]` table of `accord.toml` (and `ACCORD_*` variables, read by
//! the binary), resolved against the database (team names) into what the channel runs on.

use accord_store::Store;
use accord_store::mail::MailRoute;
use serde::Deserialize;

use crate::parse::Limits;

/// `[mail]` in accord.toml; every field is optional.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailSettings {
    /// The support address replies come from, such as support@example.com.
    pub address: Option<String>,
    /// The name shown with it.
    pub name: Option<String>,
    pub smtp_listen: Option<String>,
    pub lmtp_listen: Option<String>,
    /// Where replies are sent: smtp://host:port (plain, for a local MTA),
    /// smtp://user:password@host:587 (STARTTLS) or smtps://…:465.
    pub relay: Option<String>,
    pub max_message_bytes: Option<usize>,
    pub max_attachments: Option<usize>,
    /// Messages from one sender within ten minutes beyond which more are held.
    pub sender_limit: Option<u32>,
    /// Thread by sender and subject when nothing else finds the case (default true).
    pub thread_by_subject: Option<bool>,
    #[serde(default)]
    pub mailboxes: Vec<MailboxSettings>,
}

/// One address customers write to, and the cases it opens.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailboxSettings {
    pub name: String,
    /// The address delivered to Accord's listener (SMTP/LMTP), e.g. billing@example.com.
    pub address: Option<String>,
    /// The team (name or id) its cases go to.
    pub team: Option<String>,
    /// The policy procedure its cases are opened under.
    pub procedure: Option<String>,
    /// An IMAP mailbox to read, instead of or besides delivery to the listener.
    pub imap: Option<ImapSettings>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImapSettings {
    pub host: String,
    /// 993 with TLS, 143 without.
    pub port: Option<u16>,
    /// TLS from the start (default true). Without it, only on a trusted network.
    pub tls: Option<bool>,
    pub user: String,
    pub password: Option<String>,
    /// The environment variable holding the password (keeps it out of the file).
    pub password_env: Option<String>,
    /// Default INBOX.
    pub folder: Option<String>,
    /// Seconds between polls when the server offers no IDLE (default 60).
    pub poll_seconds: Option<u64>,
}

/// A mailbox ready to route messages.
#[derive(Clone, Debug)]
pub struct Mailbox {
    pub name: String,
    pub address: Option<String>,
    pub route: MailRoute,
    pub imap: Option<ImapSettings>,
}

/// The channel's settings, resolved.
#[derive(Clone, Debug)]
pub struct MailConfig {
    pub address: String,
    pub name: String,
    pub limits: Limits,
    pub relay: Option<String>,
    pub mailboxes: Vec<Mailbox>,
    /// For messages addressed to no configured mailbox.
    pub default_route: MailRoute,
}

impl MailConfig {
    /// Resolves the settings: every team must exist, every address be an address.
    pub async fn resolve(settings: &MailSettings, store: &Store) -> Result<MailConfig, String> {
        let address = settings
            .address
            .clone()
            .unwrap_or_else(|| "support@accord.localhost".into())
            .trim()
            .to_ascii_lowercase();
        if !address.contains('@') {
            return Err(format!(
                "mail.address / ACCORD_MAIL_ADDRESS: {address:?} is not an email address such as support@example.com"
            ));
        }
        let defaults = MailRoute::default();
        let default_route = MailRoute {
            thread_by_subject: settings
                .thread_by_subject
                .unwrap_or(defaults.thread_by_subject),
            sender_limit: settings.sender_limit.unwrap_or(defaults.sender_limit),
            ..defaults
        };
        let mut mailboxes = Vec::new();
        for (i, m) in settings.mailboxes.iter().enumerate() {
            let team = match &m.team {
                Some(name) => Some(
                    store
                        .team_by_name(name)
                        .await
                        .map_err(|e| e.to_string())?
                        .ok_or_else(|| format!("mail.mailboxes[{i}] ({}): no team is named {name:?}; create it first or fix the name", m.name))?,
                ),
                None => None,
            };
            if let Some(a) = &m.address
                && !a.contains('@')
            {
                return Err(format!(
                    "mail.mailboxes[{i}] ({}): address {a:?} is not an email address",
                    m.name
                ));
            }
            if m.address.is_none() && m.imap.is_none() {
                return Err(format!(
                    "mail.mailboxes[{i}] ({}): give an address (for the listener) or an imap section, or both",
                    m.name
                ));
            }
            mailboxes.push(Mailbox {
                name: m.name.clone(),
                address: m.address.as_ref().map(|a| a.trim().to_ascii_lowercase()),
                route: MailRoute {
                    team,
                    procedure: m.procedure.clone(),
                    ..default_route.clone()
                },
                imap: m.imap.clone(),
            });
        }
        store.set_mail_domain(address.rsplit('@').next().unwrap_or("accord.localhost"));
        let limits = Limits::default();
        Ok(MailConfig {
            address,
            name: settings.name.clone().unwrap_or_else(|| "Support".into()),
            limits: Limits {
                max_message_bytes: settings
                    .max_message_bytes
                    .unwrap_or(limits.max_message_bytes),
                max_attachments: settings.max_attachments.unwrap_or(limits.max_attachments),
            },
            relay: settings.relay.clone(),
            mailboxes,
            default_route,
        })
    }

    /// The mailbox a message addressed to these recipients belongs to: by address, with
    /// `+tags` ignored (`support+1042-k3f9q2ab@` is `support@`).
    /// The support address's domain: this server's name to the world.
    pub fn hostname(&self) -> String {
        self.address
            .rsplit_once('@')
            .map_or("localhost", |(_, d)| d)
            .to_owned()
    }

    pub fn mailbox_for(&self, recipients: &[String]) -> Option<&Mailbox> {
        recipients.iter().find_map(|r| {
            let plain = without_tag(r);
            self.mailboxes
                .iter()
                .find(|m| m.address.as_deref() == Some(plain.as_str()))
        })
    }

    pub fn mailbox_named(&self, name: &str) -> Option<&Mailbox> {
        self.mailboxes.iter().find(|m| m.name == name)
    }

    /// Whether the listener takes mail for this recipient: a configured address, or any
    /// address of the support address's domain.
    pub fn accepts(&self, recipient: &str) -> bool {
        let plain = without_tag(recipient);
        let domain = self.address.rsplit('@').next().unwrap_or_default();
        plain == self.address
            || plain.rsplit('@').next() == Some(domain)
            || self
                .mailboxes
                .iter()
                .any(|m| m.address.as_deref() == Some(plain.as_str()))
    }
}

fn without_tag(address: &str) -> String {
    let address = address.trim().to_ascii_lowercase();
    match address.split_once('@') {
        Some((local, domain)) => {
            let local = local.split('+').next().unwrap_or(local);
            format!("{local}@{domain}")
        }
        None => address,
    }
}
