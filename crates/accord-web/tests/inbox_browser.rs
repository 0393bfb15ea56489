#![allow(clippy::unwrap_used)]
//! The inbox in headless Chromium: a case that arrives while the agent looks at the inbox
//! appears without a reload (server-sent events); the keyboard picks and selects cases; a
//! bulk action assigns them; and without JavaScript the filters and bulk actions still work.

mod chromium;
mod support;

use std::time::{Duration, Instant};

use accord_testkit::{PASSWORD, TestDb};
use chromium::Browser;
use support::TestApp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_cases_appear_live_and_the_keyboard_assigns_them() {
    let app = TestApp::new(TestDb::sqlite().await).await;
    app.case_for(app.cast.contact_a, "Rēķins par oktobri").await;
    let base = chromium::serve(app.router.clone()).await;
    let browser = Browser::start().await;
    browser.sign_in(&base, "janis@accord.test", PASSWORD).await;
    browser.goto(&format!("{base}/inbox?view=unassigned")).await;
    let table = browser.text("#inbox-list").await;
    assert!(table.contains("Rēķins par oktobri"), "{table}");

    // A case arrives (through the API, as an email or another agent would bring it).
    let created = Instant::now();
    let second = app.case_for(app.cast.contact_a, "Printeris nedrukā").await;
    let second_number = second["number"].as_i64().unwrap();
    let selector = format!("#inbox-list tr[data-case='{second_number}']");
    browser
        .client
        .wait()
        .at_most(Duration::from_secs(5))
        .for_element(fantoccini::Locator::Css(&selector))
        .await
        .unwrap_or_else(|e| panic!("the new case did not appear without a reload: {e}"));
    // Measured for docs/PERFORMANCE.md (the goal is under a second); not a pass mark.
    println!(
        "live update arrived after {} ms",
        created.elapsed().as_millis()
    );
    assert_eq!(
        browser.path().await,
        "/inbox?view=unassigned",
        "no navigation happened"
    );

    // Keyboard: j picks the first row (the newest), x selects it; ? shows the shortcuts.
    let body = browser.element("body").await;
    body.send_keys("?").await.unwrap();
    assert!(
        browser
            .element("#shortcuts")
            .await
            .is_displayed()
            .await
            .unwrap()
    );
    browser.click("#shortcuts button").await;
    browser.element("body").await.click().await.unwrap();
    browser.element("body").await.send_keys("j").await.unwrap();
    let focused = browser.client.active_element().await.unwrap();
    assert_eq!(focused.text().await.unwrap(), "Printeris nedrukā");
    focused.send_keys("x").await.unwrap();
    let checkbox = browser.element(&format!("#select-{second_number}")).await;
    assert!(
        checkbox.is_selected().await.unwrap(),
        "x selects the chosen case"
    );

    // Assign the selected case to me (the default assignee) in bulk.
    browser.click("fieldset.bulk button").await;
    assert_eq!(browser.text(".notice").await, "1 case changed.");
    browser.goto(&format!("{base}/inbox?view=mine")).await;
    let mine = browser.text("#inbox-list").await;
    assert!(
        mine.contains("Printeris nedrukā") && !mine.contains("Rēķins par oktobri"),
        "{mine}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_and_bulk_close_work_without_javascript() {
    let app = TestApp::new(TestDb::sqlite().await).await;
    let open = |contact: accord_core::ids::ContactId, subject: &str, language: &str| {
        let body = serde_json::json!({"subject": subject, "contact_id": contact, "body": subject, "language": language});
        let app = &app;
        async move {
            let reply = app
                .api(
                    "agent",
                    axum::http::Method::POST,
                    "/api/v1/cases",
                    Some(body),
                )
                .await;
            assert_eq!(
                reply.status,
                axum::http::StatusCode::CREATED,
                "{}",
                reply.text
            );
            reply.json()["number"].as_i64().unwrap()
        }
    };
    let latvian = open(app.cast.contact_a, "Sveiki, rēķins", "lv").await;
    let other = open(app.cast.contact_b, "Olá, fatura", "pt").await;
    let base = chromium::serve(app.router.clone()).await;
    let browser = Browser::with_javascript(false).await;
    browser.sign_in(&base, "janis@accord.test", PASSWORD).await;
    browser.goto(&format!("{base}/inbox?view=open")).await;
    let both = browser.text("#inbox-list").await;
    assert!(
        both.contains("Sveiki, rēķins") && both.contains("Olá, fatura"),
        "{both}"
    );

    browser
        .element("#language option[value='lv']")
        .await
        .click()
        .await
        .unwrap();
    browser.click("form.filters button").await;
    browser
        .element("#language option[value='lv'][selected]")
        .await;
    let only = browser.text("#inbox-list").await;
    assert!(
        only.contains("Sveiki, rēķins") && !only.contains("Olá, fatura"),
        "{only}"
    );
    assert!(browser.path().await.contains("language=lv"));

    // Bulk: close the Latvian case; the list keeps its filter afterwards.
    browser.click(&format!("#select-{latvian}")).await;
    browser
        .element("#bulk-action option[value='close']")
        .await
        .click()
        .await
        .unwrap();
    browser.click("fieldset.bulk button").await;
    assert_eq!(browser.text(".notice").await, "1 case changed.");
    let path = browser.path().await;
    assert!(path.contains("language=lv"), "{path}");
    let case = app
        .db
        .store
        .get_case_by_number(&app.cast.agent, latvian)
        .await
        .unwrap();
    assert_eq!(
        case.status,
        accord_core::case::CaseStatus::Closed,
        "closed, through resolved"
    );
    let untouched = app
        .db
        .store
        .get_case_by_number(&app.cast.agent, other)
        .await
        .unwrap();
    assert_ne!(untouched.status, accord_core::case::CaseStatus::Closed);
}
