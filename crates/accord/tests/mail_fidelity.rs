#![allow(clippy::unwrap_used)]
//! What a customer sends is stored and read as sent (issue 16, items 1–12), through every
//! door a message comes in by — Accord's SMTP listener, its LMTP listener and the pipe
//! command an MTA runs (`accord ingest-email`, the real binary) — on both engines. Each door
//! delivers into a database of its own, so each reading is checked on its own.

use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::sync::Arc;

use accord_core::language::Language;
use accord_mail::config::{MailConfig, MailSettings};
use accord_mail::ingest::Inbound;
use accord_mail::listener::{Protocol, serve};
use accord_store::mail::InboundSummary;
use accord_testkit::{Cast, TestDb, db_test};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use uuid::Uuid;

const SUPPORT: &str = "support@fidelity.example";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Door {
    Smtp,
    Lmtp,
    Pipe,
}

const DOORS: [Door; 3] = [Door::Smtp, Door::Lmtp, Door::Pipe];

/// A fresh database of the same engine as `like`, with Accord's listeners on loopback.
struct Desk {
    db: TestDb,
    cast: Cast,
    inbound: Inbound,
    smtp: SocketAddr,
    lmtp: SocketAddr,
}

impl Desk {
    async fn like(like: &TestDb) -> Desk {
        let db = if like.url.starts_with("sqlite:") {
            TestDb::sqlite().await
        } else {
            TestDb::postgres().await
        };
        let cast = Cast::create(&db.store).await;
        let settings = MailSettings {
            address: Some(SUPPORT.into()),
            ..MailSettings::default()
        };
        let config = MailConfig::resolve(&settings, &db.store).await.unwrap();
        let inbound = Inbound::new(db.store.clone(), Arc::new(config));
        let mut addresses = Vec::new();
        for protocol in [Protocol::Smtp, Protocol::Lmtp] {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            addresses.push(listener.local_addr().unwrap());
            tokio::spawn(serve(
                listener,
                inbound.clone(),
                protocol,
                "accord.test".into(),
            ));
        }
        Desk {
            db,
            cast,
            inbound,
            smtp: addresses[0],
            lmtp: addresses[1],
        }
    }

    /// Delivers `raw` by a door and files it; returns the stored message's id and the
    /// answer the sender got (the SMTP reply, or the pipe's exit code and output).
    async fn deliver(&self, door: Door, raw: &[u8]) -> (Uuid, String) {
        let answer = match door {
            Door::Smtp => talk(self.smtp, "EHLO", raw).await,
            Door::Lmtp => talk(self.lmtp, "LHLO", raw).await,
            Door::Pipe => self.pipe(raw),
        };
        self.inbound.file_pending().await.unwrap();
        let id = answer
            .split_whitespace()
            .find_map(|w| Uuid::parse_str(w).ok())
            .unwrap_or_else(|| panic!("{door:?} did not store the message: {answer}"));
        (id, answer)
    }

    fn pipe(&self, raw: &[u8]) -> String {
        let mut child = Command::new(env!("CARGO_BIN_EXE_accord"))
            .args(["ingest-email", "--recipient", SUPPORT])
            .env("ACCORD_DATABASE_URL", &self.db.url)
            .env("ACCORD_DATA_DIR", self.db.data_dir())
            .env("ACCORD_MAIL_ADDRESS", SUPPORT)
            .env("ACCORD_LOG", "error")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run accord ingest-email");
        child.stdin.take().unwrap().write_all_sync(raw);
        let output = child.wait_with_output().unwrap();
        format!(
            "exit {} {}{}",
            output.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    }

    async fn stored(&self, id: Uuid) -> InboundSummary {
        self.db
            .store
            .inbound_mail(&self.cast.agent, id)
            .await
            .unwrap()
    }

    async fn raw(&self, id: Uuid) -> Vec<u8> {
        self.db
            .store
            .inbound_raw(&self.cast.agent, id)
            .await
            .unwrap()
    }

    async fn case_language(&self, stored: &InboundSummary) -> Language {
        let case = stored.case_id.expect("filed into a case");
        self.db
            .store
            .get_case(&self.cast.agent, case)
            .await
            .unwrap()
            .language
    }
}

trait WriteAllSync {
    fn write_all_sync(self, bytes: &[u8]);
}

impl WriteAllSync for std::process::ChildStdin {
    fn write_all_sync(mut self, bytes: &[u8]) {
        use std::io::Write;
        self.write_all(bytes).unwrap();
    }
}

/// One SMTP or LMTP transaction. The message is dot-stuffed as clients do — a dot doubled
/// after every line end, bare LF included — and its line ends are left as they are.
async fn talk(address: SocketAddr, hello: &str, raw: &[u8]) -> String {
    let stream = TcpStream::connect(address).await.unwrap();
    let mut stream = BufReader::new(stream);
    reply(&mut stream).await;
    let commands = format!(
        "{hello} client.example\r\nMAIL FROM:<sender@client.example>\r\nRCPT TO:<{SUPPORT}>\r\nDATA\r\n"
    );
    stream
        .get_mut()
        .write_all(commands.as_bytes())
        .await
        .unwrap();
    for expected in ["250", "250", "250", "354"] {
        let answer = reply(&mut stream).await;
        assert!(answer.starts_with(expected), "{answer}");
    }
    let mut data = Vec::with_capacity(raw.len() + 8);
    let mut line_start = true;
    for &b in raw {
        if line_start && b == b'.' {
            data.push(b'.');
        }
        data.push(b);
        line_start = b == b'\n';
    }
    if !raw.ends_with(b"\r\n") {
        data.extend_from_slice(b"\r\n");
    }
    data.extend_from_slice(b".\r\n");
    stream.get_mut().write_all(&data).await.unwrap();
    let answer = reply(&mut stream).await;
    stream.get_mut().write_all(b"QUIT\r\n").await.unwrap();
    answer
}

/// One reply, its continuation lines read past: the last line.
async fn reply(stream: &mut BufReader<TcpStream>) -> String {
    loop {
        let mut line = String::new();
        stream.read_line(&mut line).await.unwrap();
        if line.as_bytes().get(3) != Some(&b'-') {
            return line;
        }
    }
}

/// Every door, each into its own database: the desk and the stored message's id.
async fn through_every_door(like: &TestDb, raw: &[u8]) -> Vec<(Door, Desk, Uuid)> {
    let mut out = Vec::new();
    for door in DOORS {
        let desk = Desk::like(like).await;
        let (id, _) = desk.deliver(door, raw).await;
        out.push((door, desk, id));
    }
    out
}

db_test! {
    async fn lines_starting_with_dots_are_stored_as_sent_whatever_the_line_ends(db) {
        let bodies: [&[u8]; 4] = [
            b"From: ana@cliente.example\nSubject: Pontos\n\nOla\n...\n./x\n.. leading\n.\nfim\n",
            b"From: ana@cliente.example\r\nSubject: Pontos\r\n\r\nOla\r\n...\r\n./x\r\n.\r\nfim\r\n",
            b"From: ana@cliente.example\r\nSubject: Pontos\r\n\r\nOla\n...\r\n./x\n..\r\nfim\n",
            b"From: ana@cliente.example\nSubject: Pontos\n\n.starts with a dot\n....\n",
        ];
        for raw in bodies {
            for (door, desk, id) in through_every_door(&db, raw).await {
                let stored_raw = desk.raw(id).await;
                // The pipe command gets what the MTA had; the listeners add the CRLF that
                // ends the DATA only where the message lacked one.
                let expected: Vec<u8> = if door != Door::Pipe && !raw.ends_with(b"\r\n") {
                    [raw, b"\r\n"].concat()
                } else {
                    raw.to_vec()
                };
                assert_eq!(
                    String::from_utf8_lossy(&stored_raw),
                    String::from_utf8_lossy(&expected),
                    "{door:?} changed the bytes"
                );
                let body = desk.stored(id).await.body.unwrap_or_default();
                let sent = String::from_utf8_lossy(raw);
                let sent_body = sent.split_once("\n\n").or_else(|| sent.split_once("\r\n\r\n")).unwrap().1;
                assert_eq!(body, sent_body.replace("\r\n", "\n").trim(), "{door:?}");
            }
        }
    }
}

db_test! {
    async fn different_messages_are_never_merged_and_one_message_twice_is(db) {
        // No Message-ID and no blank line after the headers: the old key saw no body.
        let plain = "From: ana@cliente.example\nDate: Mon, 23 Nov 2026 10:00:00 +0000\nSubject: Foto\nContent-Type: text/plain\n";
        let messages = [
            plain.to_owned(),
            plain.replace("text/plain", "image/gif"),
            format!("{plain}X-Part: 2\n"),
            plain.replace("Subject: Foto\n", "Subject: Foto\nMessage-ID: <same@cliente.example>\n"),
            plain.replace("Subject: Foto\n", "Subject: Foto\nMessage-ID: <same@cliente.example>\n") + "\nanother body\n",
        ];
        let desk = Desk::like(&db).await;
        let mut ids = Vec::new();
        for (i, raw) in messages.iter().enumerate() {
            let door = DOORS[i % DOORS.len()];
            let (id, answer) = desk.deliver(door, raw.as_bytes()).await;
            assert!(!answer.to_lowercase().contains("already"), "{door:?} merged message {i}: {answer}");
            assert!(!ids.contains(&id));
            ids.push(id);
        }
        // The same message again by each door, with the trace headers of another hop and
        // CRLF line ends: the same answer everywhere, nothing stored twice.
        for door in DOORS {
            let again = format!("Received: from mx2.example by mx1.example\r\nReturn-Path: <ana@cliente.example>\r\n{}", messages[0].replace('\n', "\r\n"));
            let (id, answer) = desk.deliver(door, again.as_bytes()).await;
            assert_eq!(id, ids[0], "{door:?}");
            assert!(answer.to_lowercase().contains("already stored as"), "{door:?}: {answer}");
        }
        let counts = desk.db.store.mail_counts().await.unwrap();
        let total: i64 = counts.iter().map(|(_, n)| n).sum();
        assert_eq!(total, messages.len() as i64, "{counts:?}");
    }
}

db_test! {
    async fn nul_bytes_are_removed_alike_on_both_engines_and_noted(db) {
        let raw = b"From: Ana Silva <ana@cliente.example>\r\nSubject: Fatura\0 errada\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBom dia,\0 a fatura\0 veio em dobro.\r\n";
        for (door, desk, id) in through_every_door(&db, raw).await {
            let stored = desk.stored(id).await;
            assert_eq!(stored.state, "filed", "{door:?}: {:?}", stored.reason);
            assert_eq!(stored.subject.as_deref(), Some("Fatura errada"));
            assert_eq!(stored.body.as_deref(), Some("Bom dia, a fatura veio em dobro."));
            assert!(stored.notes.iter().any(|n| n.code == "nul-removed"), "{door:?}");
            // Sender authentication ran whatever the door (here no DNS knows the domain).
            let verdict = stored.authentication.unwrap_or_else(|| panic!("{door:?}: not checked"));
            assert_eq!((verdict.dkim.as_str(), verdict.from_domain.as_str()), ("none", "cliente.example"), "{door:?}");
            assert_eq!(desk.raw(id).await, raw.to_vec(), "the raw message keeps its bytes");
        }
    }
}

db_test! {
    async fn text_is_read_by_what_its_bytes_are_and_the_case_gets_the_right_language(db) {
        let latvian = "Labdien! Rēķins par novembri atnāca divreiz, lūdzu, atceliet vienu no tiem.";
        let (big5, _, _) = encoding_rs::BIG5.encode("您好，十一月的發票重複了，請取消其中一張。");
        let (koi8, _, _) = encoding_rs::KOI8_R.encode("Здравствуйте, счёт пришёл дважды.");
        let message = |charset: &str, body: &[u8]| -> Vec<u8> {
            [
                format!("From: ilze@klients.example\r\nSubject: Rekins\r\nContent-Type: text/plain; charset={charset}\r\n\r\n").as_bytes(),
                body,
                b"\r\n",
            ]
            .concat()
        };
        let cases: Vec<(Vec<u8>, &str, Option<&str>)> = vec![
            (message("us-ascii", latvian.as_bytes()), latvian, Some("charset-was-utf8")),
            (message("gb2312", latvian.as_bytes()), latvian, Some("charset-was-utf8")),
            (message("iso-8859-1", latvian.as_bytes()), latvian, Some("charset-was-utf8")),
            (message("big5", &big5), "您好，十一月的發票重複了，請取消其中一張。", None),
            (message("koi8-r", &koi8), "Здравствуйте, счёт пришёл дважды.", None),
        ];
        for (raw, text, note) in cases {
            for (door, desk, id) in through_every_door(&db, &raw).await {
                let stored = desk.stored(id).await;
                assert_eq!(stored.body.as_deref(), Some(text), "{door:?}");
                let codes: Vec<&str> = stored.notes.iter().map(|n| n.code.as_str()).collect();
                assert_eq!(codes, note.into_iter().collect::<Vec<_>>(), "{door:?}");
                if text == latvian {
                    assert_eq!(desk.case_language(&stored).await, Language::Lv, "{door:?}");
                }
            }
        }
    }
}

db_test! {
    async fn plain_text_under_a_base64_label_is_kept_as_written(db) {
        let texts = [
            "Bom dia, a encomenda de farinha chegou incompleta.",
            "Hola: la factura llegó dos veces.\r\nGracias.",
            "Thanks",
        ];
        for text in texts {
            let raw = format!("From: ana@cliente.example\r\nSubject: Encomenda\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{text}\r\n");
            for (door, desk, id) in through_every_door(&db, raw.as_bytes()).await {
                let stored = desk.stored(id).await;
                assert_eq!(stored.body.as_deref(), Some(text.replace("\r\n", "\n").as_str()), "{door:?}");
                assert!(stored.notes.iter().any(|n| n.code == "not-base64"), "{door:?}");
            }
        }
    }
}

db_test! {
    async fn folded_attachment_names_keep_their_extension(db) {
        let dispositions = [
            "attachment;\r\n filename*0*=UTF-8''Zawiadomienie%20o%20post%C4%99;\r\n filename*1*=powaniu.pdf",
            "attachment;\r\n\tfilename=\"=?UTF-8?Q?Zawiadomienie_o_post=C4=99?=\r\n =?UTF-8?Q?powaniu.pdf?=\"",
            "attachment; filename=\"=?ISO-8859-2?B?WmF3aWFkb21pZW5pZSBvIHBvc3Tq?=\r\n\t=?ISO-8859-2?B?cG93YW5pdS5wZGY=?=\"",
        ];
        for disposition in dispositions {
            let raw = format!(
                "From: ana@cliente.example\r\nSubject: Documento\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nEm anexo.\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: {disposition}\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJcfs\r\n--b--\r\n"
            );
            for (door, desk, id) in through_every_door(&db, raw.as_bytes()).await {
                let stored = desk.stored(id).await;
                assert_eq!(stored.attachments, ["Zawiadomienie o postępowaniu.pdf"], "{door:?} {disposition:?}");
            }
        }
    }
}

db_test! {
    async fn a_sender_header_with_two_addresses_gives_the_first_one(db) {
        for from in [
            "Ana <ana@cliente.example> Bruno <bruno@cliente.example>",
            "ana@cliente.example bruno@cliente.example",
            "\"Ana\" <ana@cliente.example>, <bruno@cliente.example>",
        ] {
            let raw = format!("From: {from}\r\nSubject: Ajuda\r\n\r\nA encomenda de farinha chegou incompleta.\r\n");
            for (door, desk, id) in through_every_door(&db, raw.as_bytes()).await {
                let stored = desk.stored(id).await;
                assert_eq!(stored.sender.as_deref(), Some("ana@cliente.example"), "{door:?} {from}");
                assert_eq!(stored.state, "filed");
            }
        }
    }
}

db_test! {
    async fn a_space_before_the_headers_is_read_past_and_what_is_unreadable_says_so(db) {
        for raw in [
            " From: ana@cliente.example\r\nSubject: Ajuda\r\n\r\nA encomenda chegou incompleta.\r\n",
            "\r\n\r\nFrom: ana@cliente.example\r\nSubject: Ajuda\r\n\r\nA encomenda chegou incompleta.\r\n",
            "\t From: ana@cliente.example\nSubject: Ajuda\n\nA encomenda chegou incompleta.\n",
        ] {
            for (door, desk, id) in through_every_door(&db, raw.as_bytes()).await {
                let stored = desk.stored(id).await;
                assert_eq!(stored.state, "filed", "{door:?} {raw:?}: {:?}", stored.reason);
                assert_eq!(stored.sender.as_deref(), Some("ana@cliente.example"));
                assert_eq!(stored.body.as_deref(), Some("A encomenda chegou incompleta."));
            }
        }
        // Text with no headers at all is readable but names nobody to answer.
        let no_headers = b"just some words typed into a pipe, no headers at all\r\n";
        for (door, desk, id) in through_every_door(&db, no_headers).await {
            let stored = desk.stored(id).await;
            assert_eq!(stored.state, "held", "{door:?}");
            assert_eq!(stored.reason.as_deref(), Some("no_sender"), "{door:?}");
            assert_eq!(stored.body.as_deref(), Some("just some words typed into a pipe, no headers at all"));
        }
    }
}

db_test! {
    async fn inline_named_text_is_read_and_broken_text_parts_are_recovered(db) {
        let named = "From: ana@cliente.example\r\nSubject: Notas\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSegue a lista.\r\n--b\r\nContent-Type: text/plain; charset=utf-8; name=\"lista.txt\"\r\nContent-Disposition: inline; filename=\"lista.txt\"\r\n\r\nfarinha 20 kg\r\nfermento 2 kg\r\n--b--\r\n";
        for (door, desk, id) in through_every_door(&db, named.as_bytes()).await {
            let stored = desk.stored(id).await;
            let body = stored.body.unwrap_or_default();
            assert!(body.contains("Segue a lista.") && body.contains("farinha 20 kg"), "{door:?}: {body}");
            assert_eq!(stored.attachments, ["lista.txt"], "{door:?}");
        }
        let broken = [
            "From: ana@cliente.example\r\nSubject: Fatura\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"XX\"\r\n\r\n--XX\r\nContent-Type: <html>\r\n\r\n<html><body><p>Bom dia, a fatura est\u{e1} errada.</p></body></html>\r\n",
            "From: ana@cliente.example\r\nSubject: Fatura\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n--XX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBom dia, a fatura est\u{e1} errada.\r\n",
        ];
        for raw in broken {
            for (door, desk, id) in through_every_door(&db, raw.as_bytes()).await {
                let body = desk.stored(id).await.body.unwrap_or_default();
                assert!(body.contains("Bom dia, a fatura está errada."), "{door:?}: {body:?}");
            }
        }
    }
}

db_test! {
    async fn placeholder_subjects_do_not_thread_unrelated_mail(db) {
        for subject in ["Subject Unavailable", "...", "(no subject)", "Encrypted message", "(sem assunto)"] {
            let desk = Desk::like(&db).await;
            let mut cases = Vec::new();
            for (i, (door, body)) in [(Door::Smtp, "A farinha chegou incompleta."), (Door::Pipe, "Quero mudar a morada de entrega.")].into_iter().enumerate() {
                let raw = format!("From: ana@cliente.example\r\nMessage-ID: <p{i}@cliente.example>\r\nSubject: {subject}\r\n\r\n{body}\r\n");
                let (id, _) = desk.deliver(door, raw.as_bytes()).await;
                cases.push(desk.stored(id).await.case_id.expect("filed"));
            }
            assert_ne!(cases[0], cases[1], "{subject:?} joined two matters");
        }
    }
}

db_test! {
    async fn a_delivery_report_for_mail_accord_never_sent_is_held_for_an_agent(db) {
        let report = "From: MAILER-DAEMON@mx.example\r\nTo: support@fidelity.example\r\nSubject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: rfc822; nobody@cliente.example\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--r\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <never-sent-by-accord@elsewhere.example>\r\nSubject: Hello\r\n\r\n--r--\r\n";
        for (door, desk, id) in through_every_door(&db, report.as_bytes()).await {
            let stored = desk.stored(id).await;
            assert_eq!(stored.state, "held", "{door:?}");
            assert_eq!(stored.reason.as_deref(), Some("automatic"), "{door:?}");
            let held = desk.db.store.held_mail(&desk.cast.agent, 10).await.unwrap();
            assert!(held.iter().any(|h| h.id == id), "{door:?}: agents see it");
        }
    }
}

db_test! {
    async fn a_file_that_is_not_email_is_held_as_unreadable_with_the_file_kept(db) {
        let mut outlook = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        outlook.extend(std::iter::repeat_n(0u8, 64));
        outlook.extend_from_slice(b"__substg1.0_0037001F\0\0S\0u\0b\0j\0");
        let pdf = b"%PDF-1.4\n%\xc7\xec\n1 0 obj\n<<>>\nendobj\n".to_vec();
        let nul_headers = b"Fr\0om: x\0\0\r\n\0\0\0\r\n\r\nbody".to_vec();
        for (raw, name) in [(outlook, "message.msg"), (pdf, "document.pdf"), (nul_headers, "message.bin")] {
            for (door, desk, id) in through_every_door(&db, &raw).await {
                let stored = desk.stored(id).await;
                assert_eq!(stored.state, "held", "{door:?} {name}");
                assert!(stored.reason.as_deref().unwrap_or_default().starts_with("unreadable: not-mail:"), "{door:?}: {:?}", stored.reason);
                assert_eq!(stored.attachments, [name], "{door:?}");
                assert!(!stored.body.unwrap_or_default().contains('\0'));
            }
        }
    }
}
