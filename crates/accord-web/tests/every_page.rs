#![allow(clippy::unwrap_used)]
//! Every page, in every language, for every kind of user, in a real headless Chromium over
//! the demo data: axe-core finds no serious or critical accessibility violation (J9), no
//! page fails, and the main pages are photographed per language into docs/screenshots/.

mod chromium;

use accord_core::people::Role;
use accord_demo::{DEMO_PASSWORD, DemoOptions};
use accord_store::cases::CaseFilter;
use accord_testkit::{TestDb, now};
use accord_web::{AppState, WebConfig, app};
use chromium::Browser;

const LANGUAGES: [&str; 4] = ["en", "es", "pt", "lv"];

struct Sweep {
    browser: Browser,
    base: String,
    violations: Vec<String>,
    visited: usize,
}

impl Sweep {
    /// Opens a page, checks it with axe and that it is a real page, optionally photographs it.
    async fn visit(&mut self, path: &str, language: &str, screenshot: Option<&str>) {
        self.browser.goto(&format!("{}{path}", self.base)).await;
        self.check(language, screenshot).await;
    }

    async fn check(&mut self, language: &str, screenshot: Option<&str>) {
        let here = self.browser.path().await;
        self.browser
            .element(&format!("html[lang='{language}'] main h1"))
            .await;
        for violation in self.browser.axe_violations().await {
            self.violations
                .push(format!("{language} {here}: {violation}"));
        }
        if let Some(name) = screenshot {
            self.browser.screenshot(&format!("{name}-{language}")).await;
        }
        self.visited += 1;
    }

    /// Follows the first link matching `css` on the current page; returns where it led.
    async fn follow(&mut self, css: &str, language: &str, screenshot: Option<&str>) -> String {
        self.browser.click(css).await;
        self.check(language, screenshot).await;
        self.browser.path().await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_in_every_language_passes_axe() {
    let db = TestDb::sqlite().await;
    let options = DemoOptions {
        cases: 40,
        ..DemoOptions::default()
    };
    let demo = accord_demo::generate(&db.store, &options, now())
        .await
        .unwrap();
    let login = |role: Role| {
        demo.logins
            .iter()
            .find(|l| l.role == role)
            .unwrap_or_else(|| panic!("the demo has no {role:?}"))
            .email
            .clone()
    };
    // A customer whose organization has cases, for the portal pages.
    let mut customer = None;
    for l in demo.logins.iter().filter(|l| l.role == Role::Customer) {
        let principal = db
            .store
            .find_user_by_email(&l.email)
            .await
            .unwrap()
            .unwrap();
        let filter = CaseFilter {
            limit: 1,
            ..CaseFilter::default()
        };
        if !db
            .store
            .list_cases(&principal.actor(), &filter)
            .await
            .unwrap()
            .is_empty()
        {
            customer = Some(l.email.clone());
            break;
        }
    }
    let customer = customer.expect("a demo customer with cases");
    let config = WebConfig {
        time_zone: jiff::tz::TimeZone::UTC,
        ..WebConfig::default()
    };
    let base = chromium::serve(app(AppState::new(db.store.clone(), config))).await;
    let mut sweep = Sweep {
        browser: Browser::start().await,
        base: base.clone(),
        violations: Vec::new(),
        visited: 0,
    };

    // The checker itself: a page with an image lacking its text alternative must fail.
    sweep
        .browser
        .goto("data:text/html,<!doctype html><html lang=en><title>t</title><main><h1>t</h1><img src=x.png></main></html>")
        .await;
    let known = sweep.browser.axe_violations().await;
    assert!(
        known.iter().any(|v| v.starts_with("image-alt (critical)")),
        "axe did not report a missing alt text: {known:?}"
    );

    for language in LANGUAGES {
        sweep.browser.goto(&format!("{base}/login")).await;
        sweep.browser.choose_language(language).await;
        sweep.check(language, Some("login")).await;
        sweep
            .visit("/signup", language, Some("portal-signup"))
            .await;
        sweep
            .visit("/login/link/from-an-email", language, None)
            .await;

        sweep
            .browser
            .sign_in(&base, &login(Role::Agent), DEMO_PASSWORD)
            .await;
        sweep.browser.choose_language(language).await;
        sweep
            .visit("/inbox?view=open", language, Some("inbox"))
            .await;
        sweep
            .follow("table a[href^='/cases/']", language, Some("case"))
            .await;
        for path in [
            "/no/such/page",
            "/inbox?view=mine",
            "/mail/held",
            "/approvals",
            "/policy",
            "/policy/1",
            "/policy/rules",
            "/calendars",
            "/notifications",
            "/standing",
            "/account",
        ] {
            sweep.visit(path, language, None).await;
        }
        sweep.browser.sign_out().await;

        sweep
            .browser
            .sign_in(&base, &login(Role::Supervisor), DEMO_PASSWORD)
            .await;
        sweep.browser.choose_language(language).await;
        sweep
            .visit("/breaching-soon", language, Some("breaching-soon"))
            .await;
        sweep.visit("/approvals", language, Some("approvals")).await;
        sweep
            .visit("/escalations?days=90", language, Some("escalations"))
            .await;
        sweep
            .visit("/standing?days=90", language, Some("standing"))
            .await;
        sweep.visit("/contract-reviews", language, None).await;
        sweep
            .visit("/survey-results?days=90", language, Some("survey-results"))
            .await;
        sweep.visit("/policy/1", language, Some("policy")).await;
        sweep.browser.sign_out().await;

        sweep
            .browser
            .sign_in(&base, &login(Role::Admin), DEMO_PASSWORD)
            .await;
        sweep.browser.choose_language(language).await;
        sweep.visit("/users", language, None).await;
        sweep
            .follow("table#users a[href^='/users/']", language, None)
            .await;
        sweep.visit("/policy/new", language, None).await;
        // Saving the new draft opens the editor: texts, settings and the TOML with findings.
        sweep
            .follow(
                "form.policy-editor button[type=submit]",
                language,
                Some("policy-draft"),
            )
            .await;
        sweep.browser.sign_out().await;

        sweep.browser.sign_in(&base, &customer, DEMO_PASSWORD).await;
        sweep.browser.choose_language(language).await;
        sweep
            .visit("/inbox?view=all", language, Some("portal-inbox"))
            .await;
        sweep
            .follow("table a[href^='/cases/']", language, Some("portal-case"))
            .await;
        sweep
            .visit("/surveys", language, Some("portal-surveys"))
            .await;
        sweep
            .visit("/cases/new", language, Some("portal-new-case"))
            .await;
        sweep.browser.sign_out().await;
    }
    // A survey's page as its emailed link opens it, in the language it was sent in.
    let admin = db
        .store
        .find_user_by_email(&login(Role::Admin))
        .await
        .unwrap()
        .unwrap()
        .actor();
    let filter = CaseFilter {
        limit: 1000,
        ..CaseFilter::default()
    };
    let mut shown = Vec::new();
    for case in db.store.list_cases(&admin, &filter).await.unwrap() {
        let language = case.language.code();
        if shown.contains(&language) {
            continue;
        }
        for survey in db.store.case_surveys(&admin, case.id).await.unwrap() {
            if survey.answered_at.is_none() {
                let expires = now() + jiff::SignedDuration::from_hours(24);
                let token = db
                    .store
                    .sign_link("survey", &survey.id.to_string(), expires)
                    .await
                    .unwrap();
                sweep
                    .visit(
                        &format!("/surveys/{}?t={token}", survey.id),
                        language,
                        Some("survey"),
                    )
                    .await;
                shown.push(language);
                break;
            }
        }
    }
    assert!(
        !shown.is_empty(),
        "the demo has a survey waiting for an answer"
    );
    assert!(
        sweep.visited >= 4 * 28,
        "visited only {} pages",
        sweep.visited
    );
    assert!(
        sweep.violations.is_empty(),
        "axe-core found {} serious or critical violations:\n{}",
        sweep.violations.len(),
        sweep.violations.join("\n")
    );
}
