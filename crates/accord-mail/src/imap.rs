//! Reading IMAP mailboxes: every message with a UID above the last one stored is fetched,
//! stored durably (de-duplicated like any delivery), marked \Seen, and only then counted as
//! read. Waits with IDLE where the server offers it, else polls. A UIDVALIDITY change
//! (the mailbox was rebuilt) reads the mailbox again from the start; de-duplication keeps
//! that from storing anything twice.

use std::fmt::Debug;
use std::sync::Arc;
use std::time::Duration;

use accord_store::mail::MailSource;
use async_imap::Client;
use futures::StreamExt;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

use crate::config::{ImapSettings, Mailbox};
use crate::ingest::{Inbound, Refused};

/// Reads one mailbox until the process ends, reconnecting with growing pauses.
pub async fn run(inbound: Inbound, mailbox: Mailbox) {
    let Some(settings) = mailbox.imap.clone() else {
        return;
    };
    let mut pause = Duration::from_secs(5);
    loop {
        match session(&inbound, &mailbox.name, &settings).await {
            Ok(()) => pause = Duration::from_secs(5),
            Err(e) => {
                tracing::warn!(mailbox = %mailbox.name, host = %settings.host, error = %e, "IMAP mailbox unavailable; retrying in {}s", pause.as_secs());
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(300));
            }
        }
    }
}

type Failure = Box<dyn std::error::Error + Send + Sync>;

async fn session(inbound: &Inbound, name: &str, settings: &ImapSettings) -> Result<(), Failure> {
    let tls = settings.tls.unwrap_or(true);
    let port = settings.port.unwrap_or(if tls { 993 } else { 143 });
    let tcp = TcpStream::connect((settings.host.as_str(), port)).await?;
    if tls {
        let mut roots = rustls::RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        let config = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
        let server = rustls::pki_types::ServerName::try_from(settings.host.clone())?;
        let stream = tokio_rustls::TlsConnector::from(Arc::new(config))
            .connect(server, tcp)
            .await?;
        read_mailbox(inbound, name, settings, stream).await
    } else {
        read_mailbox(inbound, name, settings, tcp).await
    }
}

fn password(settings: &ImapSettings) -> Result<String, Failure> {
    if let Some(var) = &settings.password_env {
        return std::env::var(var).map_err(|_| {
            format!("the environment variable {var} (password_env) is not set").into()
        });
    }
    settings
        .password
        .clone()
        .ok_or_else(|| "give the IMAP password as password or password_env".into())
}

async fn read_mailbox<T>(
    inbound: &Inbound,
    name: &str,
    settings: &ImapSettings,
    stream: T,
) -> Result<(), Failure>
where
    T: AsyncRead + AsyncWrite + Unpin + Debug + Send,
{
    let mut client = Client::new(stream);
    client
        .read_response()
        .await?
        .ok_or("the IMAP server closed the connection before greeting")?;
    let mut session = client
        .login(&settings.user, password(settings)?)
        .await
        .map_err(|(e, _)| e)?;
    let folder = settings.folder.as_deref().unwrap_or("INBOX");
    let idle = session.capabilities().await?.has_str("IDLE");
    loop {
        let selected = session.select(folder).await?;
        let validity = i64::from(selected.uid_validity.unwrap_or(0));
        let mut last = match inbound.store.imap_position(name).await? {
            Some((v, last)) if v == validity => last,
            _ => 0,
        };
        let mut uids: Vec<u32> = session
            .uid_search(format!("UID {}:*", last + 1))
            .await?
            .into_iter()
            .filter(|uid| i64::from(*uid) > last)
            .collect();
        uids.sort_unstable();
        for uid in uids {
            let raw = {
                let mut fetches = session
                    .uid_fetch(uid.to_string(), "(UID BODY.PEEK[])")
                    .await?;
                let mut raw = None;
                while let Some(fetch) = fetches.next().await {
                    let fetch = fetch?;
                    if fetch.uid == Some(uid) {
                        raw = fetch.body().map(<[u8]>::to_vec);
                    }
                }
                raw
            };
            if let Some(raw) = raw {
                // Stored durably before the mailbox is told it was read.
                match inbound
                    .receive(&raw, MailSource::Imap, None, &[], Some(name))
                    .await
                {
                    Ok(_) => {}
                    // Never stored (too large, empty): left unread in the mailbox for a
                    // person, and passed over, or every message after it would wait
                    // behind it for ever.
                    Err(refused @ (Refused::TooLarge { .. } | Refused::Empty)) => {
                        tracing::warn!(mailbox = name, uid, error = %refused, "an IMAP message was not taken; it stays unread in the mailbox");
                        last = i64::from(uid);
                        inbound
                            .store
                            .set_imap_position(name, validity, last)
                            .await?;
                        continue;
                    }
                    Err(other) => return Err(other.into()),
                }
                let mut flagged = session
                    .uid_store(uid.to_string(), "+FLAGS (\\Seen)")
                    .await?;
                while flagged.next().await.is_some() {}
            }
            last = i64::from(uid);
            inbound
                .store
                .set_imap_position(name, validity, last)
                .await?;
        }
        if idle {
            let mut handle = session.idle();
            handle.init().await?;
            let (wait, _stop) = handle.wait_with_timeout(Duration::from_secs(25 * 60));
            wait.await?;
            session = handle.done().await?;
        } else {
            tokio::time::sleep(Duration::from_secs(
                settings.poll_seconds.unwrap_or(60).max(5),
            ))
            .await;
            session.noop().await?;
        }
    }
}
