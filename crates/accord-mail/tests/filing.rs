//! Filing inbound mail on both engines: new cases, threading, held messages, automatic
//! mail, bounces and re-deliveries.

use std::sync::Arc;

use accord_core::case::{CaseStatus, Channel};
use accord_core::entry::{EntryKind, NewEntry};
use accord_core::language::Language;
use accord_mail::config::{MailConfig, MailSettings};
use accord_mail::ingest::Inbound;
use accord_store::cases::CaseFilter;
use accord_store::mail::{DeliveryState, HeldTarget, MailSource};
use accord_testkit::{Cast, db_test, now};

async fn inbound(store: &accord_store::Store) -> Inbound {
    let settings = MailSettings {
        address: Some("support@olmo.example".into()),
        ..MailSettings::default()
    };
    let config = MailConfig::resolve(&settings, store)
        .await
        .expect("settings");
    Inbound::new(store.clone(), Arc::new(config))
}

/// Delivers a message as the listener would and files it.
async fn deliver(inbound: &Inbound, raw: &str) -> accord_store::mail::Receipt {
    let receipt = inbound
        .receive(
            raw.as_bytes(),
            MailSource::Smtp,
            Some("x@y"),
            &["support@olmo.example".into()],
            None,
        )
        .await
        .expect("received");
    inbound.file_pending().await.expect("filed");
    receipt
}

fn mail(from: &str, id: &str, subject: &str, body: &str, extra: &str) -> String {
    format!(
        "From: {from}\r\nTo: support@olmo.example\r\nMessage-ID: <{id}>\r\nSubject: {subject}\r\n{extra}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
}

async fn email_cases(store: &accord_store::Store, cast: &Cast) -> Vec<accord_core::case::Case> {
    let filter = CaseFilter {
        channel: Some(Channel::Email),
        limit: 100,
        ..CaseFilter::default()
    };
    store.list_cases(&cast.admin, &filter).await.expect("cases")
}

db_test! {
    async fn a_new_sender_writing_in_portuguese_gets_a_portuguese_case_with_the_attachment(db) {
        let cast = Cast::create(&db.store).await;
        let inbound = inbound(&db.store).await;
        let raw = "From: \"Beatriz Santos\" <Beatriz.Santos@Padaria.pt>\r\nTo: support@olmo.example\r\nMessage-ID: <b1@padaria.pt>\r\nSubject: =?UTF-8?Q?Encomenda_n=C3=A3o_chegou?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nBom dia, a encomenda de farinha n=E3o chegou e a padaria precisa dela amanh=E3.\r\n--b\r\nContent-Type: application/pdf; name=\"fatura.pdf\"\r\nContent-Disposition: attachment; filename=\"fatura.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJcfs\r\n--b--\r\n";
        deliver(&inbound, raw).await;
        let cases = email_cases(&db.store, &cast).await;
        assert_eq!(cases.len(), 1);
        let case = &cases[0];
        assert_eq!(case.subject, "Encomenda não chegou");
        assert_eq!(case.language, Language::Pt);
        assert_eq!(case.status, CaseStatus::New);
        let entries = db.store.list_entries(&cast.admin, case.id).await.expect("entries");
        assert_eq!(entries.len(), 1);
        assert!(entries[0].body.contains("não chegou e a padaria precisa dela amanhã"), "{}", entries[0].body);
        let contact = db.store.get_contact(&cast.admin, case.contact_id).await.expect("contact");
        assert_eq!(contact.name, "Beatriz Santos");
        assert_eq!(contact.identities[0].value, "beatriz.santos@padaria.pt");
        let files = db.store.list_attachments(&cast.admin, case.id).await.expect("files");
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].filename, "fatura.pdf");
        let (_, bytes) = db.store.read_attachment(&cast.admin, files[0].id).await.expect("bytes");
        assert!(bytes.starts_with(b"%PDF-1.4"));
    }
}

db_test! {
    async fn a_contact_with_a_preferred_language_keeps_it_whatever_they_write_in(db) {
        let cast = Cast::create(&db.store).await;
        let input = accord_core::people::ContactInput { preferred_language: Some(Language::Lv), ..Default::default() };
        db.store.update_contact(&cast.admin, cast.contact_a, input, now()).await.expect("preference");
        let inbound = inbound(&db.store).await;
        deliver(&inbound, &mail("ilze@acme.lv", "i1@acme.lv", "Invoice", "Hello, the invoice for October has the wrong amount on it, please check.", "")).await;
        let cases = email_cases(&db.store, &cast).await;
        assert_eq!(cases[0].language, Language::Lv);
        assert_eq!(cases[0].contact_id, cast.contact_a);
        assert_eq!(cases[0].organization_id, Some(cast.org_a));
    }
}

db_test! {
    async fn replies_join_their_case_by_message_id_and_by_reply_tag(db) {
        let cast = Cast::create(&db.store).await;
        let inbound = inbound(&db.store).await;
        deliver(&inbound, &mail("ilze@acme.lv", "q1@acme.lv", "Rēķins", "Labdien, rēķinā par oktobri ir nepareiza summa. Lūdzu, pārbaudiet.", "")).await;
        let case = email_cases(&db.store, &cast).await.remove(0);
        // The agent answers by email: the outbox holds the reply with the thread's headers.
        let reply = NewEntry { kind: EntryKind::Outbound, body: "Labdien, Ilze! Pārbaudīsim šodien.".into(), channel: None, department_id: None, answers_entry_id: None };
        db.store.add_entry(&cast.agent, case.id, &reply, now()).await.expect("reply");
        let deliveries = db.store.case_deliveries(&cast.agent, case.id).await.expect("deliveries");
        assert_eq!(deliveries.len(), 1);
        assert_eq!(deliveries[0].state, DeliveryState::Queued);
        assert_eq!(deliveries[0].recipient, "ilze@acme.lv");
        let ours = deliveries[0].message_id.clone();
        assert!(ours.ends_with("@olmo.example"), "{ours}");
        // The customer answers our reply: In-Reply-To names it.
        let answer = mail("ilze@acme.lv", "q2@acme.lv", "Re: Rēķins", "Paldies!", &format!("In-Reply-To: <{ours}>\r\n"));
        deliver(&inbound, &answer).await;
        // A colleague from the same account writes with the tag in the subject, no headers.
        let tag = accord_core::mail::subject_tag(case.number, case.id);
        let colleague = db.store.create_contact(Some(&cast.admin), accord_core::people::ContactInput {
            name: Some("Pēteris".into()),
            organization_id: Some(cast.org_a),
            identities: Some(vec![accord_core::people::Identity { kind: accord_core::people::IdentityKind::Email, value: "peteris@acme.lv".into() }]),
            ..Default::default()
        }, now()).await.expect("colleague");
        deliver(&inbound, &mail("peteris@acme.lv", "p1@acme.lv", &format!("Fwd: summa {tag}"), "Arī es to redzēju.", "")).await;
        assert_eq!(email_cases(&db.store, &cast).await.len(), 1, "no new case");
        let entries = db.store.list_entries(&cast.admin, case.id).await.expect("entries");
        let inbound_authors: Vec<_> = entries.iter().filter(|e| e.kind == EntryKind::Inbound).map(|e| e.author_contact_id).collect();
        assert_eq!(inbound_authors, vec![Some(cast.contact_a), Some(cast.contact_a), Some(colleague.id)]);
    }
}

db_test! {
    async fn a_reply_from_outside_the_account_is_held_for_an_agent_never_filed_silently(db) {
        let cast = Cast::create(&db.store).await;
        let inbound = inbound(&db.store).await;
        deliver(&inbound, &mail("ilze@acme.lv", "a1@acme.lv", "Piegāde", "Labdien, kur ir mūsu piegāde? Tā kavējas jau trīs dienas.", "")).await;
        let case = email_cases(&db.store, &cast).await.remove(0);
        // João (organization B) and a stranger answer the same thread.
        deliver(&inbound, &mail("joao@beta.com.br", "j1@beta.com.br", "Re: Piegāde", "Oi, isto não é meu.", "In-Reply-To: <a1@acme.lv>\r\n")).await;
        let tag = accord_core::mail::subject_tag(case.number, case.id);
        deliver(&inbound, &mail("someone@elsewhere.example", "s1@elsewhere.example", &format!("Re: Piegāde {tag}"), "Hello, I also wait for this delivery.", "")).await;
        let entries = db.store.list_entries(&cast.admin, case.id).await.expect("entries");
        assert_eq!(entries.len(), 1, "nothing joined the case");
        let held = db.store.held_mail(&cast.agent, 10).await.expect("held");
        assert_eq!(held.len(), 2);
        assert!(held.iter().all(|h| h.reason.as_deref() == Some("unknown_sender") && h.candidate_case_id == Some(case.id)));
        // The agent confirms the stranger belongs to the case: filed, sender now a contact of A.
        let stranger = held.iter().find(|h| h.sender.as_deref() == Some("someone@elsewhere.example")).expect("stranger");
        let filed = db.store.resolve_held_mail(&cast.agent, stranger.id, HeldTarget::Case(case.id), now()).await.expect("filed");
        assert_eq!(filed, Some(case.id));
        assert_eq!(db.store.list_entries(&cast.admin, case.id).await.expect("entries").len(), 2);
        assert_eq!(db.store.held_mail(&cast.agent, 10).await.expect("held").len(), 1);
        // Filing twice is refused, not doubled.
        let again = db.store.resolve_held_mail(&cast.agent, stranger.id, HeldTarget::NewCase, now()).await;
        assert!(again.is_err());
        // Customers cannot see held mail.
        assert!(db.store.held_mail(&cast.customer_a, 10).await.is_err());
    }
}

db_test! {
    async fn automatic_mail_opens_no_case_and_gets_no_answer(db) {
        let cast = Cast::create(&db.store).await;
        let inbound = inbound(&db.store).await;
        deliver(&inbound, &mail("noreply@shop.example", "n1@shop.example", "Your weekly offers", "Big discounts this week on all drills and saws for your workshop.", "Precedence: bulk\r\nList-Unsubscribe: <mailto:leave@shop.example>\r\n")).await;
        deliver(&inbound, &mail("ana@cliente.es", "o1@cliente.es", "Fuera de la oficina", "Estoy de vacaciones hasta el lunes. Gracias por su mensaje.", "Auto-Submitted: auto-replied\r\n")).await;
        assert!(email_cases(&db.store, &cast).await.is_empty());
        let held = db.store.held_mail(&cast.agent, 10).await.expect("held");
        assert_eq!(held.len(), 2);
        assert!(held.iter().all(|h| h.reason.as_deref() == Some("automatic")));
        // A page of one, then the page after it: the same two, newest first.
        let first = db.store.held_mail_page(&cast.agent, 1, None).await.expect("page");
        let rest = db.store.held_mail_page(&cast.agent, 1, Some((first[0].received_at, first[0].id))).await.expect("page");
        assert_eq!((first[0].id, rest[0].id), (held[0].id, held[1].id));
        assert!(db.store.held_mail_page(&cast.agent, 1, Some((rest[0].received_at, rest[0].id))).await.expect("page").is_empty());
        // An out-of-office answer to a case's thread joins the case, and nothing answers it.
        deliver(&inbound, &mail("ilze@acme.lv", "c1@acme.lv", "Rēķins", "Labdien, lūdzu atsūtiet rēķina kopiju par novembri.", "")).await;
        let case = email_cases(&db.store, &cast).await.remove(0);
        deliver(&inbound, &mail("ilze@acme.lv", "c2@acme.lv", "Prombūtnē", "Esmu atvaļinājumā līdz pirmdienai.", "Auto-Submitted: auto-replied\r\nIn-Reply-To: <c1@acme.lv>\r\n")).await;
        let entries = db.store.list_entries(&cast.admin, case.id).await.expect("entries");
        assert_eq!(entries.len(), 2);
        assert!(entries.iter().all(|e| e.kind == EntryKind::Inbound));
        assert!(db.store.case_deliveries(&cast.admin, case.id).await.expect("deliveries").is_empty());
    }
}

db_test! {
    async fn a_redelivered_message_is_stored_once(db) {
        let cast = Cast::create(&db.store).await;
        let inbound = inbound(&db.store).await;
        let raw = mail("ilze@acme.lv", "d1@acme.lv", "Dubultā", "Vai šis ziņojums tiek saglabāts divreiz?", "");
        let first = deliver(&inbound, &raw).await;
        let relayed = format!("Received: from mx2.acme.lv by mx1.acme.lv\r\n{raw}");
        let second = deliver(&inbound, &relayed).await;
        assert!(!first.duplicate);
        assert!(second.duplicate);
        assert_eq!(second.id, first.id);
        assert_eq!(email_cases(&db.store, &cast).await.len(), 1);
        assert_eq!(db.store.mail_counts().await.expect("counts"), vec![("filed".to_owned(), 1)]);
    }
}

db_test! {
    async fn a_flood_from_one_sender_is_held_beyond_the_limit(db) {
        let cast = Cast::create(&db.store).await;
        let settings = MailSettings { address: Some("support@olmo.example".into()), sender_limit: Some(3), thread_by_subject: Some(false), ..MailSettings::default() };
        let config = MailConfig::resolve(&settings, &db.store).await.expect("settings");
        let inbound = Inbound::new(db.store.clone(), Arc::new(config));
        for i in 0..5 {
            deliver(&inbound, &mail("bot@loop.example", &format!("f{i}@loop.example"), &format!("Ticket {i}"), "Your request has been received and will be processed.", "")).await;
        }
        assert_eq!(email_cases(&db.store, &cast).await.len(), 3);
        let held = db.store.held_mail(&cast.agent, 10).await.expect("held");
        assert_eq!(held.len(), 2);
        assert!(held.iter().all(|h| h.reason.as_deref() == Some("rate_limited")));
    }
}

db_test! {
    async fn a_delivery_report_marks_the_reply_bounced(db) {
        let cast = Cast::create(&db.store).await;
        let inbound = inbound(&db.store).await;
        deliver(&inbound, &mail("ilze@acme.lv", "r1@acme.lv", "Adrese", "Labdien, lūdzu atbildiet uz šo adresi.", "")).await;
        let case = email_cases(&db.store, &cast).await.remove(0);
        let reply = NewEntry { kind: EntryKind::Outbound, body: "Labdien!".into(), channel: None, department_id: None, answers_entry_id: None };
        db.store.add_entry(&cast.agent, case.id, &reply, now()).await.expect("reply");
        let ours = db.store.case_deliveries(&cast.agent, case.id).await.expect("deliveries").remove(0).message_id;
        let dsn = format!("From: MAILER-DAEMON@mx.acme.lv\r\nTo: support@olmo.example\r\nSubject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn1@mx.acme.lv>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nThe mail system could not deliver your message.\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.acme.lv\r\n\r\nFinal-Recipient: rfc822; ilze@acme.lv\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n--r\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <{ours}>\r\nSubject: Re: Adrese\r\n--r--\r\n");
        deliver(&inbound, &dsn).await;
        let delivery = db.store.case_deliveries(&cast.agent, case.id).await.expect("deliveries").remove(0);
        assert_eq!(delivery.state, DeliveryState::Bounced);
        assert!(delivery.last_error.as_deref().is_some_and(|e| e.contains("5.1.1") && e.contains("User unknown")), "{:?}", delivery.last_error);
        assert_eq!(db.store.list_entries(&cast.admin, case.id).await.expect("entries").len(), 2, "the report is not a message of the case");
        assert_eq!(email_cases(&db.store, &cast).await.len(), 1);
    }
}
