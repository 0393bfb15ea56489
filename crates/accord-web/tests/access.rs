#![allow(clippy::unwrap_used)]
//! Cutting off access and holding limits across nodes (issue 16, items 16, 20 and 21):
//! password changes end other sessions; administrators deactivate users and revoke tokens
//! (API and pages) and every node refuses them at once; tokens expire; HSTS with secure
//! cookies; malformed bearer headers are refused; the sign-in form's token is bound to its
//! pre-session; sign-in and portal limits hold in total across two nodes on one database.

mod support;

use std::net::SocketAddr;

use accord_store::Store;
use accord_testkit::{PASSWORD, db_test};
use accord_web::{AppState, WebConfig, app};
use axum::Router;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use support::{Browser, Reply, TestApp, hidden};
use tower::ServiceExt;

/// Another server process on the same database.
fn node(store: Store, secure_cookies: bool) -> Router {
    app(AppState::new(
        store,
        WebConfig {
            time_zone: jiff::tz::TimeZone::UTC,
            secure_cookies,
            ..WebConfig::default()
        },
    ))
    .layer(MockConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))))
}

async fn send(router: &Router, request: Request<Body>) -> Reply {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        text: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// An API call with exactly this `Authorization` header value.
async fn api_with(
    router: &Router,
    method: Method,
    path: &str,
    authorization: &str,
    body: Option<Value>,
) -> Reply {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, authorization);
    let body = match body {
        Some(json) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(json.to_string())
        }
        None => Body::empty(),
    };
    send(router, request.body(body).unwrap()).await
}

fn problem(reply: &Reply) -> String {
    reply.json()["type"].as_str().unwrap_or_default().to_owned()
}

fn location(reply: &Reply) -> String {
    reply
        .headers
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// A form posted with exactly these cookies (no browser to keep them).
async fn post_form(router: &Router, path: &str, cookie: &str, form: &[(&str, &str)]) -> Reply {
    let body = form
        .iter()
        .map(|(k, v)| format!("{k}={}", accord_web_urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let request = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(body))
        .unwrap();
    send(router, request).await
}

fn accord_web_urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The sign-in page's pre-session cookie (`name=value`) and form token, from one GET.
async fn sign_in_form(router: &Router) -> (String, String) {
    let page = send(
        router,
        Request::builder()
            .uri("/login")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let cookie = page
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .find(|c| c.contains("accord_login_csrf="))
        .unwrap();
    (cookie, hidden(&page.text, "_csrf"))
}

db_test!(async fn a_password_change_signs_out_the_users_other_browsers(db) {
    let app = TestApp::new(db).await;
    let mut here = Browser::new(&app);
    let mut elsewhere = Browser::new(&app);
    here.sign_in("janis@accord.test", PASSWORD).await;
    elsewhere.sign_in("janis@accord.test", PASSWORD).await;
    assert_eq!(elsewhere.get("/inbox").await.status, StatusCode::OK);

    let account = here.get("/account").await;
    assert_eq!(account.status, StatusCode::OK);
    assert!(account.text.contains("Change your password"), "{}", account.text);
    let csrf = hidden(&account.text, "_csrf");
    let mismatch = here.post("/account/password", &[("current_password", PASSWORD), ("new_password", "jauna parole 2026"), ("repeat_password", "cita parole 2026"), ("_csrf", &csrf)], &[]).await;
    assert_eq!(mismatch.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(mismatch.text.contains("The two new passwords differ."));
    let wrong = here.post("/account/password", &[("current_password", "not it at all"), ("new_password", "jauna parole 2026"), ("repeat_password", "jauna parole 2026"), ("_csrf", &csrf)], &[]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.text.contains("This is not your current password."));
    assert_eq!(elsewhere.get("/inbox").await.status, StatusCode::OK, "a refused change signs nobody out");

    let changed = here.post("/account/password", &[("current_password", PASSWORD), ("new_password", "jauna parole 2026"), ("repeat_password", "jauna parole 2026"), ("_csrf", &csrf)], &[]).await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.text);
    assert_eq!(location(&changed), "/account?done=password");
    assert!(here.get("/account?done=password").await.text.contains("Every other session of yours has been signed out."));
    assert_eq!(here.get("/inbox").await.status, StatusCode::OK, "the browser it was changed in stays signed in");
    let out = elsewhere.get("/inbox").await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(location(&out).starts_with("/login"));
    assert_eq!(Browser::new(&app).sign_in("janis@accord.test", "jauna parole 2026").await.status, StatusCode::SEE_OTHER);

    // Through the API: every session ends (an API call has none to keep).
    let reply = app.api("agent", Method::POST, "/api/v1/users/me/password", Some(json!({"current_password": "jauna parole 2026", "new_password": "trešā parole 2026"}))).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.text);
    assert_eq!(here.get("/inbox").await.status, StatusCode::SEE_OTHER);
    let wrong = app.api("agent", Method::POST, "/api/v1/users/me/password", Some(json!({"current_password": "nope", "new_password": "ceturtā parole"}))).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong.json()["errors"][0]["code"], "wrong_password");
});

db_test!(async fn a_deactivated_users_token_stops_at_once_on_every_node(db) {
    let app = TestApp::new(db).await;
    let node_b = node(app.db.another_node().await, false);
    let agent = app.cast.agent.user_id;
    let agent_bearer = format!("Bearer {}", app.tokens["agent"]);
    let mut browser = Browser::new(&app);
    browser.sign_in("janis@accord.test", PASSWORD).await;
    // Node B has just accepted the agent's token.
    assert_eq!(api_with(&node_b, Method::GET, "/api/v1/users/me", &agent_bearer, None).await.status, StatusCode::OK);

    let path = format!("/api/v1/users/{agent}/deactivate");
    assert_eq!(app.api("supervisor", Method::POST, &path, None).await.status, StatusCode::FORBIDDEN);
    let own = app.api("admin", Method::POST, &format!("/api/v1/users/{}/deactivate", app.cast.admin.user_id), None).await;
    assert_eq!(own.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(own.json()["errors"][0]["code"], "own_account");
    let reply = app.api("admin", Method::POST, &path, None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.json()["active"], false);

    let refused = api_with(&node_b, Method::GET, "/api/v1/users/me", &agent_bearer, None).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem(&refused), "urn:accord:problem:user_deactivated");
    assert_eq!(refused.headers[header::WWW_AUTHENTICATE], "Bearer error=\"invalid_token\"");
    assert_eq!(browser.get("/inbox").await.status, StatusCode::SEE_OTHER, "the session ended");
    assert_eq!(Browser::new(&app).sign_in("janis@accord.test", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    let shown = app.api("admin", Method::GET, &format!("/api/v1/users/{agent}"), None).await;
    assert_eq!(shown.json()["active"], false);

    let back = api_with(&node_b, Method::POST, &format!("/api/v1/users/{agent}/reactivate"), &format!("Bearer {}", app.tokens["admin"]), None).await;
    assert_eq!(back.status, StatusCode::OK);
    assert_eq!(app.api("agent", Method::GET, "/api/v1/users/me", None).await.status, StatusCode::OK);
    let log = app.db.store.audit_log(&app.cast.admin, 10).await.unwrap();
    assert!(log.iter().any(|e| e.action == "user.deactivate" && e.object_id == Some(agent.to_string())));
    assert!(log.iter().any(|e| e.action == "user.reactivate"));
});

db_test!(async fn tokens_expire_and_a_token_revoked_on_one_node_is_refused_on_the_other(db) {
    let app = TestApp::new(db).await;
    let node_b = node(app.db.another_node().await, false);
    let agent = app.cast.agent.user_id;
    let tokens_path = format!("/api/v1/users/{agent}/tokens");
    let in_an_hour = (jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1)).to_string();

    let created = app.api("agent", Method::POST, &tokens_path, Some(json!({"name": "nightly export", "expires_at": in_an_hour}))).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let body = created.json();
    let secret = body["token"].as_str().unwrap().to_owned();
    let id = body["id"].as_str().unwrap().to_owned();
    assert!(body["expires_at"].is_string());
    let bearer = format!("Bearer {secret}");
    assert_eq!(api_with(&node_b, Method::GET, "/api/v1/users/me", &bearer, None).await.status, StatusCode::OK);

    // Listed without secrets, in pages of the cases' shape.
    let list = app.api("agent", Method::GET, &tokens_path, None).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.json()["items"].as_array().unwrap().len(), 2, "the test's token and this one");
    assert!(!list.text.contains(&secret) && !list.text.contains(&app.tokens["agent"]));
    let first = app.api("agent", Method::GET, &format!("{tokens_path}?limit=1"), None).await.json();
    assert_eq!(first["items"][0]["name"], "nightly export");
    let cursor = first["next"].as_str().unwrap();
    let second = app.api("agent", Method::GET, &format!("{tokens_path}?limit=1&cursor={cursor}"), None).await.json();
    assert_eq!(second["items"][0]["name"], "test");
    assert_eq!(app.api("customer_a", Method::GET, &tokens_path, None).await.status, StatusCode::FORBIDDEN);
    let past = app.api("agent", Method::POST, &tokens_path, Some(json!({"name": "late", "expires_at": "2020-01-01T00:00:00Z"}))).await;
    assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(past.json()["errors"][0]["code"], "in_the_past");

    // Revoked on node A: node B refuses it on the next request, saying why.
    let revoked = app.api("agent", Method::DELETE, &format!("/api/v1/tokens/{id}"), None).await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT, "{}", revoked.text);
    let refused = api_with(&node_b, Method::GET, "/api/v1/users/me", &bearer, None).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem(&refused), "urn:accord:problem:token_revoked");
    assert_eq!(app.api("supervisor", Method::DELETE, &format!("/api/v1/tokens/{id}"), None).await.status, StatusCode::FORBIDDEN);
    let log = app.db.store.audit_log(&app.cast.admin, 10).await.unwrap();
    assert!(log.iter().any(|e| e.action == "token.revoke" && e.detail["token_id"] == id));

    // Expired: refused from the instant it passes.
    let soon = accord_store::auth::NewToken { name: "brief".into(), expires_at: Some(jiff::Timestamp::now() + jiff::SignedDuration::from_millis(300)) };
    let (_, brief) = app.db.store.issue_token(None, agent, &soon, jiff::Timestamp::now()).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let expired = api_with(&node_b, Method::GET, "/api/v1/users/me", &format!("Bearer {brief}"), None).await;
    assert_eq!(expired.status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem(&expired), "urn:accord:problem:token_expired");
    let unknown = api_with(&node_b, Method::GET, "/api/v1/users/me", "Bearer acc_never_issued", None).await;
    assert_eq!(problem(&unknown), "urn:accord:problem:invalid_token");

    // A retried creation (same Idempotency-Key) creates once and never shows the secret again.
    let retry = |_: ()| app.raw("admin", Method::POST, &tokens_path, "application/json", br#"{"name":"deploy"}"#.to_vec(), &[("idempotency-key", "deploy-1")]);
    let first = retry(()).await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert!(first.json()["token"].is_string());
    let again = retry(()).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.json()["id"], first.json()["id"]);
    assert!(again.json().get("token").is_none(), "{}", again.text);
});

db_test!(async fn administrators_cut_off_users_and_tokens_from_the_pages(db) {
    let app = TestApp::new(db).await;
    let agent = app.cast.agent.user_id;
    let mut janis = Browser::new(&app);
    janis.sign_in("janis@accord.test", PASSWORD).await;

    // A member of staff issues and revokes their own tokens on the account page.
    let account = janis.get("/account").await;
    let csrf = hidden(&account.text, "_csrf");
    let issued = janis.post("/account/tokens", &[("name", "laptop script"), ("expires_on", "2099-12-31"), ("_csrf", &csrf)], &[]).await;
    assert_eq!(issued.status, StatusCode::OK, "{}", issued.text);
    let marker = "<code id=\"new-token\">";
    let start = issued.text.find(marker).unwrap() + marker.len();
    let secret = issued.text[start..].split('<').next().unwrap().to_owned();
    assert!(secret.starts_with("acc_"));
    assert!(!janis.get("/account").await.text.contains(&secret), "shown once");
    let bearer = format!("Bearer {secret}");
    assert_eq!(api_with(&app.router, Method::GET, "/api/v1/users/me", &bearer, None).await.status, StatusCode::OK);
    let tokens = app.db.store.list_tokens(None, agent, 10, None).await.unwrap();
    let laptop = tokens.iter().find(|t| t.name == "laptop script").unwrap();
    assert!(laptop.expires_at.is_some());
    let bad = janis.post("/account/tokens", &[("name", "x"), ("expires_on", "next week"), ("_csrf", &csrf)], &[]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let revoked = janis.post(&format!("/tokens/{}/revoke", laptop.id), &[("back", "/account"), ("_csrf", &csrf)], &[]).await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    assert_eq!(location(&revoked), "/account?done=token-revoked");
    assert_eq!(api_with(&app.router, Method::GET, "/api/v1/users/me", &bearer, None).await.status, StatusCode::UNAUTHORIZED);

    // Only administrators see the users pages.
    assert_eq!(janis.get("/users").await.status, StatusCode::FORBIDDEN);
    let mut ada = Browser::new(&app);
    ada.sign_in("admin@accord.test", PASSWORD).await;
    let users = ada.get("/users?q=J%C4%81nis").await;
    assert_eq!(users.status, StatusCode::OK);
    assert!(users.text.contains("Jānis Aģents") && !users.text.contains("Sofia"), "{}", users.text);
    let page = ada.get(&format!("/users/{agent}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("laptop script"));
    let csrf = hidden(&page.text, "_csrf");
    let issued = ada.post(&format!("/users/{agent}/tokens"), &[("name", "for Jānis"), ("expires_on", ""), ("_csrf", &csrf)], &[]).await;
    assert_eq!(issued.status, StatusCode::OK);
    assert!(issued.text.contains(marker));

    let deactivated = ada.post(&format!("/users/{agent}/deactivate"), &[("_csrf", &csrf)], &[]).await;
    assert_eq!(deactivated.status, StatusCode::SEE_OTHER, "{}", deactivated.text);
    let page = ada.get(&location(&deactivated)).await;
    assert!(page.text.contains("The user was deactivated"), "{}", page.text);
    assert_eq!(janis.get("/inbox").await.status, StatusCode::SEE_OTHER, "signed out at once");
    let refused = app.api("agent", Method::GET, "/api/v1/users/me", None).await;
    assert_eq!(problem(&refused), "urn:accord:problem:user_deactivated");
    let reactivated = ada.post(&format!("/users/{agent}/reactivate"), &[("_csrf", &csrf)], &[]).await;
    assert_eq!(reactivated.status, StatusCode::SEE_OTHER);
    assert_eq!(app.api("agent", Method::GET, "/api/v1/users/me", None).await.status, StatusCode::OK);
    let own = ada.post(&format!("/users/{}/deactivate", app.cast.admin.user_id), &[("_csrf", &csrf)], &[]).await;
    assert_eq!(own.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(own.text.contains("You cannot deactivate your own account."));
});

db_test!(async fn hsts_is_sent_when_cookies_are_secure(db) {
    let plain = node(db.store.clone(), false);
    let secure = node(db.store.clone(), true);
    let get = |path: &str| Request::builder().uri(path).body(Body::empty()).unwrap();
    assert!(send(&plain, get("/login")).await.headers.get(header::STRICT_TRANSPORT_SECURITY).is_none());
    for path in ["/login", "/api/v1/cases", "/healthz", "/no/such/page"] {
        let reply = send(&secure, get(path)).await;
        assert_eq!(reply.headers[header::STRICT_TRANSPORT_SECURITY], "max-age=31536000; includeSubDomains", "{path}");
    }
    // With secure cookies, the pre-session cookie cannot be set by a neighbouring subdomain.
    let login = send(&secure, get("/login")).await;
    let cookie = login.headers[header::SET_COOKIE].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("__Host-accord_login_csrf=") && cookie.contains("Secure") && cookie.contains("Path=/"), "{cookie}");
    // Signing in replaces it with the session; its removal is Secure too, or browsers ignore it.
    accord_testkit::Cast::create(&db.store).await;
    let (pre_session, token) = sign_in_form(&secure).await;
    let signed = post_form(&secure, "/login", &pre_session, &[("email", "janis@accord.test"), ("password", PASSWORD), ("_csrf", &token), ("next", "/inbox")]).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.text);
    let cookies: Vec<&str> = signed.headers.get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap()).collect();
    assert!(cookies.iter().any(|c| c.starts_with("__Host-accord_login_csrf=") && c.contains("Max-Age=0") && c.contains("Secure")), "{cookies:?}");
    assert!(cookies.iter().any(|c| c.starts_with("accord_session=") && c.contains("Secure")), "{cookies:?}");
});

db_test!(async fn malformed_bearer_headers_are_refused(db) {
    let app = TestApp::new(db).await;
    let token = app.tokens["agent"].clone();
    let ok = api_with(&app.router, Method::GET, "/api/v1/users/me", &format!("Bearer {token}"), None).await;
    assert_eq!(ok.status, StatusCode::OK);
    for malformed in [format!("Bearer {token} "), format!("Bearer  {token}"), format!("Bearer\t{token}"), format!("Bearer {token}\t"), "Bearer ".into(), format!("Token {token}"), token.clone()] {
        let reply = api_with(&app.router, Method::GET, "/api/v1/users/me", &malformed, None).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{malformed:?}");
        assert_eq!(problem(&reply), "urn:accord:problem:malformed_authorization", "{malformed:?}");
        assert_eq!(reply.headers[header::WWW_AUTHENTICATE], "Bearer error=\"invalid_request\"");
    }
    let missing = app.api("", Method::GET, "/api/v1/users/me", None).await;
    assert_eq!(problem(&missing), "urn:accord:problem:unauthorized");
    assert_eq!(missing.headers[header::WWW_AUTHENTICATE], "Bearer");
});

db_test!(async fn the_sign_in_forms_token_is_bound_to_its_pre_session(db) {
    let app = TestApp::new(db).await;
    let router = &app.router;
    let sign_in = |cookie: String, token: String| async move {
        post_form(router, "/login", &cookie, &[("email", "janis@accord.test"), ("password", PASSWORD), ("_csrf", &token), ("next", "/inbox")]).await
    };
    // A pair made up together (plain double-submit would take it).
    let forged = sign_in("accord_login_csrf=chosen-by-someone".into(), "chosen-by-someone".into()).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    // One browser's token beside another browser's cookie.
    let (cookie_a, token_a) = sign_in_form(router).await;
    let (cookie_b, token_b) = sign_in_form(router).await;
    assert_ne!(cookie_a, cookie_b);
    assert_eq!(sign_in(cookie_b.clone(), token_a.clone()).await.status, StatusCode::FORBIDDEN);
    assert_eq!(sign_in(cookie_a.clone(), cookie_a.split_once('=').unwrap().1.to_owned()).await.status, StatusCode::FORBIDDEN, "the cookie's value is not the token");
    // Each browser's own pair works — on the other node too (one installation key).
    let node_b = node(app.db.another_node().await, false);
    let signed = post_form(&node_b, "/login", &cookie_a, &[("email", "janis@accord.test"), ("password", PASSWORD), ("_csrf", &token_a), ("next", "/inbox")]).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.text);
    assert_eq!(sign_in(cookie_b, token_b).await.status, StatusCode::SEE_OTHER);
    // Two tabs of one browser: the second form keeps the first one's pre-session.
    let mut browser = Browser::new(&app);
    let first = hidden(&browser.get("/login").await.text, "_csrf");
    let second = browser.get("/login").await;
    assert!(second.headers.get(header::SET_COOKIE).is_none(), "the pre-session is kept");
    let reply = browser.post("/login", &[("email", "janis@accord.test"), ("password", PASSWORD), ("_csrf", &first), ("next", "/inbox")], &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
});

db_test!(async fn sign_in_and_portal_limits_hold_across_nodes(db) {
    let app = TestApp::new(db).await;
    let node_b = node(app.db.another_node().await, false);
    let nodes = [&app.router, &node_b];
    // Wrong passwords for one account, alternating between the two nodes.
    let mut refused = 0;
    let mut tried = 0;
    for i in 0..14 {
        let router = nodes[i % 2];
        let (cookie, token) = sign_in_form(router).await;
        let reply = post_form(router, "/login", &cookie, &[("email", "janis@accord.test"), ("password", "wrong guess"), ("_csrf", &token), ("next", "/inbox")]).await;
        match reply.status {
            StatusCode::TOO_MANY_REQUESTS => refused += 1,
            StatusCode::UNAUTHORIZED => tried += 1,
            other => panic!("{other}: {}", reply.text),
        }
    }
    // Ten a minute for the account in total, not ten per node. (Should the minute turn during
    // the test, the sliding window lets one more through: 10 × 59/60 < 10.)
    assert!((10..=11).contains(&tried) && tried + refused == 14, "{tried} tried, {refused} refused");

    // New portal cases: ten an hour for an account, in total across nodes.
    let limiter_a = accord_web::NewCaseLimiter::new(app.db.store.clone());
    let limiter_b = accord_web::NewCaseLimiter::new(app.db.another_node().await);
    let account = app.cast.customer_a.user_id.to_string();
    let mut allowed = 0;
    for i in 0..14 {
        let limiter = if i % 2 == 0 { &limiter_a } else { &limiter_b };
        allowed += usize::from(limiter.allow(&account).await.unwrap());
    }
    assert!((10..=11).contains(&allowed), "{allowed} allowed");
});

db_test!(async fn an_open_live_update_stream_ends_with_its_session(db) {
    let app = TestApp::new(db).await;
    let mut janis = Browser::new(&app);
    janis.sign_in("janis@accord.test", PASSWORD).await;
    let cookie = format!("accord_session={}", janis.cookies["accord_session"]);
    let request = Request::builder().uri("/events").header(header::COOKIE, cookie).body(Body::empty()).unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let mut stream = response.into_body();
    let wait = std::time::Duration::from_secs(10);
    let new_case = |subject: &'static str| app.api("admin", Method::POST, "/api/v1/cases", Some(json!({"subject": subject, "contact_id": app.cast.contact_a})));
    assert_eq!(new_case("Pirmais").await.status, StatusCode::CREATED);
    let event = tokio::time::timeout(wait, stream.frame()).await.unwrap().unwrap().unwrap();
    let text = String::from_utf8_lossy(event.data_ref().unwrap()).into_owned();
    assert!(text.contains("event: cases"), "{text}");

    let path = format!("/api/v1/users/{}/deactivate", app.cast.agent.user_id);
    assert_eq!(app.api("admin", Method::POST, &path, None).await.status, StatusCode::OK);
    assert_eq!(new_case("Otrais").await.status, StatusCode::CREATED);
    let after = tokio::time::timeout(wait, stream.frame()).await.unwrap();
    assert!(after.is_none(), "the stream went on after the user was deactivated: {after:?}");
});
