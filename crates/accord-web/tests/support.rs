//! A test instance of the whole application over a fresh database, driven in-process.
#![allow(dead_code, clippy::unwrap_used)]

use std::collections::HashMap;
use std::net::SocketAddr;

use accord_testkit::{Cast, TestDb, now};
use accord_web::{AppState, WebConfig, app};
use axum::Router;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

pub struct TestApp {
    pub db: TestDb,
    pub cast: Cast,
    pub router: Router,
    pub tokens: HashMap<&'static str, String>,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    pub fn content_type(&self) -> &str {
        self.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

pub const ROLES: [&str; 5] = ["admin", "supervisor", "agent", "customer_a", "customer_b"];

impl TestApp {
    pub async fn new(db: TestDb) -> TestApp {
        let cast = Cast::create(&db.store).await;
        let router = app(AppState::new(
            db.store.clone(),
            WebConfig {
                time_zone: jiff::tz::TimeZone::UTC,
                ..WebConfig::default()
            },
        ))
        .layer(MockConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))));
        let mut tokens = HashMap::new();
        for (role, actor) in [
            ("admin", &cast.admin),
            ("supervisor", &cast.supervisor),
            ("agent", &cast.agent),
            ("customer_a", &cast.customer_a),
            ("customer_b", &cast.customer_b),
        ] {
            tokens.insert(
                role,
                db.store
                    .create_token(None, actor.user_id, "test", now())
                    .await
                    .unwrap(),
            );
        }
        TestApp {
            db,
            cast,
            router,
            tokens,
        }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            text: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// An API call as `role` (one of [`ROLES`], or "" for no token) with a JSON body.
    pub async fn api(&self, role: &str, method: Method, path: &str, body: Option<Value>) -> Reply {
        let mut request = Request::builder().method(method).uri(path);
        if let Some(token) = self.tokens.get(role) {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let body = match body {
            Some(json) => {
                request = request.header(header::CONTENT_TYPE, "application/json");
                Body::from(json.to_string())
            }
            None => Body::empty(),
        };
        self.send(request.body(body).unwrap()).await
    }

    pub async fn raw(
        &self,
        role: &str,
        method: Method,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
        extra: &[(&str, &str)],
    ) -> Reply {
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header(header::CONTENT_TYPE, content_type);
        if let Some(token) = self.tokens.get(role) {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        for (k, v) in extra {
            request = request.header(*k, *v);
        }
        self.send(request.body(Body::from(body)).unwrap()).await
    }

    /// Creates a case through the API as the agent and returns its JSON.
    pub async fn case_for(&self, contact: accord_core::ids::ContactId, subject: &str) -> Value {
        let reply = self
            .api("agent", Method::POST, "/api/v1/cases", Some(serde_json::json!({"subject": subject, "contact_id": contact, "body": "Sveiki! Palīdziet, lūdzu."})))
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        reply.json()
    }

    pub async fn count_cases(&self) -> usize {
        let filter = accord_store::cases::CaseFilter {
            limit: 500,
            ..Default::default()
        };
        self.db
            .store
            .list_cases(&self.cast.admin, &filter)
            .await
            .unwrap()
            .len()
    }
}

/// A browser-like session: cookies kept between requests.
pub struct Browser<'a> {
    pub app: &'a TestApp,
    pub cookies: HashMap<String, String>,
    pub language: Option<&'static str>,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Browser {
            app,
            cookies: HashMap::new(),
            language: None,
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn remember(&mut self, reply: &Reply) {
        for value in reply.headers.get_all(header::SET_COOKIE) {
            let text = value.to_str().unwrap();
            let pair = text.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || text.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        let mut request = Request::builder()
            .uri(path)
            .header(header::COOKIE, self.cookie_header());
        if let Some(l) = self.language {
            request = request.header(header::ACCEPT_LANGUAGE, l);
        }
        let reply = self.app.send(request.body(Body::empty()).unwrap()).await;
        self.remember(&reply);
        reply
    }

    pub async fn post(
        &mut self,
        path: &str,
        form: &[(&str, &str)],
        extra: &[(&str, &str)],
    ) -> Reply {
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", k, accord_web_urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        // Browsers send their languages with every request, forms included.
        if let Some(l) = self.language {
            request = request.header(header::ACCEPT_LANGUAGE, l);
        }
        if !extra.iter().any(|(k, _)| *k == "sec-fetch-site") {
            request = request.header("sec-fetch-site", "same-origin");
        }
        for (k, v) in extra {
            request = request.header(*k, *v);
        }
        let reply = self.app.send(request.body(Body::from(body)).unwrap()).await;
        self.remember(&reply);
        reply
    }

    /// Posts a multipart form (`enctype="multipart/form-data"`): text fields, then files as
    /// (field, file name, content type, bytes).
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &str, &[u8])],
    ) -> Reply {
        let boundary = "accord-test-boundary-7f3a";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
            );
        }
        for (name, filename, content_type, bytes) in files {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n").as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::COOKIE, self.cookie_header())
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header("sec-fetch-site", "same-origin");
        let reply = self.app.send(request.body(Body::from(body)).unwrap()).await;
        self.remember(&reply);
        reply
    }

    /// Signs in through the form, as a person would.
    pub async fn sign_in(&mut self, email: &str, password: &str) -> Reply {
        let form = self.get("/login").await;
        let csrf = hidden(&form.text, "_csrf");
        self.post(
            "/login",
            &[
                ("email", email),
                ("password", password),
                ("_csrf", &csrf),
                ("next", "/inbox"),
            ],
            &[],
        )
        .await
    }
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

/// The value of the first hidden input with this name.
pub fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no hidden {name} in page"))
        + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}
