#![allow(clippy::unwrap_used)]
//! Case storage on both engines: lifecycle, events, scopes, idempotency, entries, links.

use accord_core::DomainError;
use accord_core::access::Actor;
use accord_core::case::*;
use accord_core::entry::{EntryKind, NewEntry};
use accord_core::ids::CaseId;
use accord_core::language::Language;
use accord_store::cases::{CaseFilter, Created};
use accord_store::idempotency::{IdempotencyKey, request_fingerprint};
use accord_store::{Store, StoreError};
use accord_testkit::{Cast, db_test, now};

fn new_case(subject: &str, contact: accord_core::ids::ContactId) -> NewCase {
    NewCase {
        subject: subject.into(),
        body: Some("Labdien! Rēķinā ir kļūda.".into()),
        contact_id: Some(contact),
        channel: Some(Channel::Email),
        language: None,
        priority: None,
        category: None,
        tags: vec!["rēķins".into()],
        custom_fields: Default::default(),
        team_id: None,
        assignee_id: None,
    }
}

async fn create(store: &Store, actor: &Actor, new: NewCase) -> Case {
    match store.create_case(actor, new, None, now()).await.unwrap() {
        Created::New(case) => case,
        Created::Replayed { .. } => panic!("not a retry"),
    }
}

fn status(to: CaseStatus) -> CasePatch {
    CasePatch {
        status: Some(to),
        ..CasePatch::default()
    }
}

db_test!(async fn lifecycle_is_enforced_and_recorded(db) {
    let cast = Cast::create(&db.store).await;
    let case = create(&db.store, &cast.agent, new_case("Kļūda rēķinā", cast.contact_a)).await;
    assert_eq!(case.status, CaseStatus::New);
    assert_eq!(case.organization_id, Some(cast.org_a));
    assert!(case.number > 1000);

    for to in [CaseStatus::Acknowledged, CaseStatus::Investigating, CaseStatus::Resolved] {
        db.store.update_case(&cast.agent, case.id, &status(to), now()).await.unwrap();
    }
    // Illegal: resolved -> investigating. Nothing changes, not even the priority in the same patch.
    let bad = CasePatch { status: Some(CaseStatus::Investigating), priority: Some(Priority::Urgent), ..CasePatch::default() };
    let err = db.store.update_case(&cast.agent, case.id, &bad, now()).await.unwrap_err();
    assert!(matches!(err, StoreError::Domain(DomainError::IllegalTransition { .. })), "{err}");
    let stored = db.store.get_case(&cast.agent, case.id).await.unwrap();
    assert_eq!(stored.status, CaseStatus::Resolved);
    assert_eq!(stored.priority, Priority::Normal);

    let reasoned = CasePatch { status: Some(CaseStatus::Closed), reason: Some("cliente confirmó".into()), ..CasePatch::default() };
    db.store.update_case(&cast.supervisor, case.id, &reasoned, now()).await.unwrap();
    let events = db.store.list_events(&cast.agent, case.id).await.unwrap();
    let statuses: Vec<_> = events
        .iter()
        .filter_map(|e| match e.change { Change::Status { to, .. } => Some(to), _ => None })
        .collect();
    assert_eq!(statuses, vec![CaseStatus::Acknowledged, CaseStatus::Investigating, CaseStatus::Resolved, CaseStatus::Closed]);
    let last = events.last().unwrap();
    assert_eq!(last.actor_user_id, Some(cast.supervisor.user_id));
    assert_eq!(last.reason.as_deref(), Some("cliente confirmó"));
    assert!(matches!(events[0].change, Change::Created));
});

db_test!(async fn assignment_and_tags_are_validated_and_filterable(db) {
    let cast = Cast::create(&db.store).await;
    let case = create(&db.store, &cast.agent, new_case("Entrega atrasada", cast.contact_b)).await;
    // A customer cannot be an assignee.
    let bad = CasePatch { assignee_id: Some(Some(cast.customer_a.user_id)), ..CasePatch::default() };
    let err = db.store.update_case(&cast.agent, case.id, &bad, now()).await.unwrap_err();
    assert!(err.to_string().contains("assignee_id"), "{err}");

    let patch = CasePatch {
        team_id: Some(Some(cast.team)),
        assignee_id: Some(Some(cast.agent.user_id)),
        add_tags: vec!["entrega".into()],
        remove_tags: vec!["rēķins".into()],
        ..CasePatch::default()
    };
    let (updated, changes) = db.store.update_case(&cast.agent, case.id, &patch, now()).await.unwrap();
    assert_eq!(updated.tags, vec!["entrega".to_string()]);
    assert_eq!(changes.len(), 4);

    let mine = CaseFilter { assignee: Some(Some(cast.agent.user_id)), limit: 50, ..CaseFilter::default() };
    assert_eq!(db.store.list_cases(&cast.agent, &mine).await.unwrap().len(), 1);
    let unassigned = CaseFilter { assignee: Some(None), limit: 50, ..CaseFilter::default() };
    assert!(db.store.list_cases(&cast.agent, &unassigned).await.unwrap().is_empty());
    let tagged = CaseFilter { tag: Some("entrega".into()), limit: 50, ..CaseFilter::default() };
    assert_eq!(db.store.list_cases(&cast.agent, &tagged).await.unwrap().len(), 1);
    let old_tag = CaseFilter { tag: Some("rēķins".into()), limit: 50, ..CaseFilter::default() };
    assert!(db.store.list_cases(&cast.agent, &old_tag).await.unwrap().is_empty());
    let my_teams = CaseFilter { teams_of: Some(cast.agent.user_id), limit: 50, ..CaseFilter::default() };
    assert_eq!(db.store.list_cases(&cast.agent, &my_teams).await.unwrap().len(), 1);
});

db_test!(async fn customers_see_only_their_organization(db) {
    let cast = Cast::create(&db.store).await;
    let a = create(&db.store, &cast.agent, new_case("Ācme jautājums", cast.contact_a)).await;
    let b = create(&db.store, &cast.agent, new_case("Pergunta da Beta", cast.contact_b)).await;
    let all = CaseFilter { limit: 50, ..CaseFilter::default() };

    let seen_by_a = db.store.list_cases(&cast.customer_a, &all).await.unwrap();
    assert_eq!(seen_by_a.iter().map(|c| c.id).collect::<Vec<_>>(), vec![a.id]);
    // Even a filter naming the other organization returns nothing.
    let other = CaseFilter { organization: Some(cast.org_b), limit: 50, ..CaseFilter::default() };
    assert!(db.store.list_cases(&cast.customer_a, &other).await.unwrap().is_empty());
    for result in [
        db.store.get_case(&cast.customer_a, b.id).await,
        db.store.get_case_by_number(&cast.customer_a, b.number).await,
    ] {
        assert!(matches!(result, Err(StoreError::Domain(DomainError::NotFound("case")))));
    }
    assert!(db.store.list_entries(&cast.customer_a, b.id).await.is_err());
    let note = NewEntry { kind: EntryKind::Inbound, body: "Sveiki".into(), channel: None, department_id: None, answers_entry_id: None };
    assert!(db.store.add_entry(&cast.customer_a, b.id, &note, now()).await.is_err());
    assert_eq!(db.store.list_entries(&cast.customer_b, b.id).await.unwrap().len(), 1);
    // A customer cannot open a case for another organization's contact.
    let err = db.store.create_case(&cast.customer_a, new_case("x", cast.contact_b), None, now()).await.unwrap_err();
    assert!(err.to_string().contains("contact_id"), "{err}");
    let contacts = db.store.list_contacts(&cast.customer_a, None, 100, 0).await.unwrap();
    assert!(contacts.iter().all(|c| c.organization_id == Some(cast.org_a)));
    assert!(db.store.get_organization(&cast.customer_a, cast.org_b).await.is_err());
});

db_test!(async fn idempotent_retry_creates_one_case(db) {
    let cast = Cast::create(&db.store).await;
    let key = IdempotencyKey { key: "retry-1".into(), fingerprint: request_fingerprint("POST", "/api/v1/cases", b"{}") };
    let first = db.store.create_case(&cast.agent, new_case("Una vez", cast.contact_a), Some(&key), now()).await.unwrap();
    let Created::New(case) = first else { panic!("first is new") };
    let again = db.store.create_case(&cast.agent, new_case("Una vez", cast.contact_a), Some(&key), now()).await.unwrap();
    match again {
        Created::Replayed { status, body } => {
            assert_eq!(status, 201);
            assert!(body.contains(&case.id.to_string()));
        }
        Created::New(_) => panic!("retry created a second case"),
    }
    let other = IdempotencyKey { key: "retry-1".into(), fingerprint: request_fingerprint("POST", "/api/v1/cases", b"{\"x\":1}") };
    assert!(db.store.create_case(&cast.agent, new_case("Otra", cast.contact_a), Some(&other), now()).await.is_err());
    let all = db.store.list_cases(&cast.agent, &CaseFilter { limit: 50, ..CaseFilter::default() }).await.unwrap();
    assert_eq!(all.len(), 1);
});

db_test!(async fn concurrent_retries_with_one_key_create_one_case(db) {
    let cast = Cast::create(&db.store).await;
    let key = IdempotencyKey { key: "parallel".into(), fingerprint: request_fingerprint("POST", "/api/v1/cases", b"same") };
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (store, actor, key, new) = (db.store.clone(), cast.agent.clone(), key.clone(), new_case("Paralelo", cast.contact_a));
        tasks.push(tokio::spawn(async move { store.create_case(&actor, new, Some(&key), now()).await }));
    }
    let mut created = 0;
    for t in tasks {
        if let Created::New(_) = t.await.unwrap().unwrap() {
            created += 1;
        }
    }
    assert_eq!(created, 1);
    let all = db.store.list_cases(&cast.agent, &CaseFilter { limit: 50, ..CaseFilter::default() }).await.unwrap();
    assert_eq!(all.len(), 1);
});

db_test!(async fn conversation_keeps_internal_entries_internal(db) {
    let cast = Cast::create(&db.store).await;
    let case = create(&db.store, &cast.agent, new_case("Fatura em dobro", cast.contact_b)).await;
    let entry = |kind, body: &str| NewEntry { kind, body: body.into(), channel: None, department_id: None, answers_entry_id: None };
    db.store.add_entry(&cast.agent, case.id, &entry(EntryKind::Outbound, "Olá João, estamos a verificar."), now()).await.unwrap();
    db.store.add_entry(&cast.agent, case.id, &entry(EntryKind::Note, "Cliente antigo, tratar com cuidado."), now()).await.unwrap();
    let mut question = entry(EntryKind::ConsultQuestion, "¿Se cobró dos veces la factura 42?");
    question.department_id = Some(cast.department);
    let q = db.store.add_entry(&cast.agent, case.id, &question, now()).await.unwrap();
    let mut answer = entry(EntryKind::ConsultAnswer, "Sí, reembolso en curso.");
    answer.answers_entry_id = Some(q.id);
    db.store.add_entry(&cast.supervisor, case.id, &answer, now()).await.unwrap();
    // An answer must point at a consult question of this case.
    let mut wrong = entry(EntryKind::ConsultAnswer, "?");
    wrong.answers_entry_id = Some(accord_core::ids::EntryId::new());
    assert!(db.store.add_entry(&cast.agent, case.id, &wrong, now()).await.is_err());
    // Customers can neither write internal entries nor speak for the company.
    assert!(db.store.add_entry(&cast.customer_b, case.id, &entry(EntryKind::Note, "x"), now()).await.is_err());
    assert!(db.store.add_entry(&cast.customer_b, case.id, &entry(EntryKind::Outbound, "x"), now()).await.is_err());
    db.store.add_entry(&cast.customer_b, case.id, &entry(EntryKind::Inbound, "Obrigado!"), now()).await.unwrap();

    let staff_view: Vec<_> = db.store.list_entries(&cast.agent, case.id).await.unwrap().iter().map(|e| e.kind).collect();
    assert_eq!(staff_view, vec![EntryKind::Inbound, EntryKind::Outbound, EntryKind::Note, EntryKind::ConsultQuestion, EntryKind::ConsultAnswer, EntryKind::Inbound]);
    let customer_view = db.store.list_entries(&cast.customer_b, case.id).await.unwrap();
    assert_eq!(customer_view.len(), 3);
    assert!(customer_view.iter().all(|e| e.kind.is_public()));
    assert_eq!(customer_view[2].author_contact_id, Some(cast.contact_b));
    assert!(db.store.list_events(&cast.customer_b, case.id).await.is_err());
});

db_test!(async fn links_are_visible_from_both_cases(db) {
    let cast = Cast::create(&db.store).await;
    let first = create(&db.store, &cast.agent, new_case("Internet down", cast.contact_a)).await;
    let second = create(&db.store, &cast.agent, new_case("Internet still down", cast.contact_a)).await;
    db.store.link_cases(&cast.agent, second.id, first.id, LinkKind::DuplicateOf, now()).await.unwrap();
    db.store.link_cases(&cast.agent, second.id, first.id, LinkKind::DuplicateOf, now()).await.unwrap();
    assert!(db.store.link_cases(&cast.agent, first.id, first.id, LinkKind::Related, now()).await.is_err());
    assert!(db.store.link_cases(&cast.agent, first.id, CaseId::new(), LinkKind::Related, now()).await.is_err());
    let from_second = db.store.list_links(&cast.agent, second.id).await.unwrap();
    assert_eq!(from_second.len(), 1);
    assert!(!from_second[0].incoming);
    let from_first = db.store.list_links(&cast.agent, first.id).await.unwrap();
    assert_eq!(from_first.len(), 1);
    assert!(from_first[0].incoming);
    assert_eq!(from_first[0].other_number, second.number);
});

db_test!(async fn language_defaults_to_the_contact_preference(db) {
    let cast = Cast::create(&db.store).await;
    let input = accord_core::people::ContactInput { preferred_language: Some(Language::Lv), ..Default::default() };
    db.store.update_contact(&cast.agent, cast.contact_a, input, now()).await.unwrap();
    let case = create(&db.store, &cast.agent, new_case("Valoda", cast.contact_a)).await;
    assert_eq!(case.language, Language::Lv);
    let mut explicit = new_case("Idioma", cast.contact_a);
    explicit.language = Some(Language::Es);
    assert_eq!(create(&db.store, &cast.agent, explicit).await.language, Language::Es);
});

db_test!(async fn audit_log_records_actions_and_refuses_edits(db) {
    let cast = Cast::create(&db.store).await;
    let case = create(&db.store, &cast.agent, new_case("Audit", cast.contact_a)).await;
    db.store.update_case(&cast.agent, case.id, &status(CaseStatus::Acknowledged), now()).await.unwrap();
    let log = db.store.audit_log(&cast.admin, 100).await.unwrap();
    let actions: Vec<_> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(&actions[..2], &["case.update", "case.create"]);
    assert_eq!(log[0].actor_user_id, Some(cast.agent.user_id.0));
    assert!(db.store.audit_log(&cast.agent, 10).await.is_err());
    assert!(db.execute_raw("UPDATE audit_log SET action = 'nothing'").await.is_err(), "audit log accepted an UPDATE");
    assert!(db.execute_raw("DELETE FROM audit_log").await.is_err(), "audit log accepted a DELETE");
    assert_eq!(db.store.audit_log(&cast.admin, 100).await.unwrap().len(), log.len());
});
