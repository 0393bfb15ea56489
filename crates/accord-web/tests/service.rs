#![allow(clippy::unwrap_used)]
//! Clocks and the "breaching soon" view through the API and the pages.

mod support;

use accord_testkit::{PASSWORD, db_test};
use axum::http::{Method, StatusCode};
use serde_json::json;
use support::{Browser, TestApp};

/// Open around the clock; first response within an hour, with a warning 30 minutes before.
const POLICY: &str = include_str!("../../accord-policy/tests/always-open.toml");

async fn publish(app: &TestApp) {
    let draft = app
        .api(
            "admin",
            Method::POST,
            "/api/v1/policies",
            Some(json!({"source": POLICY})),
        )
        .await;
    assert_eq!(draft.status, StatusCode::CREATED, "{}", draft.text);
    let number = draft.json()["version"]["number"].as_i64().unwrap();
    let published = app
        .api(
            "admin",
            Method::POST,
            &format!("/api/v1/policies/{number}/publish"),
            Some(json!({"effective_at": jiff::Timestamp::now().to_string()})),
        )
        .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.text);
}

db_test!(async fn cases_show_their_clocks_and_supervisors_see_what_is_breaching(db) {
    let app = TestApp::new(db).await;
    publish(&app).await;
    let created = app
        .api("agent", Method::POST, "/api/v1/cases", Some(json!({"subject": "La factura no llega", "contact_id": app.cast.contact_a, "channel": "email", "body": "Hola, no he recibido la factura."})))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let case = created.json();
    let (id, number) = (case["id"].as_str().unwrap(), case["number"].as_i64().unwrap());

    let clocks = app.api("agent", Method::GET, &format!("/api/v1/cases/{id}/clocks"), None).await;
    assert_eq!(clocks.status, StatusCode::OK, "{}", clocks.text);
    let clocks = clocks.json();
    assert_eq!(clocks[0]["kind"], "first_response");
    assert_eq!(clocks[0]["state"], "running");
    assert_eq!(clocks[0]["target_minutes"], 60);
    let due: jiff::Timestamp = clocks[0]["due_at"].as_str().unwrap().parse().unwrap();
    let opened: jiff::Timestamp = case["created_at"].as_str().unwrap().parse().unwrap();
    assert_eq!(due.duration_since(opened), jiff::SignedDuration::from_hours(1));
    assert_eq!(clocks[1]["kind"], "resolution");
    // Customers see no clocks.
    assert_eq!(app.api("customer_a", Method::GET, &format!("/api/v1/cases/{id}/clocks"), None).await.status, StatusCode::FORBIDDEN);

    // The supervisor's view lists it within the hour; agents may not look.
    let soon = app.api("supervisor", Method::GET, "/api/v1/breaching-soon?within_minutes=90", None).await;
    assert_eq!(soon.status, StatusCode::OK, "{}", soon.text);
    assert_eq!(soon.json()[0]["case_number"], number);
    assert_eq!(soon.json()[0]["breached"], false);
    let later = app.api("supervisor", Method::GET, "/api/v1/breaching-soon?within_minutes=30", None).await;
    assert_eq!(later.json().as_array().unwrap().len(), 0, "not due within 30 minutes");
    assert_eq!(app.api("agent", Method::GET, "/api/v1/breaching-soon", None).await.status, StatusCode::FORBIDDEN);
    let mut supervisor = Browser::new(&app);
    supervisor.sign_in("sofia@accord.test", PASSWORD).await;
    let view = supervisor.get("/breaching-soon?hours=1").await;
    assert!(view.text.contains(&format!("/cases/{number}")) && view.text.contains("First response"), "{}", view.text);
    let bad = app.api("supervisor", Method::GET, "/api/v1/breaching-soon?within=2h", None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.text);

    // A reply meets the first response.
    let reply = app
        .api("agent", Method::POST, &format!("/api/v1/cases/{id}/entries"), Some(json!({"kind": "outbound", "body": "Hola, se la enviamos hoy mismo."})))
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let clocks = app.api("agent", Method::GET, &format!("/api/v1/cases/{id}/clocks"), None).await.json();
    assert_eq!((clocks[0]["state"].as_str(), clocks[0]["met_in_time"].as_bool()), (Some("met"), Some(true)));

    // The case page shows its clocks; the supervisor's view no longer lists the case.
    let page = supervisor.get(&format!("/cases/{number}")).await;
    assert!(page.text.contains("Clocks") && page.text.contains("First response"), "{}", page.text);
    assert!(page.text.contains("Met ") && page.text.contains(", in time"), "{}", page.text);
    let view = supervisor.get("/breaching-soon?hours=1").await;
    assert_eq!(view.status, StatusCode::OK, "{}", view.text);
    assert!(!view.text.contains(&format!("/cases/{number}")), "answered: nothing due within the hour");
    let view = supervisor.get("/breaching-soon?hours=72").await;
    assert!(view.text.contains("No clock is due in this window."), "{}", view.text);
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    assert_eq!(agent.get("/breaching-soon").await.status, StatusCode::FORBIDDEN);
    assert!(!agent.get("/inbox").await.text.contains("/breaching-soon"), "no link for agents");
});
