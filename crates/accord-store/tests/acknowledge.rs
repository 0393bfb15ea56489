#![allow(clippy::unwrap_used)]
//! The acknowledgement of a new case (PRODUCT.md A4), on both engines: in the customer's
//! language, promising the next update that the reply starts as a clock; sent with one
//! click by staff, or by Accord when the policy says so.

use accord_core::case::{CaseStatus, NewCase};
use accord_core::clock::{ClockKind, ClockState};
use accord_core::entry::EntryKind;
use accord_core::language::Language;
use accord_store::Store;
use accord_store::cases::Created;
use accord_testkit::{Cast, db_test, riga};

/// Email answered within 2 working hours with an update every 4, Monday to Friday 9–17 in
/// Riga (the clocks test's policy).
const POLICY: &str = include_str!("riga-email-policy.toml");

async fn publish(store: &Store, cast: &Cast, acknowledge: &str) {
    let line = format!("resolution = \"16h\"\nacknowledge = \"{acknowledge}\"\n");
    let text = POLICY.replacen("resolution = \"16h\"\n", &line, 1);
    assert_ne!(text, POLICY);
    let at = riga(23, 8, 0);
    let (draft, findings) = store
        .create_policy_draft(&cast.supervisor, &text, "Acknowledgements.", at)
        .await
        .unwrap();
    assert!(findings.is_empty(), "{findings:?}");
    store
        .publish_policy(&cast.supervisor, draft.number, at, &[], at)
        .await
        .unwrap();
}

async fn open(
    store: &Store,
    cast: &Cast,
    language: Language,
    subject: &str,
    body: &str,
) -> accord_core::case::Case {
    let new = NewCase {
        language: Some(language),
        body: Some(body.into()),
        ..accord_testkit::email_case(subject, cast.contact_a)
    };
    match store
        .create_case(&cast.agent, new, None, riga(23, 9, 0))
        .await
        .unwrap()
    {
        Created::New(case) => case,
        Created::Replayed { .. } => panic!("not a retry"),
    }
}

db_test!(async fn one_click_acknowledgement_promises_the_next_update_in_the_customers_language(db) {
    let cast = Cast::create(&db.store).await;
    let (store, agent) = (&db.store, &cast.agent);
    publish(store, &cast, "agent").await;
    let cases = [
        (Language::Es, "Pedido sin entregar", "Hola, el pedido 1182 no ha llegado.", "Su mensaje es importante para nosotros", "23/11/2026 14:00"),
        (Language::Pt, "Encomenda por entregar", "Olá, a encomenda 1182 ainda não chegou.", "A sua mensagem é importante para nós", "23/11/2026 14:00"),
        (Language::Lv, "Pasūtījums nav piegādāts", "Labdien, pasūtījums 1182 vēl nav atnācis.", "Jūsu ziņojums mums ir svarīgs", "23.11.2026. 14:00"),
        (Language::En, "Order not delivered", "Hello, order 1182 has not arrived.", "Your message matters to us", "Nov 23, 2026 14:00"),
    ];
    for (language, subject, body, phrase, promised) in cases {
        let case = open(store, &cast, language, subject, body).await;
        assert_eq!(case.status, CaseStatus::New, "the policy leaves it to an agent");
        // Sent at Monday 10:00: the next update is due 4 working hours later.
        let at = riga(23, 10, 0);
        let preview = store.acknowledgement_preview(agent, case.id, at).await.unwrap();
        assert_eq!(preview.next_update_by, Some(riga(23, 14, 0)));
        assert!(preview.body.contains(phrase), "{language:?}: {}", preview.body);
        assert!(preview.body.contains(promised), "{language:?}: {}", preview.body);
        assert!(preview.body.contains("Europe/Riga") && preview.body.contains(subject));
        // The policy's explanation is there only in the languages it is written in.
        assert_eq!(
            preview.body.contains("We answer email within two working hours."),
            language == Language::En
        );

        let entry = store.acknowledge_case(agent, case.id, at).await.unwrap();
        assert_eq!((entry.kind, entry.body.as_str()), (EntryKind::Outbound, preview.body.as_str()));
        let now = store.get_case(agent, case.id).await.unwrap();
        assert_eq!(now.status, CaseStatus::Acknowledged);
        // The acknowledgement is the first response; its promise is a clock someone owns.
        let clocks = store.case_clocks(agent, case.id, at).await.unwrap();
        let first = clocks.iter().find(|c| c.kind == ClockKind::FirstResponse).unwrap();
        assert_eq!((first.state, first.met_in_time), (ClockState::Met, Some(true)));
        let promise = clocks.iter().find(|c| c.kind == ClockKind::NextUpdate).unwrap();
        assert_eq!((promise.state, promise.due_at), (ClockState::Running, Some(riga(23, 14, 0))));

        // Once only; and never by a customer.
        assert!(store.acknowledge_case(agent, case.id, at).await.is_err());
        let events = store.list_events(agent, case.id).await.unwrap();
        assert_eq!(events.iter().filter(|e| e.change.kind() == "entry_added").count(), 2);
    }
    let other = open(store, &cast, Language::Lv, "Rēķins", "Labdien!").await;
    assert!(store.acknowledge_case(&cast.customer_a, other.id, riga(23, 10, 0)).await.is_err());
    assert!(store.acknowledgement_preview(&cast.customer_a, other.id, riga(23, 10, 0)).await.is_err());
    assert_eq!(store.get_case(agent, other.id).await.unwrap().status, CaseStatus::New);
});

db_test!(async fn the_policy_acknowledges_new_cases_itself_when_it_says_auto(db) {
    let cast = Cast::create(&db.store).await;
    let (store, agent) = (&db.store, &cast.agent);
    publish(store, &cast, "auto").await;
    let case = open(store, &cast, Language::Pt, "Fatura errada", "Bom dia, a fatura de outubro está errada.").await;
    assert_eq!(case.status, CaseStatus::Acknowledged, "the returned case is as stored");
    let entries = store.list_entries(agent, case.id).await.unwrap();
    let kinds: Vec<_> = entries.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, vec![EntryKind::Inbound, EntryKind::Outbound]);
    let ack = &entries[1];
    assert_eq!(ack.author_user_id, None, "sent by Accord under the policy");
    assert!(ack.body.contains("A sua mensagem é importante para nós"), "{}", ack.body);
    // Opened Monday 9:00: the promise is 13:00.
    assert!(ack.body.contains("23/11/2026 13:00"), "{}", ack.body);
    let clocks = store.case_clocks(agent, case.id, riga(23, 9, 1)).await.unwrap();
    let promise = clocks.iter().find(|c| c.kind == ClockKind::NextUpdate).unwrap();
    assert_eq!(promise.due_at, Some(riga(23, 13, 0)));
    assert_eq!(store.get_case(agent, case.id).await.unwrap().status, CaseStatus::Acknowledged);
});

db_test!(async fn an_agents_own_first_reply_acknowledges_a_new_case_too(db) {
    let cast = Cast::create(&db.store).await;
    let (store, agent) = (&db.store, &cast.agent);
    publish(store, &cast, "agent").await;
    let case = open(store, &cast, Language::Es, "Factura duplicada", "Me han cobrado dos veces.").await;
    let reply = accord_core::entry::NewEntry {
        kind: EntryKind::Outbound,
        body: "Hola, ya hemos pedido la devolución del segundo cargo.".into(),
        channel: None,
        department_id: None,
        answers_entry_id: None,
    };
    store.add_entry(agent, case.id, &reply, riga(23, 10, 0)).await.unwrap();
    let now = store.get_case(agent, case.id).await.unwrap();
    assert_eq!(now.status, CaseStatus::Acknowledged, "answered, so no longer new");
    // Nothing left to acknowledge: the one-click acknowledgement is refused.
    assert!(store.acknowledge_case(agent, case.id, riga(23, 10, 5)).await.is_err());
    // A note is not an answer.
    let second = open(store, &cast, Language::Es, "Otra factura", "Hola.").await;
    let note = accord_core::entry::NewEntry { kind: EntryKind::Note, ..reply };
    store.add_entry(agent, second.id, &note, riga(23, 10, 0)).await.unwrap();
    assert_eq!(store.get_case(agent, second.id).await.unwrap().status, CaseStatus::New);
});
