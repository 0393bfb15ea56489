#![allow(clippy::unwrap_used)]
//! The email channel in the agent's pages: a reply's delivery state on the case, the
//! received email shown as formatted (sanitized, web images blocked until asked for), and
//! held email filed by an agent — in English and in Spanish; customers see none of it.

mod support;

use std::sync::Arc;

use accord_core::entry::{EntryKind, NewEntry};
use accord_mail::config::{MailConfig, MailSettings};
use accord_mail::ingest::Inbound;
use accord_store::cases::CaseFilter;
use accord_store::mail::MailSource;
use accord_testkit::{PASSWORD, db_test};
use axum::http::{StatusCode, header};
use support::{Browser, TestApp, hidden};

async fn deliver(inbound: &Inbound, raw: &str) {
    inbound
        .receive(
            raw.as_bytes(),
            MailSource::Smtp,
            None,
            &["support@olmo.example".into()],
            None,
        )
        .await
        .unwrap();
    inbound.file_pending().await.unwrap();
}

db_test!(async fn an_agent_sees_delivery_the_original_email_and_files_held_mail(db) {
    let app = TestApp::new(db).await;
    let store = &app.db.store;
    let settings = MailSettings { address: Some("support@olmo.example".into()), ..MailSettings::default() };
    let inbound = Inbound::new(store.clone(), Arc::new(MailConfig::resolve(&settings, store).await.unwrap()));
    let html_mail = "From: Ilze <ilze@acme.lv>\r\nTo: support@olmo.example\r\nSubject: Bojāts urbis\r\nMessage-ID: <h1@acme.lv>\r\nMIME-Version: 1.0\r\n\
        Content-Type: multipart/alternative; boundary=\"a\"\r\n\r\n--a\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nLabdien! Urbis pēc divām dienām vairs nedarbojas.\r\n\
        --a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Labdien! Urbis <b>pēc divām dienām</b> vairs nedarbojas.</p><img src=\"https://tracker.example/pixel.gif\" alt=\"\"><script>alert(1)</script>\r\n--a--\r\n";
    deliver(&inbound, html_mail).await;
    let filter = CaseFilter { limit: 10, ..CaseFilter::default() };
    let case = store.list_cases(&app.cast.admin, &filter).await.unwrap().into_iter().find(|c| c.subject == "Bojāts urbis").unwrap();
    let reply = NewEntry { kind: EntryKind::Outbound, body: "Labdien, Ilze! Nosūtīsim jaunu urbi.".into(), channel: None, department_id: None, answers_entry_id: None };
    store.add_entry(&app.cast.agent, case.id, &reply, accord_testkit::now()).await.unwrap();

    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    let page = agent.get(&format!("/cases/{}", case.number)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Email waiting to be sent to ilze@acme.lv"), "{}", page.text);
    let marker = format!("/cases/{}/mail/", case.number);
    let at = page.text.find(&marker).expect("a link to the original email");
    let href: String = page.text[at..].chars().take_while(|c| *c != '"').collect();

    let original = agent.get(&href).await;
    assert_eq!(original.status, StatusCode::OK);
    assert!(original.text.contains("<b>pēc divām dienām</b>"), "the formatting is kept");
    assert!(!original.text.contains("alert(1)"), "scripts are removed");
    assert!(!original.text.contains("tracker.example/pixel.gif"), "web images are blocked");
    assert!(original.text.contains("Show images"));
    let csp = original.headers.get(header::CONTENT_SECURITY_POLICY).unwrap().to_str().unwrap().to_owned();
    assert!(!csp.contains("https:"), "{csp}");
    let shown = agent.get(&format!("{href}?images=1")).await;
    assert!(shown.text.contains("https://tracker.example/pixel.gif"));
    assert!(shown.headers.get(header::CONTENT_SECURITY_POLICY).unwrap().to_str().unwrap().contains("img-src 'self' data: https:"));

    // Someone outside the account answers with the case's tag: held, then filed by the agent.
    let tag = accord_core::mail::subject_tag(case.number, case.id);
    deliver(&inbound, &format!("From: Mārtiņš <martins@elsewhere.example>\r\nTo: support@olmo.example\r\nSubject: Re: Bojāts urbis {tag}\r\nMessage-ID: <x1@elsewhere.example>\r\n\r\nEs esmu Ilzes kolēģis, lūdzu, zvaniet man.\r\n")).await;
    let held = agent.get("/mail/held").await;
    assert!(held.text.contains("martins@elsewhere.example"));
    assert!(held.text.contains("The sender is not a contact of this case&#39;s account."), "{}", held.text);
    let id = store.held_mail(&app.cast.agent, 10).await.unwrap()[0].id.to_string();
    let csrf = hidden(&held.text, "_csrf");
    let wrong = agent.post(&format!("/mail/held/{id}"), &[("_csrf", &csrf), ("action", "file"), ("case_number", "999999")], &[]).await;
    assert_eq!(wrong.status, StatusCode::SEE_OTHER);
    assert!(agent.get("/mail/held?problem=case").await.text.contains("No case has that number"));
    let number = case.number.to_string();
    let filed = agent.post(&format!("/mail/held/{id}"), &[("_csrf", &csrf), ("action", "file"), ("case_number", &number)], &[]).await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER);
    let after = agent.get(filed.headers.get(header::LOCATION).unwrap().to_str().unwrap()).await;
    assert!(after.text.contains(&format!("The message is now in case {number}.")), "{}", after.text);
    assert!(after.text.contains("No email is waiting for a decision."));
    let entries = store.list_entries(&app.cast.admin, case.id).await.unwrap();
    assert!(entries.iter().any(|e| e.body.contains("Ilzes kolēģis")));
    // Without the form's token nothing happens.
    deliver(&inbound, "From: news@shop.example\r\nTo: support@olmo.example\r\nSubject: Ofertas\r\nMessage-ID: <n1@shop.example>\r\nPrecedence: bulk\r\n\r\nDescuentos en taladros esta semana.\r\n").await;
    let id = store.held_mail(&app.cast.agent, 10).await.unwrap()[0].id.to_string();
    let forged = agent.post(&format!("/mail/held/{id}"), &[("_csrf", "forged"), ("action", "set_aside")], &[]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);

    // In Spanish.
    let mut spanish = Browser::new(&app);
    spanish.sign_in("sofia@accord.test", PASSWORD).await;
    spanish.post("/language", &[("lang", "es"), ("next", "/mail/held")], &[]).await;
    let page = spanish.get("/mail/held").await;
    assert!(page.text.contains("Correo retenido"), "{}", page.text);
    assert!(page.text.contains("Enviado automáticamente"));

    // Customers: no held mail page; their own case's original email only.
    let mut customer = Browser::new(&app);
    customer.sign_in("ilze@acme.lv", PASSWORD).await;
    assert_eq!(customer.get("/mail/held").await.status, StatusCode::NOT_FOUND);
});
