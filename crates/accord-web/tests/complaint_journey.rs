#![allow(clippy::unwrap_used)]
//! A complaint from first email to follow-up, in Portuguese (issue 6, acceptance 1), in
//! headless Chromium with Accord's real SMTP listener and a real relay sink: the complaint
//! arrives by email and is acknowledged; the agent records the understanding and proposes
//! an agreement; the customer accepts it from the emailed link; a milestone is reached and
//! the customer told; the case is resolved with an explanation; the follow-up survey is
//! answered 2 of 5 with one click from its email; the case is reopened and its agent
//! alerted. Every email the customer receives is checked for its language and content.

mod chromium;
mod support;

#[path = "../../accord-mail/tests/peers/smtp.rs"]
mod peers;

use accord_core::case::CaseStatus;
use accord_mail::config::MailSettings;
use accord_mail::service::{Listen, start};
use accord_store::cases::CaseFilter;
use accord_testkit::{PASSWORD, TestDb};
use chromium::Browser;
use mail_parser::MessageParser;
use peers::{SmtpSink, eventually, swaks};
use support::TestApp;

const CUSTOMER: &str = "beatriz@padaria-costa.pt";

/// The customer's emails, in the order her mail server got them: (language, subject, text).
fn customer_mail(sink: &SmtpSink) -> Vec<(String, String, String)> {
    mail_to(sink, CUSTOMER)
}

fn mail_to(sink: &SmtpSink, address: &str) -> Vec<(String, String, String)> {
    sink.received()
        .into_iter()
        .filter_map(|raw| {
            let m = MessageParser::default().parse(raw.as_slice())?;
            let to = m.to()?.first()?.address()?.to_owned();
            (to == address).then(|| {
                (
                    m.header_raw("Content-Language")
                        .map(|l| l.trim().to_owned())
                        .unwrap_or_default(),
                    m.subject().unwrap_or_default().to_owned(),
                    m.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
                )
            })
        })
        .collect()
}

/// Waits for the customer's `n`th email and returns it, checked to be in Portuguese.
async fn nth_customer_mail(sink: &SmtpSink, n: usize, what: &str) -> (String, String) {
    eventually(what, || async { customer_mail(sink).len() >= n }).await;
    let (language, subject, text) = customer_mail(sink).swap_remove(n - 1);
    assert_eq!(language, "pt", "{what} is in Portuguese: {subject}\n{text}");
    (subject, text)
}

/// Sets a form field's value (datetime-local inputs do not take typed text reliably).
async fn set_value(browser: &Browser, css: &str, value: &str) {
    browser.element(css).await;
    browser
        .client
        .execute(
            "document.querySelector(arguments[0]).value = arguments[1];",
            vec![css.into(), value.into()],
        )
        .await
        .unwrap();
}

async fn status(app: &TestApp, case: accord_core::ids::CaseId) -> CaseStatus {
    let case = app.db.store.get_case(&app.cast.agent, case).await.unwrap();
    case.status
}

fn local(at: jiff::Timestamp) -> String {
    at.to_zoned(jiff::tz::TimeZone::UTC)
        .strftime("%Y-%m-%dT%H:%M")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_portuguese_complaint_goes_from_email_to_agreement_resolution_and_follow_up() {
    let app = TestApp::new(TestDb::sqlite().await).await;
    let store = &app.db.store;
    let start_at = accord_testkit::now() - jiff::SignedDuration::from_mins(1);
    app.cast
        .publish(store, accord_demo::EXAMPLE_POLICY, start_at)
        .await;
    let sink = SmtpSink::start().await;
    let settings = MailSettings {
        address: Some("suporte@olmo.example".into()),
        name: Some("Olmo Suporte".into()),
        relay: Some(format!("smtp://127.0.0.1:{}", sink.port)),
        ..MailSettings::default()
    };
    let listen = Listen {
        smtp: Some(std::net::SocketAddr::from(([127, 0, 0, 1], 0))),
        lmtp: None,
    };
    let (_, running) = start(store, &settings, &listen).await.unwrap();
    let base = chromium::serve(app.router.clone()).await;
    // Links in emails lead to this server.
    store.set_public_url(&base);

    // 1. The complaint arrives by email; the acknowledgement answers in Portuguese.
    let transcript = swaks(
        running.smtp.unwrap().port(),
        &[
            "--to",
            "suporte@olmo.example",
            "--from",
            CUSTOMER,
            "--header",
            "From: Beatriz Costa <beatriz@padaria-costa.pt>",
            "--header",
            "Subject: Amassadeira avariada outra vez",
            "--header",
            "Message-ID: <amassadeira-1@padaria-costa.pt>",
            "--header",
            "Content-Type: text/plain; charset=utf-8",
            "--body",
            "Bom dia. A amassadeira que nos venderam avariou pela segunda vez este mês e \
                       tivemos de deitar fora a massa de um dia inteiro. Estou muito descontente \
                       e quero saber o que vão fazer para resolver isto de vez.",
        ],
    );
    assert!(transcript.contains("250 2.0.0"), "{transcript}");
    let (subject, text) = nth_customer_mail(&sink, 1, "the acknowledgement").await;
    assert!(
        subject.contains("Amassadeira avariada outra vez"),
        "{subject}"
    );
    assert!(
        text.contains("Olá, Beatriz Costa")
            && text.contains("A sua mensagem é importante para nós"),
        "{text}"
    );
    let filter = CaseFilter {
        limit: 10,
        ..CaseFilter::default()
    };
    let case = store
        .list_cases(&app.cast.admin, &filter)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.subject == "Amassadeira avariada outra vez")
        .expect("the case");
    let number = case.number;
    let patch = accord_core::case::CasePatch {
        assignee_id: Some(Some(app.cast.agent.user_id)),
        ..Default::default()
    };
    store
        .update_case(&app.cast.admin, case.id, &patch, accord_testkit::now())
        .await
        .unwrap();

    // 2. The agent records what she understood and proposes an agreement with a milestone.
    let agent = Browser::start().await;
    agent.sign_in(&base, "janis@accord.test", PASSWORD).await;
    agent.goto(&format!("{base}/cases/{number}")).await;
    agent
        .type_into(
            "#understanding-problem",
            "A amassadeira avariou duas vezes num mês; a cliente perdeu um dia de massa.",
        )
        .await;
    agent
        .click("form[action$='/understanding'] button[type=submit]")
        .await;
    agent.element(".notice").await;
    agent
        .client
        .execute(
            "document.querySelectorAll('#resolution details').forEach(d => d.open = true);",
            vec![],
        )
        .await
        .unwrap();
    agent
        .type_into(
            "#agreement-outcome",
            "Trocamos a amassadeira por uma nova e pagamos a massa perdida.",
        )
        .await;
    agent
        .type_into(
            "#agreement-indicators",
            "A amassadeira nova funciona na padaria.",
        )
        .await;
    let now = accord_testkit::now();
    set_value(
        &agent,
        "#agreement-deadline",
        &local(now + jiff::SignedDuration::from_hours(96)),
    )
    .await;
    agent
        .type_into("#milestone-title-0", "Amassadeira nova entregue")
        .await;
    set_value(
        &agent,
        "#milestone-due-0",
        &local(now + jiff::SignedDuration::from_hours(48)),
    )
    .await;
    agent
        .type_into("#milestone-third-0", "Transportes Ribeiro")
        .await;
    agent.click("form.agreement-form button[type=submit]").await;
    agent.element(".notice").await;

    // 3. The agreement reaches her in Portuguese with a link; she accepts it there.
    let (_, text) = nth_customer_mail(&sink, 2, "the agreement").await;
    assert!(
        text.contains(&format!("O nosso acordo sobre o caso {number}")),
        "{text}"
    );
    assert!(
        text.contains("Trocamos a amassadeira por uma nova")
            && text.contains("Amassadeira nova entregue"),
        "{text}"
    );
    let link = text
        .lines()
        .find(|l| l.contains("/agreements/"))
        .unwrap()
        .trim()
        .to_owned();
    let customer = Browser::start().await;
    customer.goto(&link).await;
    assert!(
        customer
            .text("main")
            .await
            .contains("Trocamos a amassadeira por uma nova")
    );
    customer.click("button[value=accept]").await;
    let thanks = customer.text(".notice").await;
    assert!(
        thanks.contains("A sua aceitação ficou registada"),
        "{thanks}"
    );
    assert_eq!(status(&app, case.id).await, CaseStatus::Agreed);

    // 4. The milestone is reached; she is told what was done.
    agent.goto(&format!("{base}/cases/{number}")).await;
    agent
        .type_into(
            "form.milestone-reached input[name=note]",
            "Entregue hoje às 10h, a funcionar.",
        )
        .await;
    agent.click("form.milestone-reached button").await;
    agent.element(".notice").await;
    let (_, text) = nth_customer_mail(&sink, 3, "the milestone's update").await;
    assert!(
        text.contains("«Amassadeira nova entregue» está feito")
            && text.contains("Entregue hoje às 10h"),
        "{text}"
    );

    // 5. Resolved with an explanation, which she receives.
    agent.goto(&format!("{base}/cases/{number}")).await;
    agent
        .client
        .execute(
            "document.querySelectorAll('#resolution details').forEach(d => d.open = true);",
            vec![],
        )
        .await
        .unwrap();
    agent
        .type_into(
            "#resolution-cause",
            "O motor da amassadeira vinha de um lote com um defeito de fábrica.",
        )
        .await;
    agent
        .type_into(
            "#resolution-fix",
            "Entregámos uma amassadeira nova e pagámos a massa que se perdeu.",
        )
        .await;
    agent.type_into("#resolution-prevention", "Todas as amassadeiras desse lote foram recolhidas e testadas antes de voltar a vender.").await;
    agent
        .type_into(
            "#resolution-apology",
            "Lamentamos muito o dia de trabalho perdido na padaria.",
        )
        .await;
    agent
        .type_into(
            "#resolution-thanks",
            "Obrigado por nos ter avisado logo e pela paciência.",
        )
        .await;
    agent
        .click("form.resolution-form button[type=submit]")
        .await;
    agent.element(".notice").await;
    let (_, text) = nth_customer_mail(&sink, 4, "the explanation").await;
    assert!(
        text.contains("Porque aconteceu:\nO motor da amassadeira")
            && text.contains("Lamentamos muito"),
        "{text}"
    );
    assert_eq!(status(&app, case.id).await, CaseStatus::Resolved);

    // 6. Two working days later the follow-up asks whether it worked; her click on 2 sends it.
    // (Two working days pass: the follow-up's timer is brought forward to now, so what it
    // queues is sent by the running outbox at once.)
    let pending = app
        .db
        .execute_raw("UPDATE timers SET due_at = 0 WHERE key LIKE 'followup:%'")
        .await
        .unwrap();
    assert_eq!(pending, 1, "resolving scheduled one follow-up");
    store
        .run_due_timers("journey", accord_testkit::now)
        .await
        .unwrap();
    let (subject, text) = nth_customer_mail(&sink, 5, "the follow-up survey").await;
    assert!(subject.starts_with("Resolvemos o problema?"), "{subject}");
    assert!(
        text.contains("Qual é o seu grau de satisfação")
            && text.contains("Clique na resposta que se aplica"),
        "{text}"
    );
    let two = text
        .lines()
        .find(|l| l.starts_with("2: "))
        .unwrap()
        .trim_start_matches("2: ")
        .trim()
        .to_owned();
    customer.goto(&two).await;
    let answered = customer.text(".notice").await;
    assert!(answered.contains("o seu caso foi reaberto"), "{answered}");

    // 7. The case is open again, and its agent is alerted on the page and by email.
    assert_eq!(status(&app, case.id).await, CaseStatus::Reopened);
    agent.goto(&format!("{base}/notifications")).await;
    let notes = agent.text("main").await;
    assert!(
        notes.contains("The customer answered 2/5 to the follow-up survey"),
        "{notes}"
    );
    eventually("the agent's alert email", || async {
        mail_to(&sink, "janis@accord.test")
            .iter()
            .any(|(_, _, t)| t.contains("2/5"))
    })
    .await;
    assert_eq!(
        customer_mail(&sink).len(),
        5,
        "nothing else reached the customer"
    );
}
