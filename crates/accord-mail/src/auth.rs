//! Sender authentication of inbound mail (F1, J6): SPF, DKIM and DMARC with mail-auth, the
//! verdict kept on the received message and shown to agents when a check fails. An email
//! that claims to come from a customer proves it only through these: a From header is
//! written by whoever sends the message.
//!
//! SPF needs the address of the host that handed the message to us. Accord's listener
//! usually sits behind the MTA that faces the internet, so when the listener's peer is not
//! a public address (loopback, private network) — and for the pipe command and IMAP, which
//! have no peer — the client address is read from the topmost `Received:` header, the one
//! the receiving MTA wrote. Without either, SPF is `none` and DKIM alone can pass DMARC.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use accord_core::mail::MailAuthentication;
use mail_auth::common::parse::TxtRecordParser;
use mail_auth::dmarc::verify::DmarcParameters;
use mail_auth::spf::verify::SpfParameters;
use mail_auth::{
    AuthenticatedMessage, DkimResult, DmarcResult, MessageAuthenticator, Parameters, ResolverCache,
    SpfOutput, SpfResult, Txt,
};

/// How long one message's checks may take before what is left counts as `temperror`.
const CHECK_TIMEOUT: Duration = Duration::from_secs(10);

/// DNS TXT records known in advance (tests; a site's own domains), by name. For an
/// offline checker they are the whole world: any other name does not exist (NXDOMAIN), as
/// DMARC's walk up the domain tree expects of the names above a domain.
#[derive(Default)]
pub struct KnownRecords(HashMap<Box<str>, Txt>, bool);

impl KnownRecords {
    /// Adds a DKIM key record (`v=DKIM1; …`) for `selector._domainkey.domain`.
    pub fn dkim(mut self, selector: &str, domain: &str, record: &str) -> Self {
        let txt: Txt =
            <mail_auth::common::verify::DomainKey as TxtRecordParser>::parse(record.as_bytes())
                .into();
        self.0
            .insert(fqdn(&format!("{selector}._domainkey.{domain}")), txt);
        self
    }

    /// Adds an SPF record (`v=spf1 …`) for `domain`.
    pub fn spf(mut self, domain: &str, record: &str) -> Self {
        let txt: Txt = <mail_auth::spf::Spf as TxtRecordParser>::parse(record.as_bytes()).into();
        self.0.insert(fqdn(domain), txt);
        self
    }

    /// Adds a DMARC record (`v=DMARC1; …`) for `_dmarc.domain`.
    pub fn dmarc(mut self, domain: &str, record: &str) -> Self {
        let txt: Txt =
            <mail_auth::dmarc::Dmarc as TxtRecordParser>::parse(record.as_bytes()).into();
        self.0.insert(fqdn(&format!("_dmarc.{domain}")), txt);
        self
    }
}

fn fqdn(name: &str) -> Box<str> {
    let mut name = name.trim_end_matches('.').to_ascii_lowercase();
    name.push('.');
    name.into_boxed_str()
}

impl ResolverCache<Box<str>, Txt> for KnownRecords {
    fn get<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.0.get(name).cloned().or_else(|| {
            self.1.then(|| {
                Txt::Error(mail_auth::Error::Dns(mail_auth::DnsError::RecordNotFound(
                    mail_auth::hickory_resolver::proto::op::ResponseCode::NXDomain,
                )))
            })
        })
    }

    fn remove<Q>(&self, _: &Q) -> Option<Txt>
    where
        Box<str>: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        None
    }

    // What DNS answered is not kept: records change, and a lookup per message is cheap
    // next to the message.
    fn insert(&self, _: Box<str>, _: Txt, _: std::time::Instant) {}
}

/// Checks senders; cheap to clone.
#[derive(Clone)]
pub struct Authenticator {
    resolver: Option<Arc<MessageAuthenticator>>,
    known: Arc<KnownRecords>,
    /// This server's name, for SPF's `%{r}` macro.
    host: Arc<str>,
}

impl Authenticator {
    /// Asks the system's DNS resolver, with short timeouts (filing waits for the answer).
    pub fn system(host: &str) -> Result<Authenticator, String> {
        let (config, mut options) = mail_auth::hickory_resolver::system_conf::read_system_conf()
            .map_err(|e| e.to_string())?;
        options.timeout = Duration::from_secs(2);
        options.attempts = 1;
        let resolver = MessageAuthenticator::new(config, options).map_err(|e| e.to_string())?;
        Ok(Authenticator {
            resolver: Some(Arc::new(resolver)),
            known: Arc::new(KnownRecords::default()),
            host: host.into(),
        })
    }

    /// Asks no DNS server: only `known` records exist (tests, machines without DNS).
    pub fn offline(host: &str, mut known: KnownRecords) -> Result<Authenticator, String> {
        known.1 = true;
        let config =
            mail_auth::hickory_resolver::config::ResolverConfig::from_parts(None, vec![], vec![]);
        let resolver =
            MessageAuthenticator::new(config, Default::default()).map_err(|e| e.to_string())?;
        Ok(Authenticator {
            resolver: Some(Arc::new(resolver)),
            known: Arc::new(known),
            host: host.into(),
        })
    }

    /// Checks nothing (the resolver could not be made): every message unchecked.
    pub fn disabled() -> Authenticator {
        Authenticator {
            resolver: None,
            known: Arc::new(KnownRecords::default()),
            host: "localhost".into(),
        }
    }

    /// SPF, DKIM and DMARC for one message as it arrived. `peer` and `helo` are the SMTP
    /// client's, `envelope_from` the MAIL FROM, when known.
    pub async fn check(
        &self,
        raw: &[u8],
        peer: Option<IpAddr>,
        helo: Option<&str>,
        envelope_from: Option<&str>,
    ) -> Option<MailAuthentication> {
        let resolver = self.resolver.as_deref()?;
        let message = AuthenticatedMessage::parse(raw)?;
        let checked = tokio::time::timeout(
            CHECK_TIMEOUT,
            self.check_parsed(resolver, &message, raw, peer, helo, envelope_from),
        )
        .await;
        Some(checked.unwrap_or_else(|_| MailAuthentication {
            spf: "temperror".into(),
            dkim: "temperror".into(),
            dmarc: "temperror".into(),
            from_domain: domain_of(message.from()),
            ..MailAuthentication::default()
        }))
    }

    async fn check_parsed(
        &self,
        resolver: &MessageAuthenticator,
        message: &AuthenticatedMessage<'_>,
        raw: &[u8],
        peer: Option<IpAddr>,
        helo: Option<&str>,
        envelope_from: Option<&str>,
    ) -> MailAuthentication {
        let known = &*self.known;
        let dkim = resolver
            .verify_dkim(Parameters::new(message).with_txt_cache(known))
            .await;
        let client = client_of(raw, peer, helo);
        let mail_from = envelope_from
            .map(str::to_owned)
            .or_else(|| return_path(raw))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let helo = client
            .as_ref()
            .and_then(|c| c.1.clone())
            .unwrap_or_default();
        let spf = match &client {
            Some((ip, _)) => {
                let params = if mail_from.contains('@') {
                    SpfParameters::verify_mail_from(*ip, &helo, &self.host, &mail_from)
                } else {
                    SpfParameters::verify_ehlo(*ip, &helo, &self.host)
                };
                resolver
                    .verify_spf(Parameters::new(params).with_txt_cache(known))
                    .await
            }
            None => SpfOutput::new(String::new()).with_result(SpfResult::None),
        };
        let mail_from_domain = if mail_from.contains('@') {
            domain_of(&mail_from)
        } else {
            helo.to_ascii_lowercase()
        };
        let dmarc = resolver
            .verify_dmarc(
                Parameters::new(DmarcParameters::new(
                    message,
                    &dkim,
                    &mail_from_domain,
                    &spf,
                ))
                .with_txt_cache(known),
            )
            .await;
        let passed: Vec<String> = dkim
            .iter()
            .filter(|d| *d.result() == DkimResult::Pass)
            .filter_map(|d| d.signature().map(|s| s.d.to_ascii_lowercase()))
            .collect();
        let dkim_word = if !passed.is_empty() {
            "pass"
        } else {
            dkim.iter()
                .map(|d| dkim_word(d.result()))
                .min_by_key(|w| severity(w))
                .unwrap_or("none")
        };
        // Fail only where the domain publishes DMARC and nothing aligned passed.
        let dmarc_word = dmarc_word(&dmarc.result());
        MailAuthentication {
            spf: spf_word(spf.result()).into(),
            spf_domain: spf.domain().to_owned(),
            dkim: dkim_word.into(),
            dkim_domains: passed,
            dmarc: dmarc_word.into(),
            from_domain: domain_of(message.from()),
        }
    }
}

/// Lower is more telling: a failure outranks an error, which outranks nothing found.
fn severity(word: &str) -> u8 {
    match word {
        "fail" => 0,
        "permerror" => 1,
        "temperror" => 2,
        "softfail" => 3,
        "neutral" => 4,
        _ => 5,
    }
}

fn spf_word(result: SpfResult) -> &'static str {
    match result {
        SpfResult::Pass => "pass",
        SpfResult::Fail => "fail",
        SpfResult::SoftFail => "softfail",
        SpfResult::Neutral => "neutral",
        SpfResult::TempError => "temperror",
        SpfResult::PermError => "permerror",
        SpfResult::None => "none",
    }
}

fn dkim_word(result: &DkimResult) -> &'static str {
    match result {
        DkimResult::Pass => "pass",
        // A body that no longer matches its signature was changed on the way: a failure
        // (RFC 6376 §6.3), whatever the library calls it.
        DkimResult::Neutral(mail_auth::Error::Dkim(
            mail_auth::dkim::DkimError::FailedBodyHashMatch,
        )) => "fail",
        DkimResult::Neutral(_) => "neutral",
        DkimResult::Fail(_) => "fail",
        DkimResult::PermError(_) => "permerror",
        DkimResult::TempError(_) => "temperror",
        DkimResult::None => "none",
    }
}

fn dmarc_word(result: &DmarcResult) -> &'static str {
    match result {
        DmarcResult::Pass => "pass",
        DmarcResult::Fail(_) => "fail",
        DmarcResult::TempError(_) => "temperror",
        DmarcResult::PermError(_) => "permerror",
        DmarcResult::None => "none",
    }
}

fn domain_of(address: &str) -> String {
    address
        .rsplit_once('@')
        .map(|(_, d)| d.trim().trim_end_matches('>').to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether an address is on the internet rather than on this network.
fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast())
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80)
        }
    }
}

/// The SMTP client to check SPF for: the listener's peer when it is on the internet, else
/// the one the topmost `Received:` header names (`from HELO (name [address])`).
fn client_of(
    raw: &[u8],
    peer: Option<IpAddr>,
    helo: Option<&str>,
) -> Option<(IpAddr, Option<String>)> {
    if let Some(ip) = peer.filter(|ip| is_public(*ip)) {
        return Some((ip, helo.map(str::to_owned)));
    }
    let received = header_values(raw, "received").into_iter().next()?;
    let (_, after_bracket) = received.split_once('[')?;
    let (address, _) = after_bracket.split_once(']')?;
    let address = address.trim();
    let address = address
        .strip_prefix("IPv6:")
        .or_else(|| address.strip_prefix("ipv6:"))
        .unwrap_or(address);
    let ip: IpAddr = address.parse().ok()?;
    let helo = received
        .trim()
        .strip_prefix("from ")
        .and_then(|rest| rest.split_whitespace().next())
        .map(str::to_owned);
    Some((ip, helo))
}

/// The envelope sender an MTA recorded, for messages that came without an envelope.
fn return_path(raw: &[u8]) -> Option<String> {
    let value = header_values(raw, "return-path").into_iter().next()?;
    let address = value
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim();
    address.contains('@').then(|| address.to_owned())
}

/// The unfolded values of a header field, top first.
fn header_values(raw: &[u8], name: &str) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let head = text
        .split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .split("\n\n")
        .next()
        .unwrap_or_default();
    let mut values: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(value) = &mut current {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        if let Some(value) = current.take() {
            values.push(value);
        }
        if let Some((field, value)) = line.split_once(':')
            && field.trim().eq_ignore_ascii_case(name)
        {
            current = Some(value.trim().to_owned());
        }
    }
    values.extend(current);
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_is_the_public_peer_or_the_one_the_receiving_mta_recorded() {
        let raw = b"Received: from mail-ej1.google.example (mail-ej1.google.example\r\n [209.85.218.44]) by mx.olmo.example (Postfix) with ESMTPS id 1\r\nReceived: from inner ([10.0.0.1])\r\nFrom: a@x\r\n\r\nbody";
        let public: IpAddr = "198.51.100.7".parse().expect("an address");
        assert_eq!(
            client_of(raw, Some(public), Some("h.example")),
            Some((public, Some("h.example".into())))
        );
        let from_header = client_of(raw, Some(IpAddr::from([127, 0, 0, 1])), Some("mx"));
        assert_eq!(
            from_header,
            Some((
                IpAddr::from([209, 85, 218, 44]),
                Some("mail-ej1.google.example".into())
            ))
        );
        assert_eq!(client_of(b"From: a@x\r\n\r\nbody", None, None), None);
        let v6 = client_of(b"Received: from h ([IPv6:2001:db8::1])\r\n\r\n", None, None);
        assert_eq!(v6.map(|c| c.0), "2001:db8::1".parse().ok());
    }

    #[test]
    fn only_internet_addresses_are_checked_directly() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.1.1",
            "172.16.0.9",
            "::1",
            "fd00::1",
            "fe80::1",
        ] {
            assert!(
                !is_public(private.parse().expect("an address")),
                "{private}"
            );
        }
        assert!(is_public(IpAddr::from([209, 85, 218, 44])));
    }
}
