#![allow(clippy::unwrap_used)]
//! Bad input gets a precise 4xx problem and stores nothing.

mod support;

use accord_testkit::db_test;
use axum::http::{Method, StatusCode};
use serde_json::json;
use support::{Reply, TestApp};

fn assert_problem(reply: &Reply, status: StatusCode, code: &str) {
    assert_eq!(reply.status, status, "{}", reply.text);
    assert_eq!(
        reply.content_type(),
        "application/problem+json",
        "{}",
        reply.text
    );
    let problem = reply.json();
    assert_eq!(
        problem["type"],
        format!("urn:accord:problem:{code}"),
        "{problem}"
    );
    assert_eq!(problem["status"], status.as_u16());
    assert!(!problem["detail"].as_str().unwrap().is_empty());
}

db_test!(async fn malformed_bodies_are_refused_and_nothing_is_stored(db) {
    let app = TestApp::new(db).await;
    let contact = app.cast.contact_a.to_string();
    let post = |body: Vec<u8>, content_type: &'static str| {
        let app = &app;
        async move { app.raw("agent", Method::POST, "/api/v1/cases", content_type, body, &[]).await }
    };

    let reply = post(b"{\"subject\": \"x\",".to_vec(), "application/json").await;
    assert_problem(&reply, StatusCode::BAD_REQUEST, "malformed_json");
    assert!(reply.json()["detail"].as_str().unwrap().contains("line 1"), "{}", reply.text);

    let reply = post(format!("{{\"subject\": 42, \"contact_id\": \"{contact}\"}}").into_bytes(), "application/json").await;
    assert_problem(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
    assert!(reply.text.contains("invalid type"), "{}", reply.text);

    let reply = post(format!("{{\"subject\": \"x\", \"contact_id\": \"{contact}\", \"sujeto\": 1}}").into_bytes(), "application/json").await;
    assert_problem(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
    assert!(reply.text.contains("sujeto"), "{}", reply.text);

    let reply = post(format!("{{\"subject\": \"x\", \"contact_id\": \"{contact}\", \"priority\": \"whenever\"}}").into_bytes(), "application/json").await;
    assert_problem(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");

    let mut invalid_utf8 = "{\"subject\": \"caf".to_string().into_bytes();
    invalid_utf8.extend([0xff, 0xfe]);
    invalid_utf8.extend(format!("\", \"contact_id\": \"{contact}\"}}").into_bytes());
    assert_problem(&post(invalid_utf8, "application/json").await, StatusCode::BAD_REQUEST, "invalid_utf8");

    let huge = format!("{{\"subject\": \"x\", \"contact_id\": \"{contact}\", \"body\": \"{}\"}}", "a".repeat(accord_web::API_BODY_LIMIT + 10));
    assert_problem(&post(huge.into_bytes(), "application/json").await, StatusCode::PAYLOAD_TOO_LARGE, "body_too_large");

    assert_problem(&post(b"subject=x".to_vec(), "application/x-www-form-urlencoded").await, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");

    let reply = post(format!("{{\"subject\": \"  \", \"contact_id\": \"{contact}\", \"tags\": [\"Not A Tag\"]}}").into_bytes(), "application/json").await;
    assert_problem(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    let problem = reply.json();
    let fields: Vec<&str> = problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["subject", "tags/0"]);

    let reply = post(json!({"subject": "x", "contact_id": accord_core::ids::ContactId::new()}).to_string().into_bytes(), "application/json").await;
    assert_problem(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");

    assert_problem(&app.raw("agent", Method::POST, "/api/v1/cases", "application/json", br#"{"subject":"x"}"#.to_vec(), &[("idempotency-key", "")]).await, StatusCode::BAD_REQUEST, "invalid_idempotency_key");

    assert_eq!(app.count_cases().await, 0, "a refused request stored a case");
});

db_test!(async fn bad_ids_tokens_and_routes(db) {
    let app = TestApp::new(db).await;
    assert_problem(&app.api("agent", Method::GET, "/api/v1/cases/not-a-uuid", None).await, StatusCode::BAD_REQUEST, "invalid_path");
    assert_problem(&app.api("agent", Method::GET, &format!("/api/v1/cases/{}", uuid::Uuid::now_v7()), None).await, StatusCode::NOT_FOUND, "not_found");
    assert_problem(&app.api("agent", Method::GET, "/api/v1/cases?status=open", None).await, StatusCode::BAD_REQUEST, "invalid_query");
    assert_problem(&app.api("agent", Method::GET, "/api/v1/cases?limit=lots", None).await, StatusCode::BAD_REQUEST, "invalid_query");
    assert_problem(&app.api("agent", Method::GET, "/api/v1/cases?cursor=xyz", None).await, StatusCode::BAD_REQUEST, "invalid_query");
    assert_problem(&app.api("", Method::GET, "/api/v1/cases", None).await, StatusCode::UNAUTHORIZED, "unauthorized");
    let forged = app.send(
        axum::http::Request::builder().uri("/api/v1/cases").header("authorization", "Bearer acc_forged").body(axum::body::Body::empty()).unwrap(),
    ).await;
    assert_problem(&forged, StatusCode::UNAUTHORIZED, "invalid_token");
    assert_problem(&app.api("agent", Method::GET, "/api/v1/nothing-here", None).await, StatusCode::NOT_FOUND, "no_such_route");
    let id = app.case_for(app.cast.contact_a, "Patch").await["id"].as_str().unwrap().to_owned();
    assert_problem(&app.api("agent", Method::PATCH, &format!("/api/v1/cases/{id}"), Some(json!({"stauts": "resolved"}))).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
    assert_problem(&app.api("agent", Method::PATCH, &format!("/api/v1/cases/{id}"), Some(json!({"custom_fields": {"Bad Key": 1}}))).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    let unchanged = app.api("agent", Method::GET, &format!("/api/v1/cases/{id}"), None).await.json();
    assert_eq!(unchanged["custom_fields"], json!({}));
});

db_test!(async fn field_problems_are_told_in_the_callers_language_with_their_bounds(db) {
    let app = TestApp::new(db).await;
    let body = json!({"subject": "", "contact_id": app.cast.contact_a, "tags": ["Not A Tag"]}).to_string();
    let refused = |language: Option<&'static str>| {
        let (app, body) = (&app, body.clone());
        async move {
            let extra: Vec<(&str, &str)> = language.map(|l| ("accept-language", l)).into_iter().collect();
            app.raw("agent", Method::POST, "/api/v1/cases", "application/json", body.into_bytes(), &extra).await
        }
    };
    let english = refused(None).await;
    assert_problem(&english, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    let problem = english.json();
    assert_eq!(problem["errors"][0]["field"], "subject", "{problem}");
    assert_eq!(problem["errors"][0]["message"], "This field is required.");
    let latvian = refused(Some("lv-LV,lv;q=0.9")).await;
    assert_eq!(latvian.headers.get("content-language").unwrap(), "lv");
    let problem = latvian.json();
    // Codes and fields stay as they are for programs; people read their own language.
    assert_eq!((problem["errors"][0]["field"].as_str(), problem["errors"][0]["code"].as_str()), (Some("subject"), Some("required")));
    assert_eq!(problem["errors"][0]["message"], "Šis lauks ir obligāts.", "{problem}");
    assert!(problem["detail"].as_str().unwrap().starts_with("Pieprasījumā ir"), "{problem}");
    let spanish = refused(Some("es")).await.json();
    assert_eq!(spanish["errors"][0]["message"], "Este campo es obligatorio.", "{spanish}");

    // A bound crossed is named, in numbers the caller can act on.
    let long = json!({"subject": "x".repeat(201), "contact_id": app.cast.contact_a});
    let reply = app.raw("agent", Method::POST, "/api/v1/cases", "application/json", long.to_string().into_bytes(), &[("accept-language", "pt")]).await;
    let problem = reply.json();
    assert_eq!(problem["errors"][0]["limit"], 200, "{problem}");
    assert_eq!(problem["errors"][0]["message"], "É demasiado longo: use no máximo 200 caracteres.", "{problem}");
});

db_test!(async fn no_text_holds_the_nul_character(db) {
    // PostgreSQL cannot store U+0000 in text (it answered 500); no text needs it, so every
    // body, query and path refuses it on both engines, before anything is stored.
    let app = TestApp::new(db).await;
    let id = app.case_for(app.cast.contact_a, "Bez NUL").await["id"].as_str().unwrap().to_owned();
    for (method, path, body) in [
        (Method::PATCH, format!("/api/v1/cases/{id}"), json!({"priority": "high", "reason": "a\u{0}b"})),
        (Method::POST, "/api/v1/policies".to_owned(), json!({"source": "x = 1", "briefing": "a\u{0}b"})),
        (Method::POST, "/api/v1/policies".to_owned(), json!({"source": "a\u{0}b"})),
        (Method::POST, "/api/v1/teams".to_owned(), json!({"name": "Komanda", "kind": "team", "description": "ok", "nested": {"k\u{0}": 1}})),
    ] {
        let reply = app.api("admin", method.clone(), &path, Some(body)).await;
        assert_problem(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
        assert!(reply.json()["detail"].as_str().unwrap().contains("NUL"), "{method} {path}: {}", reply.text);
    }
    assert_problem(&app.api("agent", Method::GET, "/api/v1/cases?tag=a%00b", None).await, StatusCode::BAD_REQUEST, "invalid_query");
    assert_problem(&app.api("admin", Method::GET, "/api/v1/survey-results?survey=%00", None).await, StatusCode::BAD_REQUEST, "invalid_query");
    assert_problem(&app.api("admin", Method::POST, "/api/v1/surveys/a%00b/send", Some(json!({}))).await, StatusCode::BAD_REQUEST, "invalid_path");
    let unchanged = app.api("agent", Method::GET, &format!("/api/v1/cases/{id}"), None).await.json();
    assert_eq!(unchanged["priority"], "normal");
    let drafts = app.api("admin", Method::GET, "/api/v1/policies", None).await.json();
    assert_eq!(drafts["items"], json!([]), "no draft was saved");
});
