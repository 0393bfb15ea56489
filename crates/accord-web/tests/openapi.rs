#![allow(clippy::unwrap_used)]
//! The OpenAPI document served at `/api/openapi.json` is the committed snapshot
//! `tests/snapshots/openapi.json`, so every change to the API shows as a diff in review.
//! After an intended change, refresh the snapshot and read the diff:
//!
//! ```sh
//! UPDATE_OPENAPI=1 cargo test -p accord-web --test openapi
//! ```
//!
//! It also checks what the snapshot cannot show at a glance: every list answers a page,
//! every operation documents its refusals as problem+json, and each schema name is one type.

mod support;

use accord_testkit::TestDb;
use axum::http::{Method, StatusCode};
use serde_json::Value;
use support::TestApp;

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/openapi.json");
const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

fn operations(doc: &Value) -> Vec<(String, &'static str, &Value)> {
    let mut all = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in METHODS {
            if let Some(operation) = item.get(method) {
                all.push((path.clone(), method, operation));
            }
        }
    }
    all
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_served_document_is_the_committed_snapshot() {
    let app = TestApp::new(TestDb::sqlite().await).await;
    let reply = app.api("", Method::GET, "/api/openapi.json", None).await;
    assert_eq!(reply.status, StatusCode::OK);
    let served = reply.json();
    assert_eq!(
        served,
        accord_web::api_parts().1,
        "the served document is api_parts()'s"
    );
    let text = serde_json::to_string_pretty(&served).unwrap() + "\n";
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(SNAPSHOT, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(SNAPSHOT).unwrap_or_default();
    if committed != text {
        let first = committed
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(text.lines().count()));
        let show = |s: &str| {
            s.lines()
                .skip(first)
                .take(12)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "the OpenAPI document differs from {SNAPSHOT} from line {}:\n--- committed\n{}\n--- served\n{}\n\
             If the API change is intended, run `UPDATE_OPENAPI=1 cargo test -p accord-web --test openapi` and commit the snapshot.",
            first + 1,
            show(&committed),
            show(&text)
        );
    }
}

#[test]
fn every_list_answers_a_page_and_every_refusal_is_documented() {
    let (_, doc) = accord_web::api_parts();
    let all = operations(&doc);
    assert!(all.len() >= 70, "only {} operations", all.len());
    for (path, method, operation) in &all {
        let name = format!("{} {path}", method.to_uppercase());
        let responses = operation["responses"].as_object().unwrap();
        // One shape for lists: a page, with `limit` and `cursor`.
        if let Some(ok) = responses.get("200") {
            let schema = &ok["content"]["application/json"]["schema"];
            assert_ne!(schema["type"], "array", "{name} answers a bare array");
            if let Some(page) = schema["$ref"]
                .as_str()
                .and_then(|r| r.strip_prefix("#/components/schemas/Page_"))
            {
                let page_schema = &doc["components"]["schemas"][format!("Page_{page}")];
                assert_eq!(
                    page_schema["properties"]["items"]["items"]["$ref"],
                    format!("#/components/schemas/{page}"),
                    "{name}"
                );
                let query: Vec<&str> = operation["parameters"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|p| p["in"] == "query")
                    .filter_map(|p| p["name"].as_str())
                    .collect();
                assert!(
                    query.contains(&"limit") && query.contains(&"cursor"),
                    "{name}: {query:?}"
                );
            }
        }
        // Every route needs a token; every refusal is problem+json.
        assert!(
            responses.contains_key("401"),
            "{name} does not document 401"
        );
        for (status, response) in responses {
            if status.starts_with('4') {
                let content = response["content"].as_object().unwrap();
                assert_eq!(
                    content.keys().collect::<Vec<_>>(),
                    ["application/problem+json"],
                    "{name} {status}"
                );
            }
        }
    }
}

#[test]
fn the_acknowledgement_preview_and_the_policy_acknowledgements_are_two_schemas() {
    let (_, doc) = accord_web::api_parts();
    let schema_of = |path: &str| {
        let reference =
            doc["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
                ["$ref"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned();
        doc["components"]["schemas"][reference].clone()
    };
    let keys = |schema: &Value| {
        let mut keys: Vec<String> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    let preview = schema_of("/api/v1/cases/{id}/acknowledgement");
    assert_eq!(keys(&preview), ["body", "next_update_by"]);
    let page = schema_of("/api/v1/policies/{number}/acknowledgements");
    let item = page["properties"]["items"]["items"]["$ref"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(
        keys(&doc["components"]["schemas"][item]),
        ["acknowledged_at", "email", "name", "user_id"]
    );
}
