#![allow(clippy::unwrap_used)]
//! The agent interface in a real headless Chromium (Debian `chromium` + `chromium-driver`):
//! sign in, see the inbox, open a case with its conversation and account panel, reply.
//! Screenshots of the pages go to docs/screenshots/.

mod support;

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use accord_testkit::{PASSWORD, TestDb};
use fantoccini::{Client, ClientBuilder, Locator};
use support::TestApp;

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn start_browser(profile: &std::path::Path) -> (Driver, Client) {
    // sqlx brings rustls with ring and fantoccini's client with aws-lc-rs: choose one.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let driver_path = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .unwrap_or_else(|| panic!("chromedriver not found: install the Debian packages chromium and chromium-driver (.ci/run does)"));
    let port = free_port();
    let child = Command::new(driver_path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let driver = Driver(child);
    let capabilities = serde_json::json!({
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1400,1000",
                     format!("--user-data-dir={}", profile.display())]
        }
    });
    let capabilities = capabilities.as_object().unwrap().clone();
    for _ in 0..100 {
        if let Ok(client) = ClientBuilder::rustls()
            .unwrap()
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            return (driver, client);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("could not start a Chromium session through chromedriver");
}

async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

/// Waits (clicks do not wait for the next page) for an element, up to 20 seconds.
async fn element(client: &Client, locator: Locator<'_>) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(locator)
        .await
        .unwrap()
}

async fn text(client: &Client, css: &str) -> String {
    element(client, Locator::Css(css))
        .await
        .text()
        .await
        .unwrap()
}

async fn click(client: &Client, css: &str) {
    element(client, Locator::Css(css))
        .await
        .click()
        .await
        .unwrap();
}

async fn type_into(client: &Client, css: &str, value: &str) {
    element(client, Locator::Css(css))
        .await
        .send_keys(value)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agent_works_a_case_in_chromium() {
    let app = TestApp::new(TestDb::sqlite().await).await;
    let case = app
        .case_for(app.cast.contact_a, "Printeris nedrukā rēķinus")
        .await;
    let number = case["number"].as_i64().unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let router = app.router.clone();
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
    });
    let base = format!("http://{address}");

    let profile = tempfile::tempdir().unwrap();
    let (_driver, client) = start_browser(profile.path()).await;
    client.goto(&format!("{base}/inbox")).await.unwrap();
    assert!(
        client
            .current_url()
            .await
            .unwrap()
            .as_str()
            .contains("/login"),
        "anonymous visitors are sent to sign in"
    );
    type_into(&client, "#email", "janis@accord.test").await;
    type_into(&client, "#password", PASSWORD).await;
    screenshot(&client, "login-en").await;
    click(&client, "form[action='/login'] button[type=submit]").await;
    element(&client, Locator::Css("form[action='/logout']")).await;

    client
        .goto(&format!("{base}/inbox?view=open"))
        .await
        .unwrap();
    assert_eq!(text(&client, "main h1").await, "Inbox");
    let link = element(&client, Locator::LinkText("Printeris nedrukā rēķinus")).await;
    screenshot(&client, "inbox-en").await;
    link.click().await.unwrap();

    let conversation = text(&client, ".conversation").await;
    assert!(
        conversation.contains("Sveiki! Palīdziet, lūdzu."),
        "{conversation}"
    );
    let account = text(&client, ".account").await;
    assert!(
        account.contains("Ācme Latvija") && account.contains("ilze@acme.lv"),
        "{account}"
    );

    type_into(
        &client,
        "#reply-body",
        "Labdien, Ilze! Jauns printeris būs rīt.",
    )
    .await;
    click(&client, "#reply-body ~ button").await;
    assert_eq!(text(&client, ".notice").await, "Saved.");
    assert!(
        text(&client, ".conversation")
            .await
            .contains("Labdien, Ilze! Jauns printeris būs rīt.")
    );
    assert!(
        client
            .current_url()
            .await
            .unwrap()
            .path()
            .ends_with(&format!("/cases/{number}"))
    );
    client
        .goto(&format!("{base}/cases/{number}"))
        .await
        .unwrap();
    screenshot(&client, "case-en").await;

    // The language switcher: choose Latvian; the page comes back in Latvian.
    click(&client, "#lang-select option[value='lv']").await;
    element(&client, Locator::XPath("//html[@lang='lv']")).await;
    assert_eq!(text(&client, "#conversation-title").await, "Sarakste");
    screenshot(&client, "case-lv").await;
    client.close().await.unwrap();
}
