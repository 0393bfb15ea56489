#![allow(clippy::unwrap_used)]
//! The agent interface through its HTML forms, as a browser without JavaScript uses it.

mod support;

use accord_testkit::{PASSWORD, db_test};
use axum::http::{Method, StatusCode, header};
use support::{Browser, TestApp, hidden};

fn location(reply: &support::Reply) -> String {
    reply
        .headers
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

db_test!(async fn agent_signs_in_works_a_case_and_it_persists(db) {
    let app = TestApp::new(db).await;
    let case = app.case_for(app.cast.contact_a, "Printeris nedrukā").await;
    let number = case["number"].as_i64().unwrap();
    let mut browser = Browser::new(&app);

    let anonymous = browser.get("/inbox").await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert_eq!(location(&anonymous), "/login?next=/inbox");

    let signed = browser.sign_in("janis@accord.test", PASSWORD).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.text);
    assert_eq!(location(&signed), "/inbox");
    let cookie = signed
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("accord_session="))
        .unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");

    let inbox = browser.get("/inbox?view=open").await;
    assert_eq!(inbox.status, StatusCode::OK);
    assert!(inbox.text.contains("Printeris nedrukā"));
    assert!(inbox.text.contains("Ilze Kalniņa"), "customer name in the list");
    assert!(inbox.text.contains("Ācme Latvija"), "organization in the list");

    let page = browser.get(&format!("/cases/{number}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Sveiki! Palīdziet, lūdzu."), "conversation shown");
    assert!(page.text.contains("ilze@acme.lv"), "account panel shows the contact");
    let csrf = hidden(&page.text, "_csrf");

    let reply = browser.post(&format!("/cases/{number}/entries"), &[("kind", "outbound"), ("body", "Labdien! Printeri nomainīsim rīt."), ("_csrf", &csrf)], &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text);
    let note = browser.post(&format!("/cases/{number}/entries"), &[("kind", "note"), ("body", "Klients steidzas."), ("_csrf", &csrf)], &[]).await;
    assert_eq!(note.status, StatusCode::SEE_OTHER);
    let update = browser
        .post(
            &format!("/cases/{number}/update"),
            &[("status", "acknowledged"), ("priority", "high"), ("team_id", &app.cast.team.to_string()), ("assignee_id", "me"), ("reason", "svarīgs klients"), ("_csrf", &csrf)],
            &[],
        )
        .await;
    assert_eq!(update.status, StatusCode::SEE_OTHER, "{}", update.text);
    assert!(location(&update).ends_with("saved=1"));

    // A new application over the same database: what was saved is there.
    let restarted = TestApp { router: accord_web::app(accord_web::AppState::new(app.db.store.clone(), Default::default())), ..app };
    let mut browser = Browser::new(&restarted);
    browser.sign_in("janis@accord.test", PASSWORD).await;
    let page = browser.get(&format!("/cases/{number}")).await;
    assert!(page.text.contains("Labdien! Printeri nomainīsim rīt."));
    assert!(page.text.contains("Klients steidzas."));
    assert!(page.text.contains("svarīgs klients"), "reason in the history");
    let stored = restarted.db.store.get_case_by_number(&restarted.cast.agent, number).await.unwrap();
    assert_eq!(stored.status, accord_core::case::CaseStatus::Acknowledged);
    assert_eq!(stored.assignee_id, Some(restarted.cast.agent.user_id));
    let mine = browser.get("/inbox?view=mine").await;
    assert!(mine.text.contains("Printeris nedrukā"));
});

db_test!(async fn forms_without_the_csrf_token_or_from_other_sites_are_refused(db) {
    let app = TestApp::new(db).await;
    let number = app.case_for(app.cast.contact_a, "CSRF").await["number"].as_i64().unwrap();
    let mut browser = Browser::new(&app);
    browser.sign_in("janis@accord.test", PASSWORD).await;
    let page = browser.get(&format!("/cases/{number}")).await;
    let csrf = hidden(&page.text, "_csrf");
    let path = format!("/cases/{number}/entries");

    let missing = browser.post(&path, &[("kind", "note"), ("body", "sem token"), ("_csrf", "")], &[]).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    let wrong = browser.post(&path, &[("kind", "note"), ("body", "token errado"), ("_csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")], &[]).await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    let cross = browser.post(&path, &[("kind", "note"), ("body", "cross"), ("_csrf", &csrf)], &[("sec-fetch-site", "cross-site")]).await;
    assert_eq!(cross.status, StatusCode::FORBIDDEN);
    let update = browser.post(&format!("/cases/{number}/update"), &[("status", "resolved"), ("_csrf", "nope")], &[]).await;
    assert_eq!(update.status, StatusCode::FORBIDDEN);
    let entries = app.db.store.list_entries(&app.cast.agent, app.db.store.get_case_by_number(&app.cast.agent, number).await.unwrap().id).await.unwrap();
    assert_eq!(entries.len(), 1, "only the first message; no refused form was stored");

    // The sign-in form has its own token before a session exists.
    let mut stranger = Browser::new(&app);
    let login = stranger.post("/login", &[("email", "janis@accord.test"), ("password", PASSWORD), ("_csrf", "guess")], &[]).await;
    assert_eq!(login.status, StatusCode::FORBIDDEN);
});

db_test!(async fn sign_in_failures_are_vague_rate_limited_and_audited(db) {
    let app = TestApp::new(db).await;
    let mut browser = Browser::new(&app);
    let wrong = browser.sign_in("janis@accord.test", "not the password").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let unknown = browser.sign_in("nobody@accord.test", "not the password").await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.text.contains("Wrong email address or password."));
    assert!(unknown.text.contains("Wrong email address or password."));
    let mut limited = false;
    for _ in 0..12 {
        if browser.sign_in("janis@accord.test", "still wrong").await.status == StatusCode::TOO_MANY_REQUESTS {
            limited = true;
            break;
        }
    }
    assert!(limited, "repeated failures were not rate limited");
    let log = app.db.store.audit_log(&app.cast.admin, 50).await.unwrap();
    assert!(log.iter().any(|e| e.action == "session.failed"));
});

db_test!(async fn customers_see_their_organization_and_no_internal_notes(db) {
    let app = TestApp::new(db).await;
    let own = app.case_for(app.cast.contact_a, "Ācme rēķins").await["number"].as_i64().unwrap();
    let foreign = app.case_for(app.cast.contact_b, "Beta segredo").await["number"].as_i64().unwrap();
    let own_id = app.db.store.get_case_by_number(&app.cast.agent, own).await.unwrap().id;
    let note = accord_core::entry::NewEntry { kind: accord_core::entry::EntryKind::Note, body: "Iekšēja piezīme".into(), channel: None, department_id: None, answers_entry_id: None };
    app.db.store.add_entry(&app.cast.agent, own_id, &note, accord_testkit::now()).await.unwrap();

    let mut browser = Browser::new(&app);
    browser.sign_in("ilze@acme.lv", PASSWORD).await;
    let inbox = browser.get("/inbox").await;
    assert!(inbox.text.contains("Ācme rēķins"));
    assert!(!inbox.text.contains("Beta segredo"));
    let page = browser.get(&format!("/cases/{own}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.text.contains("Iekšēja piezīme"), "customer saw an internal note");
    assert!(!page.text.contains("name=\"status\""), "customer got the details form");
    let denied = browser.get(&format!("/cases/{foreign}")).await;
    assert_eq!(denied.status, StatusCode::NOT_FOUND);
    assert!(!denied.text.contains("Beta segredo"));
});

db_test!(async fn pages_follow_the_readers_language(db) {
    let app = TestApp::new(db).await;
    let mut browser = Browser::new(&app);
    browser.language = Some("lv-LV,lv;q=0.9,en;q=0.5");
    let login = browser.get("/login").await;
    assert!(login.text.contains("<html lang=\"lv\">"));
    assert!(login.text.contains("Pieteikties"));
    browser.language = Some("pt-PT");
    assert!(browser.get("/login").await.text.contains("Iniciar sessão"));
    // The switcher's choice wins over the browser's header.
    let switched = browser.post("/language", &[("lang", "es"), ("next", "/login")], &[]).await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    assert!(browser.get("/login").await.text.contains("Iniciar sesión"));
    let missing = browser.get("/no/such/page").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    browser.sign_in("janis@accord.test", PASSWORD).await;
    let inbox = browser.get("/inbox?view=all").await;
    assert!(inbox.text.contains("Bandeja de entrada"));
    assert!(inbox.text.contains("Ningún caso") || inbox.text.contains("casos") || inbox.text.contains("caso"));
});

db_test!(async fn invalid_forms_show_what_to_fix_and_keep_the_draft(db) {
    let app = TestApp::new(db).await;
    let number = app.case_for(app.cast.contact_a, "Melnraksts").await["number"].as_i64().unwrap();
    let mut browser = Browser::new(&app);
    browser.sign_in("janis@accord.test", PASSWORD).await;
    browser.post("/language", &[("lang", "lv"), ("next", "/inbox")], &[]).await;
    let csrf = hidden(&browser.get(&format!("/cases/{number}")).await.text, "_csrf");
    let bad = browser.post(&format!("/cases/{number}/update"), &[("status", "closed"), ("_csrf", &csrf)], &[]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text.contains("Lieta nevar pāriet no “Jauna” uz “Slēgta”."), "{}", bad.text);
    let long = "ā".repeat(100_001);
    let too_long = browser.post(&format!("/cases/{number}/entries"), &[("kind", "outbound"), ("body", &long), ("_csrf", &csrf)], &[]).await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_long.text.contains("Pārāk garš: ne vairāk kā 100000 rakstzīmju."), "{}", too_long.text);
    assert!(too_long.text.contains(&long[..200]), "the draft is kept");
});

db_test!(async fn operations_endpoints(db) {
    let app = TestApp::new(db).await;
    let mut browser = Browser::new(&app);
    assert_eq!(browser.get("/healthz").await.status, StatusCode::OK);
    assert_eq!(browser.get("/readyz").await.status, StatusCode::OK);
    let metrics = browser.get("/metrics").await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(metrics.text.contains("accord_http_requests_total"), "{}", metrics.text);
    let docs = browser.get("/api/openapi.json").await;
    assert_eq!(docs.status, StatusCode::OK);
    assert!(docs.text.contains("\"/api/v1/cases\""));
    let ui = browser.get("/api/docs/").await;
    assert_eq!(ui.status, StatusCode::OK);
    assert!(ui.text.contains("swagger"));
    let headers = browser.get("/login").await.headers;
    for name in ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"] {
        assert!(headers.contains_key(name), "missing {name}");
    }
});

const POLICY: &str = include_str!("../../accord-policy/tests/valid-minimal.toml");

db_test!(async fn a_supervisor_drafts_checks_and_publishes_and_an_agent_acknowledges(db) {
    let app = TestApp::new(db).await;
    let mut manager = Browser::new(&app);
    manager.sign_in("sofia@accord.test", PASSWORD).await;
    let form = manager.get("/policy/new").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.text);
    let csrf = hidden(&form.text, "_csrf");
    // A draft with a mistake is saved and shows the finding with its place.
    let broken = POLICY.replace("time_zone = \"Europe/Madrid\"", "time_zone = \"Europe/Madird\"");
    let created = manager.post("/policy", &[("source", &broken), ("briefing", "Reply faster by email."), ("_csrf", &csrf)], &[]).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text);
    let path = location(&created);
    let draft = manager.get(&path).await;
    assert!(draft.text.contains("line 22, column 13"), "{}", draft.text);
    assert!(draft.text.contains("Europe/Madird"));
    let publish = format!("{path}/publish");
    // The live check scores a TOML source without saving it, for policy managers only.
    let checked = manager.post(&format!("{path}/check"), &[("source", POLICY), ("_csrf", &csrf)], &[]).await;
    assert_eq!(checked.status, StatusCode::OK, "{}", checked.text);
    let checked = checked.json();
    assert_eq!(checked["findings"].as_array().map(Vec::len), Some(0), "{checked}");
    assert!(checked["texts"][0]["score_line"].as_str().unwrap().starts_with("Flesch: "), "{checked}");
    // A Spanish text shows Szigriszt-Pazos beside Fernández Huerta, the threshold's formula.
    let spanish = POLICY.replace("languages = [\"en\"]", "languages = [\"en\", \"es\"]").replace("en = 40", "en = 40\nes = 50")
        .replace("{ en = \"We can credit your next invoice when we let you down.\" }", "{ en = \"We can credit your next invoice when we let you down.\", es = \"Le descontamos el importe de su próxima factura.\" }");
    let checked_es = manager.post(&format!("{path}/check"), &[("source", &spanish), ("_csrf", &csrf)], &[]).await.json();
    let line = checked_es["texts"].as_array().unwrap().iter().find(|t| t["name"] == "text|remedies|credit|explanation|es").map(|t| t["score_line"].as_str().unwrap().to_owned());
    assert!(line.as_deref().is_some_and(|l| l.starts_with("Fernández Huerta: ") && l.contains("(the policy asks for 50); Szigriszt-Pazos: ")), "{checked_es}");
    assert!(manager.get(&path).await.text.contains("Europe/Madird"), "checking saved nothing");
    let refused = manager.post(&publish, &[("effective_at", "2026-01-01T09:00"), ("_csrf", &csrf)], &[]).await;
    assert!(refused.text.contains("role=\"alert\""), "{}", refused.text);
    // Fixed, it checks clean and publishes.
    let saved = manager.post(&path, &[("source", POLICY), ("briefing", "Reply faster by email."), ("_csrf", &csrf)], &[]).await;
    assert!(saved.text.contains("The check found no problems."), "{}", saved.text);
    // The texts form, without JavaScript: an edited explanation is written into the file.
    let field = "text|remedies|credit|explanation|en";
    assert!(saved.text.contains(&format!("name=\"{field}\"")), "{}", saved.text);
    let texts = manager.post(&format!("{path}/texts"), &[(field, "We can take the cost off your next bill."), ("_csrf", &csrf)], &[]).await;
    assert!(texts.text.contains("Saved.") && texts.text.contains("explanation = { en = &#34;We can take the cost off your next bill.&#34; }"), "{}", texts.text);
    let now = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).datetime().strftime("%Y-%m-%dT%H:%M").to_string();
    let published = manager.post(&publish, &[("effective_at", &now), ("_csrf", &csrf)], &[]).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.text);
    let list = manager.get("/policy").await;
    assert!(list.text.contains("in force now"), "{}", list.text);
    let version = manager.get(&path).await;
    assert!(version.text.contains("0 of 3 staff have acknowledged"), "{}", version.text);

    // The agent reads the briefing and acknowledges; the supervisor sees it.
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    let page = agent.get(&path).await;
    assert!(page.text.contains("Reply faster by email."));
    assert!(!page.text.contains("name=\"source\""), "agents cannot edit");
    let ack = agent.post(&format!("{path}/acknowledge"), &[("_csrf", &hidden(&page.text, "_csrf"))], &[]).await;
    assert_eq!(ack.status, StatusCode::SEE_OTHER);
    assert!(agent.get(&path).await.text.contains("You acknowledged this version on"));
    assert!(manager.get(&path).await.text.contains("1 of 3 staff have acknowledged"));
    // Agents cannot draft, nor use the draft's check.
    assert_eq!(agent.get("/policy/new").await.status, StatusCode::FORBIDDEN);
    let agent_csrf = hidden(&page.text, "_csrf");
    assert_eq!(agent.post(&format!("{path}/check"), &[("source", POLICY), ("_csrf", &agent_csrf)], &[]).await.status, StatusCode::FORBIDDEN);
});

db_test!(async fn a_draft_shows_what_it_changes_and_publishes_with_a_grace_period(db) {
    let app = TestApp::new(db).await;
    let first = app.api("admin", Method::POST, "/api/v1/policies", Some(serde_json::json!({"source": POLICY}))).await.json();
    let one = first["version"]["number"].as_i64().unwrap();
    let now = jiff::Timestamp::now();
    let published = app.api("admin", Method::POST, &format!("/api/v1/policies/{one}/publish"), Some(serde_json::json!({"effective_at": now.to_string()}))).await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.text);
    let faster = POLICY.replace("first_response = \"4h\"", "first_response = \"2h\"");
    let second = app.api("admin", Method::POST, "/api/v1/policies", Some(serde_json::json!({"source": faster, "briefing": "Faster."}))).await.json();
    let two = second["version"]["number"].as_i64().unwrap();

    // The API: the draft against the version in force, or against a version named.
    let diff = app.api("agent", Method::GET, &format!("/api/v1/policies/{two}/diff"), None).await;
    assert_eq!(diff.status, StatusCode::OK, "{}", diff.text);
    let diff = diff.json();
    assert_eq!((diff["from"].as_i64(), diff["to"].as_i64()), (Some(one), Some(two)));
    let changed: Vec<_> = diff["hunks"][0].as_array().unwrap().iter().filter(|l| l["change"] != "same").map(|l| (l["change"].as_str().unwrap(), l["text"].as_str().unwrap())).collect();
    assert_eq!(changed, [("removed", "first_response = \"4h\""), ("added", "first_response = \"2h\"")]);
    let unknown = app.api("agent", Method::GET, &format!("/api/v1/policies/{two}/diff?against=99"), None).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", unknown.text);
    let first_diff = app.api("agent", Method::GET, &format!("/api/v1/policies/{one}/diff"), None).await.json();
    assert!(first_diff["from"].is_null() && first_diff["hunks"].as_array().unwrap().is_empty());

    // The page shows the same change, and the publish form offers grace periods.
    let mut manager = Browser::new(&app);
    manager.sign_in("sofia@accord.test", PASSWORD).await;
    let path = format!("/policy/{two}");
    let page = manager.get(&path).await;
    assert!(page.text.contains(&format!("Changes since version {one}")), "{}", page.text);
    assert!(page.text.contains("<del>first_response = &quot;4h&quot;</del>") || page.text.contains("<del>first_response = &#34;4h&#34;</del>"), "{}", page.text);
    assert!(page.text.contains("name=\"grace_organization\"") && page.text.contains("Beta Ltda"), "{}", page.text);
    let csrf = hidden(&page.text, "_csrf");
    let effective = now.to_zoned(jiff::tz::TimeZone::UTC).datetime().strftime("%Y-%m-%dT%H:%M").to_string();
    let until = (now + jiff::SignedDuration::from_hours(24 * 30)).to_zoned(jiff::tz::TimeZone::UTC).datetime().strftime("%Y-%m-%dT%H:%M").to_string();
    let org_b = app.cast.org_b.to_string();
    // Half a grace row is refused with the row named; nothing is published.
    let half = manager.post(&format!("{path}/publish"), &[("_csrf", &csrf), ("effective_at", &effective), ("grace_organization", &org_b), ("grace_until", ""), ("grace_organization", ""), ("grace_until", "")], &[]).await;
    assert!(half.text.contains("Grace period 1: give both the customer and the date, or neither."), "{}", half.text);
    assert_eq!(app.api("agent", Method::GET, &format!("/api/v1/policies/{two}"), None).await.json()["status"], "draft");
    let done = manager.post(&format!("{path}/publish"), &[("_csrf", &csrf), ("effective_at", &effective), ("grace_organization", ""), ("grace_until", ""), ("grace_organization", &org_b), ("grace_until", &until)], &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text);
    let version = app.api("agent", Method::GET, &format!("/api/v1/policies/{two}"), None).await.json();
    assert_eq!(version["grace"][0]["organization_id"].as_str(), Some(org_b.as_str()));
    let page = manager.get(&path).await;
    assert!(page.text.contains("Beta Ltda stays on the previous version until"), "{}", page.text);
});

db_test!(async fn staff_read_the_business_calendars_of_the_policy_in_force(db) {
    let app = TestApp::new(db).await;
    let missing = app.api("agent", Method::GET, "/api/v1/calendars", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND, "no version is in force yet: {}", missing.text);
    let example = include_str!("../../../examples/policy.toml");
    let draft = app.api("admin", Method::POST, "/api/v1/policies", Some(serde_json::json!({"source": example}))).await.json();
    let number = draft["version"]["number"].as_i64().unwrap();
    let now = jiff::Timestamp::now().to_string();
    app.api("admin", Method::POST, &format!("/api/v1/policies/{number}/publish"), Some(serde_json::json!({"effective_at": now}))).await;

    let reply = app.api("agent", Method::GET, "/api/v1/calendars?days=731", None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let body = reply.json();
    assert_eq!(body["version"].as_i64(), Some(number));
    let iberia = body["calendars"].as_array().unwrap().iter().find(|c| c["id"] == "iberia-office").unwrap();
    assert_eq!(iberia["time_zone"], "Europe/Madrid");
    assert_eq!(iberia["week"][0]["hours"], serde_json::json!(["09:00–14:00", "15:00–19:00"]));
    assert_eq!(iberia["week"][6]["hours"], serde_json::json!([]));
    assert!(!iberia["procedures"].as_array().unwrap().is_empty(), "{iberia}");
    let christmas = iberia["ahead"].as_array().unwrap().iter().find(|d| d["holiday"] == "Natividad del Señor").unwrap();
    assert_eq!(christmas["kind"], "closed");
    assert!(christmas["date"].as_str().unwrap().ends_with("-12-25"));
    assert_eq!(app.api("customer_a", Method::GET, "/api/v1/calendars", None).await.status, StatusCode::FORBIDDEN);
    let bad = app.api("agent", Method::GET, "/api/v1/calendars?days=many", None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    // The page, in Portuguese.
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    agent.post("/language", &[("lang", "pt"), ("next", "/calendars")], &[]).await;
    let page = agent.get("/calendars").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    for text in ["Calendários de trabalho", "Fuso horário: Europe/Madrid", "Segunda-feira", "09:00–14:00, 15:00–19:00", "Todas as semanas"] {
        assert!(page.text.contains(text), "{text} missing: {}", page.text);
    }
});

db_test!(async fn staff_see_which_open_cases_a_rule_matches_now(db) {
    let app = TestApp::new(db).await;
    let example = include_str!("../../../examples/policy.toml");
    let draft = app.api("admin", Method::POST, "/api/v1/policies", Some(serde_json::json!({"source": example}))).await.json();
    let number = draft["version"]["number"].as_i64().unwrap();
    let now = jiff::Timestamp::now().to_string();
    app.api("admin", Method::POST, &format!("/api/v1/policies/{number}/publish"), Some(serde_json::json!({"effective_at": now}))).await;
    for (subject, channel) in [("Correo uno", "email"), ("Correo dos", "email"), ("Charla", "chat")] {
        let created = app.api("agent", Method::POST, "/api/v1/cases", Some(serde_json::json!({"subject": subject, "contact_id": app.cast.contact_a, "channel": channel}))).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    }
    let closed = app.api("agent", Method::POST, "/api/v1/cases", Some(serde_json::json!({"subject": "Correo cerrado", "contact_id": app.cast.contact_a, "channel": "email"}))).await.json();
    let id = closed["id"].as_str().unwrap();
    for status in ["investigating", "resolved"] {
        let moved = app.api("agent", Method::PATCH, &format!("/api/v1/cases/{id}"), Some(serde_json::json!({"status": status}))).await;
        assert_eq!(moved.status, StatusCode::OK, "{}", moved.text);
    }

    let email = app.api("agent", Method::GET, "/api/v1/policies/matching-cases?condition=case.channel%20%3D%3D%20%22email%22", None).await;
    assert_eq!(email.status, StatusCode::OK, "{}", email.text);
    let email = email.json();
    assert_eq!(email["count"], 2, "the resolved one is not open: {email}");
    let subjects: Vec<_> = email["cases"].as_array().unwrap().iter().map(|c| c["subject"].as_str().unwrap()).collect();
    assert_eq!(subjects, ["Correo dos", "Correo uno"], "newest first");
    let all = app.api("agent", Method::GET, "/api/v1/policies/matching-cases?limit=1", None).await.json();
    assert_eq!((all["count"].as_i64(), all["cases"].as_array().unwrap().len()), (Some(3), 1));
    let broken = app.api("agent", Method::GET, "/api/v1/policies/matching-cases?condition=case.chanel%20%3D%3D%20%22email%22", None).await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", broken.text);
    assert!(broken.text.contains("chanel") && broken.text.contains("(1:1)"), "{}", broken.text);
    assert_eq!(app.api("customer_a", Method::GET, "/api/v1/policies/matching-cases", None).await.status, StatusCode::FORBIDDEN);

    // The page, in Spanish: the rules in force, each a link to the cases it matches.
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    agent.post("/language", &[("lang", "es"), ("next", "/policy/rules")], &[]).await;
    let page = agent.get("/policy/rules").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    assert!(page.text.contains("email-key-accounts") && page.text.contains("Procedimiento"), "{}", page.text);
    let matched = agent.get("/policy/rules?condition=case.channel%20%3D%3D%20%22chat%22").await;
    assert!(matched.text.contains("1 caso abierto cumple la condición.") && matched.text.contains("Charla"), "{}", matched.text);
    let wrong = agent.get("/policy/rules?condition=case.channel%20%3D%3D").await;
    assert!(wrong.text.contains("role=\"alert\"") && wrong.text.contains("aria-invalid"), "{}", wrong.text);
});

db_test!(async fn bulk_actions_change_only_what_the_reader_may_change(db) {
    let app = TestApp::new(db).await;
    let own = app.case_for(app.cast.contact_a, "Ācme rēķins").await["number"].as_i64().unwrap();
    let foreign = app.case_for(app.cast.contact_b, "Beta segredo").await["number"].as_i64().unwrap();
    let status = |n: i64| {
        let store = app.db.store.clone();
        let staff = app.cast.agent.clone();
        async move { store.get_case_by_number(&staff, n).await.unwrap().status }
    };

    // A customer crafting the bulk form changes nothing, in or out of their organization.
    let mut customer = Browser::new(&app);
    customer.sign_in("ilze@acme.lv", PASSWORD).await;
    let csrf = hidden(&customer.get("/inbox").await.text, "_csrf");
    let (own_text, foreign_text) = (own.to_string(), foreign.to_string());
    let reply = customer
        .post("/inbox/bulk", &[("_csrf", &csrf), ("action", "close"), ("case", &own_text), ("case", &foreign_text), ("back", "/inbox")], &[])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(reply.headers["location"].to_str().unwrap().ends_with("done=0&failed=2"));
    assert_eq!(status(own).await, accord_core::case::CaseStatus::New);
    assert_eq!(status(foreign).await, accord_core::case::CaseStatus::New);

    // Without the form's token nothing happens either.
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    let forged = agent.post("/inbox/bulk", &[("_csrf", "x"), ("action", "close"), ("case", &own_text)], &[]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);

    // An agent closes both (through "resolved"); the inbox reports it; a bad return address
    // is not followed off the site.
    let csrf = hidden(&agent.get("/inbox?view=open").await.text, "_csrf");
    let reply = agent
        .post("/inbox/bulk", &[("_csrf", &csrf), ("action", "close"), ("case", &own_text), ("case", &foreign_text), ("back", "//evil.example/")], &[])
        .await;
    assert_eq!(reply.headers["location"], "/inbox?done=2&failed=0");
    assert_eq!(status(own).await, accord_core::case::CaseStatus::Closed);
    let inbox = agent.get("/inbox?view=all&done=2&failed=0").await;
    assert!(inbox.text.contains("2 cases changed."), "{}", inbox.text);
});

db_test!(async fn the_policy_is_explained_next_to_the_reply_with_templates_in_the_case_language(db) {
    let app = TestApp::new(db).await;
    let example = include_str!("../../../examples/policy.toml");
    let draft = app.api("admin", Method::POST, "/api/v1/policies", Some(serde_json::json!({"source": example}))).await.json();
    let version = draft["version"]["number"].as_i64().unwrap();
    let now = jiff::Timestamp::now().to_string();
    app.api("admin", Method::POST, &format!("/api/v1/policies/{version}/publish"), Some(serde_json::json!({"effective_at": now}))).await;
    let created = app.api("agent", Method::POST, "/api/v1/cases", Some(serde_json::json!({
        "subject": "Factura duplicada", "contact_id": app.cast.contact_a, "channel": "email", "language": "es"}))).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let case = created.json();
    let (id, number) = (case["id"].as_str().unwrap().to_owned(), case["number"].as_i64().unwrap());

    // The API: rules in Spanish with their rationale, templates filled in for this case.
    let guidance = app.api("agent", Method::GET, &format!("/api/v1/cases/{id}/guidance"), None).await;
    assert_eq!(guidance.status, StatusCode::OK, "{}", guidance.text);
    let guidance = guidance.json();
    assert_eq!((guidance["language"].as_str(), guidance["policy_version"].as_i64()), (Some("es"), Some(version)));
    let procedure = &guidance["rules"][0];
    assert_eq!(procedure["kind"], "procedure");
    let procedure_text = procedure["text"].as_str().unwrap().to_owned();
    assert!(procedure_text.contains("correo") || procedure_text.contains("respond"), "not Spanish: {procedure_text}");
    assert!(procedure["rationale"]["text"].is_string(), "staff see why: {procedure}");
    let templates = guidance["templates"].as_array().unwrap();
    let ask = templates.iter().find(|t| t["id"] == "ask-for-details").unwrap();
    assert_eq!(ask["name"], "Pedir el pedido y una foto");
    let body = ask["body"].as_str().unwrap();
    assert!(body.starts_with("Hola, Ilze Kalniņa:") && body.contains("«Factura duplicada»") && body.ends_with("Jānis Aģents"), "{body}");
    assert!(!templates.iter().any(|t| t["id"] == "replacement-on-its-way"), "offered only on delivery and warranty cases");

    // The customer reads the same rules, without the staff rationale and without templates;
    // another organization's customer cannot read them at all.
    let theirs = app.api("customer_a", Method::GET, &format!("/api/v1/cases/{id}/guidance"), None).await.json();
    assert_eq!(theirs["rules"][0]["text"].as_str(), Some(procedure_text.as_str()));
    assert!(theirs["rules"][0]["rationale"].is_null() && theirs["templates"].as_array().unwrap().is_empty(), "{theirs}");
    assert_eq!(app.api("customer_b", Method::GET, &format!("/api/v1/cases/{id}/guidance"), None).await.status, StatusCode::NOT_FOUND);

    // The page, in an English interface: the panel, the picker, and both work without JavaScript.
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    let page = agent.get(&format!("/cases/{number}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    for text in ["The policy for this case", "In Español, the case&#39;s language", "Pedir el pedido y una foto", "Use template", "Insert into reply", "Why we do this"] {
        assert!(page.text.contains(text), "{text} missing");
    }
    assert!(page.text.contains("id=\"reply-preview\" aria-labelledby=\"preview-title\" hidden"), "no preview before there is a draft");
    let used = agent.get(&format!("/cases/{number}?template=ask-for-details")).await;
    assert!(used.text.contains("data-shortcut=\"r\" lang=\"es\">Hola, Ilze Kalniņa:"), "the reply box holds the template");
    assert!(!used.text.contains("aria-labelledby=\"preview-title\" hidden"), "and its preview shows");
    let inserted = agent.get(&format!("/cases/{number}?insert=procedure:{}", procedure["id"].as_str().unwrap())).await;
    let escaped = procedure_text.replace('\'', "&#39;").replace('"', "&quot;");
    assert!(inserted.text.contains(&format!("lang=\"es\">{escaped}</textarea>")), "the explanation goes into the reply box");
    let unknown = agent.get(&format!("/cases/{number}?template=no-such-template")).await;
    assert_eq!(unknown.status, StatusCode::OK);

    // "Preview" shows the text and sends nothing.
    let csrf = hidden(&page.text, "_csrf");
    let before = app.api("agent", Method::GET, &format!("/api/v1/cases/{id}/entries"), None).await.json();
    let preview = agent.post(&format!("/cases/{number}/entries"), &[("_csrf", &csrf), ("kind", "outbound"), ("body", "Hola, Ilze: ya está."), ("preview", "1")], &[]).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.text);
    assert!(preview.text.contains("<div class=\"preview-body\" lang=\"es\">Hola, Ilze: ya está.</div>"), "{}", preview.text);
    let after = app.api("agent", Method::GET, &format!("/api/v1/cases/{id}/entries"), None).await.json();
    assert_eq!(before, after, "a preview posts nothing");

    // The customer's page shows the explanation, no staff tools.
    let mut customer = Browser::new(&app);
    customer.sign_in("ilze@acme.lv", PASSWORD).await;
    let theirs = customer.get(&format!("/cases/{number}")).await;
    assert!(theirs.text.contains("class=\"rule-text\""), "the customer sees the explanation");
    for staff_only in ["template-select", "Insert into reply", "data-insert", "Why we do this", "name=\"preview\""] {
        assert!(!theirs.text.contains(staff_only), "{staff_only} shown to a customer");
    }
});

db_test!(async fn a_customer_opens_a_case_from_the_portal_form_and_bots_are_kept_out(db) {
    let app = TestApp::new(db).await;
    let mut customer = Browser::new(&app);
    customer.sign_in("ilze@acme.lv", PASSWORD).await;
    customer.post("/language", &[("lang", "lv"), ("next", "/cases/new")], &[]).await;
    let form = customer.get("/cases/new").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.text);
    assert!(form.text.contains("Atvērt jaunu lietu") && form.text.contains("enctype=\"multipart/form-data\""));
    assert!(form.text.contains("Līdz 10 failiem"), "Latvian plural in the hint");
    let csrf = hidden(&form.text, "_csrf");
    let token = hidden(&form.text, "form_token");
    let fields = |subject: &'static str, trap: &'static str, token: String| {
        vec![("_csrf", csrf.clone()), ("form_token", token), ("website", trap.to_owned()), ("subject", subject.to_owned()), ("body", "Printeris drukā tukšas lapas.".to_owned())]
    };
    let send = |fields: Vec<(&'static str, String)>| fields;
    fn as_refs<'a>(f: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
        f.iter().map(|(k, v)| (*k, v.as_str())).collect()
    }

    // Sent back at once: no person fills a form in that fast. The draft is kept.
    let fast = send(fields("Printeris", "", token.clone()));
    let reply = customer.post_multipart("/cases/new", &as_refs(&fast), &[]).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.text.contains("ātrāk, nekā cilvēks") && reply.text.contains("Printeris drukā tukšas lapas."), "{}", reply.text);
    // The honeypot filled in, or a token made up, is refused too.
    let trapped = send(fields("Printeris", "https://spam.example", token.clone()));
    assert!(customer.post_multipart("/cases/new", &as_refs(&trapped), &[]).await.text.contains("slēpto lauku tukšu"));
    let forged = send(fields("Printeris", "", "1.00".to_owned()));
    assert!(customer.post_multipart("/cases/new", &as_refs(&forged), &[]).await.text.contains("derīgums ir beidzies"));
    assert_eq!(app.count_cases().await, 0, "nothing refused was stored");

    // A person, some seconds later, with a photo: the case opens in Latvian on the web channel.
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    let good = send(fields("Printeris nedrukā", "", token.clone()));
    let photo: &[u8] = b"\x89PNG\r\n\x1a\nnot really a picture";
    let opened = customer.post_multipart("/cases/new", &as_refs(&good), &[("files", "lapa.png", "image/png", photo)]).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.text);
    let target = location(&opened);
    assert!(target.ends_with("?saved=6"), "{target}");
    let page = customer.get(&target).await;
    assert!(page.text.contains("Jūsu lieta ir atvērta") && page.text.contains("Printeris nedrukā") && page.text.contains("lapa.png"), "{}", page.text);
    let cases = app.api("agent", Method::GET, "/api/v1/cases", None).await.json();
    let case = &cases["items"][0];
    assert_eq!((case["channel"].as_str(), case["language"].as_str()), (Some("web"), Some("lv")), "{case}");

    // The same form sent again (a double click, files and all) opens no second case.
    let again = customer.post_multipart("/cases/new", &as_refs(&good), &[("files", "lapa.png", "image/png", photo)]).await;
    assert_eq!(location(&again), target);
    assert_eq!(app.count_cases().await, 1);

    // Staff do not use the customer's form.
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    assert_eq!(agent.get("/cases/new").await.status, StatusCode::FORBIDDEN);
});

db_test!(async fn two_portal_forms_open_two_cases_and_a_form_reused_with_other_content_is_refused(db) {
    let app = TestApp::new(db).await;
    let mut customer = Browser::new(&app);
    customer.sign_in("ilze@acme.lv", PASSWORD).await;
    customer.post("/language", &[("lang", "pt"), ("next", "/cases/new")], &[]).await;
    // Two tabs drawn in the same second: each form has a token of its own.
    let first = customer.get("/cases/new").await;
    let second = customer.get("/cases/new").await;
    let csrf = hidden(&first.text, "_csrf");
    let (token_1, token_2) = (hidden(&first.text, "form_token"), hidden(&second.text, "form_token"));
    assert_ne!(token_1, token_2, "two forms share a token");
    let form = |token: &str, subject: &str, body: &str| -> Vec<(&'static str, String)> {
        vec![("_csrf", csrf.clone()), ("form_token", token.to_owned()), ("website", String::new()), ("subject", subject.to_owned()), ("body", body.to_owned())]
    };
    fn as_refs<'a>(f: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
        f.iter().map(|(k, v)| (*k, v.as_str())).collect()
    }
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;

    // Both sent: two cases, each shown to the customer.
    // Each in the language it is written in, whatever language the pages are shown in.
    let invoice = form(&token_1, "Factura duplicada", "La factura de marzo me ha llegado dos veces.");
    let router = form(&token_2, "Router sem rede", "O router não liga desde ontem.");
    let opened_1 = customer.post_multipart("/cases/new", &as_refs(&invoice), &[]).await;
    let opened_2 = customer.post_multipart("/cases/new", &as_refs(&router), &[]).await;
    assert_eq!((opened_1.status, opened_2.status), (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER), "{}{}", opened_1.text, opened_2.text);
    assert_ne!(location(&opened_1), location(&opened_2));
    assert_eq!(app.count_cases().await, 2, "the second case was lost");
    assert!(customer.get(&location(&opened_2)).await.text.contains("Router sem rede"));
    let cases = app.api("agent", Method::GET, "/api/v1/cases", None).await.json();
    let mut languages: Vec<(&str, &str)> = cases["items"].as_array().unwrap().iter().map(|c| (c["subject"].as_str().unwrap(), c["language"].as_str().unwrap())).collect();
    languages.sort_unstable();
    assert_eq!(languages, [("Factura duplicada", "es"), ("Router sem rede", "pt")]);

    // One form sent again as it was (a double click, a retry): the case it opened, no other.
    for _ in 0..2 {
        let again = customer.post_multipart("/cases/new", &as_refs(&invoice), &[]).await;
        assert_eq!((again.status, location(&again)), (StatusCode::SEE_OTHER, location(&opened_1)));
    }
    assert_eq!(app.count_cases().await, 2);

    // The same token with other content (the form edited after going back): refused with a
    // conflict in the reader's language, the text kept and a fresh token to send it anew.
    let pdf: &[u8] = b"%PDF-1.4 fatura";
    let edits = [
        (form(&token_1, "Factura triplicada", "La factura de marzo me ha llegado dos veces."), None),
        (form(&token_1, "Factura duplicada", "La factura de abril también me ha llegado dos veces."), None),
        (form(&token_1, "Factura duplicada", "La factura de marzo me ha llegado dos veces. "), None),
        (form(&token_1, "Factura duplicada", "La factura de marzo me ha llegado dos veces."), Some(("files", "factura.pdf", "application/pdf", pdf))),
    ];
    for (edited, file) in &edits {
        let files: Vec<(&str, &str, &str, &[u8])> = file.iter().copied().collect();
        let refused = customer.post_multipart("/cases/new", &as_refs(edited), &files).await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "{:?}: {}", edited, refused.text);
        assert!(refused.text.contains("Este formulário já foi enviado com outro conteúdo"), "{}", refused.text);
        assert!(refused.text.contains(edited[4].1.trim()), "the draft is kept: {}", refused.text);
        let fresh = hidden(&refused.text, "form_token");
        assert!(fresh != token_1 && fresh != token_2, "a new form, a new token");
    }
    assert_eq!(app.count_cases().await, 2, "a refused form stored nothing");
});

db_test!(async fn redirect_targets_from_input_never_leave_the_site_nor_fail(db) {
    let app = TestApp::new(db).await;
    // The sign-in form carries only a safe target forward.
    let mut stranger = Browser::new(&app);
    for next in ["/%01", "/%09/evil.example", "//evil.example", "/%5C%5Cevil", "https://evil.example", "javascript:alert(1)"] {
        let form = stranger.get(&format!("/login?next={next}")).await;
        assert_eq!(form.status, StatusCode::OK, "{next}: {}", form.text);
        let login_form = &form.text[form.text.find("action=\"/login\"").unwrap()..];
        assert_eq!(hidden(login_form, "next"), "/inbox", "{next}");
    }
    // Signing in with a hostile target: the inbox, never a 500 (which also left a session
    // behind) and never another site. Each account signs in a few times, within its limit.
    let long = format!("/{}", "a".repeat(5000));
    let hostile = ["/\u{1}", "/\t/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example", "/%5C%5Cevil", "https://evil.example", "javascript:alert(1)", "", long.as_str()];
    let accounts = ["janis@accord.test", "sofia@accord.test", "admin@accord.test", "ilze@acme.lv", "joao@beta.com.br"];
    for (i, next) in hostile.iter().enumerate() {
        let mut browser = Browser::new(&app);
        let form = browser.get("/login").await;
        let csrf = hidden(&form.text, "_csrf");
        let email = accounts[i % accounts.len()];
        let reply = browser.post("/login", &[("email", email), ("password", PASSWORD), ("_csrf", &csrf), ("next", next)], &[]).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{next:?}: {}", reply.text);
        assert_eq!(location(&reply), "/inbox", "{next:?}");
        // The language switcher and the inbox's bulk form take their targets the same way.
        let switched = browser.post("/language", &[("lang", "es"), ("next", next)], &[]).await;
        assert_eq!((switched.status, location(&switched)), (StatusCode::SEE_OTHER, "/inbox".to_owned()), "{next:?}");
    }
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    let inbox = agent.get("/inbox").await;
    let csrf = hidden(&inbox.text, "_csrf");
    for back in ["/%01", "//evil.example", "/\t/evil.example", "https://evil.example"] {
        let reply = agent.post("/inbox/bulk", &[("_csrf", &csrf), ("action", "close"), ("back", back)], &[]).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{back}: {}", reply.text);
        assert!(location(&reply).starts_with("/inbox?done="), "{back}: {}", location(&reply));
    }
    // A safe target still works.
    let mut browser = Browser::new(&app);
    let form = browser.get("/login?next=/cases/new").await;
    let csrf = hidden(&form.text, "_csrf");
    let reply = browser.post("/login", &[("email", "ilze@acme.lv"), ("password", PASSWORD), ("_csrf", &csrf), ("next", "/cases/new")], &[]).await;
    assert_eq!(location(&reply), "/cases/new");
});

/// The token of the newest portal email to an address (as the customer's mail client shows it).
async fn emailed_token(app: &TestApp, to: &str) -> Option<(String, accord_store::mail::Letter)> {
    let later = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1);
    let sent = app.db.store.lease_outbox(50, later).await.unwrap();
    let mail = sent.into_iter().rev().find(|m| m.recipient == to)?;
    let link = mail
        .letter
        .text
        .lines()
        .find(|l| l.starts_with("http://127.0.0.1:8080/login/link/"))?
        .to_owned();
    Some((link.rsplit('/').next()?.to_owned(), mail.letter))
}

db_test!(async fn customers_sign_up_and_sign_in_by_email_link_in_their_language(db) {
    let app = TestApp::new(db).await;
    let own = app.case_for(app.cast.contact_a, "Printeris nedrukā").await;
    let foreign = app.case_for(app.cast.contact_b, "Segredo da Beta").await;

    // Sign-up in Latvian: mistakes are refused with what was typed kept.
    let mut anna = Browser::new(&app);
    anna.language = Some("lv");
    let form = anna.get("/signup").await;
    assert!(form.text.contains("Izveidojiet savu kontu"), "{}", form.text);
    let csrf = hidden(&form.text, "_csrf");
    let bad = anna.post("/signup", &[("name", "Anna Bērziņa"), ("email", "anna@"), ("language", "lv"), ("password", "īsa"), ("_csrf", &csrf)], &[]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.text);
    assert!(bad.text.contains("Anna Bērziņa") && bad.text.contains("role=\"alert\""), "{}", bad.text);
    let forged = anna.post("/signup", &[("name", "Anna"), ("email", "anna@novads.lv"), ("language", "lv"), ("_csrf", "forged")], &[]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(emailed_token(&app, "anna@novads.lv").await.is_none());
    let sent = anna.post("/signup", &[("name", "Anna Bērziņa"), ("email", "anna@novads.lv"), ("language", "lv"), ("password", ""), ("_csrf", &csrf)], &[]).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.text);
    assert!(sent.text.contains("Pārbaudiet e-pastu"), "{}", sent.text);
    let (token, letter) = emailed_token(&app, "anna@novads.lv").await.expect("a confirmation email");
    assert_eq!((letter.subject.as_str(), letter.language.as_str()), ("Apstipriniet savu adresi", "lv"));

    // Opening the link only shows a button (a mail scanner's visit spends nothing).
    let confirm = anna.get(&format!("/login/link/{token}")).await;
    assert_eq!(confirm.status, StatusCode::OK);
    let csrf = hidden(&confirm.text, "_csrf");
    let signed_in = anna.post(&format!("/login/link/{token}"), &[("_csrf", &csrf)], &[]).await;
    assert_eq!((signed_in.status, location(&signed_in).as_str()), (StatusCode::SEE_OTHER, "/inbox"));
    let inbox = anna.get("/inbox").await;
    assert!(inbox.text.contains("Anna Bērziņa") && inbox.text.contains("/cases/new"), "{}", inbox.text);
    let number = |case: &serde_json::Value| format!("/cases/{}", case["number"]);
    assert!(!inbox.text.contains(&number(&own)), "a new customer sees no one else's cases");

    // A link works once.
    let mut again = Browser::new(&app);
    let confirm = again.get(&format!("/login/link/{token}")).await;
    let used = again.post(&format!("/login/link/{token}"), &[("_csrf", &hidden(&confirm.text, "_csrf"))], &[]).await;
    assert_eq!(used.status, StatusCode::GONE);
    assert!(used.text.contains("was used already"), "{}", used.text);
    let confirm = again.get("/login/link/tampered").await;
    let tampered = again.post("/login/link/tampered", &[("_csrf", &hidden(&confirm.text, "_csrf"))], &[]).await;
    assert_eq!(tampered.status, StatusCode::GONE);
    assert!(tampered.text.contains("not valid"), "{}", tampered.text);

    // An existing customer signs in by link from the sign-in page, into her organization.
    let mut ilze = Browser::new(&app);
    let login = ilze.get("/login").await;
    assert!(login.text.contains("/signup") && login.text.contains("action=\"/login/link\""), "{}", login.text);
    let csrf = hidden(&login.text, "_csrf");
    let asked = ilze.post("/login/link", &[("email", "Ilze@Acme.lv"), ("_csrf", &csrf)], &[]).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.text);
    let (token, letter) = emailed_token(&app, "ilze@acme.lv").await.expect("a sign-in email");
    assert_eq!(letter.subject, "Your sign-in link");
    let confirm = ilze.get(&format!("/login/link/{token}")).await;
    ilze.post(&format!("/login/link/{token}"), &[("_csrf", &hidden(&confirm.text, "_csrf"))], &[]).await;
    let inbox = ilze.get("/inbox?view=all").await;
    assert!(inbox.text.contains(&number(&own)) && !inbox.text.contains(&number(&foreign)), "{}", inbox.text);

    // Unknown and staff addresses get the same answer and no email.
    for address in ["nobody@novads.lv", "janis@accord.test"] {
        let mut visitor = Browser::new(&app);
        let login = visitor.get("/login").await;
        let reply = visitor.post("/login/link", &[("email", address), ("_csrf", &hidden(&login.text, "_csrf"))], &[]).await;
        assert_eq!(reply.text, asked.text, "{address} is told the same as a customer");
        assert!(emailed_token(&app, address).await.is_none(), "{address} got an email");
    }
});

db_test!(async fn a_manager_edits_standards_and_limits_in_a_form_with_findings_beside_each_field(db) {
    let app = TestApp::new(db).await;
    let mut manager = Browser::new(&app);
    manager.sign_in("sofia@accord.test", PASSWORD).await;
    let form = manager.get("/policy/new").await;
    let csrf = hidden(&form.text, "_csrf");
    let created = manager.post("/policy", &[("source", POLICY), ("briefing", "Faster first answers."), ("_csrf", &csrf)], &[]).await;
    let path = location(&created);
    let draft = manager.get(&path).await;
    let first_response = "setting|procedures|email|first_response";
    let agent_limit = "setting|remedies|credit|limits.agent";
    for field in [first_response, agent_limit, "setting|procedures|email|acknowledge"] {
        assert!(draft.text.contains(&format!("name=\"{field}\"")), "{field}: {}", draft.text);
    }
    assert!(draft.text.contains("First response within"), "{}", draft.text);

    // The live check, as the author types a duration Accord cannot read: the finding is
    // on that field, and nothing is saved.
    let checked = manager.post(&format!("{path}/check"), &[(first_response, "soon"), ("_csrf", &csrf)], &[]).await.json();
    let row = checked["settings"].as_array().unwrap().iter().find(|s| s["name"] == first_response).unwrap().clone();
    assert_eq!(row["has_error"], true, "{checked}");
    assert!(!row["findings"].as_array().unwrap().is_empty(), "{checked}");
    let other = checked["settings"].as_array().unwrap().iter().find(|s| s["name"] == agent_limit).unwrap().clone();
    assert_eq!(other["findings"].as_array().map(Vec::len), Some(0), "{checked}");
    assert!(!manager.get(&path).await.text.contains("\"soon\""), "checking saved nothing");

    // Without JavaScript: saved with the mistake, the field says what is wrong.
    let saved = manager.post(&format!("{path}/settings"), &[(first_response, "soon"), ("_csrf", &csrf)], &[]).await;
    assert!(saved.text.contains("aria-invalid=\"true\""), "{}", saved.text);
    // A limit that is not a number is refused with the place named, and nothing changes.
    let refused = manager.post(&format!("{path}/settings"), &[(agent_limit, "lots"), ("_csrf", &csrf)], &[]).await;
    assert!(refused.text.contains("remedies.credit.limits.agent: enter an amount"), "{}", refused.text);
    // Fixed: written into the file, the rest as it was; the check is clean again.
    let fixed = manager.post(&format!("{path}/settings"), &[(first_response, "90m"), (agent_limit, "75"), ("_csrf", &csrf)], &[]).await;
    assert!(fixed.text.contains("The check found no problems."), "{}", fixed.text);
    let source = app.api("supervisor", Method::GET, &format!("/api/v1/policies/{}", path.rsplit('/').next().unwrap()), None).await.json()["source"].as_str().unwrap().to_owned();
    assert!(source.contains("first_response = \"90m\"") && source.contains("agent = 75"), "{source}");
    let untouched: Vec<&str> = POLICY.lines().filter(|l| !l.contains("first_response = ") && !l.contains("limits = ")).collect();
    let now: Vec<&str> = source.lines().filter(|l| !l.contains("first_response = ") && !l.contains("limits = ")).collect();
    assert_eq!(untouched, now, "only the two settings changed");

    // Agents read the policy but get no editor.
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    assert!(!agent.get(&path).await.text.contains(first_response));
    let csrf = hidden(&agent.get("/inbox").await.text, "_csrf");
    let denied = agent.post(&format!("{path}/settings"), &[(first_response, "1m"), ("_csrf", &csrf)], &[]).await;
    assert!(denied.status.is_client_error(), "{}", denied.status);
});

db_test!(async fn an_agreement_goes_from_the_case_page_to_the_customers_link_and_back(db) {
    let app = TestApp::new(db).await;
    let case = app.case_for(app.cast.contact_a, "Pasūtījums atnāca nepilnīgs").await;
    let number = case["number"].as_i64().unwrap();
    let latvian = app.api("agent", Method::PATCH, &format!("/api/v1/cases/{}", case["id"].as_str().unwrap()), Some(serde_json::json!({"language": "lv"}))).await;
    assert_eq!(latvian.status, StatusCode::OK, "{}", latvian.text);
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    let page = agent.get(&format!("/cases/{number}")).await;
    let csrf = hidden(&page.text, "_csrf");
    assert!(page.text.contains("What we understood") && page.text.contains("Propose an agreement"), "{}", page.text);

    // D1 and D2 through the forms, without JavaScript.
    let understood = agent.post(&format!("/cases/{number}/understanding"), &[("problem", "Trūka divu preču."), ("nature", "technical"), ("responsible", "company"), ("note", ""), ("_csrf", &csrf)], &[]).await;
    assert_eq!(location(&understood), format!("/cases/{number}?saved=9#resolution"));
    let tomorrow = (jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24)).to_zoned(jiff::tz::TimeZone::UTC).strftime("%Y-%m-%dT%H:%M").to_string();
    let in_three_days = (jiff::Timestamp::now() + jiff::SignedDuration::from_hours(72)).to_zoned(jiff::tz::TimeZone::UTC).strftime("%Y-%m-%dT%H:%M").to_string();
    let owner = app.cast.agent.user_id.to_string();
    let form = [("problem", "Trūka divu preču."), ("outcome", "Nosūtām trūkstošās preces ar kurjeru."), ("indicators", "Preces ir saņemtas.\n\n"), ("deadline", &in_three_days),
        ("milestone_title_0", "Preces nosūtītas"), ("milestone_owner_0", &owner), ("milestone_due_0", &tomorrow), ("milestone_third_0", "DPD"),
        ("contract_changes", "Piegādes pārbaude saņemšanas brīdī."), ("_csrf", &csrf)];
    let bad = agent.post(&format!("/cases/{number}/agreements"), &[("problem", "x"), ("outcome", ""), ("indicators", ""), ("deadline", "yesterday"), ("_csrf", &csrf)], &[]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.text);
    let sent = agent.post(&format!("/cases/{number}/agreements"), &form, &[]).await;
    assert_eq!(location(&sent), format!("/cases/{number}?saved=8#resolution"), "{}", sent.text);
    let page = agent.get(&format!("/cases/{number}?saved=8")).await;
    assert!(page.text.contains("Nosūtām trūkstošās preces ar kurjeru.") && page.text.contains("Waiting for your answer"), "{}", page.text);

    // The customer's email: the link opens the agreement; a changed link gets a clear page.
    let later = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1);
    let mail = app.db.store.lease_outbox(50, later).await.unwrap().into_iter().rev().find(|m| m.recipient == "ilze@acme.lv").unwrap();
    let link = mail.letter.text.lines().find(|l| l.contains("/agreements/")).unwrap().to_owned();
    let path = link.trim_start_matches("http://127.0.0.1:8080").to_owned();
    let mut customer = Browser::new(&app);
    let opened = customer.get(&path).await;
    assert_eq!(opened.status, StatusCode::OK, "{}", opened.text);
    assert!(opened.text.contains("Es pieņemu šo vienošanos"), "in the case's language (Latvian): {}", opened.text);
    let tampered = Browser::new(&app).get(&path.replace("?t=", "?t=9")).await;
    assert_eq!(tampered.status, StatusCode::BAD_REQUEST);
    assert!(tampered.text.contains("role=\"alert\""), "{}", tampered.text);
    let csrf = hidden(&opened.text, "_csrf");
    let token = hidden(&opened.text, "t");
    let (form_path, _) = path.split_once('?').unwrap();
    let accepted = customer.post(form_path, &[("t", &token), ("answer", "accept"), ("_csrf", &csrf)], &[]).await;
    assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.text);
    assert!(accepted.text.contains("Paldies. Jūsu piekrišana ir reģistrēta"), "{}", accepted.text);
    let twice = customer.post(form_path, &[("t", &token), ("answer", "accept"), ("_csrf", &csrf)], &[]).await;
    assert_eq!(twice.status, StatusCode::OK, "a second click is answered calmly: {}", twice.text);
    let events = app.api("agent", Method::GET, &format!("/api/v1/cases/{}/events", case["id"].as_str().unwrap()), None).await.json()["items"].clone();
    let answers = events.as_array().map(|e| e.iter().filter(|e| e["change"]["type"] == "agreement_answered").count());
    assert_eq!(answers, Some(1), "{events}");

    // D3: the agent marks the milestone reached; the customer is told in Latvian.
    let page = agent.get(&format!("/cases/{number}")).await;
    assert!(page.text.contains("Accepted"), "{}", page.text);
    let milestone = page.text.split("/milestones/").nth(1).unwrap().split('/').next().unwrap().to_owned();
    let csrf = hidden(&page.text, "_csrf");
    let reached = agent.post(&format!("/cases/{number}/milestones/{milestone}/reached"), &[("note", "Sūtījuma numurs 0042."), ("_csrf", &csrf)], &[]).await;
    assert_eq!(location(&reached), format!("/cases/{number}?saved=10#resolution"));
    let update = app.db.store.lease_outbox(50, later).await.unwrap().into_iter().rev().find(|m| m.recipient == "ilze@acme.lv").unwrap();
    assert!(update.letter.text.contains("“Preces nosūtītas” ir izdarīts") && update.letter.text.contains("Sūtījuma numurs 0042."), "{}", update.letter.text);

    // The customer's portal shows the agreement too.
    let mut ilze = Browser::new(&app);
    ilze.sign_in("ilze@acme.lv", PASSWORD).await;
    let portal = ilze.get(&format!("/cases/{number}")).await;
    assert!(portal.text.contains("Nosūtām trūkstošās preces ar kurjeru."), "{}", portal.text);
    assert!(!portal.text.contains("What we understood"), "the understanding is internal");

    // D4: resolving takes an explanation that says something; the customer gets it in Latvian.
    let page = agent.get(&format!("/cases/{number}")).await;
    let csrf = hidden(&page.text, "_csrf");
    let stock = agent.post(&format!("/cases/{number}/resolve"), &[("cause", "There was a technical issue."), ("fix", "Fixed."), ("prevention", "It will not happen again."), ("apology", "Sorry."), ("thanks", "Thanks."), ("_csrf", &csrf)], &[]).await;
    assert_eq!(stock.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(stock.text.contains("stock phrases alone do not explain anything"), "{}", stock.text);
    let resolved = agent.post(&format!("/cases/{number}/resolve"), &[
        ("cause", "Noliktavā pasūtījumu komplektēja pēc vecā saraksta, kurā trūka divu preču."),
        ("fix", "Trūkstošās preces nosūtījām ar kurjeru, piegāde rīt."),
        ("prevention", "Komplektēšanas saraksti tagad tiek drukāti no jaunās sistēmas un pārbaudīti."),
        ("apology", "Atvainojamies par sagādātajām neērtībām."), ("thanks", "Paldies, ka mums uzreiz pateicāt."), ("_csrf", &csrf)], &[]).await;
    assert_eq!(location(&resolved), format!("/cases/{number}?saved=12#resolution"), "{}", resolved.text);
    let explanation = app.db.store.lease_outbox(50, later).await.unwrap().into_iter().rev().find(|m| m.recipient == "ilze@acme.lv").unwrap();
    assert!(explanation.letter.text.contains("Kāpēc tas notika:\nNoliktavā"), "{}", explanation.letter.text);

    // The accepted agreement's contract change waits for a supervisor, who marks it done.
    assert_eq!(agent.get("/contract-reviews").await.status, StatusCode::FORBIDDEN);
    let mut supervisor = Browser::new(&app);
    supervisor.sign_in("sofia@accord.test", PASSWORD).await;
    let reviews = supervisor.get("/contract-reviews").await;
    assert!(reviews.text.contains("Piegādes pārbaude saņemšanas brīdī."), "{}", reviews.text);
    let review = reviews.text.split("action=\"/contract-reviews/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let csrf = hidden(&reviews.text, "_csrf");
    let done = supervisor.post(&format!("/contract-reviews/{review}"), &[("_csrf", &csrf)], &[]).await;
    assert_eq!(location(&done), "/contract-reviews");
    let after = supervisor.get("/contract-reviews").await;
    assert!(after.text.contains("Done by Sofia Supervisora"), "{}", after.text);
});

db_test!(async fn a_follow_up_survey_is_answered_from_its_emailed_link_and_reopens_the_case(db) {
    let app = TestApp::new(db).await;
    let store = &app.db.store;
    let start = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(1);
    app.cast.publish(store, accord_demo::EXAMPLE_POLICY, start).await;
    let body = serde_json::json!({"subject": "Serra de fita parada", "contact_id": app.cast.contact_a, "channel": "email", "body": "A serra parou."});
    let case = app.api("agent", Method::POST, "/api/v1/cases", Some(body)).await.json();
    let id = case["id"].as_str().unwrap().to_owned();
    let number = case["number"].as_i64().unwrap();
    let patch = serde_json::json!({"language": "pt", "assignee_id": app.cast.agent.user_id, "status": "resolved"});
    let resolved = app.api("agent", Method::PATCH, &format!("/api/v1/cases/{id}"), Some(patch)).await;
    assert_eq!(resolved.status, StatusCode::OK, "{}", resolved.text);
    let later = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24 * 5);
    store.run_due_timers("pages", || later).await.unwrap();
    let mail = store.lease_outbox(50, later).await.unwrap().into_iter().rev()
        .find(|m| m.recipient == "ilze@acme.lv" && m.letter.text.contains("/surveys/")).expect("the follow-up survey");
    assert!(mail.letter.text.contains("Clique na resposta que se aplica"), "{}", mail.letter.text);
    let line = mail.letter.text.lines().find(|l| l.starts_with("2: ")).unwrap().to_owned();
    let path = line.trim_start_matches("2: http://127.0.0.1:8080").to_owned();

    // The email's "2" opens the page with 2 chosen, set to send itself (one click).
    let mut customer = Browser::new(&app);
    let opened = customer.get(&path).await;
    assert_eq!(opened.status, StatusCode::OK, "{}", opened.text);
    assert!(opened.text.contains("data-send-on-open") && opened.text.contains("value=\"2\" checked"), "{}", opened.text);
    assert!(opened.text.contains("Qual é o seu grau de satisfação"), "in the case's language: {}", opened.text);
    let tampered = Browser::new(&app).get(&path.replace("?t=", "?t=1")).await;
    assert_eq!(tampered.status, StatusCode::BAD_REQUEST);
    assert!(tampered.text.contains("Esta ligação do inquérito não funciona") || tampered.text.contains("This survey link does not work"), "{}", tampered.text);
    let (form_path, _) = path.split_once('?').unwrap();
    let csrf = hidden(&opened.text, "_csrf");
    let token = hidden(&opened.text, "t");
    let answered = customer.post(form_path, &[("t", &token), ("q_csat", "2"), ("comment", "A serra voltou a parar."), ("_csrf", &csrf)], &[]).await;
    assert_eq!(answered.status, StatusCode::OK, "{}", answered.text);
    assert!(answered.text.contains("o seu caso foi reaberto"), "{}", answered.text);
    let again = customer.post(form_path, &[("t", &token), ("q_csat", "5"), ("_csrf", &csrf)], &[]).await;
    assert!(again.text.contains("Este inquérito já foi respondido"), "{}", again.text);

    // The case is open again, its history says why, and its agent was alerted.
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    let page = agent.get(&format!("/cases/{number}")).await;
    assert!(page.text.contains("Survey “satisfaction” answered: 2, not satisfied"), "{}", page.text);
    assert!(page.text.contains("What the customer said afterwards") && page.text.contains("answered 2/5"), "{}", page.text);
    assert!(page.text.contains("A serra voltou a parar."), "the agent reads the comment: {}", page.text);
    let notes = agent.get("/notifications").await;
    assert!(notes.text.contains("The customer answered 2/5 to the follow-up survey"), "{}", notes.text);

    // Supervisors read the results; agents may not.
    assert_eq!(agent.get("/survey-results").await.status, StatusCode::FORBIDDEN);
    let mut supervisor = Browser::new(&app);
    supervisor.sign_in("sofia@accord.test", PASSWORD).await;
    let results = supervisor.get("/survey-results?survey=satisfaction&by=agent&days=30").await;
    assert_eq!(results.status, StatusCode::OK, "{}", results.text);
    assert!(results.text.contains("A serra voltou a parar.") && results.text.contains("Jānis"), "{}", results.text);
    // Sending the anonymous survey to Ilze's organization: she was asked just now, so skipped.
    let csrf = hidden(&results.text, "_csrf");
    let org = app.cast.org_a.to_string();
    let sent = supervisor.post("/survey-results/refund-rule/send", &[("organization_id", &org), ("_csrf", &csrf)], &[]).await;
    assert_eq!(location(&sent), "/survey-results?survey=refund-rule&sent=0&throttled=1");
    let shown = supervisor.get(&location(&sent)).await;
    assert!(shown.text.contains("One was skipped: asked recently."), "{}", shown.text);

    // Ilze sees her survey, answered, in the portal.
    let mut ilze = Browser::new(&app);
    ilze.sign_in("ilze@acme.lv", PASSWORD).await;
    let mine = ilze.get("/surveys").await;
    assert!(mine.status == StatusCode::OK && mine.text.contains(&number.to_string()), "{}", mine.text);
});

db_test!(async fn an_agreements_page_gives_its_dates_in_the_zone_its_email_did(db) {
    let app = TestApp::new(db).await;
    let store = &app.db.store;
    let start = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(1);
    app.cast.publish(store, accord_demo::EXAMPLE_POLICY, start).await;
    // A Latvian email case runs on the Riga office's calendar (the server here is on UTC).
    let body = serde_json::json!({"subject": "Rēķins divreiz", "contact_id": app.cast.contact_a, "channel": "email", "language": "lv", "body": "Rēķins atnāca divreiz."});
    let case = app.api("agent", Method::POST, "/api/v1/cases", Some(body)).await.json();
    let case_id = accord_core::ids::CaseId(case["id"].as_str().unwrap().parse().unwrap());
    let deadline: jiff::Timestamp = "2027-01-14T10:00:00Z".parse().unwrap();
    let draft = accord_core::agreement::AgreementDraft {
        problem: "Rēķins izrakstīts divreiz.".into(),
        outcome: "Anulējam otru rēķinu.".into(),
        indicators: vec!["Otrais rēķins ir anulēts.".into()],
        deadline,
        milestones: vec![],
        contract_changes: vec![],
    };
    store.propose_agreement(&app.cast.agent, case_id, draft, "http://127.0.0.1:8080", jiff::Timestamp::now()).await.unwrap();
    let mail = store.lease_outbox(50, jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1)).await.unwrap()
        .into_iter().rev().find(|m| m.letter.text.contains("/agreements/")).unwrap();
    let line = mail.letter.text.lines().find(|l| l.starts_with("Izdarīts līdz: ")).unwrap().to_owned();
    assert!(line.contains("12:00"), "10:00 UTC is noon in Riga: {line}");
    let link = mail.letter.text.lines().find(|l| l.contains("/agreements/")).unwrap();
    let page = Browser::new(&app).get(link.trim_start_matches("http://127.0.0.1:8080")).await;
    assert!(page.text.contains(&line), "the page says {line} too: {}", page.text);
});

db_test!(async fn a_nul_character_in_a_page_address_or_form_gets_a_clear_page_not_a_server_error(db) {
    // PostgreSQL cannot hold NUL in text: a form field carrying one ended in a 500 there.
    let app = TestApp::new(db).await;
    let mut stranger = Browser::new(&app);
    let form = stranger.get("/login?next=/inbox%00").await;
    assert_eq!(form.status, StatusCode::BAD_REQUEST, "{}", form.text);
    assert!(form.text.contains("NUL character"), "{}", form.text);
    let form = stranger.get("/login").await;
    let csrf = hidden(&form.text, "_csrf");
    let reply = stranger.post("/login", &[("email", "janis\0@accord.test"), ("password", PASSWORD), ("_csrf", &csrf)], &[]).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.text);
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    for address in ["/inbox?tag=%00", "/inbox?q=a%00b", "/cases/1%00"] {
        let page = agent.get(address).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{address}: {}", page.text);
    }
    let switched = agent.post("/language", &[("lang", "es\0")], &[]).await;
    assert_eq!(switched.status, StatusCode::BAD_REQUEST);
    assert!(agent.get("/inbox").await.status.is_success(), "nothing else changed");
});
