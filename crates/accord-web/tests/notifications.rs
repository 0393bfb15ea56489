#![allow(clippy::unwrap_used)]
//! A customer asking for a manager, through the API: the case goes to a supervisor, who
//! finds it on the notifications page (in their language) and through the API, and clears it.

mod support;

use accord_testkit::{PASSWORD, db_test};
use axum::http::{Method, StatusCode};
use serde_json::json;
use support::{Browser, TestApp, hidden};

const EXAMPLE: &str = include_str!("../../../examples/policy.toml");

db_test!(async fn an_escalation_reaches_the_supervisor_on_the_notifications_page_and_api(db) {
    let app = TestApp::new(db).await;
    let draft = app.api("admin", Method::POST, "/api/v1/policies", Some(json!({"source": EXAMPLE}))).await;
    assert_eq!(draft.status, StatusCode::CREATED, "{}", draft.text);
    let number = draft.json()["version"]["number"].as_i64().unwrap();
    let now = jiff::Timestamp::now().to_string();
    let published = app.api("admin", Method::POST, &format!("/api/v1/policies/{number}/publish"), Some(json!({"effective_at": now}))).await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.text);
    let case = app
        .api("customer_a", Method::POST, "/api/v1/cases", Some(json!({"subject": "Encomenda incompleta", "body": "Faltam duas peças.", "language": "pt"})))
        .await
        .json();
    let id = case["id"].as_str().unwrap();
    let asks = app
        .api("customer_a", Method::POST, &format!("/api/v1/cases/{id}/entries"), Some(json!({"kind": "inbound", "body": "Quero falar com o gerente, por favor."})))
        .await;
    assert_eq!(asks.status, StatusCode::CREATED, "{}", asks.text);

    let listed = app.api("supervisor", Method::GET, "/api/v1/notifications?unread=true", None).await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.text);
    let listed = listed.json()["items"].clone();
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert_eq!((listed[0]["kind"].as_str(), listed[0]["level"].as_str()), (Some("assigned"), Some("asks-for-manager")));
    assert_eq!(listed[0]["case_number"], case["number"]);
    let none = app.api("agent", Method::GET, "/api/v1/notifications", None).await.json()["items"].clone();
    assert_eq!(none.as_array().unwrap().len(), 0);
    let bad = app.api("supervisor", Method::GET, "/api/v1/notifications?unread=perhaps", None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.text);

    // The page, in Spanish: the count beside the menu, the case linked, then all cleared.
    let mut supervisor = Browser::new(&app);
    supervisor.sign_in("sofia@accord.test", PASSWORD).await;
    supervisor.post("/language", &[("lang", "es"), ("next", "/notifications")], &[]).await;
    let page = supervisor.get("/notifications").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("1 sin leer"), "{}", page.text);
    assert!(page.text.contains("le ha asignado este caso"), "{}", page.text);
    assert!(page.text.contains(&format!("/cases/{}", case["number"])), "{}", page.text);
    let csrf = hidden(&page.text, "_csrf");
    let cleared = supervisor.post("/notifications/read", &[("_csrf", &csrf)], &[]).await;
    assert_eq!(cleared.status, StatusCode::SEE_OTHER);
    let page = supervisor.get("/notifications").await;
    assert!(page.text.contains("No hay nada nuevo para usted."), "{}", page.text);
    assert!(!page.text.contains("sin leer"), "{}", page.text);
    let all = supervisor.get("/notifications?all=1").await;
    assert!(all.text.contains("Encomenda incompleta"), "{}", all.text);
    // Without the form's token nothing changes.
    let forged = supervisor.post("/notifications/read", &[("_csrf", "forged")], &[]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
});
