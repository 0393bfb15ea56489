#![allow(clippy::unwrap_used)]
//! The agent interface in a real headless Chromium (Debian `chromium` + `chromium-driver`):
//! sign in, see the inbox, open a case with its conversation and account panel, reply.

mod chromium;
mod support;

use accord_testkit::{PASSWORD, TestDb};
use chromium::Browser;
use support::TestApp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agent_works_a_case_in_chromium() {
    let app = TestApp::new(TestDb::sqlite().await).await;
    let case = app
        .case_for(app.cast.contact_a, "Printeris nedrukā rēķinus")
        .await;
    let number = case["number"].as_i64().unwrap();
    let base = chromium::serve(app.router.clone()).await;
    let browser = Browser::start().await;

    browser.goto(&format!("{base}/inbox")).await;
    assert!(
        browser.path().await.starts_with("/login"),
        "anonymous visitors are sent to sign in"
    );
    browser.sign_in(&base, "janis@accord.test", PASSWORD).await;

    browser.goto(&format!("{base}/inbox?view=open")).await;
    assert_eq!(browser.text("main h1").await, "Inbox");
    browser
        .click(&format!("table a[href='/cases/{number}']"))
        .await;

    let conversation = browser.text(".conversation").await;
    assert!(
        conversation.contains("Sveiki! Palīdziet, lūdzu."),
        "{conversation}"
    );
    let account = browser.text(".account").await;
    assert!(
        account.contains("Ācme Latvija") && account.contains("ilze@acme.lv"),
        "{account}"
    );

    browser
        .type_into("#reply-body", "Labdien, Ilze! Jauns printeris būs rīt.")
        .await;
    browser.click("#reply-body ~ button").await;
    assert_eq!(browser.text(".notice").await, "Saved.");
    assert!(
        browser
            .text(".conversation")
            .await
            .contains("Labdien, Ilze! Jauns printeris būs rīt.")
    );
    let path = browser.path().await;
    assert_eq!(
        path.split('?').next(),
        Some(format!("/cases/{number}").as_str())
    );

    // The language switcher: choose Latvian; the page comes back in Latvian.
    browser.choose_language("lv").await;
    assert_eq!(browser.text("#conversation-title").await, "Sarakste");
    browser.client.clone().close().await.unwrap();
}
