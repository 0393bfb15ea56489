//! Starting the channel: the filer, the listeners, the sender and the IMAP readers, each a
//! task of its own for the life of the process.

use std::net::SocketAddr;
use std::sync::Arc;

use accord_store::Store;
use tokio::net::TcpListener;

use crate::config::{MailConfig, MailSettings};
use crate::ingest::Inbound;
use crate::listener::{self, Protocol};
use crate::outbound::Outbound;

/// Where the channel listens, as bound (port 0 becomes the port the system chose).
#[derive(Clone, Debug, Default)]
pub struct Running {
    pub smtp: Option<SocketAddr>,
    pub lmtp: Option<SocketAddr>,
    pub sending: bool,
    pub imap_mailboxes: usize,
}

/// What to start.
#[derive(Clone, Debug, Default)]
pub struct Listen {
    pub smtp: Option<SocketAddr>,
    pub lmtp: Option<SocketAddr>,
}

/// Starts every part the settings ask for. Errors say which setting is wrong.
pub async fn start(
    store: &Store,
    settings: &MailSettings,
    listen: &Listen,
) -> Result<(Inbound, Running), String> {
    let config = Arc::new(MailConfig::resolve(settings, store).await?);
    let inbound = Inbound::new(store.clone(), config.clone());
    let hostname = config
        .address
        .rsplit('@')
        .next()
        .unwrap_or("accord")
        .to_owned();
    let mut running = Running::default();
    tokio::spawn(inbound.clone().run_filer());
    for (address, protocol, name) in [
        (
            listen.smtp,
            Protocol::Smtp,
            "ACCORD_SMTP_LISTEN / mail.smtp_listen",
        ),
        (
            listen.lmtp,
            Protocol::Lmtp,
            "ACCORD_LMTP_LISTEN / mail.lmtp_listen",
        ),
    ] {
        let Some(address) = address else { continue };
        let bound = TcpListener::bind(address)
            .await
            .map_err(|e| format!("{name}: cannot listen on {address}: {e}"))?;
        let local = bound.local_addr().map_err(|e| e.to_string())?;
        match protocol {
            Protocol::Smtp => running.smtp = Some(local),
            Protocol::Lmtp => running.lmtp = Some(local),
        }
        tokio::spawn(listener::serve(
            bound,
            inbound.clone(),
            protocol,
            hostname.clone(),
        ));
    }
    if let Some(relay) = &config.relay {
        let outbound = Outbound::new(store.clone(), config.clone(), relay)?;
        tokio::spawn(outbound.run());
        running.sending = true;
    }
    for mailbox in config.mailboxes.iter().filter(|m| m.imap.is_some()) {
        tokio::spawn(crate::imap::run(inbound.clone(), mailbox.clone()));
        running.imap_mailboxes += 1;
    }
    Ok((inbound, running))
}
