#![allow(clippy::unwrap_used)]
//! Every API route × every role × an object of another organization: no leak, no 500;
//! and the OpenAPI document describes exactly the routes the server answers.

mod support;

use accord_testkit::db_test;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use support::{ROLES, TestApp};

const POLICY: &str = include_str!("../../accord-policy/tests/valid-minimal.toml");
/// A survey for the published version, so survey routes have something to send and answer.
const SURVEY: &str =
    "\n[[surveys]]\nid = \"pulse\"\nkind = \"csat\"\nname = { en = \"How are we doing?\" }\n";

/// A request body that would succeed for an authorized caller, per documented route.
fn body_for(method: &Method, path: &str, app: &TestApp, other_case: &str) -> Option<Value> {
    let unique = uuid::Uuid::now_v7().simple().to_string();
    match (method.as_str(), path) {
        ("GET", _) => None,
        ("POST", "/api/v1/cases") => {
            Some(json!({"subject": "Matrix", "contact_id": app.cast.contact_b}))
        }
        ("PATCH", "/api/v1/cases/{id}") => Some(json!({"priority": "high"})),
        ("POST", "/api/v1/cases/{id}/entries") => Some(json!({"kind": "note", "body": "matrix"})),
        ("POST", "/api/v1/cases/{id}/links") => {
            Some(json!({"other_case_id": other_case, "kind": "related"}))
        }
        ("POST", "/api/v1/cases/{id}/attachments") => Some(json!("bytes")),
        ("POST", "/api/v1/organizations") => Some(json!({"name": format!("Org {unique}")})),
        ("PATCH", "/api/v1/organizations/{id}") => Some(json!({"tier": "silver"})),
        ("POST", "/api/v1/organizations/{id}/expectations") => {
            Some(json!({"kind": "billing", "description": "Sem taxas."}))
        }
        ("POST", "/api/v1/organizations/{id}/responsibilities") => {
            Some(json!({"area": "Rede", "party": "customer", "description": "Cliente."}))
        }
        ("POST", "/api/v1/contacts") => {
            Some(json!({"name": "Matriz", "organization_id": app.cast.org_b}))
        }
        ("PATCH", "/api/v1/contacts/{id}") => Some(json!({"name": "João Silva"})),
        ("POST", "/api/v1/users") => Some(
            json!({"email": format!("{unique}@accord.test"), "name": "Matrix", "role": "agent"}),
        ),
        ("POST", "/api/v1/users/me/password") => Some(json!({
            "current_password": accord_testkit::PASSWORD, "new_password": format!("matrix {unique}")
        })),
        ("POST", "/api/v1/users/{id}/deactivate") | ("POST", "/api/v1/users/{id}/reactivate") => {
            None
        }
        ("POST", "/api/v1/users/{id}/tokens") => Some(json!({"name": "matrix"})),
        ("DELETE", "/api/v1/tokens/{id}") => None,
        ("POST", "/api/v1/teams") => {
            Some(json!({"name": format!("Team {unique}"), "kind": "team"}))
        }
        ("POST", "/api/v1/policies/check") => Some(json!({"source": POLICY})),
        ("POST", "/api/v1/policies") | ("PUT", "/api/v1/policies/{number}") => {
            Some(json!({"source": POLICY.to_owned() + SURVEY, "briefing": "Matrix"}))
        }
        ("POST", "/api/v1/policies/{number}/publish") => {
            Some(json!({"effective_at": jiff::Timestamp::now().to_string()}))
        }
        ("POST", "/api/v1/policies/{number}/acknowledge") => None,
        ("POST", "/api/v1/cases/{id}/remedies") => {
            Some(json!({"remedy": "credit", "amount": 10, "reason": "Matrix"}))
        }
        ("POST", "/api/v1/approvals/{id}") => Some(json!({"approve": true})),
        // Each role acknowledges a new case of its own (see below).
        ("POST", "/api/v1/cases/{id}/acknowledgement") => None,
        ("POST", "/api/v1/notifications/{id}/read") | ("POST", "/api/v1/notifications/read") => {
            None
        }
        ("POST", "/api/v1/mail/held/{id}") => Some(json!({"action": "set_aside"})),
        ("PUT", "/api/v1/cases/{id}/understanding") => Some(
            json!({"problem": "Falta uma peça.", "nature": "technical", "responsible": "company"}),
        ),
        ("POST", "/api/v1/cases/{id}/agreements") => Some(json!({
            "problem": "Falta uma peça.", "outcome": "Enviamos a peça.", "indicators": ["A peça chega."],
            "deadline": (jiff::Timestamp::now() + jiff::SignedDuration::from_hours(48)).to_string()
        })),
        ("POST", "/api/v1/agreements/{id}/answer") => Some(json!({"accept": true})),
        ("POST", "/api/v1/cases/{id}/resolution") => Some(json!({
            "cause": "A transportadora deixou a caixa no armazém errado em Braga.",
            "fix": "Enviámos outra caixa hoje por correio expresso.",
            "prevention": "As entregas em Braga passam a ter confirmação por telefone.",
            "apology": "Lamentamos a espera.", "thanks": "Obrigado pela paciência."
        })),
        ("POST", "/api/v1/milestones/{id}/reached") => Some(json!({"note": "Feito."})),
        ("POST", "/api/v1/contract-reviews/{id}/done") => None,
        ("POST", "/api/v1/survey-requests/{id}/answer") => Some(json!({"scores": {"csat": 4}})),
        ("POST", "/api/v1/surveys/{id}/send") => Some(json!({"organization_id": app.cast.org_b})),
        (m, p) => panic!(
            "no request body defined for {m} {p}: add the new route to the authorization matrix"
        ),
    }
}

db_test!(async fn every_route_every_role_no_leak_no_500(db) {
    let app = TestApp::new(db).await;
    // Objects of organization B, which customer A must never reach.
    let case_b = app.case_for(app.cast.contact_b, "Segredo da Beta").await["id"].as_str().unwrap().to_owned();
    let other_b = app.case_for(app.cast.contact_b, "Outro da Beta").await["id"].as_str().unwrap().to_owned();
    let attachment = app
        .raw("agent", Method::POST, &format!("/api/v1/cases/{case_b}/attachments?filename=b.txt"), "text/plain", b"beta".to_vec(), &[])
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // A published policy version (to read and acknowledge) and a draft (to edit and publish).
    let draft = |source: &str| {
        let source = source.to_owned();
        let app = &app;
        async move {
        let reply = app.api("admin", Method::POST, "/api/v1/policies", Some(json!({"source": source}))).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        reply.json()["version"]["number"].as_i64().unwrap()
        }
    };
    // Its review date has passed, so the administrators get a reminder to mark read.
    let published = draft(&(POLICY.replace("2030-01-31", "2026-01-31") + SURVEY)).await;
    let reply = app.api("admin", Method::POST, &format!("/api/v1/policies/{published}/publish"), Some(json!({"effective_at": jiff::Timestamp::now().to_string()}))).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let draft_number = draft(&(POLICY.to_owned() + SURVEY)).await;
    app.db.store.run_due_timers("matrix", jiff::Timestamp::now).await.unwrap();
    let admin = app.cast.admin.clone();
    let notification = app.db.store.list_notifications(&admin, true, 1).await.unwrap()[0].id.to_string();
    // A remedy above the agent's limit, waiting for approval (case B now runs under the policy).
    let request = app.api("agent", Method::POST, &format!("/api/v1/cases/{case_b}/remedies"), Some(json!({"remedy": "credit", "amount": 200, "reason": "Atraso de duas semanas"}))).await;
    assert_eq!(request.status, StatusCode::CREATED, "{}", request.text);
    let grant = request.json()["id"].as_str().unwrap().to_owned();
    // A message the email channel held (automatic mail that answers no case).
    let received = accord_store::mail::ReceivedMail {
        raw: b"From: news@shop.example\r\nSubject: Oferta\r\n\r\nDescontos\r\n",
        source: accord_store::mail::MailSource::Smtp,
        mailbox: None,
        envelope_from: None,
        envelope_to: &[],
        message_id: None,
        dedupe_key: "matrix",
        peer: None,
        helo: None,
    };
    let held = app.db.store.receive_mail(&received, jiff::Timestamp::now()).await.unwrap().id;
    let mail = accord_core::mail::InboundMail {
        from: Some(accord_core::mail::Mailbox { email: "news@shop.example".into(), name: None }),
        subject: "Oferta".into(),
        text: "Descontos".into(),
        automatic: Some(accord_core::mail::Automatic::List),
        ..Default::default()
    };
    let filed = app.db.store.file_mail(held, &mail, &accord_store::mail::MailRoute::default(), jiff::Timestamp::now()).await.unwrap();
    assert!(matches!(filed, accord_store::mail::Filed::Held { .. }));
    let held = held.to_string();
    // An accepted agreement on case B, with a milestone and a contract change to review.
    let draft = accord_core::agreement::AgreementDraft {
        problem: "Falta uma peça.".into(),
        outcome: "Enviamos a peça.".into(),
        indicators: vec!["A peça chega.".into()],
        deadline: jiff::Timestamp::now() + jiff::SignedDuration::from_hours(48),
        milestones: vec![accord_core::agreement::MilestoneDraft { title: "Peça expedida".into(), owner_id: app.cast.agent.user_id, due_at: jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24), third_party: None }],
        contract_changes: vec!["Prazo de entrega de 48 horas.".into()],
    };
    let b_case = accord_core::ids::CaseId(case_b.parse().unwrap());
    let (agreement, _) = app.db.store.propose_agreement(&app.cast.agent, b_case, draft, "http://accord.test", jiff::Timestamp::now()).await.unwrap();
    app.db.store.answer_agreement(accord_store::agreements::Answerer::Link, agreement.id, accord_core::agreement::Reply::Accept, jiff::Timestamp::now()).await.unwrap();
    let milestone = agreement.milestones[0].id.to_string();
    let review = app.db.store.contract_reviews(&app.cast.supervisor, true).await.unwrap()[0].id.to_string();
    let agreement = agreement.id.to_string();
    // A survey sent to contact B.
    let to_b = accord_store::survey_results::SendSurvey { organization_id: Some(app.cast.org_b) };
    let sent = app.db.store.send_survey(&app.cast.supervisor, "pulse", &to_b, jiff::Timestamp::now()).await.unwrap();
    assert_eq!(sent.sent, 1);
    let customer_b = app.cast.customer_b.clone();
    let survey_request = app.db.store.my_surveys(&customer_b).await.unwrap()[0].id.to_string();
    let survey_name = "pulse".to_owned();
    // Customer A's own organization, with what the company records about it for itself:
    // A may read the organization, never these.
    let internal = json!({"tier": "gold", "annual_revenue_minor": 4200000, "currency": "EUR", "billing_notes": "Nota interna: desconto de 12%", "contract_ref": "CTR-INTERNO-2291", "account_manager_id": app.cast.agent.user_id});
    let reply = app.api("admin", Method::PATCH, &format!("/api/v1/organizations/{}", app.cast.org_a), Some(internal)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let reply = app.api("admin", Method::POST, &format!("/api/v1/organizations/{}/expectations", app.cast.org_a), Some(json!({"kind": "support", "description": "Promessa de venda: linha direta"}))).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let mut secrets = vec!["Falta uma peça".to_owned(), case_b.clone(), app.cast.org_b.to_string(), app.cast.contact_b.to_string(), "Segredo da Beta".into(), "Beta Ltda".into(), "João Silva".into()];
    secrets.extend(["Nota interna", "CTR-INTERNO", "Promessa de venda", "\"tier\"", "\"annual_revenue_minor\"", "\"billing_notes\"", "\"contract_ref\"", "\"account_manager_id\"", "\"account_manager_name\"", "\"expectations\""].map(str::to_owned));

    // A user of organization B to deactivate, reactivate and issue tokens for (routes in
    // alphabetical order: reactivated before their tokens are listed and issued), and a token
    // of theirs to revoke.
    let user_b = app.cast.customer_b.user_id.to_string();
    let matrix_token = accord_store::auth::NewToken { name: "matrix".into(), expires_at: None };
    let token_b = app.db.store.issue_token(None, app.cast.customer_b.user_id, &matrix_token, jiff::Timestamp::now()).await.unwrap().0.id.to_string();

    let (_, openapi) = accord_web::api_parts();
    let doc = serde_json::to_value(&openapi).unwrap();
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 15, "the document lists too few paths");
    let mut checked = 0;
    let mut undocumented = Vec::new();
    for (template, operations) in paths {
        let id = if template.starts_with("/api/v1/cases/") {
            &case_b
        } else if template.starts_with("/api/v1/organizations/") {
            &app.cast.org_b.to_string()
        } else if template.starts_with("/api/v1/contacts/") {
            &app.cast.contact_b.to_string()
        } else if template.starts_with("/api/v1/approvals/") {
            &grant
        } else if template.starts_with("/api/v1/notifications/") {
            &notification
        } else if template.starts_with("/api/v1/mail/") {
            &held
        } else if template.starts_with("/api/v1/agreements/") {
            &agreement
        } else if template.starts_with("/api/v1/milestones/") {
            &milestone
        } else if template.starts_with("/api/v1/contract-reviews/") {
            &review
        } else if template.starts_with("/api/v1/survey-requests/") {
            &survey_request
        } else if template.starts_with("/api/v1/users/") {
            &user_b
        } else if template.starts_with("/api/v1/tokens/") {
            &token_b
        } else if template.starts_with("/api/v1/surveys/") {
            &survey_name
        } else {
            &attachment
        };
        let version = if template.ends_with("/acknowledge") || template.ends_with("/acknowledgements") { published } else { draft_number };
        let plain_path = template.replace("{id}", id).replace("{number}", &version.to_string());
        for method_name in ["get", "post", "patch", "put", "delete"] {
            let method = Method::from_bytes(method_name.to_uppercase().as_bytes()).unwrap();
            // An upload names its file; the list of attachments takes only page parameters.
            let path = if template.ends_with("/attachments") && method_name == "post" {
                format!("{plain_path}?filename=matrix.txt")
            } else {
                plain_path.clone()
            };
            if operations.get(method_name).is_none() {
                // The router must not answer a method the document does not describe.
                let reply = app.api("admin", method.clone(), &path, None).await;
                assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {template} is answered but not documented");
                continue;
            }
            let body = body_for(&method, template, &app, &other_b);
            let anonymous = app.api("", method.clone(), &path, body.clone()).await;
            assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED, "{method} {template} without a token");
            for role in ROLES {
                // A case is acknowledged once: each role tries a new case of organization B.
                let path = if template.ends_with("/acknowledgement") && method == Method::POST {
                    let fresh = app.case_for(app.cast.contact_b, "Beta nova").await["id"].as_str().unwrap().to_owned();
                    path.replace(&case_b, &fresh)
                } else {
                    path.clone()
                };
                let reply = match (&body, template.ends_with("/attachments") && method == Method::POST) {
                    (_, true) => app.raw(role, method.clone(), &path, "text/plain", b"matrix".to_vec(), &[]).await,
                    (body, false) => app.api(role, method.clone(), &path, body.clone()).await,
                };
                checked += 1;
                assert!(reply.status.as_u16() < 500, "{role} {method} {template}: {} {}", reply.status, reply.text);
                // Every answer, for every role, is one the document lists for the operation.
                if operations[method_name]["responses"].get(reply.status.as_str()).is_none() {
                    undocumented.push(format!("{role} {method} {template}: {} {}", reply.status, reply.text));
                }
                assert_ne!(reply.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {template} is documented but not routed");
                if reply.status == StatusCode::NOT_FOUND {
                    assert!(!reply.text.contains("no_such_route"), "{method} {template} is documented but not routed");
                }
                match role {
                    "admin" => assert!(reply.status.is_success(), "admin {method} {template}: {} {}", reply.status, reply.text),
                    "customer_a"
                        if reply.status.is_success() => {
                            for secret in &secrets {
                                assert!(!reply.text.contains(secret.as_str()), "customer A saw {secret} through {method} {template}: {}", reply.text);
                            }
                        }
                    _ => {}
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} requests were checked");
    assert!(undocumented.is_empty(), "answers the document does not list:\n{}", undocumented.join("\n"));
});

db_test!(async fn customers_are_confined_to_their_organization(db) {
    let app = TestApp::new(db).await;
    let case_b = app.case_for(app.cast.contact_b, "Beta only").await["id"].as_str().unwrap().to_owned();
    let own = app.api("customer_a", Method::POST, "/api/v1/cases", Some(json!({"subject": "Mana problēma", "body": "Nedarbojas printeris."}))).await;
    assert_eq!(own.status, StatusCode::CREATED, "{}", own.text);
    assert_eq!(own.json()["contact_id"], json!(app.cast.contact_a));
    assert_eq!(own.json()["channel"], "web");
    for path in [format!("/api/v1/cases/{case_b}"), format!("/api/v1/cases/{case_b}/entries"), format!("/api/v1/organizations/{}", app.cast.org_b), format!("/api/v1/contacts/{}", app.cast.contact_b)] {
        assert_eq!(app.api("customer_a", Method::GET, &path, None).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    let listed = app.api("customer_a", Method::GET, &format!("/api/v1/cases?organization={}", app.cast.org_b), None).await.json();
    assert!(listed["items"].as_array().unwrap().is_empty());
    let note = app.api("customer_a", Method::POST, &format!("/api/v1/cases/{}/entries", own.json()["id"].as_str().unwrap()), Some(json!({"kind": "note", "body": "x"}))).await;
    assert_eq!(note.status, StatusCode::FORBIDDEN);
    let patch = app.api("customer_a", Method::PATCH, &format!("/api/v1/cases/{}", own.json()["id"].as_str().unwrap()), Some(json!({"status": "resolved"}))).await;
    assert_eq!(patch.status, StatusCode::FORBIDDEN);
});

/// What the company records about an account for itself, by field.
const INTERNAL_FIELDS: [&str; 10] = [
    "tier",
    "annual_revenue_minor",
    "currency",
    "customer_since",
    "account_manager_id",
    "account_manager_name",
    "billing_notes",
    "contract_ref",
    "expectations",
    "responsibilities",
];

/// A list's items, whether it comes as an array or as a page of `items`.
fn items(list: &Value) -> &[Value] {
    list.get("items")
        .unwrap_or(list)
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// Every object in `value`, however deeply nested.
fn objects(value: &Value) -> Vec<&serde_json::Map<String, Value>> {
    match value {
        Value::Object(map) => std::iter::once(map)
            .chain(map.values().flat_map(objects))
            .collect(),
        Value::Array(items) => items.iter().flat_map(objects).collect(),
        _ => Vec::new(),
    }
}

db_test!(async fn customers_get_the_customer_view_of_their_organization_and_staff_the_record(db) {
    let app = TestApp::new(db).await;
    let org_a = app.cast.org_a;
    let internal = json!({"tier": "platinum", "annual_revenue_minor": 9900000, "currency": "EUR", "customer_since": "2019-03-01", "billing_notes": "Fatura trimestral, desconto interno", "contract_ref": "LV-2019-0042", "account_manager_id": app.cast.agent.user_id});
    assert_eq!(app.api("admin", Method::PATCH, &format!("/api/v1/organizations/{org_a}"), Some(internal)).await.status, StatusCode::OK);
    let promise = json!({"kind": "billing", "description": "Pārdevējs apsolīja bez maksas"});
    assert_eq!(app.api("admin", Method::POST, &format!("/api/v1/organizations/{org_a}/expectations"), Some(promise)).await.status, StatusCode::CREATED);
    let duty = json!({"area": "Tīkls", "party": "customer", "description": "Klients uztur tīklu"});
    assert_eq!(app.api("admin", Method::POST, &format!("/api/v1/organizations/{org_a}/responsibilities"), Some(duty)).await.status, StatusCode::CREATED);
    let case = app.case_for(app.cast.contact_a, "Rēķins divreiz").await["id"].as_str().unwrap().to_owned();
    let secrets = ["desconto interno", "LV-2019-0042", "9900000", "platinum", "2019-03-01", "Jānis Aģents", "bez maksas", "uztur tīklu"];

    // Everything customer A reads about their organization, directly or nested.
    let paths = [
        "/api/v1/organizations".to_owned(),
        format!("/api/v1/organizations/{org_a}"),
        format!("/api/v1/organizations/{org_a}/account"),
        "/api/v1/contacts".to_owned(),
        format!("/api/v1/contacts/{}", app.cast.contact_a),
        "/api/v1/cases".to_owned(),
        format!("/api/v1/cases/{case}"),
        format!("/api/v1/cases/{case}/entries"),
        "/api/v1/users/me".to_owned(),
    ];
    for path in &paths {
        let reply = app.api("customer_a", Method::GET, path, None).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.text);
        for secret in secrets {
            assert!(!reply.text.contains(secret), "customer A saw {secret} through {path}: {}", reply.text);
        }
        for object in objects(&reply.json()) {
            for field in INTERNAL_FIELDS {
                assert!(!object.contains_key(field), "customer A got {field} through {path}: {}", reply.text);
            }
        }
    }
    // What a customer may know: the organization's name, its people and addresses, its cases.
    let own = app.api("customer_a", Method::GET, &format!("/api/v1/organizations/{org_a}"), None).await.json();
    assert_eq!(own, json!({"id": org_a, "name": "Ācme Latvija"}));
    let listed = app.api("customer_a", Method::GET, "/api/v1/organizations", None).await.json();
    assert_eq!(items(&listed), [json!({"id": org_a, "name": "Ācme Latvija"})], "{listed}");
    let account = app.api("customer_a", Method::GET, &format!("/api/v1/organizations/{org_a}/account"), None).await.json();
    assert_eq!(account["organization"], json!({"id": org_a, "name": "Ācme Latvija"}));
    assert_eq!(account["contacts"][0]["name"], "Ilze Kalniņa");
    assert_eq!(account["contacts"][0]["identities"][0]["value"], "ilze@acme.lv");
    assert_eq!((account["open_cases"].as_i64(), account["total_cases"].as_i64()), (Some(1), Some(1)));
    // Another organization stays out of reach, in either view.
    for path in [format!("/api/v1/organizations/{}", app.cast.org_b), format!("/api/v1/organizations/{}/account", app.cast.org_b)] {
        assert_eq!(app.api("customer_a", Method::GET, &path, None).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    // The store itself hands the account record only to staff.
    assert!(app.db.store.get_organization(&app.cast.customer_a, org_a).await.is_err());
    assert!(app.db.store.account(&app.cast.customer_a, org_a).await.is_err());
    assert!(app.db.store.list_organizations(&app.cast.customer_a, 10, 0).await.is_err());

    // Staff still read the whole record.
    for role in ["agent", "supervisor", "admin"] {
        let record = app.api(role, Method::GET, &format!("/api/v1/organizations/{org_a}"), None).await.json();
        assert_eq!((record["tier"].as_str(), record["contract_ref"].as_str()), (Some("platinum"), Some("LV-2019-0042")), "{role}");
        assert_eq!(record["billing_notes"], "Fatura trimestral, desconto interno");
        let account = app.api(role, Method::GET, &format!("/api/v1/organizations/{org_a}/account"), None).await.json();
        assert_eq!(account["organization"]["annual_revenue_minor"], 9900000);
        assert_eq!(account["account_manager_name"], "Jānis Aģents");
        assert_eq!(account["expectations"][0]["description"], "Pārdevējs apsolīja bez maksas");
        assert_eq!(account["responsibilities"][0]["description"], "Klients uztur tīklu");
        let listed = app.api(role, Method::GET, "/api/v1/organizations", None).await.json();
        assert!(!items(&listed).is_empty() && items(&listed).iter().all(|o| o.get("tier").is_some()), "{role}: {listed}");
    }

    // The document says so: a customer view beside the record, with nothing else in it.
    let (_, openapi) = accord_web::api_parts();
    let doc = serde_json::to_value(&openapi).unwrap();
    let schemas = &doc["components"]["schemas"];
    let customer = &schemas["CustomerOrganization"];
    let mut properties: Vec<&str> = customer["properties"].as_object().unwrap().keys().map(String::as_str).collect();
    properties.sort_unstable();
    assert_eq!(properties, ["id", "name"], "{customer}");
    assert_eq!(customer["additionalProperties"], json!(false));
    let customer_account = &schemas["CustomerAccount"];
    assert_eq!(customer_account["additionalProperties"], json!(false));
    for field in INTERNAL_FIELDS {
        assert!(customer_account["properties"].get(field).is_none(), "CustomerAccount documents {field}");
    }
    for (view, record, shown) in [("OrganizationView", "Organization", "CustomerOrganization"), ("AccountView", "Account", "CustomerAccount")] {
        let one_of = schemas[view]["oneOf"].to_string();
        assert!(one_of.contains(&format!("#/components/schemas/{record}\"")) && one_of.contains(&format!("#/components/schemas/{shown}\"")), "{view}: {one_of}");
    }
    let get = &doc["paths"]["/api/v1/organizations/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
    assert_eq!(get["$ref"], "#/components/schemas/OrganizationView", "{get}");
});
