#![allow(clippy::unwrap_used)]
//! The REST API for cases, contacts and organizations, on both engines.

mod support;

use accord_testkit::db_test;
use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};
use support::TestApp;

db_test!(async fn cases_can_be_created_listed_read_and_updated(db) {
    let app = TestApp::new(db).await;
    let created = app.case_for(app.cast.contact_a, "Rēķins nav pienācis").await;
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["status"], "new");
    assert_eq!(created["organization_id"], json!(app.cast.org_a));

    let list = app.api("agent", Method::GET, "/api/v1/cases?open=true&limit=10", None).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.json()["items"][0]["id"], json!(id));

    let one = app.api("agent", Method::GET, &format!("/api/v1/cases/{id}"), None).await;
    assert_eq!(one.json()["subject"], "Rēķins nav pienācis");

    let patch = json!({"status": "acknowledged", "priority": "high", "assignee_id": app.cast.agent.user_id, "add_tags": ["rēķins"], "reason": "klients zvanīja"});
    let updated = app.api("agent", Method::PATCH, &format!("/api/v1/cases/{id}"), Some(patch)).await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.text);
    assert_eq!(updated.json()["status"], "acknowledged");
    assert_eq!(updated.json()["tags"], json!(["rēķins"]));

    let mine = app.api("agent", Method::GET, "/api/v1/cases?assignee=me", None).await;
    assert_eq!(mine.json()["items"].as_array().unwrap().len(), 1);
    let events = app.api("agent", Method::GET, &format!("/api/v1/cases/{id}/events"), None).await.json()["items"].clone();
    let kinds: Vec<&str> = events.as_array().unwrap().iter().map(|e| e["change"]["type"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["created", "entry_added", "status", "priority", "assignee", "tag_added"]);
    assert_eq!(events[2]["reason"], "klients zvanīja");
});

db_test!(async fn illegal_transitions_are_refused_with_the_allowed_ones(db) {
    let app = TestApp::new(db).await;
    let id = app.case_for(app.cast.contact_b, "Fatura errada").await["id"].as_str().unwrap().to_owned();
    let reply = app.api("agent", Method::PATCH, &format!("/api/v1/cases/{id}"), Some(json!({"status": "closed"}))).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.content_type(), "application/problem+json");
    let problem = reply.json();
    assert_eq!(problem["type"], "urn:accord:problem:illegal_transition");
    assert!(problem["detail"].as_str().unwrap().contains("allowed next statuses: acknowledged"), "{problem}");
    let still = app.api("agent", Method::GET, &format!("/api/v1/cases/{id}"), None).await.json();
    assert_eq!(still["status"], "new");
});

db_test!(async fn idempotent_retry_creates_exactly_one_case(db) {
    let app = TestApp::new(db).await;
    let body = json!({"subject": "Doble cobro", "contact_id": app.cast.contact_a}).to_string().into_bytes();
    let key = [("idempotency-key", "order-7781-retry")];
    let first = app.raw("agent", Method::POST, "/api/v1/cases", "application/json", body.clone(), &key).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let second = app.raw("agent", Method::POST, "/api/v1/cases", "application/json", body, &key).await;
    assert_eq!(second.status, StatusCode::CREATED);
    assert_eq!(second.headers.get("idempotent-replayed").unwrap(), "true");
    assert_eq!(first.json()["id"], second.json()["id"]);
    assert_eq!(app.count_cases().await, 1);
    // The same key for a different body is a client bug, refused.
    let other = json!({"subject": "Otro", "contact_id": app.cast.contact_a}).to_string().into_bytes();
    let third = app.raw("agent", Method::POST, "/api/v1/cases", "application/json", other, &key).await;
    assert_eq!(third.status, StatusCode::CONFLICT);
    assert_eq!(app.count_cases().await, 1);
});

db_test!(async fn every_creation_is_safe_to_retry(db) {
    let app = TestApp::new(db).await;
    let case = app.case_for(app.cast.contact_a, "Retry").await["id"].as_str().unwrap().to_owned();
    let routes = [
        ("/api/v1/contacts".to_owned(), json!({"name": "Rūta Liepa", "organization_id": app.cast.org_a})),
        ("/api/v1/organizations".to_owned(), json!({"name": "Vienreiz SIA"})),
        (format!("/api/v1/cases/{case}/entries"), json!({"kind": "outbound", "body": "Vienreiz vien."})),
        (format!("/api/v1/organizations/{}/expectations", app.cast.org_a), json!({"kind": "billing", "description": "Bez komisijas."})),
        ("/api/v1/teams".to_owned(), json!({"name": "Komanda vienreiz", "kind": "team"})),
    ];
    for (i, (path, body)) in routes.iter().enumerate() {
        let key = format!("retry-{i}");
        let headers = [("idempotency-key", key.as_str())];
        let bytes = body.to_string().into_bytes();
        let first = app.raw("admin", Method::POST, path, "application/json", bytes.clone(), &headers).await;
        assert_eq!(first.status, StatusCode::CREATED, "{path}: {}", first.text);
        let second = app.raw("admin", Method::POST, path, "application/json", bytes, &headers).await;
        assert_eq!(second.status, StatusCode::CREATED, "{path}");
        assert_eq!(second.headers.get("idempotent-replayed").unwrap(), "true", "{path}");
        assert_eq!(first.json()["id"], second.json()["id"], "{path}");
        let other_body = format!("{body}\n").into_bytes();
        let other = app.raw("admin", Method::POST, path, "application/json", other_body, &headers).await;
        assert_eq!(other.status, StatusCode::CONFLICT, "{path}: a reused key with another body");
    }
    let entries = app.api("admin", Method::GET, &format!("/api/v1/cases/{case}/entries"), None).await.json()["items"].clone();
    assert_eq!(entries.as_array().unwrap().len(), 2, "first message and one reply");
    let contacts = app.api("admin", Method::GET, &format!("/api/v1/contacts?organization={}", app.cast.org_a), None).await.json()["items"].clone();
    assert_eq!(contacts.as_array().unwrap().iter().filter(|c| c["name"] == "Rūta Liepa").count(), 1);
    // A refused creation gives its key back, so a corrected request can use it.
    let bad = app.raw("admin", Method::POST, "/api/v1/teams", "application/json", br#"{"name": " ", "kind": "team"}"#.to_vec(), &[("idempotency-key", "fix-me")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fixed = app.raw("admin", Method::POST, "/api/v1/teams", "application/json", br#"{"name": "Fixed", "kind": "team"}"#.to_vec(), &[("idempotency-key", "fix-me")]).await;
    assert_eq!(fixed.status, StatusCode::CREATED, "{}", fixed.text);
});

db_test!(async fn conversation_links_and_attachments(db) {
    let app = TestApp::new(db).await;
    let a = app.case_for(app.cast.contact_a, "Pirmā").await["id"].as_str().unwrap().to_owned();
    let b = app.case_for(app.cast.contact_a, "Otrā").await["id"].as_str().unwrap().to_owned();
    let note = app.api("agent", Method::POST, &format!("/api/v1/cases/{a}/entries"), Some(json!({"kind": "note", "body": "Iekšēji"}))).await;
    assert_eq!(note.status, StatusCode::CREATED, "{}", note.text);
    let reply = app.api("agent", Method::POST, &format!("/api/v1/cases/{a}/entries"), Some(json!({"kind": "outbound", "body": "Labdien!"}))).await;
    assert_eq!(reply.status, StatusCode::CREATED);
    let customer_view = app.api("customer_a", Method::GET, &format!("/api/v1/cases/{a}/entries"), None).await.json()["items"].clone();
    let kinds: Vec<&str> = customer_view.as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["inbound", "outbound"]);

    let link = app.api("agent", Method::POST, &format!("/api/v1/cases/{b}/links"), Some(json!({"other_case_id": a, "kind": "duplicate_of"}))).await;
    assert_eq!(link.status, StatusCode::NO_CONTENT);
    let links = app.api("agent", Method::GET, &format!("/api/v1/cases/{a}/links"), None).await.json()["items"].clone();
    assert_eq!(links[0]["incoming"], true);

    let bytes = "Rēķins nr. 42\n".as_bytes().to_vec();
    let upload = app.raw("agent", Method::POST, &format!("/api/v1/cases/{a}/attachments?filename=r%C4%93%C4%B7ins.txt"), "text/plain", bytes.clone(), &[]).await;
    assert_eq!(upload.status, StatusCode::CREATED, "{}", upload.text);
    let attachment = upload.json();
    assert_eq!(attachment["filename"], "rēķins.txt");
    let download = app.api("customer_a", Method::GET, &format!("/api/v1/attachments/{}", attachment["id"].as_str().unwrap()), None).await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(download.text.as_bytes(), bytes.as_slice());
    assert!(download.headers.get(header::CONTENT_DISPOSITION).unwrap().to_str().unwrap().starts_with("attachment"));
    let foreign = app.api("customer_b", Method::GET, &format!("/api/v1/attachments/{}", attachment["id"].as_str().unwrap()), None).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
});

db_test!(async fn contacts_and_organizations_through_the_api(db) {
    let app = TestApp::new(db).await;
    let org = app
        .api("agent", Method::POST, "/api/v1/organizations", Some(json!({"name": "Café Aroma Lda.", "tier": "gold", "annual_revenue_minor": 1250000, "currency": "EUR", "customer_since": "2022-05-01"})))
        .await;
    assert_eq!(org.status, StatusCode::CREATED, "{}", org.text);
    let org_id = org.json()["id"].as_str().unwrap().to_owned();
    let contact = app
        .api("agent", Method::POST, "/api/v1/contacts", Some(json!({"name": "Inês Costa", "organization_id": org_id, "preferred_language": "pt", "identities": [{"kind": "email", "value": "Ines@CafeAroma.pt"}]})))
        .await;
    assert_eq!(contact.status, StatusCode::CREATED, "{}", contact.text);
    assert_eq!(contact.json()["identities"][0]["value"], "ines@cafearoma.pt");
    let contact_id = contact.json()["id"].as_str().unwrap().to_owned();
    let duplicate = app.api("agent", Method::POST, "/api/v1/contacts", Some(json!({"name": "Outra", "identities": [{"kind": "email", "value": "ines@cafearoma.pt"}]}))).await;
    assert_eq!(duplicate.status, StatusCode::UNPROCESSABLE_ENTITY);

    let patched = app.api("agent", Method::PATCH, &format!("/api/v1/contacts/{contact_id}"), Some(json!({"name": "Inês Costa Reis"}))).await;
    assert_eq!(patched.json()["name"], "Inês Costa Reis");
    assert_eq!(patched.json()["preferred_language"], "pt");

    let promise = app.api("agent", Method::POST, &format!("/api/v1/organizations/{org_id}/expectations"), Some(json!({"kind": "delivery", "description": "Entrega em 24 horas em Lisboa."}))).await;
    assert_eq!(promise.status, StatusCode::CREATED, "{}", promise.text);
    let duty = app.api("agent", Method::POST, &format!("/api/v1/organizations/{org_id}/responsibilities"), Some(json!({"area": "Rede", "party": "customer", "description": "O cliente mantém a rede."}))).await;
    assert_eq!(duty.status, StatusCode::CREATED);
    let account = app.api("agent", Method::GET, &format!("/api/v1/organizations/{org_id}/account"), None).await.json();
    assert_eq!(account["organization"]["tier"], "gold");
    assert_eq!(account["expectations"][0]["description"], "Entrega em 24 horas em Lisboa.");
    assert_eq!(account["responsibilities"][0]["party"], "customer");
    assert_eq!(account["contacts"][0]["name"], "Inês Costa Reis");
    assert_eq!(account["contacts"][0]["identities"][0]["value"], "ines@cafearoma.pt");
    let listed_contacts = app.api("agent", Method::GET, "/api/v1/contacts", None).await.json()["items"].clone();
    for contact in listed_contacts.as_array().unwrap() {
        assert_eq!(contact["identities"].as_array().unwrap().len(), 1, "each listed contact keeps its own identities: {contact}");
    }

    let patched_org = app.api("agent", Method::PATCH, &format!("/api/v1/organizations/{org_id}"), Some(json!({"tier": "platinum"}))).await;
    assert_eq!(patched_org.json()["tier"], "platinum");
    assert_eq!(patched_org.json()["name"], "Café Aroma Lda.");
    let listed = app.api("customer_a", Method::GET, "/api/v1/organizations", None).await.json()["items"].clone();
    assert_eq!(listed.as_array().unwrap().len(), 1, "a customer lists only their own organization");
});

db_test!(async fn cursor_paging_visits_every_case_once(db) {
    let app = TestApp::new(db).await;
    for i in 0..7 {
        app.case_for(app.cast.contact_a, &format!("Lieta {i}")).await;
    }
    let mut seen = Vec::new();
    let mut path = "/api/v1/cases?limit=3".to_owned();
    loop {
        let page = app.api("agent", Method::GET, &path, None).await.json();
        for item in page["items"].as_array().unwrap() {
            seen.push(item["id"].as_str().unwrap().to_owned());
        }
        match page["next"].as_str() {
            Some(next) => path = format!("/api/v1/cases?limit=3&cursor={next}"),
            None => break,
        }
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(seen.len(), 7);
    assert_eq!(unique.len(), 7);
});

/// Follows `next` from `path` with pages of `limit`; returns every item's `field`.
async fn every_page(app: &TestApp, role: &str, path: &str, limit: u32, field: &str) -> Vec<Value> {
    let separator = if path.contains('?') { '&' } else { '?' };
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..1000 {
        let mut url = format!("{path}{separator}limit={limit}");
        if let Some(cursor) = &cursor {
            url.push_str(&format!("&cursor={cursor}"));
        }
        let reply = app.api(role, Method::GET, &url, None).await;
        assert_eq!(reply.status, StatusCode::OK, "{url}: {}", reply.text);
        let page = reply.json();
        let items = page["items"].as_array().unwrap();
        assert!(
            items.len() <= limit as usize,
            "{url}: {} items",
            items.len()
        );
        seen.extend(items.iter().map(|i| i[field].clone()));
        match page["next"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return seen,
        }
    }
    panic!("{path} never ends");
}

db_test!(async fn every_list_pages_the_same_way(db) {
    let app = TestApp::new(db).await;
    let case = app.case_for(app.cast.contact_a, "Lappuses").await["id"].as_str().unwrap().to_owned();
    for i in 0..4 {
        let reply = app.api("agent", Method::POST, &format!("/api/v1/cases/{case}/entries"), Some(json!({"kind": "note", "body": format!("Piezīme {i}")}))).await;
        assert_eq!(reply.status, StatusCode::CREATED);
    }
    for i in 0..5 {
        let reply = app.api("admin", Method::POST, "/api/v1/contacts", Some(json!({"name": format!("Kontakts {i}"), "organization_id": app.cast.org_a}))).await;
        assert_eq!(reply.status, StatusCode::CREATED);
    }
    // Lists the store reads a page at a time (contacts, the audit log) and lists read whole
    // and paged by the API (a case's entries and events, staff): pages of 2 give what one
    // page of 500 gives, in the same order, each item once.
    for (path, field) in [
        ("/api/v1/contacts".to_owned(), "id"),
        ("/api/v1/organizations".to_owned(), "id"),
        ("/api/v1/audit".to_owned(), "id"),
        (format!("/api/v1/cases/{case}/entries"), "id"),
        (format!("/api/v1/cases/{case}/events"), "id"),
        ("/api/v1/users".to_owned(), "id"),
        ("/api/v1/teams".to_owned(), "id"),
    ] {
        let whole = every_page(&app, "admin", &path, 500, field).await;
        assert!(whole.len() >= 2, "{path}: {whole:?}");
        assert_eq!(every_page(&app, "admin", &path, 2, field).await, whole, "{path}");
        let bad = app.api("admin", Method::GET, &format!("{path}?cursor=not-ours"), None).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{path}: {}", bad.text);
    }
    let entries = every_page(&app, "admin", &format!("/api/v1/cases/{case}/entries"), 2, "body").await;
    assert_eq!(entries[1..], [json!("Piezīme 0"), json!("Piezīme 1"), json!("Piezīme 2"), json!("Piezīme 3")], "oldest first");
});

db_test!(async fn staff_routes_and_audit(db) {
    let app = TestApp::new(db).await;
    let me = app.api("agent", Method::GET, "/api/v1/users/me", None).await.json();
    assert_eq!(me["role"], "agent");
    assert!(me.get("password_hash").is_none());
    let created = app.api("admin", Method::POST, "/api/v1/users", Some(json!({"email": "nuevo@accord.test", "name": "Nuevo Agente", "role": "agent", "password": "una contraseña larga"}))).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let again = app.api("admin", Method::POST, "/api/v1/users", Some(json!({"email": "NUEVO@accord.test", "name": "Otro", "role": "agent"}))).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let by_agent = app.api("agent", Method::POST, "/api/v1/users", Some(json!({"email": "x@accord.test", "name": "X", "role": "admin"}))).await;
    assert_eq!(by_agent.status, StatusCode::FORBIDDEN);
    let team = app.api("supervisor", Method::POST, "/api/v1/teams", Some(json!({"name": "Equipo Norte", "kind": "team"}))).await;
    assert_eq!(team.status, StatusCode::CREATED);
    let audit = app.api("admin", Method::GET, "/api/v1/audit?limit=5", None).await.json()["items"].clone();
    let actions: Vec<&str> = audit.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions[0], "team.create");
    assert!(actions.contains(&"user.create"));
    assert_eq!(app.api("agent", Method::GET, "/api/v1/audit", None).await.status, StatusCode::FORBIDDEN);
});

db_test!(async fn a_case_is_in_the_language_its_customer_writes_unless_told_otherwise(db) {
    let app = TestApp::new(db).await;
    let open = |body: serde_json::Value| {
        let app = &app;
        async move {
            let reply = app.api("agent", Method::POST, "/api/v1/cases", Some(body)).await;
            assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
            reply.json()
        }
    };
    // Contact A has no preferred language: the message's language decides.
    let written = [
        ("Sveiki, rēķins atnāca divreiz.", "lv"),
        ("Labdien! Mans maršrutētājs vairs nedarbojas, lūdzu, palīdziet.", "lv"),
        ("Hola, la factura de marzo me ha llegado dos veces.", "es"),
        ("Buenos días, el router no funciona desde ayer por la tarde.", "es"),
        ("Olá, a fatura de março chegou duas vezes. Podem verificar?", "pt"),
        ("Bom dia, o meu router não liga desde ontem à noite.", "pt"),
        ("Hello, the March invoice arrived twice.", "en"),
    ];
    for (body, language) in written {
        let case = open(json!({"subject": "Rēķins", "contact_id": app.cast.contact_a, "body": body})).await;
        assert_eq!(case["language"], language, "{body}");
    }
    // The caller's choice wins over the text.
    let told = open(json!({"subject": "Rēķins", "contact_id": app.cast.contact_a, "body": "Sveiki, rēķins atnāca divreiz.", "language": "es"})).await;
    assert_eq!(told["language"], "es");
    // The contact's preferred language wins over the text, whatever it is written in.
    let patch = json!({"preferred_language": "pt"});
    assert_eq!(app.api("agent", Method::PATCH, &format!("/api/v1/contacts/{}", app.cast.contact_b), Some(patch)).await.status, StatusCode::OK);
    for (body, _) in written {
        let case = open(json!({"subject": "Fatura", "contact_id": app.cast.contact_b, "body": body})).await;
        assert_eq!(case["language"], "pt", "{body}");
    }
    // A customer opening a case through the API is read the same way.
    let own = app.api("customer_a", Method::POST, "/api/v1/cases", Some(json!({"subject": "Factura", "body": "Hola, la factura de marzo me ha llegado dos veces."}))).await;
    assert_eq!(own.json()["language"], "es", "{}", own.text);
});

/// The language a case is in now, as staff read it.
async fn language_of(app: &TestApp, id: &str) -> String {
    let case = app
        .api("agent", Method::GET, &format!("/api/v1/cases/{id}"), None)
        .await
        .json();
    case["language"].as_str().unwrap().to_owned()
}

db_test!(async fn a_case_opened_without_text_takes_the_language_of_the_customers_first_message(db) {
    let app = TestApp::new(db).await;
    // Opened by an agent after a phone call: no text, no language asked for, no preference.
    let silent = app.api("agent", Method::POST, "/api/v1/cases", Some(json!({"subject": "Zvans", "contact_id": app.cast.contact_a}))).await.json();
    assert_eq!(silent["language"], "en");
    let id = silent["id"].as_str().unwrap().to_owned();
    // An agent's internal note and a reply are not the customer's words.
    for entry in [json!({"kind": "note", "body": "Klients zvanīja par rēķinu."}), json!({"kind": "outbound", "body": "Good morning, we are looking into it."})] {
        assert_eq!(app.api("agent", Method::POST, &format!("/api/v1/cases/{id}/entries"), Some(entry)).await.status, StatusCode::CREATED);
    }
    assert_eq!(language_of(&app, &id).await, "en");
    // The customer's first message decides it, as a recorded change by Accord.
    let first = json!({"kind": "inbound", "body": "Labdien, rēķins man atnāca divreiz, lūdzu, pārbaudiet."});
    assert_eq!(app.api("customer_a", Method::POST, &format!("/api/v1/cases/{id}/entries"), Some(first)).await.status, StatusCode::CREATED);
    assert_eq!(language_of(&app, &id).await, "lv");
    let events = app.api("agent", Method::GET, &format!("/api/v1/cases/{id}/events"), None).await.json()["items"].clone();
    let events = events.get("items").unwrap_or(&events).as_array().unwrap();
    let change = events.iter().find(|e| e["change"]["type"] == "language").unwrap();
    assert_eq!((change["change"]["from"].as_str(), change["change"]["to"].as_str()), (Some("en"), Some("lv")), "{change}");
    assert!(change["actor_user_id"].is_null(), "{change}");
    // Once decided, later messages leave it.
    let later = json!({"kind": "inbound", "body": "Hola, ¿alguna novedad sobre la factura?"});
    assert_eq!(app.api("customer_a", Method::POST, &format!("/api/v1/cases/{id}/entries"), Some(later)).await.status, StatusCode::CREATED);
    assert_eq!(language_of(&app, &id).await, "lv");

    // A language the caller asked for is never overridden by a message.
    let told = app.api("agent", Method::POST, "/api/v1/cases", Some(json!({"subject": "Zvans", "contact_id": app.cast.contact_a, "language": "es"}))).await.json();
    let told_id = told["id"].as_str().unwrap();
    let message = json!({"kind": "inbound", "body": "Labdien, rēķins man atnāca divreiz, lūdzu, pārbaudiet."});
    app.api("customer_a", Method::POST, &format!("/api/v1/cases/{told_id}/entries"), Some(message)).await;
    assert_eq!(language_of(&app, told_id).await, "es");
    // Nor is one an agent set afterwards.
    let set = app.api("agent", Method::POST, "/api/v1/cases", Some(json!({"subject": "Zvans", "contact_id": app.cast.contact_a}))).await.json();
    let set_id = set["id"].as_str().unwrap();
    assert_eq!(app.api("agent", Method::PATCH, &format!("/api/v1/cases/{set_id}"), Some(json!({"language": "pt"}))).await.status, StatusCode::OK);
    let message = json!({"kind": "inbound", "body": "Labdien, rēķins man atnāca divreiz, lūdzu, pārbaudiet."});
    app.api("customer_a", Method::POST, &format!("/api/v1/cases/{set_id}/entries"), Some(message)).await;
    assert_eq!(language_of(&app, set_id).await, "pt");
});
