#![allow(clippy::unwrap_used)]
//! The policy API on both engines: check, draft, publish, acknowledge; cases record the
//! version that governs them.

mod support;

use accord_testkit::db_test;
use axum::http::{Method, StatusCode};
use serde_json::json;
use support::TestApp;

const POLICY: &str = include_str!("../../accord-policy/tests/valid-minimal.toml");

db_test!(async fn a_manager_checks_drafts_publishes_and_staff_acknowledge(db) {
    let app = TestApp::new(db).await;
    // The check names the mistake and where it is, and stores nothing.
    let broken = POLICY.replace("resolution = \"40h\"", "resolution = \"2d\"");
    let check = app.api("agent", Method::POST, "/api/v1/policies/check", Some(json!({"source": broken}))).await;
    assert_eq!(check.status, StatusCode::OK, "{}", check.text);
    let report = check.json();
    assert_eq!(report["errors"], 1);
    assert_eq!(report["findings"][0]["code"], "invalid-value");
    assert_eq!((report["findings"][0]["line"].as_i64(), report["findings"][0]["column"].as_i64()), (Some(34), Some(14)));
    assert_eq!(report["findings"][0]["message"], "resolution: “2d” is not valid here. Expected 4h, 30m, 1h30m.");
    assert_eq!(app.api("agent", Method::GET, "/api/v1/policies", None).await.json(), json!({"items": [], "next": null}));

    // Agents may not draft; a supervisor's draft is kept with its findings.
    let refused = app.api("agent", Method::POST, "/api/v1/policies", Some(json!({"source": POLICY}))).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let saved = app.api("supervisor", Method::POST, "/api/v1/policies", Some(json!({"source": broken, "briefing": "Resolution in business hours."}))).await;
    assert_eq!(saved.status, StatusCode::CREATED, "{}", saved.text);
    let number = saved.json()["version"]["number"].as_i64().unwrap();
    assert_eq!(saved.json()["check"]["errors"], 1);
    let now = jiff::Timestamp::now().to_string();
    let publish = format!("/api/v1/policies/{number}/publish");
    let blocked = app.api("supervisor", Method::POST, &publish, Some(json!({"effective_at": now}))).await;
    assert_eq!(blocked.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", blocked.text);
    assert!(blocked.text.contains("policy_has_errors"), "{}", blocked.text);

    let fixed = app.api("supervisor", Method::PUT, &format!("/api/v1/policies/{number}"), Some(json!({"source": POLICY, "briefing": "Resolution in business hours."}))).await;
    assert_eq!(fixed.status, StatusCode::OK, "{}", fixed.text);
    assert_eq!(fixed.json()["check"]["errors"], 0);
    let grace = json!([{"organization_id": app.cast.org_b, "until": (jiff::Timestamp::now() + jiff::SignedDuration::from_hours(48)).to_string()}]);
    let published = app.api("supervisor", Method::POST, &publish, Some(json!({"effective_at": now, "grace": grace}))).await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.text);
    assert_eq!(published.json()["status"], "published");
    assert_eq!(published.json()["grace"][0]["organization_id"], json!(app.cast.org_b));
    // Published versions do not change.
    let edit = app.api("supervisor", Method::PUT, &format!("/api/v1/policies/{number}"), Some(json!({"source": POLICY}))).await;
    assert_eq!(edit.status, StatusCode::CONFLICT);

    // New cases are governed by it, except for the customer in grace (no earlier version).
    let case_a = app.case_for(app.cast.contact_a, "Pasūtījums kavējas").await;
    assert_eq!(case_a["policy_version"], json!(number));
    let case_b = app.case_for(app.cast.contact_b, "Encomenda atrasada").await;
    assert_eq!(case_b["policy_version"], json!(null));

    // Who has acknowledged it.
    let path = format!("/api/v1/policies/{number}/acknowledgements");
    let before = app.api("supervisor", Method::GET, &path, None).await.json()["items"].clone();
    assert_eq!(before.as_array().unwrap().len(), 3);
    let ack = app.api("agent", Method::POST, &format!("/api/v1/policies/{number}/acknowledge"), None).await;
    assert_eq!(ack.status, StatusCode::NO_CONTENT);
    let after = app.api("supervisor", Method::GET, &path, None).await.json()["items"].clone();
    let acknowledged: Vec<_> = after.as_array().unwrap().iter().filter(|a| !a["acknowledged_at"].is_null()).map(|a| a["user_id"].clone()).collect();
    assert_eq!(acknowledged, [json!(app.cast.agent.user_id)]);
    // Customers see none of it.
    assert_eq!(app.api("customer_a", Method::GET, "/api/v1/policies", None).await.status, StatusCode::FORBIDDEN);
});
