#![allow(clippy::unwrap_used)]
//! Whole journeys through the web interface in headless Chromium (issue 5, acceptance 1),
//! each asserting what its user sees: an email case answered from a Spanish template and
//! received by the customer's mail server; a remedy above an agent's limit approved by a
//! supervisor; a manager who edits, checks and publishes a policy version that an agent
//! then acknowledges; a customer who opens a case in the Latvian portal and sees the reply; a
//! customer who cannot reach another organization's case by its address.

mod chromium;
mod support;

#[path = "../../accord-mail/tests/peers/smtp.rs"]
mod peers;

use accord_mail::config::MailSettings;
use accord_mail::service::{Listen, start};
use accord_testkit::{PASSWORD, TestDb};
use chromium::Browser;
use mail_parser::MessageParser;
use peers::{SmtpSink, eventually, swaks};
use support::TestApp;

const EXAMPLE: &str = include_str!("../../../examples/policy.toml");

/// Publishes the example policy, in force from a minute ago.
async fn publish_example(app: &TestApp) {
    let store = &app.db.store;
    let at = accord_testkit::now() - jiff::SignedDuration::from_mins(1);
    let draft = store
        .create_policy_draft(&app.cast.supervisor, EXAMPLE, "Example.", at)
        .await
        .unwrap();
    store
        .publish_policy(&app.cast.supervisor, draft.0.number, at, &[], at)
        .await
        .unwrap();
}

/// The `class` attribute of an element.
async fn class_of(browser: &Browser, css: &str) -> String {
    browser
        .element(css)
        .await
        .attr("class")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// Messages the sink received for an address, parsed back into (raw) messages.
fn received_by(sink: &SmtpSink, address: &str) -> Vec<Vec<u8>> {
    sink.received()
        .into_iter()
        .filter(|raw| {
            MessageParser::default()
                .parse(raw.as_slice())
                .and_then(|m| m.to()?.first()?.address().map(|a| a == address))
                .unwrap_or(false)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_answers_an_email_case_from_a_spanish_template_and_the_customer_receives_it() {
    let app = TestApp::new(TestDb::sqlite().await).await;
    publish_example(&app).await;
    let sink = SmtpSink::start().await;
    let settings = MailSettings {
        address: Some("soporte@olmo.example".into()),
        name: Some("Olmo Soporte".into()),
        relay: Some(format!("smtp://127.0.0.1:{}", sink.port)),
        ..MailSettings::default()
    };
    let listen = Listen {
        smtp: Some(std::net::SocketAddr::from(([127, 0, 0, 1], 0))),
        lmtp: None,
    };
    let (_, running) = start(&app.db.store, &settings, &listen).await.unwrap();

    // The customer writes in Spanish; her mail server gets the automatic acknowledgement.
    let transcript = swaks(
        running.smtp.unwrap().port(),
        &[
            "--to",
            "soporte@olmo.example",
            "--from",
            "ana@cliente.es",
            "--header",
            "From: Ana Ortega <ana@cliente.es>",
            "--header",
            "Subject: Taladro roto",
            "--header",
            "Message-ID: <taladro-1@cliente.es>",
            "--header",
            "Content-Type: text/plain; charset=utf-8",
            "--body",
            "Hola, el taladro que compré la semana pasada ya no arranca. ¿Pueden ayudarme, por favor?",
        ],
    );
    assert!(transcript.contains("250 2.0.0"), "{transcript}");
    eventually("the acknowledgement is sent", || async {
        received_by(&sink, "ana@cliente.es").len() == 1
    })
    .await;

    // The agent finds the case in the inbox and answers from the template.
    let base = chromium::serve(app.router.clone()).await;
    let browser = Browser::start().await;
    browser.sign_in(&base, "janis@accord.test", PASSWORD).await;
    browser.goto(&format!("{base}/inbox?view=open")).await;
    browser
        .element("#inbox-list a[href^='/cases/']")
        .await
        .click()
        .await
        .unwrap();
    assert_eq!(
        browser.text("h1").await.split_once(' ').unwrap().1,
        "Taladro roto"
    );
    let explained = browser.text("#policy-explained").await;
    assert!(
        explained.contains("The policy for this case"),
        "{explained}"
    );
    let picker = browser.element("#template-select").await;
    picker.select_by_value("ask-for-details").await.unwrap();
    browser.click("form.template-picker button").await;
    let reply = browser.element("#reply-body").await;
    let text = reply.prop("value").await.unwrap().unwrap_or_default();
    assert!(
        text.starts_with("Hola, Ana Ortega:") && text.contains("«Taladro roto»"),
        "the template, filled in, in Spanish: {text}"
    );
    let preview = browser.text("#reply-preview .preview-body").await;
    assert!(
        preview.starts_with("Hola, Ana Ortega:"),
        "the preview follows: {preview}"
    );
    browser
        .click("#reply form[method=post] button:not([name])")
        .await;
    browser.element(".notice").await;
    assert!(
        browser
            .text(".conversation")
            .await
            .contains("Para ayudarle rápido")
    );

    // Her mail server receives the reply: in Spanish, threaded under her message, from
    // the support address, signed by the agent.
    eventually("the reply reaches the customer's mail server", || async {
        received_by(&sink, "ana@cliente.es").len() == 2
    })
    .await;
    let raw = received_by(&sink, "ana@cliente.es")
        .into_iter()
        .find(|raw| {
            let m = MessageParser::default().parse(raw.as_slice()).unwrap();
            m.header_raw("Auto-Submitted").is_none()
        })
        .expect("the agent's reply");
    let message = MessageParser::default().parse(raw.as_slice()).unwrap();
    assert_eq!(
        message.in_reply_to().as_text(),
        Some("taladro-1@cliente.es")
    );
    assert_eq!(
        message.header_raw("Content-Language").map(str::trim),
        Some("es")
    );
    assert_eq!(
        message
            .from()
            .and_then(|f| f.first())
            .and_then(|a| a.address()),
        Some("soporte@olmo.example")
    );
    let body = message.body_text(0).unwrap();
    for expected in [
        "Hola, Ana Ortega:",
        "Gracias por escribirnos sobre «Taladro roto»",
        "Jānis Aģents",
    ] {
        assert!(
            body.contains(expected),
            "{expected} missing from the email: {body}"
        );
    }
    // The case page shows the delivery.
    let page = browser.client.current_url().await.unwrap().to_string();
    eventually("the case shows the reply as sent", || async {
        browser.goto(&page).await;
        browser
            .text(".conversation")
            .await
            .contains("Email sent to ana@cliente.es")
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supervisor_approves_a_remedy_above_the_agents_limit() {
    let app = TestApp::new(TestDb::sqlite().await).await;
    publish_example(&app).await;
    let case = app.case_for(app.cast.contact_a, "Pasūtījums pazuda").await;
    let number = case["number"].as_i64().unwrap();
    let base = chromium::serve(app.router.clone()).await;

    // The agent may refund up to 150 EUR alone; 400 goes to a supervisor.
    let agent = Browser::start().await;
    agent.sign_in(&base, "janis@accord.test", PASSWORD).await;
    agent.goto(&format!("{base}/cases/{number}")).await;
    let picker = agent.element("#remedy-select").await;
    picker.select_by_value("refund").await.unwrap();
    let offered = agent.text("#remedy-select option[value='refund']").await;
    assert!(
        offered.contains("150"),
        "the picker shows the agent's limit: {offered}"
    );
    agent.type_into("#remedy-amount", "400").await;
    agent
        .type_into(
            "#remedy-reason",
            "The parcel was lost twice; the customer paid twice.",
        )
        .await;
    agent.click("form.remedy button").await;
    let remedies = agent.text("#remedies").await;
    assert!(
        remedies.contains("Waiting for approval by: Supervisor"),
        "the request waits, and says for whom: {remedies}"
    );

    // The supervisor sees it in the approvals queue, with the reason, and approves it.
    let supervisor = Browser::start().await;
    supervisor
        .sign_in(&base, "sofia@accord.test", PASSWORD)
        .await;
    supervisor.goto(&format!("{base}/approvals")).await;
    let queue = supervisor.text(".approvals").await;
    assert!(
        queue.contains("400") && queue.contains("The parcel was lost twice"),
        "{queue}"
    );
    supervisor
        .click(".approval button[name=decision][value=approve]")
        .await;
    assert_eq!(supervisor.text(".notice").await, "Decision saved.");
    assert_eq!(
        supervisor.text(".empty").await,
        "Nothing is waiting for your approval."
    );

    // The agent's case shows it given.
    agent.goto(&format!("{base}/cases/{number}")).await;
    let remedies = agent.text("#remedies").await;
    assert!(remedies.contains("Approved and given"), "{remedies}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_edits_checks_and_publishes_a_policy_and_an_agent_acknowledges_it() {
    let app = TestApp::new(TestDb::sqlite().await).await;
    publish_example(&app).await;
    let base = chromium::serve(app.router.clone()).await;
    let manager = Browser::start().await;
    manager.sign_in(&base, "sofia@accord.test", PASSWORD).await;
    manager.goto(&format!("{base}/policy")).await;
    manager.click("a[href='/policy/new']").await;
    manager.click("form[action='/policy'] button").await;
    manager.element("form.policy-texts").await;
    let draft = manager.path().await;
    assert_eq!(draft, "/policy/2", "a new draft from the version in force");

    // A hard text: the score and the notes next to it change as the manager types.
    let field = "text|procedures|email-key-accounts|explanation|en";
    let text = manager.element(&format!("textarea[name='{field}']")).await;
    text.clear().await.unwrap();
    text.send_keys("Notwithstanding any contractual escalation provisions that may otherwise be applicable to your organisation, our dedicated key account representatives will endeavour to provide an initial substantive acknowledgement of your correspondence within two operational hours, subsequently furnishing periodic status communications at intervals not exceeding four operational hours until resolution.").await.unwrap();
    let score = format!("[data-score-for='{field}']");
    eventually("the live check marks the text hard to read", || async {
        manager
            .text(&format!("{score} .badge"))
            .await
            .contains("the policy asks for 50")
            && class_of(&manager, &format!("{score} .badge"))
                .await
                .contains("score-low")
    })
    .await;
    assert!(
        manager.text(&score).await.contains("more than 25 words"),
        "{}",
        manager.text(&score).await
    );
    // The plain version reads well; saving writes it into the policy file.
    text.clear().await.unwrap();
    text.send_keys("We answer your email within 2 working hours. We write again at least every 4 hours. We aim to solve it in three working days.").await.unwrap();
    eventually("the live check accepts the plain text", || async {
        class_of(&manager, &format!("{score} .badge"))
            .await
            .contains("score-ok")
    })
    .await;
    manager.click("form.policy-texts button[type=submit]").await;
    assert_eq!(manager.text(".notice").await, "Saved.");
    let source = manager
        .element("#source")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        source.contains("We answer your email within 2 working hours."),
        "the file holds the new text"
    );
    assert!(
        source.contains("# Olmo Tools — customer service policy"),
        "comments survive the edit"
    );

    // Publish, then the agent acknowledges and the manager sees it.
    manager.click("form.publish button[type=submit]").await;
    assert_eq!(
        manager.text(".notice").await,
        "Published. Staff are asked to acknowledge this version."
    );
    let agent = Browser::start().await;
    agent.sign_in(&base, "janis@accord.test", PASSWORD).await;
    agent.goto(&format!("{base}/policy/2")).await;
    assert!(
        agent
            .text("main")
            .await
            .contains("We answer your email within 2 working hours.")
    );
    agent
        .click("form[action='/policy/2/acknowledge'] button")
        .await;
    assert_eq!(
        agent.text(".notice").await,
        "Thank you: your acknowledgement is recorded."
    );
    manager.goto(&format!("{base}/policy/2")).await;
    let acks = manager.text(".acks").await;
    let line = acks
        .lines()
        .find(|l| l.starts_with("Jānis Aģents"))
        .unwrap_or_default();
    assert!(
        !line.contains("not yet") && line.len() > "Jānis Aģents: ".len(),
        "{acks}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_opens_a_case_in_the_latvian_portal_and_sees_the_reply() {
    let app = TestApp::new(TestDb::sqlite().await).await;
    publish_example(&app).await;
    let base = chromium::serve(app.router.clone()).await;
    let customer = Browser::start().await;
    customer.sign_in(&base, "ilze@acme.lv", PASSWORD).await;
    customer.choose_language("lv").await;
    customer.click("a[href='/cases/new']").await;
    assert_eq!(customer.text("h1").await, "Atvērt jaunu lietu");
    customer.type_into("#subject", "Urbis nedarbojas").await;
    customer
        .type_into(
            "#body",
            "Labdien! Jaunais urbis pēc divām dienām vairs neieslēdzas.",
        )
        .await;
    // People take a few seconds to write; the form refuses anything faster.
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    customer.click("form[action='/cases/new'] button").await;
    assert_eq!(
        customer.text(".notice").await,
        "Jūsu lieta ir atvērta. Mēs Jums nosūtījām apstiprinājumu."
    );
    let explained = customer.text("#policy-explained").await;
    assert!(
        explained.contains("Politika šai lietai"),
        "the policy, explained in Latvian: {explained}"
    );

    // An agent answers; the customer's open page shows the reply without a reload.
    let filter = accord_store::cases::CaseFilter {
        limit: 5,
        ..Default::default()
    };
    let case = app
        .db
        .store
        .list_cases(&app.cast.agent, &filter)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(case.language, accord_core::language::Language::Lv);
    let reply = accord_core::entry::NewEntry {
        kind: accord_core::entry::EntryKind::Outbound,
        body: "Labdien, Ilze! Jaunu urbi nosūtīsim rīt.".into(),
        channel: None,
        department_id: None,
        answers_entry_id: None,
    };
    app.db
        .store
        .add_entry(&app.cast.agent, case.id, &reply, accord_testkit::now())
        .await
        .unwrap();
    eventually("the reply appears in the portal", || async {
        customer
            .text(".conversation")
            .await
            .contains("Jaunu urbi nosūtīsim rīt.")
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_cannot_reach_another_organizations_case_by_its_address() {
    let app = TestApp::new(TestDb::sqlite().await).await;
    let own = app.case_for(app.cast.contact_a, "Ācme rēķins").await["number"]
        .as_i64()
        .unwrap();
    let foreign = app.case_for(app.cast.contact_b, "Beta segredo").await["number"]
        .as_i64()
        .unwrap();
    let base = chromium::serve(app.router.clone()).await;
    let customer = Browser::start().await;
    customer.sign_in(&base, "ilze@acme.lv", PASSWORD).await;
    customer.goto(&format!("{base}/cases/{own}")).await;
    assert!(customer.text("h1").await.contains("Ācme rēķins"));

    customer.goto(&format!("{base}/cases/{foreign}")).await;
    let page = customer.text("main").await;
    assert!(
        !page.contains("Beta segredo"),
        "the other organization's case leaked: {page}"
    );
    assert!(
        page.contains("We could not find that page, or you may not see it."),
        "{page}"
    );
    // Nor through the inbox, whatever view or filter the address asks for.
    for path in ["/inbox?view=all", "/inbox?view=open&q=Beta"] {
        customer.goto(&format!("{base}{path}")).await;
        let text = customer.client.source().await.unwrap();
        assert!(
            text.contains("Ācme rēķins") || path.contains("q="),
            "{path}: {text}"
        );
        assert!(!text.contains("Beta segredo"), "{path} leaked it");
    }
}
