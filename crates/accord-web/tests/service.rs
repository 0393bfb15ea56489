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
    let clocks = clocks.json()["items"].clone();
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
    assert_eq!(soon.json()["items"][0]["case_number"], number);
    assert_eq!(soon.json()["items"][0]["breached"], false);
    let later = app.api("supervisor", Method::GET, "/api/v1/breaching-soon?within_minutes=30", None).await;
    assert_eq!(later.json()["items"].as_array().unwrap().len(), 0, "not due within 30 minutes");
    assert_eq!(app.api("agent", Method::GET, "/api/v1/breaching-soon", None).await.status, StatusCode::FORBIDDEN);
    let mut supervisor = Browser::new(&app);
    supervisor.sign_in("sofia@accord.test", PASSWORD).await;
    let view = supervisor.get("/breaching-soon?hours=1").await;
    assert!(view.text.contains(&format!("/cases/{number}")) && view.text.contains("First response"), "{}", view.text);
    // The case page says how much working time is left (the hour, less what has passed).
    let page = supervisor.get(&format!("/cases/{number}")).await;
    assert!(
        page.text.contains("1 h of working time left") || page.text.contains("59 min of working time left"),
        "{}",
        page.text
    );
    // …and the breaching-soon view in the inbox lists it, soonest first.
    let inbox = supervisor.get("/inbox?view=breaching").await;
    assert!(inbox.text.contains(&format!("/cases/{number}")), "{}", inbox.text);
    let bad = app.api("supervisor", Method::GET, "/api/v1/breaching-soon?within=2h", None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.text);

    // A reply meets the first response.
    let reply = app
        .api("agent", Method::POST, &format!("/api/v1/cases/{id}/entries"), Some(json!({"kind": "outbound", "body": "Hola, se la enviamos hoy mismo."})))
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let clocks = app.api("agent", Method::GET, &format!("/api/v1/cases/{id}/clocks"), None).await.json()["items"].clone();
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

/// Service credit: agents up to 50 EUR alone, supervisors 500, admins 5000.
const CREDIT_POLICY: &str = include_str!("../../accord-policy/tests/valid-minimal.toml");

db_test!(async fn a_remedy_above_the_agents_limit_needs_approval_through_api_and_pages(db) {
    let app = TestApp::new(db).await;
    let draft = app.api("admin", Method::POST, "/api/v1/policies", Some(json!({"source": CREDIT_POLICY}))).await;
    let number = draft.json()["version"]["number"].as_i64().unwrap();
    app.api("admin", Method::POST, &format!("/api/v1/policies/{number}/publish"), Some(json!({"effective_at": jiff::Timestamp::now().to_string()}))).await;
    let case = app
        .api("agent", Method::POST, "/api/v1/cases", Some(json!({"subject": "Pasūtījums kavējas divas nedēļas", "contact_id": app.cast.contact_a, "channel": "email"})))
        .await
        .json();
    let (id, case_number) = (case["id"].as_str().unwrap().to_owned(), case["number"].as_i64().unwrap());

    // Through the API: above the agent's limit it waits for a supervisor.
    let offered = app.api("agent", Method::GET, &format!("/api/v1/cases/{id}/remedies"), None).await.json();
    assert_eq!(offered["offered"][0]["own_limit"], 50.0);
    // Before asking, the agent knows who approves above their limit, and up to what.
    assert_eq!(offered["offered"][0]["approvers"], json!([{"role": "supervisor", "limit": 500.0}, {"role": "admin", "limit": 5000.0}]));
    let request = app
        .api("agent", Method::POST, &format!("/api/v1/cases/{id}/remedies"), Some(json!({"remedy": "credit", "amount": 200, "reason": "Divu nedēļu kavējums."})))
        .await;
    assert_eq!(request.status, StatusCode::CREATED, "{}", request.text);
    let grant = request.json();
    assert_eq!((grant["status"].as_str(), grant["approver_role"].as_str()), (Some("pending"), Some("supervisor")));
    let grant_id = grant["id"].as_str().unwrap();
    let denied = app.api("agent", Method::POST, &format!("/api/v1/approvals/{grant_id}"), Some(json!({"approve": true}))).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN, "{}", denied.text);
    let too_much = app
        .api("supervisor", Method::POST, &format!("/api/v1/cases/{id}/remedies"), Some(json!({"remedy": "credit", "amount": 6000, "reason": "Too much."})))
        .await;
    assert_eq!(too_much.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", too_much.text);
    let ledger_path = format!("/api/v1/organizations/{}/ledger", app.cast.org_a);
    assert_eq!(app.api("agent", Method::GET, &ledger_path, None).await.json()["given"].as_array().unwrap().len(), 0);
    assert_eq!(app.api("customer_a", Method::GET, &ledger_path, None).await.status, StatusCode::FORBIDDEN);

    // Through the pages: the agent asks for 120,50 EUR; the case shows it waiting.
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    let page = agent.get(&format!("/cases/{case_number}")).await;
    assert!(page.text.contains("you may give up to 50 EUR alone"), "{}", page.text);
    assert!(page.text.contains("Approved by a Supervisor: up to 500 EUR"), "{}", page.text);
    assert!(page.text.contains("Above 5000 EUR: not possible under this policy"), "{}", page.text);
    let csrf = support::hidden(&page.text, "_csrf");
    let asked = agent
        .post(&format!("/cases/{case_number}/remedies"), &[("remedy", "credit"), ("amount", "120,50"), ("reason", "Kurjers pazaudēja paku."), ("_csrf", &csrf)], &[])
        .await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.text);
    let page = agent.get(&format!("/cases/{case_number}")).await;
    assert!(page.text.contains("credit: 120.50 EUR") && page.text.contains("Waiting for approval by: Supervisor"), "{}", page.text);
    let bad = agent
        .post(&format!("/cases/{case_number}/remedies"), &[("remedy", "credit"), ("amount", "lots"), ("reason", "x"), ("_csrf", &csrf)], &[])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(agent.get("/approvals").await.text.contains("Nothing is waiting for your approval."));

    // The supervisor approves one and refuses the other (a refusal needs a note).
    let mut supervisor = Browser::new(&app);
    supervisor.sign_in("sofia@accord.test", PASSWORD).await;
    let approvals = supervisor.get("/approvals").await;
    assert!(approvals.text.contains("credit: 200 EUR") && approvals.text.contains("credit: 120.50 EUR"), "{}", approvals.text);
    let csrf = support::hidden(&approvals.text, "_csrf");
    let approved = supervisor.post(&format!("/approvals/{grant_id}"), &[("decision", "approve"), ("note", ""), ("_csrf", &csrf)], &[]).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.text);
    let other = app.api("supervisor", Method::GET, "/api/v1/approvals", None).await.json()["items"].clone();
    let other_id = other[0]["id"].as_str().unwrap().to_owned();
    let silent = supervisor.post(&format!("/approvals/{other_id}"), &[("decision", "refuse"), ("note", ""), ("_csrf", &csrf)], &[]).await;
    assert_eq!(silent.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", silent.text);
    let refused = supervisor
        .post(&format!("/approvals/{other_id}"), &[("decision", "refuse"), ("note", "Paka jau atrasta."), ("_csrf", &csrf)], &[])
        .await;
    assert_eq!(refused.status, StatusCode::SEE_OTHER);

    // The ledger shows every grant given, and the case shows both outcomes.
    let ledger = app.api("agent", Method::GET, &ledger_path, None).await.json();
    assert_eq!(ledger["given"][0]["amount"], 200.0);
    assert_eq!(ledger["given"][0]["status"], "approved");
    assert_eq!(ledger["refused"][0]["decision_note"], "Paka jau atrasta.");
    let page = agent.get(&format!("/cases/{case_number}")).await;
    assert!(page.text.contains("Given so far: 200 EUR"), "{}", page.text);
    assert!(page.text.contains("Approved and given") && page.text.contains("Paka jau atrasta."), "{}", page.text);
});

db_test!(async fn a_remedy_split_into_parts_counts_as_its_total_and_takes_whole_units(db) {
    let app = TestApp::new(db).await;
    let draft = app.api("admin", Method::POST, "/api/v1/policies", Some(json!({"source": CREDIT_POLICY}))).await;
    let number = draft.json()["version"]["number"].as_i64().unwrap();
    app.api("admin", Method::POST, &format!("/api/v1/policies/{number}/publish"), Some(json!({"effective_at": jiff::Timestamp::now().to_string()}))).await;
    let case = app
        .api("agent", Method::POST, "/api/v1/cases", Some(json!({"subject": "Rēķins divreiz", "contact_id": app.cast.contact_a, "channel": "email"})))
        .await
        .json();
    let (id, case_number) = (case["id"].as_str().unwrap().to_owned(), case["number"].as_i64().unwrap());
    let path = format!("/api/v1/cases/{id}/remedies");

    // Four credits of the agent's whole limit (50 EUR) on one case: only the first is given.
    let mut outcome = Vec::new();
    for _ in 0..4 {
        let reply = app.api("agent", Method::POST, &path, Some(json!({"remedy": "credit", "amount": 50, "reason": "Divreiz iekasēts."}))).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        let grant = reply.json();
        outcome.push((grant["status"].as_str().unwrap().to_owned(), grant["approver_role"].as_str().map(str::to_owned)));
    }
    let supervisor = Some("supervisor".to_owned());
    assert_eq!(outcome, vec![
        ("granted".to_owned(), None),
        ("pending".to_owned(), supervisor.clone()),
        ("pending".to_owned(), supervisor.clone()),
        ("pending".to_owned(), supervisor),
    ]);
    let remedies = app.api("agent", Method::GET, &path, None).await.json();
    assert_eq!(remedies["offered"][0]["on_case"], 200.0, "{remedies}");

    // Whole units: a fraction of a cent, zero or less is refused, naming the field and the fix.
    for bad in [json!(1e-300), json!(0.001), json!(12.345)] {
        let reply = app.api("agent", Method::POST, &path, Some(json!({"remedy": "credit", "amount": bad, "reason": "x"}))).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.text);
        let problem = reply.json();
        assert_eq!((problem["errors"][0]["field"].as_str(), problem["errors"][0]["code"].as_str()), (Some("amount"), Some("too_precise")), "{problem}");
        assert!(problem["errors"][0]["message"].as_str().unwrap().contains("at most 2 decimals"), "{problem}");
    }
    for bad in [json!(0), json!(-5)] {
        let reply = app.api("agent", Method::POST, &path, Some(json!({"remedy": "credit", "amount": bad, "reason": "x"}))).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.text);
        assert_eq!(reply.json()["errors"][0]["code"], "not_positive");
    }
    // Above every limit only with what the case already has: its own, translated problem.
    let reply = app.api("admin", Method::POST, &path, Some(json!({"remedy": "credit", "amount": 4900, "reason": "x"}))).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.text);
    assert_eq!(reply.json()["errors"][0]["code"], "case_total_above_every_limit");

    // Through the pages: the card says what the limits count, and a fraction of a cent is
    // refused in the reader's words.
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    let page = agent.get(&format!("/cases/{case_number}")).await;
    assert!(page.text.contains("Limits count the total on this case: 200 EUR given or waiting for approval so far."), "{}", page.text);
    let csrf = support::hidden(&page.text, "_csrf");
    let bad = agent
        .post(&format!("/cases/{case_number}/remedies"), &[("remedy", "credit"), ("amount", "0,001"), ("reason", "Divreiz iekasēts."), ("_csrf", &csrf)], &[])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text.contains("at most 2 decimals"), "{}", bad.text);

    // Approved, the parts are all in the ledger, flagged as one concession given in parts.
    for grant in app.api("supervisor", Method::GET, "/api/v1/approvals", None).await.json()["items"].as_array().unwrap() {
        let approved = app.api("supervisor", Method::POST, &format!("/api/v1/approvals/{}", grant["id"].as_str().unwrap()), Some(json!({"approve": true}))).await;
        assert_eq!(approved.status, StatusCode::OK, "{}", approved.text);
    }
    let ledger = app.api("agent", Method::GET, &format!("/api/v1/organizations/{}/ledger", app.cast.org_a), None).await.json();
    assert_eq!(ledger["given"].as_array().unwrap().len(), 4, "{ledger}");
    assert_eq!(ledger["patterns"], json!([{"pattern": "repeated_on_one_case", "unit": "EUR", "case_number": case_number, "grants": 4, "total": 200.0}]));
    let page = agent.get(&format!("/cases/{case_number}")).await;
    assert!(page.text.contains(&format!("Case {case_number} received EUR 4 times, 200 EUR in all.")), "{}", page.text);
});

db_test!(async fn a_new_case_is_acknowledged_with_one_click_in_the_customers_language(db) {
    let app = TestApp::new(db).await;
    publish(&app).await;
    let open = |subject: &'static str, language: &'static str, body: &'static str| {
        let app = &app;
        async move {
            let created = app
                .api("agent", Method::POST, "/api/v1/cases", Some(json!({"subject": subject, "contact_id": app.cast.contact_a, "channel": "email", "language": language, "body": body})))
                .await;
            assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
            created.json()
        }
    };

    // Through the page: the agent sees what the customer will receive, in Spanish, and sends it.
    let case = open("La factura no llega", "es", "Hola, no he recibido la factura de octubre.").await;
    let number = case["number"].as_i64().unwrap();
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    let page = agent.get(&format!("/cases/{number}")).await;
    assert!(page.text.contains("Send the acknowledgement"), "{}", page.text);
    assert!(page.text.contains("Su mensaje es importante para nosotros"), "{}", page.text);
    let csrf = support::hidden(&page.text, "_csrf");
    let sent = agent.post(&format!("/cases/{number}/acknowledge"), &[("_csrf", &csrf)], &[]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text);
    let page = agent.get(&format!("/cases/{number}?saved=4")).await;
    assert!(page.text.contains("Acknowledgement sent."), "{}", page.text);
    assert!(!page.text.contains("Send the acknowledgement"), "sent once: the card is gone");
    let again = agent.post(&format!("/cases/{number}/acknowledge"), &[("_csrf", &csrf)], &[]).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.text);
    let page = agent.get(&format!("/cases/{number}?saved=5")).await;
    assert!(page.text.contains("This case was already acknowledged or answered."), "{}", page.text);
    let entries = app.api("agent", Method::GET, &format!("/api/v1/cases/{}/entries", case["id"].as_str().unwrap()), None).await.json()["items"].clone();
    assert_eq!(entries.as_array().unwrap().iter().filter(|e| e["kind"] == "outbound").count(), 1, "sent once");
    // The customer sees it in the portal's conversation.
    let mut customer = Browser::new(&app);
    customer.sign_in("ilze@acme.lv", PASSWORD).await;
    let seen = customer.get(&format!("/cases/{number}")).await;
    assert!(seen.text.contains("Su mensaje es importante para nosotros"), "{}", seen.text);
    assert!(!seen.text.contains("Send the acknowledgement"));

    // Through the API: preview, send, and a second send refused.
    let case = open("Pasūtījums nav atnācis", "lv", "Labdien, pasūtījums vēl nav atnācis.").await;
    let id = case["id"].as_str().unwrap();
    let preview = app.api("agent", Method::GET, &format!("/api/v1/cases/{id}/acknowledgement"), None).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.text);
    let body = preview.json()["body"].as_str().unwrap().to_owned();
    assert!(body.contains("Jūsu ziņojums mums ir svarīgs"), "{body}");
    let sent = app.api("agent", Method::POST, &format!("/api/v1/cases/{id}/acknowledgement"), None).await;
    assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.text);
    assert_eq!((sent.json()["kind"].as_str(), sent.json()["body"].as_str()), (Some("outbound"), Some(body.as_str())));
    assert_eq!(app.api("agent", Method::GET, &format!("/api/v1/cases/{id}"), None).await.json()["status"], "acknowledged");
    let again = app.api("agent", Method::POST, &format!("/api/v1/cases/{id}/acknowledgement"), None).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.text);
    assert_eq!(app.api("customer_a", Method::POST, &format!("/api/v1/cases/{id}/acknowledgement"), None).await.status, StatusCode::FORBIDDEN);
});

db_test!(async fn supervisors_see_escalations_and_standing_and_agents_their_own(db) {
    let app = TestApp::new(db).await;
    publish(&app).await;
    let created = app
        .api("agent", Method::POST, "/api/v1/cases", Some(json!({"subject": "Fatura em duplicado", "contact_id": app.cast.contact_a, "channel": "email", "body": "Recebi a fatura duas vezes."})))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let case = created.json();
    let (id, number) = (case["id"].as_str().unwrap(), case["number"].as_i64().unwrap());
    let take = app.api("agent", Method::PATCH, &format!("/api/v1/cases/{id}"), Some(json!({"assignee_id": app.cast.agent.user_id}))).await;
    assert_eq!(take.status, StatusCode::OK, "{}", take.text);
    // 31 minutes on, the warning 30 minutes before the hour's first response fires.
    let later = jiff::Timestamp::now() + jiff::SignedDuration::from_mins(31);
    assert_eq!(app.db.store.run_due_timers("test", || later).await.unwrap(), 1);

    let listed = app.api("supervisor", Method::GET, "/api/v1/escalations?days=1", None).await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.text);
    let escalation = &listed.json()["items"][0];
    assert_eq!((escalation["case_number"].as_i64(), escalation["level"].as_str()), (Some(number), Some("warn")));
    assert_eq!(escalation["actions"], json!(["notify:supervisor"]));
    assert_eq!(escalation["reason"], "A supervisor can help in time.");
    assert_eq!(escalation["trigger"]["on"], "before_breach", "{}", listed.text);
    assert_eq!(app.api("agent", Method::GET, "/api/v1/escalations", None).await.status, StatusCode::FORBIDDEN);
    let mut supervisor = Browser::new(&app);
    supervisor.sign_in("sofia@accord.test", PASSWORD).await;
    let page = supervisor.get("/escalations").await;
    assert!(page.text.contains(&format!("/cases/{number}")), "{}", page.text);
    for said in ["Notified: Supervisor", "A supervisor can help in time.", "30 min before the target of “First response”"] {
        assert!(page.text.contains(said), "{said} missing: {}", page.text);
    }

    // Standing: the agent holds one open case whose first response is still running.
    let standing = app.api("supervisor", Method::GET, "/api/v1/standing", None).await.json()["items"].clone();
    let row = standing.as_array().unwrap().iter().find(|r| r["user_id"] == json!(app.cast.agent.user_id)).unwrap();
    assert_eq!(row["open_cases"], 1);
    assert_eq!(row["clocks"][0], json!({"kind": "first_response", "on_time": 0, "missed": 0, "running": 1}));
    assert!(standing.as_array().unwrap().len() >= 2, "the supervisor sees everyone");
    let own = app.api("agent", Method::GET, "/api/v1/standing", None).await.json()["items"].clone();
    assert_eq!(own.as_array().unwrap().len(), 1);
    assert_eq!(own[0]["user_id"], json!(app.cast.agent.user_id));
    assert_eq!(app.api("customer_a", Method::GET, "/api/v1/standing", None).await.status, StatusCode::FORBIDDEN);
    let team = supervisor.get("/standing").await;
    assert!(team.text.contains("1 open case") && team.text.contains("0 in time, 0 missed, 1 running"), "{}", team.text);
    let mut agent = Browser::new(&app);
    agent.sign_in("janis@accord.test", PASSWORD).await;
    let mine = agent.get("/standing").await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(!mine.text.contains("Sofia"), "an agent sees only their own standing: {}", mine.text);
    assert_eq!(agent.get("/escalations").await.status, StatusCode::FORBIDDEN);
});
