//! Driving Debian's headless Chromium through chromedriver (fantoccini), serving the app on a
//! real port, and checking pages with axe-core (fetched by scripts/fetch-axe).
#![allow(dead_code, clippy::unwrap_used)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use axum::Router;
use fantoccini::{Client, ClientBuilder, Locator};

pub struct Driver(Child);

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

/// Serves the app on a loopback port; returns its base URL.
pub async fn serve(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
    });
    format!("http://{address}")
}

/// A browser session with its own profile; `javascript: false` for the no-script journeys.
pub struct Browser {
    pub client: Client,
    _driver: Driver,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start() -> Browser {
        Browser::with_javascript(true).await
    }

    pub async fn with_javascript(javascript: bool) -> Browser {
        // sqlx brings rustls with ring and fantoccini's client with aws-lc-rs: choose one.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let driver_path = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
            .into_iter()
            .find(|p| Path::new(p).exists())
            .unwrap_or_else(|| panic!("chromedriver not found: install the Debian packages chromium and chromium-driver (.ci/run does)"));
        let port = free_port();
        let child = Command::new(driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let driver = Driver(child);
        let profile = tempfile::tempdir().unwrap();
        let mut options = serde_json::json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1400,1000",
                     format!("--user-data-dir={}", profile.path().display())]
        });
        if !javascript {
            options["prefs"] =
                serde_json::json!({"profile.managed_default_content_settings.javascript": 2});
        }
        let capabilities = serde_json::json!({ "goog:chromeOptions": options });
        let capabilities = capabilities.as_object().unwrap().clone();
        for _ in 0..100 {
            if let Ok(client) = ClientBuilder::rustls()
                .unwrap()
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                return Browser {
                    client,
                    _driver: driver,
                    _profile: profile,
                };
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("could not start a Chromium session through chromedriver");
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap();
    }

    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.unwrap();
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Waits (clicks do not wait for the next page) for an element, up to 20 seconds.
    pub async fn element(&self, css: &str) -> fantoccini::elements::Element {
        match self
            .client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(e) => panic!("no {css} on {}: {e}", self.path().await),
        }
    }

    /// The element's text; found again if a live update replaced it while being read.
    pub async fn text(&self, css: &str) -> String {
        for _ in 0..10 {
            match self.element(css).await.text().await {
                Ok(text) => return text,
                Err(fantoccini::error::CmdError::Standard(e))
                    if e.error == fantoccini::error::ErrorStatus::StaleElementReference => {}
                Err(e) => panic!("cannot read {css}: {e}"),
            }
        }
        panic!("{css} kept being replaced while read")
    }

    pub async fn click(&self, css: &str) {
        self.element(css).await.click().await.unwrap();
    }

    pub async fn type_into(&self, css: &str, value: &str) {
        self.element(css).await.send_keys(value).await.unwrap();
    }

    pub async fn sign_in(&self, base: &str, email: &str, password: &str) {
        self.goto(&format!("{base}/login")).await;
        self.type_into("#email", email).await;
        self.type_into("#password", password).await;
        self.click("form[action='/login'] button[type=submit]")
            .await;
        self.element("form[action='/logout']").await;
    }

    pub async fn sign_out(&self) {
        self.click("form[action='/logout'] button").await;
        self.element("#email").await;
    }

    /// Chooses a language with the switcher in the page header; waits for the page in it.
    pub async fn choose_language(&self, code: &str) {
        let select = self.element("#lang-select").await;
        select.select_by_value(code).await.unwrap();
        // Without JavaScript the switcher needs its button.
        if self
            .client
            .find(Locator::XPath(&format!("//html[@lang='{code}']")))
            .await
            .is_err()
        {
            let button = self.client.find(Locator::Css("form.language button")).await;
            if let Ok(button) = button {
                let _ = button.click().await;
            }
        }
        self.element(&format!("html[lang='{code}']")).await;
    }

    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.unwrap();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Runs axe-core on the current page; returns its serious and critical violations, one
    /// line each (rule, impact, help, the elements).
    pub async fn axe_violations(&self) -> Vec<String> {
        let source = axe_source();
        self.client.execute(&source, vec![]).await.unwrap();
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)))
                  .catch(e => done(['axe failed: ' + e]));"#,
                vec![],
            )
            .await
            .unwrap();
        result
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .collect()
    }
}

fn axe_path() -> PathBuf {
    std::env::var_os("ACCORD_AXE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../target/tools/axe-core-4.14.1/axe.min.js")
        })
}

fn axe_source() -> String {
    let path = axe_path();
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is missing at {} ({e}): run scripts/fetch-axe (scripts/test does)",
            path.display()
        )
    })
}
