#![allow(clippy::unwrap_used)]
//! Sender authentication through the SMTP listener on both engines (issue 16, items 13 and
//! 15): real DKIM signatures (Ed25519, signed here with mail-auth), SPF against the client
//! the receiving MTA recorded, DMARC over both — with the DNS records given to the checker,
//! since the tests have no DNS. The verdict is stored on the message; a failure is shown to
//! agents; only an authenticated reply to the agreement's own email accepts it.

use std::net::SocketAddr;
use std::sync::Arc;

use accord_core::agreement::{AgreementDraft, AgreementStatus, MilestoneDraft};
use accord_core::case::Change;
use accord_core::language::Language;
use accord_mail::auth::{Authenticator, KnownRecords};
use accord_mail::config::{MailConfig, MailSettings};
use accord_mail::ingest::Inbound;
use accord_mail::listener::{Protocol, serve};
use accord_mail::smtp_client::SmtpClient;
use accord_store::cases::Created;
use accord_testkit::{Cast, db_test};
use base64::Engine as _;
use jiff::SignedDuration;
use mail_auth::common::crypto::Ed25519Key;
use mail_auth::common::headers::HeaderWriter;
use mail_auth::dkim::DkimSigner;

const SUPPORT: &str = "support@olmo.example";

struct Signer {
    key: Vec<u8>,
}

impl Signer {
    fn new() -> (Signer, String) {
        let key = Ed25519Key::generate_pkcs8().unwrap();
        let public = Ed25519Key::from_pkcs8_der(&key).unwrap().public_key();
        let record = format!(
            "v=DKIM1; k=ed25519; p={}",
            base64::engine::general_purpose::STANDARD.encode(public)
        );
        (Signer { key }, record)
    }

    /// The message with a DKIM-Signature of `domain` over its main headers and body.
    fn sign(&self, domain: &str, raw: &str) -> String {
        let key = Ed25519Key::from_pkcs8_der(&self.key).unwrap();
        let signature = DkimSigner::from_key(key)
            .domain(domain)
            .selector("s1")
            .headers(["From", "To", "Subject", "Message-ID", "In-Reply-To"])
            .sign(raw.as_bytes())
            .unwrap();
        format!("{}{raw}", signature.to_header())
    }
}

async fn listener(store: &accord_store::Store, dkim_record: &str) -> (Inbound, SocketAddr) {
    let settings = MailSettings {
        address: Some(SUPPORT.into()),
        ..MailSettings::default()
    };
    let config = MailConfig::resolve(&settings, store).await.unwrap();
    let known = KnownRecords::default()
        .dkim("s1", "acme.lv", dkim_record)
        .spf("acme.lv", "v=spf1 ip4:203.0.113.5 -all")
        .dmarc("acme.lv", "v=DMARC1; p=reject");
    let authenticator = Authenticator::offline("olmo.example", known);
    let inbound = Inbound::with_authenticator(store.clone(), Arc::new(config), authenticator);
    let tcp = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = tcp.local_addr().unwrap();
    tokio::spawn(serve(
        tcp,
        inbound.clone(),
        Protocol::Smtp,
        "mx.olmo.example".into(),
    ));
    (inbound, address)
}

/// What the receiving MTA in front of Accord adds: where the message came from.
fn received_from(ip: &str) -> String {
    format!(
        "Received: from mx.sender.example (mx.sender.example [{ip}])\r\n\tby mx.olmo.example (Postfix) with ESMTPS id 4F2\r\n"
    )
}

async fn send(address: SocketAddr, raw: &str) -> uuid::Uuid {
    let mut client = SmtpClient::connect(address).await.unwrap();
    let (code, reply) = client
        .send_with_reply("ilze@acme.lv", SUPPORT, raw.as_bytes())
        .await
        .unwrap();
    assert_eq!(code, 250, "{reply}");
    reply
        .split_whitespace()
        .find_map(|w| uuid::Uuid::parse_str(w).ok())
        .unwrap()
}

fn draft(cast: &Cast, at: jiff::Timestamp) -> AgreementDraft {
    AgreementDraft {
        problem: "O rēķins atnāca divreiz.".into(),
        outcome: "Anulējam otro rēķinu un atmaksājam starpību.".into(),
        indicators: vec!["Otrais rēķins anulēts.".into()],
        deadline: at + SignedDuration::from_hours(72),
        milestones: vec![MilestoneDraft {
            title: "Rēķins anulēts".into(),
            owner_id: cast.agent.user_id,
            due_at: at + SignedDuration::from_hours(24),
            third_party: None,
        }],
        contract_changes: vec![],
    }
}

db_test! {
    async fn only_an_authenticated_reply_to_the_agreement_email_accepts_it(db) {
        let cast = Cast::create(&db.store).await;
        let store = &db.store;
        let (signer, record) = Signer::new();
        let (inbound, address) = listener(store, &record).await;
        let t = accord_testkit::now();
        let new = accord_core::case::NewCase {
            body: Some("Labdien, rēķins par novembri atnāca divreiz.".into()),
            language: Some(Language::Lv),
            ..accord_testkit::email_case("Rēķins divreiz", cast.contact_a)
        };
        let Created::New(case) = store.create_case(&cast.agent, new, None, t).await.unwrap() else {
            panic!("a new case")
        };
        let (agreement, _) = store.propose_agreement(&cast.agent, case.id, draft(&cast, t), "https://help.example", t).await.unwrap();
        let sent = store.lease_outbox(100, t + SignedDuration::from_hours(1)).await.unwrap();
        let agreement_mail = sent.iter().rev().find(|m| m.recipient == "ilze@acme.lv").unwrap().message_id.clone();
        let tag = accord_core::mail::subject_tag(case.number, case.id);
        let reply = |id: &str, answers: &str| {
            format!("From: Ilze <ilze@acme.lv>\r\nTo: {SUPPORT}\r\nSubject: Re: Vienošanās {tag}\r\nMessage-ID: <{id}@acme.lv>\r\n{answers}Content-Type: text/plain; charset=utf-8\r\n\r\nPiekrītu.\r\n")
        };
        let in_reply_to = format!("In-Reply-To: <{agreement_mail}>\r\n");

        // Forged: the right From, the tag and the thread, sent from elsewhere, unsigned.
        let forged = format!("{}{}", received_from("198.51.100.66"), reply("f1", &in_reply_to));
        let id = send(address, &forged).await;
        inbound.file_pending().await.unwrap();
        let stored = store.inbound_mail(&cast.agent, id).await.unwrap();
        let verdict = stored.authentication.clone().expect("checked");
        assert_eq!((verdict.spf.as_str(), verdict.dkim.as_str(), verdict.dmarc.as_str()), ("fail", "none", "fail"), "{verdict:?}");
        assert_eq!(store.case_agreements(&cast.agent, case.id).await.unwrap()[0].status, AgreementStatus::Proposed);
        let events = store.list_events(&cast.agent, case.id).await.unwrap();
        assert!(events.iter().any(|e| matches!(&e.change, Change::AgreementEmailRefused { reason, .. } if reason == "not_authenticated")));
        let mails = store.case_mail(&cast.agent, case.id).await.unwrap();
        assert!(mails.iter().any(|m| m.authentication.as_ref().is_some_and(|a| a.failed())), "agents see the failure");

        // Signed, but the body changed on the way: the signature fails.
        let tampered = signer.sign("acme.lv", &reply("f2", &in_reply_to)).replace("Piekrītu.", "Piekrītu, un gribu 500 EUR.");
        let id = send(address, &format!("{}{tampered}", received_from("198.51.100.66"))).await;
        inbound.file_pending().await.unwrap();
        let verdict = store.inbound_mail(&cast.agent, id).await.unwrap().authentication.unwrap();
        assert_eq!((verdict.dkim.as_str(), verdict.dmarc.as_str()), ("fail", "fail"), "{verdict:?}");
        assert_eq!(store.case_agreements(&cast.agent, case.id).await.unwrap()[0].status, AgreementStatus::Proposed);

        // Genuine but not an answer to the agreement email: the link, not an acceptance.
        let unthreaded = signer.sign("acme.lv", &reply("g1", ""));
        let id = send(address, &format!("{}{unthreaded}", received_from("203.0.113.5"))).await;
        inbound.file_pending().await.unwrap();
        let verdict = store.inbound_mail(&cast.agent, id).await.unwrap().authentication.unwrap();
        assert_eq!((verdict.spf.as_str(), verdict.dkim.as_str(), verdict.dmarc.as_str()), ("pass", "pass", "pass"), "{verdict:?}");
        assert_eq!(store.case_agreements(&cast.agent, case.id).await.unwrap()[0].status, AgreementStatus::Proposed);

        // Genuine and answering the agreement's email: accepted.
        let genuine = signer.sign("acme.lv", &reply("g2", &in_reply_to));
        let id = send(address, &format!("{}{genuine}", received_from("203.0.113.5"))).await;
        inbound.file_pending().await.unwrap();
        let stored = store.inbound_mail(&cast.agent, id).await.unwrap();
        assert_eq!(stored.authentication.unwrap().dkim_domains, ["acme.lv"]);
        let answered = &store.case_agreements(&cast.agent, case.id).await.unwrap()[0];
        assert_eq!((answered.id, answered.status, answered.answered_via.as_deref()), (agreement.id, AgreementStatus::Accepted, Some("email")));
    }
}

db_test! {
    async fn the_listener_checks_spf_against_a_public_peer_and_every_verdict_is_kept(db) {
        let cast = Cast::create(&db.store).await;
        let (_, record) = Signer::new();
        let (inbound, _) = listener(&db.store, &record).await;
        // The pipe and IMAP have no peer; without a Received header nothing names the
        // client, so SPF is none — and the verdict still records DKIM and DMARC.
        let raw = "From: ilze@acme.lv\r\nTo: support@olmo.example\r\nSubject: Sveiki\r\n\r\nSveiki!\r\n";
        let receipt = inbound
            .receive(raw.as_bytes(), accord_store::mail::MailSource::Cli, Some("ilze@acme.lv"), &[SUPPORT.into()], None)
            .await
            .unwrap();
        inbound.file_pending().await.unwrap();
        let verdict = db.store.inbound_mail(&cast.agent, receipt.id).await.unwrap().authentication.unwrap();
        assert_eq!((verdict.spf.as_str(), verdict.dkim.as_str(), verdict.dmarc.as_str()), ("none", "none", "fail"), "{verdict:?}");
        // A listener facing the internet: its peer is the client SPF checks.
        let public: std::net::IpAddr = "203.0.113.5".parse().unwrap();
        let raw = raw.replace("Sveiki!", "Sveiki vēlreiz!");
        let receipt = inbound
            .receive_from(raw.as_bytes(), accord_store::mail::MailSource::Smtp, Some("ilze@acme.lv"), &[SUPPORT.into()], None, Some((public, "mx.acme.lv")))
            .await
            .unwrap();
        inbound.file_pending().await.unwrap();
        let verdict = db.store.inbound_mail(&cast.agent, receipt.id).await.unwrap().authentication.unwrap();
        assert_eq!((verdict.spf.as_str(), verdict.spf_domain.as_str(), verdict.dmarc.as_str()), ("pass", "acme.lv", "pass"), "{verdict:?}");
    }
}
