//! The email channel against real peers: swaks and Python's smtplib sending to Accord's
//! SMTP and LMTP listeners, an aiosmtpd sink as the relay of replies (whose messages are
//! parsed back), and Dovecot as an IMAP mailbox Accord reads.

mod peers;

use accord_core::case::{Case, Channel};
use accord_core::entry::{EntryKind, NewEntry};
use accord_core::language::Language;
use accord_mail::config::{ImapSettings, MailSettings, MailboxSettings};
use accord_mail::service::{Listen, start};
use accord_store::Store;
use accord_store::cases::CaseFilter;
use accord_store::mail::DeliveryState;
use accord_testkit::{Cast, TestDb, now};
use mail_parser::{HeaderValue, MessageParser};
use peers::{Dovecot, SmtpSink, eventually, smtplib, swaks, swaks_try};

fn loopback() -> Option<std::net::SocketAddr> {
    Some(std::net::SocketAddr::from(([127, 0, 0, 1], 0)))
}

async fn email_cases(store: &Store, cast: &Cast) -> Vec<Case> {
    let filter = CaseFilter {
        channel: Some(Channel::Email),
        limit: 100,
        ..CaseFilter::default()
    };
    store.list_cases(&cast.admin, &filter).await.expect("cases")
}

const EXAMPLE: &str = include_str!("../../../examples/policy.toml");

/// The messages the sink received for one address, parsed.
fn received_by(sink: &SmtpSink, address: &str) -> Vec<Vec<u8>> {
    sink.received()
        .into_iter()
        .filter(|raw| {
            let parsed = MessageParser::default().parse(raw.as_slice());
            parsed
                .and_then(|m| {
                    m.to()
                        .and_then(|a| a.first())
                        .and_then(|a| a.address())
                        .map(|a| a == address)
                })
                .unwrap_or(false)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_in_by_smtp_reply_out_through_the_relay_and_the_answer_threads() {
    let db = TestDb::sqlite().await;
    let cast = Cast::create(&db.store).await;
    // The demo's policy: email cases are acknowledged at once; asking for a manager gives the
    // case to a supervisor.
    let at = now() - jiff::SignedDuration::from_mins(1);
    let (draft, _) = db
        .store
        .create_policy_draft(&cast.supervisor, EXAMPLE, "Email.", at)
        .await
        .expect("draft");
    db.store
        .publish_policy(&cast.supervisor, draft.number, at, &[], at)
        .await
        .expect("publish");
    let sink = SmtpSink::start().await;
    let settings = MailSettings {
        address: Some("soporte@olmo.example".into()),
        name: Some("Olmo Soporte".into()),
        relay: Some(format!("smtp://127.0.0.1:{}", sink.port)),
        mailboxes: vec![MailboxSettings {
            name: "ventas".into(),
            address: Some("ventas@olmo.example".into()),
            team: Some("Atbalsts".into()),
            ..MailboxSettings::default()
        }],
        ..MailSettings::default()
    };
    let (_, running) = start(
        &db.store,
        &settings,
        &Listen {
            smtp: loopback(),
            lmtp: loopback(),
        },
    )
    .await
    .expect("mail channel");
    let smtp = running.smtp.expect("smtp").port();

    // A customer writes in Spanish, with swaks.
    let transcript = swaks(
        smtp,
        &[
            "--to",
            "ventas@olmo.example",
            "--from",
            "ana@cliente.es",
            "--header",
            "Subject: Taladro roto",
            "--header",
            "Message-ID: <s1@cliente.es>",
            "--header",
            "Content-Type: text/plain; charset=utf-8",
            "--body",
            "Hola, el taladro que compré la semana pasada no arranca. ¿Pueden ayudarme, por favor?",
        ],
    );
    assert!(transcript.contains("250 2.0.0 Stored as"), "{transcript}");
    eventually("the case opens", || async {
        email_cases(&db.store, &cast).await.len() == 1
    })
    .await;
    let case = email_cases(&db.store, &cast).await.remove(0);
    assert_eq!(case.language, Language::Es);
    assert_eq!(case.team_id, Some(cast.team), "the mailbox's team");
    assert_eq!(case.subject, "Taladro roto");

    // The acknowledgement reaches her mail client: in Spanish, with the promise, threaded,
    // marked as sent automatically.
    eventually("the relay receives the acknowledgement", || async {
        sink.received().len() == 1
    })
    .await;
    let ack_raw = sink.received().remove(0);
    let ack = MessageParser::default().parse(&ack_raw).expect("a message");
    assert_eq!(ack.in_reply_to().as_text(), Some("s1@cliente.es"));
    assert_eq!(
        ack.header_raw("Content-Language").map(str::trim),
        Some("es")
    );
    assert_eq!(
        ack.header_raw("Auto-Submitted").map(str::trim),
        Some("auto-replied")
    );
    let ack_text = ack.body_text(0).expect("text").replace(['\r', '\n'], " ");
    assert!(
        ack_text.contains("Su mensaje es importante para nosotros"),
        "{ack_text}"
    );
    assert!(
        ack_text.contains("Volveremos a escribirle a más tardar"),
        "{ack_text}"
    );
    let ack_id = ack.message_id().expect("ack id").to_owned();

    // The agent replies; the relay receives a real email that threads.
    let reply = NewEntry {
        kind: EntryKind::Outbound,
        body: "Hola Ana:\n\nLe enviamos un taladro nuevo mañana.\n\nSaludos".into(),
        channel: None,
        department_id: None,
        answers_entry_id: None,
    };
    db.store
        .add_entry(&cast.agent, case.id, &reply, now())
        .await
        .expect("reply");
    eventually("the relay receives the reply", || async {
        sink.received().len() == 2
    })
    .await;
    let raw = sink.received().remove(1);
    let sent = MessageParser::default().parse(&raw).expect("a message");
    assert_eq!(sent.in_reply_to().as_text(), Some("s1@cliente.es"));
    let references = match sent.references() {
        HeaderValue::Text(id) => vec![id.to_string()],
        HeaderValue::TextList(ids) => ids.iter().map(|i| i.to_string()).collect(),
        _ => vec![],
    };
    assert!(
        references.contains(&"s1@cliente.es".to_owned()) && references.contains(&ack_id),
        "the thread: {references:?}"
    );
    assert!(
        sent.header_raw("Auto-Submitted").is_none(),
        "a person wrote it"
    );
    assert_eq!(
        sent.header_raw("Content-Language").map(str::trim),
        Some("es")
    );
    assert!(
        sent.subject()
            .expect("subject")
            .contains(&accord_core::mail::subject_tag(case.number, case.id))
    );
    assert_eq!(
        sent.to().and_then(|a| a.first()).and_then(|a| a.address()),
        Some("ana@cliente.es")
    );
    assert!(
        sent.body_text(0)
            .expect("text")
            .contains("taladro nuevo mañana")
    );
    assert!(sent.body_html(0).expect("html").contains("lang=\"es\""));
    let our_id = sent.message_id().expect("message id").to_owned();
    eventually("the delivery is recorded as sent", || async {
        db.store
            .case_deliveries(&cast.agent, case.id)
            .await
            .expect("deliveries")
            .iter()
            .all(|d| d.state == DeliveryState::Sent)
    })
    .await;

    // Her mail client answers our reply (Python's smtplib): it joins the case.
    let answer = format!(
        "From: Ana <ana@cliente.es>\r\nTo: soporte@olmo.example\r\nSubject: Re: Taladro roto\r\nMessage-ID: <s2@cliente.es>\r\nIn-Reply-To: <{our_id}>\r\nReferences: <s1@cliente.es> <{our_id}>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGracias, pero quiero hablar con el gerente.\r\n"
    );
    smtplib(smtp, "ana@cliente.es", "soporte@olmo.example", &answer);
    eventually("the answer joins the case", || async {
        db.store
            .list_entries(&cast.admin, case.id)
            .await
            .expect("entries")
            .len()
            == 4
    })
    .await;
    assert_eq!(email_cases(&db.store, &cast).await.len(), 1);
    // Asking for a manager gave the case to the supervisor, who is told by email too.
    eventually("the supervisor's notification is sent", || async {
        !received_by(&sink, "sofia@accord.test").is_empty()
    })
    .await;
    let notice = received_by(&sink, "sofia@accord.test").remove(0);
    let notice = MessageParser::default().parse(&notice).expect("a message");
    assert!(
        notice
            .subject()
            .expect("subject")
            .contains(&case.number.to_string()),
        "{:?}",
        notice.subject()
    );
    assert!(
        notice
            .body_text(0)
            .expect("text")
            .contains("asks-for-manager")
    );
    assert_eq!(
        notice.header_raw("Content-Language").map(str::trim),
        Some("en"),
        "the supervisor reads English"
    );

    // LMTP, as Postfix would deliver: a Latvian message opens its own case.
    let lmtp = running.lmtp.expect("lmtp").port();
    let transcript = swaks(
        lmtp,
        &[
            "--protocol",
            "LMTP",
            "--to",
            "soporte@olmo.example",
            "--from",
            "ilze@acme.lv",
            "--header",
            "Subject: Rēķins",
            "--header",
            "Content-Type: text/plain; charset=utf-8",
            "--body",
            "Labdien! Rēķinā par oktobri ir nepareiza summa. Lūdzu, pārbaudiet un atsūtiet jaunu.",
        ],
    );
    assert!(transcript.contains("250 2.0.0 Stored as"), "{transcript}");
    eventually("the LMTP message opens a case", || async {
        email_cases(&db.store, &cast).await.len() == 2
    })
    .await;
    let latvian = email_cases(&db.store, &cast)
        .await
        .into_iter()
        .find(|c| c.subject == "Rēķins")
        .expect("case");
    assert_eq!(latvian.language, Language::Lv);
    assert_eq!(
        latvian.contact_id, cast.contact_a,
        "a known address is its contact"
    );

    // Mail for other domains is refused at RCPT: the listener is not a relay.
    let (ok, transcript) = swaks_try(
        smtp,
        &[
            "--to",
            "someone@elsewhere.example",
            "--from",
            "x@y.example",
            "--quit-after",
            "RCPT",
        ],
    );
    assert!(!ok && transcript.contains("550 5.1.1"), "{transcript}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversize_message_is_refused_with_552_and_nothing_is_stored() {
    let db = TestDb::sqlite().await;
    let cast = Cast::create(&db.store).await;
    let settings = MailSettings {
        address: Some("support@olmo.example".into()),
        max_message_bytes: Some(4000),
        ..MailSettings::default()
    };
    let (_, running) = start(
        &db.store,
        &settings,
        &Listen {
            smtp: loopback(),
            lmtp: None,
        },
    )
    .await
    .expect("mail channel");
    let smtp = running.smtp.expect("smtp").port();
    let body = "Olá! ".repeat(2000);
    let (ok, transcript) = swaks_try(
        smtp,
        &[
            "--to",
            "support@olmo.example",
            "--from",
            "a@b.pt",
            "--body",
            &body,
        ],
    );
    assert!(!ok && transcript.contains("552 5.3.4"), "{transcript}");
    // The session goes on: a message within the limit is taken on the same server.
    swaks(
        smtp,
        &[
            "--to",
            "support@olmo.example",
            "--from",
            "a@b.pt",
            "--header",
            "Subject: Olá",
            "--body",
            "Bom dia, uma pergunta curta sobre a fatura.",
        ],
    );
    eventually("the small one is filed", || async {
        email_cases(&db.store, &cast).await.len() == 1
    })
    .await;
    assert_eq!(
        db.store.mail_counts().await.expect("counts"),
        vec![("filed".to_owned(), 1)]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_imap_mailbox_is_read_into_its_team_once() {
    let db = TestDb::sqlite().await;
    let cast = Cast::create(&db.store).await;
    let dovecot = Dovecot::start().await;
    let first = "From: Ilze <ilze@acme.lv>\r\nTo: atbalsts@olmo.example\r\nSubject: Piegāde kavējas\r\nMessage-ID: <m1@acme.lv>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nLabdien! Mūsu pasūtījums kavējas jau nedēļu. Kad tas pienāks?\r\n";
    // A message over the size limit first: it stays unread in the mailbox, and the ones
    // after it are still read (the poller once stopped at it for ever).
    let oversize = format!(
        "From: Ilze <ilze@acme.lv>\r\nTo: atbalsts@olmo.example\r\nSubject: Liels\r\n\r\n{}\r\n",
        "x".repeat(6000)
    );
    dovecot.deliver(&oversize).await;
    dovecot.deliver(first).await;
    let settings = MailSettings {
        address: Some("support@olmo.example".into()),
        max_message_bytes: Some(4096),
        mailboxes: vec![MailboxSettings {
            name: "atbalsts".into(),
            team: Some("Atbalsts".into()),
            imap: Some(ImapSettings {
                host: "127.0.0.1".into(),
                port: Some(dovecot.port),
                tls: Some(false),
                user: dovecot.user.into(),
                password: Some(dovecot.password.into()),
                ..ImapSettings::default()
            }),
            ..MailboxSettings::default()
        }],
        ..MailSettings::default()
    };
    start(&db.store, &settings, &Listen::default())
        .await
        .expect("mail channel");
    eventually("the waiting message is read", || async {
        email_cases(&db.store, &cast).await.len() == 1
    })
    .await;
    // A message arriving while Accord waits (IDLE) is read too.
    dovecot.deliver("From: Pēteris <peteris@acme.lv>\r\nTo: atbalsts@olmo.example\r\nSubject: Jautājums par garantiju\r\nMessage-ID: <m2@acme.lv>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSveiki! Cik ilga ir garantija urbjmašīnai?\r\n").await;
    eventually("the new message is read", || async {
        email_cases(&db.store, &cast).await.len() == 2
    })
    .await;
    // The same message put in the mailbox again is not a second case.
    dovecot.deliver(first).await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let cases = email_cases(&db.store, &cast).await;
    assert_eq!(cases.len(), 2);
    assert!(
        cases
            .iter()
            .all(|c| c.team_id == Some(cast.team) && c.language == Language::Lv)
    );
    assert_eq!(
        db.store
            .imap_position("atbalsts")
            .await
            .expect("position")
            .map(|(_, uid)| uid),
        Some(4)
    );
}
