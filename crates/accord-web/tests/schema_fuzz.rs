#![allow(clippy::unwrap_used)]
//! Schema fuzzing: schemathesis (from PyPI; `scripts/fetch-schemathesis` installs the pinned
//! version under target/tools/, and .ci/run runs it) reads `/api/openapi.json` from the real
//! server on loopback — SQLite, the demo's data, an administrator's token — generates
//! requests for every operation from the document (valid ones and, in the coverage phase,
//! ones that break it), and fails on any server error and on any response the document
//! does not describe: an undocumented status code, content type or header, or a body that
//! does not match its schema.
//!
//! Path parameters are mostly (80%) ids of real objects — cases, organizations, contacts,
//! users, policy versions, attachments, an agreement and its milestone, notifications… —
//! read through the API before the run, so requests reach the handlers' work instead of
//! their 404; the rest are generated.
//!
//! Nothing is excluded. Operations that take something away run too: the token's own
//! account cannot be deactivated (422), the tokens it may revoke are another user's, and
//! the password change needs the current password.
//!
//! Bounded: a fixed seed and a few examples per operation (`ACCORD_FUZZ_EXAMPLES`, default
//! 8): about two minutes on two cores. `ACCORD_SCHEMATHESIS` names another `st` to run.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use accord_core::people::Role;
use accord_demo::DemoOptions;
use accord_testkit::{TestDb, now};
use accord_web::{AppState, WebConfig, app};
use axum::Router;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Method, Request, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

const WORKSPACE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// The `st` command: `ACCORD_SCHEMATHESIS`, or the version scripts/fetch-schemathesis pins.
fn schemathesis() -> PathBuf {
    if let Some(path) = std::env::var_os("ACCORD_SCHEMATHESIS") {
        return PathBuf::from(path);
    }
    let script = std::fs::read_to_string(format!("{WORKSPACE}/scripts/fetch-schemathesis"))
        .expect("scripts/fetch-schemathesis is missing");
    let version = script
        .lines()
        .find_map(|l| l.strip_prefix("version="))
        .expect("scripts/fetch-schemathesis names no version");
    let st = PathBuf::from(format!(
        "{WORKSPACE}/target/tools/schemathesis-{version}/bin/st"
    ));
    assert!(
        st.exists(),
        "schemathesis {version} is not installed: run scripts/fetch-schemathesis, which \
         installs it from PyPI into target/tools/ (.ci/run does)"
    );
    st
}

/// An API call in process, before the server is fuzzed.
async fn call(router: &Router, token: &str, method: Method, path: &str, body: Value) -> Value {
    let mut request = Request::builder()
        .method(method.clone())
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"));
    let body = if body.is_null() {
        Body::empty()
    } else {
        request = request.header(header::CONTENT_TYPE, "application/json");
        Body::from(body.to_string())
    };
    let response = router
        .clone()
        .oneshot(request.body(body).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let value: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    assert!(status.is_success(), "{method} {path}: {status} {value}");
    value
}

async fn ids(router: &Router, token: &str, path: &str, field: &str) -> Vec<Value> {
    let page = call(router, token, Method::GET, path, Value::Null).await;
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item[field].clone())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_answers_as_its_document_says_under_schema_fuzzing() {
    let st = schemathesis();
    let db = TestDb::sqlite().await;
    let demo = accord_demo::generate(
        &db.store,
        &DemoOptions {
            cases: 30,
            days: 30,
            ..DemoOptions::default()
        },
        now(),
    )
    .await
    .unwrap();
    let user = |role: Role| {
        let email = demo
            .logins
            .iter()
            .find(|l| l.role == role)
            .unwrap_or_else(|| panic!("the demo has no {role:?}"))
            .email
            .clone();
        let store = db.store.clone();
        async move { store.find_user_by_email(&email).await.unwrap().unwrap() }
    };
    let admin = user(Role::Admin).await;
    let agent = user(Role::Agent).await;
    let token = db
        .store
        .create_token(None, admin.id, "schema fuzzing", now())
        .await
        .unwrap();
    // A token the fuzzer may revoke: not its own.
    db.store
        .create_token(None, agent.id, "to revoke", now())
        .await
        .unwrap();

    let config = WebConfig {
        time_zone: jiff::tz::TimeZone::UTC,
        ..WebConfig::default()
    };
    let router = app(AppState::new(db.store.clone(), config));

    // Real objects for path parameters, read (and a few made) through the API.
    let local = router
        .clone()
        .layer(MockConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))));
    let r = &local;
    let cases = ids(r, &token, "/api/v1/cases?limit=20", "id").await;
    let case = cases[0].as_str().unwrap().to_owned();
    let later =
        |hours: i64| (jiff::Timestamp::now() + jiff::SignedDuration::from_hours(hours)).to_string();
    let agreement = call(r, &token, Method::POST, &format!("/api/v1/cases/{case}/agreements"), json!({
        "problem": "The order arrived without its power supply.",
        "outcome": "We send the power supply by express courier.",
        "indicators": ["The customer confirms the device starts."],
        "deadline": later(96),
        "milestones": [{"title": "Courier picks up the part", "owner_id": admin.id, "due_at": later(48)}],
        "contract_changes": ["Spare parts ship by express courier."],
    })).await;
    let agreement_id = agreement["id"].clone();
    let milestone_id = agreement["milestones"][0]["id"].clone();
    call(
        r,
        &token,
        Method::POST,
        &format!(
            "/api/v1/agreements/{}/answer",
            agreement_id.as_str().unwrap()
        ),
        json!({"accept": true}),
    )
    .await;
    let attachment = {
        let request = Request::post(format!(
            "/api/v1/cases/{case}/attachments?filename=note.txt"
        ))
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("a note"))
        .unwrap();
        let response = local.clone().oneshot(request).await.unwrap();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        serde_json::from_slice::<Value>(&bytes).unwrap()["id"].clone()
    };
    let mut dictionaries: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    dictionaries.insert("cases", cases);
    dictionaries.insert(
        "organizations",
        ids(r, &token, "/api/v1/organizations?limit=20", "id").await,
    );
    dictionaries.insert(
        "contacts",
        ids(r, &token, "/api/v1/contacts?limit=20", "id").await,
    );
    dictionaries.insert("users", ids(r, &token, "/api/v1/users", "id").await);
    dictionaries.insert(
        "tokens",
        ids(
            r,
            &token,
            &format!("/api/v1/users/{}/tokens", agent.id),
            "id",
        )
        .await,
    );
    dictionaries.insert(
        "versions",
        ids(r, &token, "/api/v1/policies", "number").await,
    );
    dictionaries.insert(
        "notifications",
        ids(r, &token, "/api/v1/notifications", "id").await,
    );
    dictionaries.insert("approvals", ids(r, &token, "/api/v1/approvals", "id").await);
    dictionaries.insert(
        "reviews",
        ids(r, &token, "/api/v1/contract-reviews?open=false", "id").await,
    );
    dictionaries.insert("held", ids(r, &token, "/api/v1/mail/held", "id").await);
    dictionaries.insert("agreements", vec![agreement_id]);
    dictionaries.insert("milestones", vec![milestone_id]);
    dictionaries.insert("attachments", vec![attachment]);
    dictionaries.insert("surveys", vec![json!("satisfaction"), json!("recommend")]);
    let mut survey_requests = Vec::new();
    for case in dictionaries["cases"].clone() {
        let path = format!("/api/v1/cases/{}/surveys", case.as_str().unwrap());
        survey_requests.extend(ids(r, &token, &path, "id").await);
    }
    dictionaries.insert("survey_requests", survey_requests);

    // Which dictionary each path's parameter comes from.
    let bindings = [
        ("^/api/v1/cases/", "id", "cases"),
        ("^/api/v1/organizations/", "id", "organizations"),
        ("^/api/v1/contacts/", "id", "contacts"),
        ("^/api/v1/users/", "id", "users"),
        ("^/api/v1/tokens/", "id", "tokens"),
        ("^/api/v1/policies/", "number", "versions"),
        ("^/api/v1/notifications/", "id", "notifications"),
        ("^/api/v1/approvals/", "id", "approvals"),
        ("^/api/v1/contract-reviews/", "id", "reviews"),
        ("^/api/v1/mail/", "id", "held"),
        ("^/api/v1/agreements/", "id", "agreements"),
        ("^/api/v1/milestones/", "id", "milestones"),
        ("^/api/v1/attachments/", "id", "attachments"),
        ("^/api/v1/surveys/", "id", "surveys"),
        ("^/api/v1/survey-requests/", "id", "survey_requests"),
    ];
    let mut toml = String::new();
    for (name, values) in &dictionaries {
        if !values.is_empty() {
            let values: Vec<String> = values.iter().map(Value::to_string).collect();
            toml += &format!(
                "[dictionaries.{name}]\nvalues = [{}]\n\n",
                values.join(", ")
            );
        }
    }
    for (path, parameter, dictionary) in bindings {
        if !dictionaries[dictionary].is_empty() {
            toml += &format!(
                "[[operations]]\ninclude-path-regex = '{path}'\nparameters = {{ \"path.{parameter}\" = {{ dictionary = \"{dictionary}\", probability = 0.8 }} }}\n\n"
            );
        }
    }

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
    });

    let examples = std::env::var("ACCORD_FUZZ_EXAMPLES").unwrap_or_else(|_| "8".into());
    let work = tempfile::tempdir().unwrap();
    let config_file = work.path().join("schemathesis.toml");
    std::fs::write(&config_file, &toml).unwrap();
    let mut command = Command::new(&st);
    command
        .current_dir(work.path())
        .arg("--config-file")
        .arg(&config_file)
        .arg("run")
        .arg(format!("http://{address}/api/openapi.json"))
        .args(["--url", &format!("http://{address}")])
        .args(["--header", &format!("Authorization: Bearer {token}")])
        .args([
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,\
             response_headers_conformance,response_schema_conformance",
        ])
        .args(["--phases", "examples,coverage,fuzzing,stateful"])
        .args(["--max-examples", &examples])
        .args(["--seed", "2026"])
        .args(["--workers", "2"])
        .args(["--request-timeout", "30"])
        .args(["--generation-database", "none"])
        .arg("--no-color")
        .env("NO_COLOR", "1");
    let started = Instant::now();
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .unwrap()
        .unwrap_or_else(|e| panic!("{} did not run: {e}", st.display()));
    let elapsed = started.elapsed();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    println!("{text}\nschemathesis ran {elapsed:.0?}");
    assert!(
        output.status.success(),
        "schemathesis found responses the document does not describe, or server errors \
         ({}):\n{text}",
        output.status
    );
    assert!(
        elapsed < Duration::from_secs(600),
        "the fuzz run took {elapsed:?}; lower ACCORD_FUZZ_EXAMPLES"
    );
}
