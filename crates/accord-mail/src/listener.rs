//! Accord's own SMTP and LMTP listener, so that an MTA (Postfix, Exim) delivers to it or a
//! sender talks to it directly. It answers 250 to DATA only after the message is durably
//! stored; a message it could not store gets a 4xx, and the sender tries again later.
//!
//! No TLS and no AUTH: it takes mail for Accord's own addresses only, meant to sit behind
//! the MTA that faces the internet or on a trusted network.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use accord_store::mail::MailSource;
use smtp_proto::request::receiver::RequestReceiver;
use smtp_proto::{
    EXT_8BIT_MIME, EXT_ENHANCED_STATUS_CODES, EXT_PIPELINING, EXT_SIZE, EXT_SMTP_UTF8,
    EhloResponse, Error as ProtoError, Request,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

use crate::data::DataReader;
use crate::ingest::{Inbound, Refused};

/// Which protocol a listener speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protocol {
    Smtp,
    /// RFC 2033: LHLO, and one reply per recipient after DATA.
    Lmtp,
}

const MAX_CONNECTIONS: usize = 256;
const MAX_RECIPIENTS: usize = 100;
const IDLE: Duration = Duration::from_secs(300);

/// Accepts connections until the process ends.
pub async fn serve(listener: TcpListener, inbound: Inbound, protocol: Protocol, hostname: String) {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let hostname: Arc<str> = hostname.into();
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                tracing::warn!(error = %e, "email listener could not accept a connection");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        // Replies are small and each one waits for the client: Nagle's algorithm would hold
        // them back for a delayed ACK (40 ms a command).
        let _ = stream.set_nodelay(true);
        let inbound = inbound.clone();
        let hostname = hostname.clone();
        let slots = slots.clone();
        tokio::spawn(async move {
            let Ok(_slot) = slots.try_acquire() else {
                let mut stream = stream;
                let _ = stream
                    .write_all(b"421 4.7.0 Too many connections; try again later\r\n")
                    .await;
                return;
            };
            if let Err(e) = Session::new(inbound, protocol, &hostname, peer)
                .run(stream)
                .await
            {
                tracing::debug!(%peer, error = %e, "email session ended");
            }
        });
    }
}

enum Phase {
    Command,
    Data(DataReader),
    /// Reading the rest of a message that is over the size limit, to refuse it.
    Discard(DataReader),
    Quit,
}

struct Session<'a> {
    inbound: Inbound,
    protocol: Protocol,
    hostname: &'a str,
    peer: SocketAddr,
    greeted: bool,
    /// The name the client gave in EHLO, HELO or LHLO (for SPF).
    helo: String,
    from: Option<String>,
    recipients: Vec<String>,
    message: Vec<u8>,
    phase: Phase,
}

impl<'a> Session<'a> {
    fn new(inbound: Inbound, protocol: Protocol, hostname: &'a str, peer: SocketAddr) -> Self {
        Session {
            inbound,
            protocol,
            hostname,
            peer,
            greeted: false,
            helo: String::new(),
            from: None,
            recipients: Vec::new(),
            message: Vec::new(),
            phase: Phase::Command,
        }
    }

    async fn run(mut self, mut stream: TcpStream) -> std::io::Result<()> {
        let kind = match self.protocol {
            Protocol::Smtp => "ESMTP",
            Protocol::Lmtp => "LMTP",
        };
        stream
            .write_all(format!("220 {} {kind} Accord ready\r\n", self.hostname).as_bytes())
            .await?;
        let mut receiver = RequestReceiver::default();
        let mut buf = vec![0u8; 64 * 1024];
        let mut out: Vec<u8> = Vec::with_capacity(1024);
        loop {
            let n = match tokio::time::timeout(IDLE, stream.read(&mut buf)).await {
                Ok(read) => read?,
                Err(_) => {
                    stream
                        .write_all(b"421 4.4.2 Idle too long; closing\r\n")
                        .await?;
                    return Ok(());
                }
            };
            if n == 0 {
                return Ok(());
            }
            let mut bytes = buf[..n].iter();
            while !bytes.as_slice().is_empty() {
                match &mut self.phase {
                    Phase::Command => match receiver.ingest(&mut bytes) {
                        Ok(request) => {
                            let request = request.into_owned();
                            self.command(request, &mut out);
                        }
                        Err(ProtoError::NeedsMoreData { .. }) => break,
                        Err(e) => reply_error(&e, &mut out),
                    },
                    Phase::Data(data) => {
                        let done = data.ingest(&mut bytes, Some(&mut self.message));
                        if done {
                            self.phase = Phase::Command;
                            // Replies already queued (pipelining) go out before the wait.
                            stream.write_all(&out).await?;
                            out.clear();
                            self.deliver(&mut out).await;
                        } else if self.message.len() > self.inbound.config.limits.max_message_bytes
                        {
                            self.phase = Phase::Discard(*data);
                            self.message = Vec::new();
                        }
                    }
                    Phase::Discard(rest) => {
                        if rest.ingest(&mut bytes, None) {
                            self.phase = Phase::Command;
                            let limit = self.inbound.config.limits.max_message_bytes;
                            for _ in self.reply_count() {
                                out.extend_from_slice(
                                    format!(
                                        "552 5.3.4 Message too big: the limit is {limit} bytes\r\n"
                                    )
                                    .as_bytes(),
                                );
                            }
                            self.reset();
                        }
                    }
                    Phase::Quit => break,
                }
            }
            if !out.is_empty() {
                stream.write_all(&out).await?;
                out.clear();
            }
            if matches!(self.phase, Phase::Quit) {
                return Ok(());
            }
        }
    }

    /// LMTP answers DATA once per recipient; SMTP once.
    fn reply_count(&self) -> std::ops::Range<usize> {
        match self.protocol {
            Protocol::Smtp => 0..1,
            Protocol::Lmtp => 0..self.recipients.len().max(1),
        }
    }

    fn reset(&mut self) {
        self.from = None;
        self.recipients.clear();
        self.message = Vec::new();
    }

    fn command(&mut self, request: Request<String>, out: &mut Vec<u8>) {
        let line = |out: &mut Vec<u8>, text: &str| {
            out.extend_from_slice(text.as_bytes());
            out.extend_from_slice(b"\r\n");
        };
        match request {
            Request::Ehlo { .. } | Request::Lhlo { .. } => {
                let wrong = matches!(
                    (&request, self.protocol),
                    (Request::Ehlo { .. }, Protocol::Lmtp) | (Request::Lhlo { .. }, Protocol::Smtp)
                );
                if wrong {
                    line(out, "500 5.5.1 Use LHLO for LMTP and EHLO for SMTP");
                    return;
                }
                self.greeted = true;
                if let Request::Ehlo { host } | Request::Lhlo { host } = &request {
                    self.helo = host.chars().take(255).collect();
                }
                self.reset();
                let mut ehlo = EhloResponse::new(self.hostname);
                ehlo.capabilities = EXT_8BIT_MIME
                    | EXT_PIPELINING
                    | EXT_SIZE
                    | EXT_ENHANCED_STATUS_CODES
                    | EXT_SMTP_UTF8;
                ehlo.size = self.inbound.config.limits.max_message_bytes;
                let _ = ehlo.write(&mut *out);
            }
            Request::Helo { host } if self.protocol == Protocol::Smtp => {
                self.greeted = true;
                self.helo = host.chars().take(255).collect();
                self.reset();
                line(out, &format!("250 {}", self.hostname));
            }
            Request::Mail { from } => {
                if !self.greeted {
                    line(out, "503 5.5.1 Say EHLO first");
                } else if self.from.is_some() {
                    line(out, "503 5.5.1 A transaction is open; RSET first");
                } else if from.size > self.inbound.config.limits.max_message_bytes {
                    line(
                        out,
                        &format!(
                            "552 5.3.4 Message too big: the limit is {} bytes",
                            self.inbound.config.limits.max_message_bytes
                        ),
                    );
                } else {
                    self.from = Some(from.address.to_ascii_lowercase());
                    line(out, "250 2.1.0 Sender OK");
                }
            }
            Request::Rcpt { to } => {
                if self.from.is_none() {
                    line(out, "503 5.5.1 Need MAIL first");
                } else if self.recipients.len() >= MAX_RECIPIENTS {
                    line(out, "452 4.5.3 Too many recipients");
                } else if !self.inbound.config.accepts(&to.address) {
                    line(out, &format!("550 5.1.1 No mailbox {} here", to.address));
                } else {
                    self.recipients.push(to.address.to_ascii_lowercase());
                    line(out, "250 2.1.5 Recipient OK");
                }
            }
            Request::Data => {
                if self.recipients.is_empty() {
                    line(out, "503 5.5.1 Need RCPT first");
                } else {
                    self.phase = Phase::Data(DataReader::new());
                    line(out, "354 Start mail input; end with <CRLF>.<CRLF>");
                }
            }
            Request::Rset => {
                self.reset();
                line(out, "250 2.0.0 OK");
            }
            Request::Noop { .. } => line(out, "250 2.0.0 OK"),
            Request::Quit => {
                line(out, &format!("221 2.0.0 {} closing", self.hostname));
                self.phase = Phase::Quit;
            }
            Request::Vrfy { .. } => line(out, "252 2.5.0 Cannot verify; send the message"),
            other => line(
                out,
                &format!("502 5.5.1 {} is not offered here", other.name()),
            ),
        }
    }

    /// Stores the message and answers: 250 once it is durable, 4xx if it could not be
    /// stored (the sender retries), 5xx if it never will be.
    async fn deliver(&mut self, out: &mut Vec<u8>) {
        let raw = std::mem::take(&mut self.message);
        let source = match self.protocol {
            Protocol::Smtp => MailSource::Smtp,
            Protocol::Lmtp => MailSource::Lmtp,
        };
        let client = Some((self.peer.ip(), self.helo.as_str()));
        let outcome = self
            .inbound
            .receive_from(
                &raw,
                source,
                self.from.as_deref(),
                &self.recipients,
                None,
                client,
            )
            .await;
        let reply = match &outcome {
            Ok(receipt) if receipt.duplicate => {
                format!("250 2.0.0 Already stored as {}", receipt.id)
            }
            Ok(receipt) => format!("250 2.0.0 Stored as {}", receipt.id),
            Err(Refused::TooLarge { limit, .. }) => {
                format!("552 5.3.4 Message too big: the limit is {limit} bytes")
            }
            Err(Refused::Empty) => "554 5.6.0 The message is empty".to_owned(),
            Err(Refused::Store(e)) => {
                tracing::error!(peer = %self.peer, error = %e, "could not store an inbound message");
                "451 4.3.0 Could not store the message now; try again later".to_owned()
            }
        };
        for _ in self.reply_count() {
            out.extend_from_slice(reply.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        self.reset();
    }
}

fn reply_error(error: &ProtoError, out: &mut Vec<u8>) {
    let text = match error {
        ProtoError::UnknownCommand => "500 5.5.1 Unknown command".to_owned(),
        ProtoError::InvalidSenderAddress => "501 5.1.7 The sender address is not valid".to_owned(),
        ProtoError::InvalidRecipientAddress => {
            "501 5.1.3 The recipient address is not valid".to_owned()
        }
        ProtoError::SyntaxError { syntax } => format!("501 5.5.2 Syntax: {syntax}"),
        ProtoError::InvalidParameter { param } => format!("501 5.5.4 Invalid parameter {param}"),
        ProtoError::UnsupportedParameter { param } => {
            format!("504 5.5.4 Unsupported parameter {param}")
        }
        ProtoError::ResponseTooLong => "500 5.5.6 Line too long".to_owned(),
        _ => "500 5.5.2 Could not read the command".to_owned(),
    };
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(b"\r\n");
}
