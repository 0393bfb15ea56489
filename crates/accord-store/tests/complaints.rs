#![allow(clippy::unwrap_used)]
//! Resolving a complaint on both engines (issue 6): what the agent understood, the agreement
//! proposed in the customer's language with a signed link, answered once, amended in
//! versions, its contract changes listed for review, and milestones that tell the customer.

use accord_core::agreement::{
    AgreementDraft, AgreementStatus, MilestoneDraft, Nature, Reply, Understanding,
};
use accord_core::case::{Case, CaseStatus, Change};
use accord_core::language::Language;
use accord_core::people::Party;
use accord_store::Store;
use accord_store::agreements::Answerer;
use accord_store::cases::Created;
use accord_store::signing::LinkError;
use accord_testkit::{Cast, db_test};
use jiff::{SignedDuration, Timestamp};

async fn complaint(store: &Store, cast: &Cast, at: Timestamp) -> Case {
    let new = accord_core::case::NewCase {
        body: Some("A encomenda de farinha chegou incompleta pela segunda vez.".into()),
        language: Some(Language::Pt),
        ..accord_testkit::email_case("Encomenda incompleta outra vez", cast.contact_a)
    };
    match store.create_case(&cast.agent, new, None, at).await.unwrap() {
        Created::New(case) => case,
        Created::Replayed { .. } => panic!("not a retry"),
    }
}

fn draft(cast: &Cast, at: Timestamp) -> AgreementDraft {
    AgreementDraft {
        problem: "Faltaram duas sacas de farinha em duas entregas seguidas.".into(),
        outcome: "Enviamos as duas sacas em falta e revemos a embalagem das paletes.".into(),
        indicators: vec!["As duas sacas chegam à padaria.".into(), String::new()],
        deadline: at + SignedDuration::from_hours(72),
        milestones: vec![
            MilestoneDraft {
                title: "Sacas expedidas".into(),
                owner_id: cast.agent.user_id,
                due_at: at + SignedDuration::from_hours(24),
                third_party: Some("Transportes Ribeiro".into()),
            },
            MilestoneDraft {
                title: "Sacas entregues".into(),
                owner_id: cast.agent.user_id,
                due_at: at + SignedDuration::from_hours(48),
                third_party: None,
            },
        ],
        contract_changes: vec!["Entregas de farinha com contagem na receção.".into()],
    }
}

/// The newest queued email to an address: its subject and text.
async fn last_mail(store: &Store, to: &str, at: Timestamp) -> accord_store::mail::Letter {
    let sent = store
        .lease_outbox(100, at + SignedDuration::from_hours(1))
        .await
        .unwrap();
    sent.into_iter()
        .rev()
        .find(|m| m.recipient == to)
        .unwrap_or_else(|| panic!("no email to {to}"))
        .letter
}

async fn count(store: &Store, cast: &Cast, case: &Case, kind: &str) -> usize {
    store
        .list_events(&cast.agent, case.id)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.change.kind() == kind)
        .count()
}

db_test!(async fn an_agreement_is_proposed_in_the_customers_language_and_accepted_once_by_its_link(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t = accord_testkit::now();
    let case = complaint(store, &cast, t).await;

    // D1: understanding, for staff only.
    let understood = Understanding { problem: "Faltam sacas outra vez; a cliente sente que ninguém confere.".into(), nature: Nature::Both, responsible: Party::Company, note: "Contrato: entrega completa é nossa.".into() };
    store.record_understanding(&cast.agent, case.id, &understood, t).await.unwrap();
    let read = store.case_understanding(&cast.supervisor, case.id).await.unwrap().unwrap();
    assert_eq!((read.nature, read.responsible), (Nature::Both, Party::Company));
    assert!(store.case_understanding(&cast.customer_a, case.id).await.is_err());
    assert!(store.record_understanding(&cast.customer_a, case.id, &understood, t).await.is_err());

    // D2: proposed in Portuguese, posted in the conversation without the link, emailed with it.
    let (v1, token) = store.propose_agreement(&cast.agent, case.id, draft(&cast, t), "https://help.example", t).await.unwrap();
    assert_eq!((v1.version, v1.status, v1.language.as_str()), (1, AgreementStatus::Proposed, "pt"));
    assert_eq!(v1.indicators, ["As duas sacas chegam à padaria."], "blank rows dropped");
    assert_eq!(v1.milestones.len(), 2);
    let mail = last_mail(store, "ilze@acme.lv", t).await;
    assert_eq!(mail.language, "pt");
    assert!(mail.text.contains("O problema:") && mail.text.contains("Enviamos as duas sacas em falta"), "{}", mail.text);
    assert!(mail.text.contains(&format!("https://help.example/agreements/{}?t={token}", v1.id)), "{}", mail.text);
    assert!(mail.subject.contains("Encomenda incompleta outra vez"), "threads with the case: {}", mail.subject);
    let conversation = store.list_entries(&cast.agent, case.id).await.unwrap();
    let posted = conversation.last().unwrap();
    assert!(posted.body.contains("O que vamos fazer:") && !posted.body.contains(&token), "{}", posted.body);

    // The link: genuine, tampered, for another agreement, expired.
    assert!(store.agreement_by_link(v1.id, &token, t).await.unwrap().is_ok());
    let tampered = format!("{}x", token);
    assert_eq!(store.agreement_by_link(v1.id, &tampered, t).await.unwrap().unwrap_err(), LinkError::Invalid);
    assert_eq!(store.agreement_by_link(uuid::Uuid::now_v7(), &token, t).await.unwrap().unwrap_err(), LinkError::Invalid);
    let later = t + SignedDuration::from_hours(73);
    assert_eq!(store.agreement_by_link(v1.id, &token, later).await.unwrap().unwrap_err(), LinkError::Expired);
    assert_eq!(store.agreement_by_link(v1.id, "not-a-token", t).await.unwrap().unwrap_err(), LinkError::Invalid);

    // Accepted once, even when clicked twice; the case is agreed; the contract change is listed.
    let accepted = store.answer_agreement(Answerer::Link, v1.id, Reply::Accept, t).await.unwrap();
    assert_eq!((accepted.status, accepted.answered_via.as_deref()), (AgreementStatus::Accepted, Some("link")));
    let again = store.answer_agreement(Answerer::Link, v1.id, Reply::Accept, t + SignedDuration::from_mins(1)).await.unwrap();
    assert_eq!(again.answered_at, accepted.answered_at, "the first acceptance stands");
    assert_eq!(count(store, &cast, &case, "agreement_answered").await, 1);
    assert_eq!(store.get_case(&cast.agent, case.id).await.unwrap().status, CaseStatus::Agreed);
    let reviews = store.contract_reviews(&cast.supervisor, true).await.unwrap();
    assert_eq!(reviews.iter().map(|r| r.change.as_str()).collect::<Vec<_>>(), ["Entregas de farinha com contagem na receção."]);
    assert_eq!(reviews[0].case_number, case.number);
    assert!(store.contract_reviews(&cast.agent, true).await.is_err());
    store.complete_contract_review(&cast.supervisor, reviews[0].id, t).await.unwrap();
    assert!(store.contract_reviews(&cast.supervisor, true).await.unwrap().is_empty());
    assert_eq!(store.contract_reviews(&cast.supervisor, false).await.unwrap()[0].reviewed_by.as_deref(), Some("Sofia Supervisora"));
    assert!(store.answer_agreement(Answerer::Link, v1.id, Reply::Discuss, t).await.is_err(), "accepted: amend instead");

    // An amendment: version 1 stays accepted until version 2 is.
    let mut amended = draft(&cast, t);
    amended.outcome = "Enviamos as sacas em falta e um técnico confere a próxima entrega.".into();
    let (v2, _) = store.propose_agreement(&cast.agent, case.id, amended, "https://help.example", t).await.unwrap();
    let versions = store.case_agreements(&cast.customer_a, case.id).await.unwrap();
    assert_eq!(versions.iter().map(|a| (a.version, a.status)).collect::<Vec<_>>(), [(2, AgreementStatus::Proposed), (1, AgreementStatus::Accepted)]);
    assert!(store.answer_agreement(Answerer::Link, v1.id, Reply::Accept, t).await.is_err(), "only the newest version is answered");
    // Another organization's customer cannot answer it in the portal.
    assert!(store.answer_agreement(Answerer::Portal(&cast.customer_b), v2.id, Reply::Accept, t).await.is_err());
    let discussed = store.answer_agreement(Answerer::Portal(&cast.customer_a), v2.id, Reply::Discuss, t).await.unwrap();
    assert_eq!(discussed.status, AgreementStatus::Discussing);
    store.answer_agreement(Answerer::Portal(&cast.customer_a), v2.id, Reply::Accept, t).await.unwrap();
    let versions = store.case_agreements(&cast.agent, case.id).await.unwrap();
    assert_eq!(versions.iter().map(|a| a.status).collect::<Vec<_>>(), [AgreementStatus::Accepted, AgreementStatus::Superseded]);

    // D3: a milestone reached tells the customer what was done and what comes next, once.
    let first = versions[0].milestones[0].id;
    store.reach_milestone(&cast.agent, first, "Saíram hoje com a Transportes Ribeiro.", t).await.unwrap();
    let update = last_mail(store, "ilze@acme.lv", t).await;
    assert!(update.text.contains("«Sacas expedidas» está feito") && update.text.contains("A seguir: «Sacas entregues»"), "{}", update.text);
    store.reach_milestone(&cast.agent, first, "de novo", t).await.unwrap();
    assert_eq!(count(store, &cast, &case, "milestone_reached").await, 1);
    assert!(store.reach_milestone(&cast.customer_a, first, "", t).await.is_err());
    assert!(matches!(store.list_events(&cast.agent, case.id).await.unwrap().last().unwrap().change, Change::MilestoneReached { .. }));
});

db_test!(async fn agreements_refuse_bad_drafts_and_closed_cases(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t = accord_testkit::now();
    let case = complaint(store, &cast, t).await;
    let mut bad = draft(&cast, t);
    bad.milestones[0].owner_id = cast.customer_a.user_id;
    assert!(store.propose_agreement(&cast.agent, case.id, bad, "https://help.example", t).await.is_err(), "owners are staff");
    let mut late = draft(&cast, t);
    late.deadline = t - SignedDuration::from_hours(1);
    assert!(store.propose_agreement(&cast.agent, case.id, late, "https://help.example", t).await.is_err());
    assert!(store.propose_agreement(&cast.customer_a, case.id, draft(&cast, t), "https://help.example", t).await.is_err());
    assert!(store.case_agreements(&cast.agent, case.id).await.unwrap().is_empty(), "nothing stored");
});

/// A customer's email as the email channel hands it to the store: `answers` is the
/// Message-ID it replies to, `dkim` the domain a verified signature vouches for.
async fn email_reply(
    store: &accord_store::Store,
    t: jiff::Timestamp,
    body: &str,
    key: &str,
    answers: Option<&str>,
    dkim: Option<&str>,
) -> accord_store::mail::Filed {
    let in_reply_to = answers
        .map(|id| format!("In-Reply-To: <{id}>\r\n"))
        .unwrap_or_default();
    let raw =
        format!("From: ilze@acme.lv\r\nSubject: Re: Encomenda\r\n{in_reply_to}\r\n{body}\r\n");
    let received = accord_store::mail::ReceivedMail {
        raw: raw.as_bytes(),
        source: accord_store::mail::MailSource::Smtp,
        mailbox: None,
        envelope_from: None,
        envelope_to: &[],
        message_id: None,
        dedupe_key: key,
        peer: None,
        helo: None,
    };
    let id = store.receive_mail(&received, t).await.unwrap().id;
    let authentication = dkim.map(|domain| accord_core::mail::MailAuthentication {
        spf: "none".into(),
        dkim: "pass".into(),
        dkim_domains: vec![domain.into()],
        dmarc: "pass".into(),
        from_domain: "acme.lv".into(),
        ..Default::default()
    });
    let mail = accord_core::mail::InboundMail {
        from: Some(accord_core::mail::Mailbox {
            email: "ilze@acme.lv".into(),
            name: None,
        }),
        subject: "Re: Encomenda".into(),
        text: body.into(),
        in_reply_to: answers.map(|a| vec![a.to_owned()]).unwrap_or_default(),
        authentication,
        ..Default::default()
    };
    store
        .file_mail(id, &mail, &accord_store::mail::MailRoute::default(), t)
        .await
        .unwrap()
}

db_test!(async fn an_authenticated_email_reply_that_says_i_accept_accepts_the_agreement(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t = accord_testkit::now();
    let case = complaint(store, &cast, t).await;
    let (v1, _) = store.propose_agreement(&cast.agent, case.id, draft(&cast, t), "https://help.example", t).await.unwrap();
    let sent = store.lease_outbox(100, t + SignedDuration::from_hours(1)).await.unwrap();
    let agreement_mail = sent.iter().rev().find(|m| m.recipient == "ilze@acme.lv").unwrap().message_id.clone();
    // A question is not an acceptance; a refusal neither.
    email_reply(store, t, "Podemos falar primeiro?\n\n> O nosso acordo", "q", Some(&agreement_mail), Some("acme.lv")).await;
    email_reply(store, t, "Não aceito, o prazo é longo demais.", "n", Some(&agreement_mail), Some("acme.lv")).await;
    assert_eq!(store.case_agreements(&cast.agent, case.id).await.unwrap()[0].status, AgreementStatus::Proposed);
    let filed = email_reply(store, t, "Aceito, obrigada.\n\n> O nosso acordo sobre o caso", "y", Some(&agreement_mail), Some("acme.lv")).await;
    assert!(matches!(filed, accord_store::mail::Filed::Case { opened: false, .. }), "threaded into the case: {filed:?}");
    let now = store.case_agreements(&cast.agent, case.id).await.unwrap();
    assert_eq!((now[0].id, now[0].status, now[0].answered_via.as_deref()), (v1.id, AgreementStatus::Accepted, Some("email")));
    assert_eq!(store.get_case(&cast.agent, case.id).await.unwrap().status, CaseStatus::Agreed);
});

db_test!(async fn a_forged_or_unthreaded_email_accepts_nothing_and_the_customer_gets_the_link(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t = accord_testkit::now();
    let case = complaint(store, &cast, t).await;
    store.propose_agreement(&cast.agent, case.id, draft(&cast, t), "https://help.example", t).await.unwrap();
    let sent = store.lease_outbox(100, t + SignedDuration::from_hours(1)).await.unwrap();
    let agreement_mail = sent.iter().rev().find(|m| m.recipient == "ilze@acme.lv").unwrap().message_id.clone();
    let tag = accord_core::mail::subject_tag(case.number, case.id);
    // Only From and the subject's tag: what a forger knows.
    let forged = |key: &'static str, dkim: Option<&'static str>, answers: Option<String>| {
        let tag = tag.clone();
        async move {
            let in_reply_to = answers.as_deref().map(|id| format!("In-Reply-To: <{id}>\r\n")).unwrap_or_default();
            let raw = format!("From: ilze@acme.lv\r\nSubject: Re: Encomenda {tag}\r\n{in_reply_to}\r\nAceito.\r\n");
            let received = accord_store::mail::ReceivedMail { raw: raw.as_bytes(), source: accord_store::mail::MailSource::Smtp, mailbox: None, envelope_from: None, envelope_to: &[], message_id: None, dedupe_key: key, peer: None, helo: None };
            let id = store.receive_mail(&received, t).await.unwrap().id;
            let mail = accord_core::mail::InboundMail {
                from: Some(accord_core::mail::Mailbox { email: "ilze@acme.lv".into(), name: None }),
                subject: format!("Re: Encomenda {tag}"),
                text: "Aceito.".into(),
                in_reply_to: answers.into_iter().collect(),
                authentication: dkim.map(|d| accord_core::mail::MailAuthentication { dkim: "pass".into(), dkim_domains: vec![d.into()], dmarc: "fail".into(), from_domain: "acme.lv".into(), ..Default::default() }),
                ..Default::default()
            };
            store.file_mail(id, &mail, &accord_store::mail::MailRoute::default(), t).await.unwrap()
        }
    };
    let attempts = [
        ("no authentication, the tag only", "f1", None, None, "not_authenticated"),
        ("no authentication, even replying to the agreement", "f2", None, Some(agreement_mail.clone()), "not_authenticated"),
        ("signed by another domain", "f3", Some("forger.example"), Some(agreement_mail.clone()), "not_authenticated"),
        ("authenticated but answering no agreement email", "f4", Some("acme.lv"), None, "not_a_reply"),
    ];
    for (what, key, dkim, answers, reason) in attempts {
        let mails_before = store.lease_outbox(100, t + SignedDuration::from_hours(2)).await.unwrap();
        drop(mails_before);
        let filed = forged(key, dkim, answers).await;
        assert!(matches!(filed, accord_store::mail::Filed::Case { .. }), "{what}: {filed:?}");
        let agreement = &store.case_agreements(&cast.agent, case.id).await.unwrap()[0];
        assert_eq!(agreement.status, AgreementStatus::Proposed, "{what}: accepted");
        let events = store.list_events(&cast.agent, case.id).await.unwrap();
        let refused = events.iter().rev().find_map(|e| match &e.change {
            Change::AgreementEmailRefused { reason, .. } => Some(reason.clone()),
            _ => None,
        });
        assert_eq!(refused.as_deref(), Some(reason), "{what}: the attempt is recorded");
        let link = store.lease_outbox(100, t + SignedDuration::from_hours(2)).await.unwrap();
        let link = link.iter().find(|m| m.recipient == "ilze@acme.lv").unwrap_or_else(|| panic!("{what}: no link sent"));
        assert!(link.letter.text.contains("/agreements/") && link.letter.text.contains("?t="), "{what}: {}", link.letter.text);
        assert!(link.letter.text.contains("não conseguimos confirmar"), "{what}: in Portuguese: {}", link.letter.text);
    }
    assert!(store.get_case(&cast.agent, case.id).await.unwrap().status.is_open());
});

db_test!(async fn a_complaint_is_resolved_only_with_an_explanation_that_says_something(db) {
    use accord_store::resolution::ResolutionInput;
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t = accord_testkit::now();
    let case = complaint(store, &cast, t).await;
    let empty_words = ResolutionInput {
        cause: "Houve um problema técnico.".into(),
        fix: String::new(),
        prevention: "Não voltará a acontecer.".into(),
        apology: "Pedimos desculpa pelo incómodo.".into(),
        thanks: String::new(),
    };
    let Err(accord_store::StoreError::Domain(accord_core::DomainError::Invalid(errors))) = store.resolve_with_explanation(&cast.agent, case.id, &empty_words, t).await else {
        panic!("resolved with an empty explanation")
    };
    let named: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert_eq!(named, [("cause", "boilerplate"), ("fix", "required"), ("prevention", "boilerplate"), ("thanks", "required")]);
    assert!(store.get_case(&cast.agent, case.id).await.unwrap().status.is_open(), "nothing changed");

    let explained = ResolutionInput {
        cause: "O armazém de Setúbal contou as sacas pela guia antiga, que tinha dez e não doze.".into(),
        fix: "Enviámos hoje as duas sacas em falta, sem custos, com entrega amanhã.".into(),
        prevention: "As guias passam a ser impressas do sistema novo e conferidas na carga.".into(),
        apology: "Lamentamos o transtorno de ficar sem farinha duas vezes.".into(),
        thanks: "Obrigado por nos avisar tão depressa.".into(),
    };
    let entry = store.resolve_with_explanation(&cast.agent, case.id, &explained, t).await.unwrap();
    assert!(entry.body.contains("Porque aconteceu:\nO armazém de Setúbal") && entry.body.contains("Porque não voltará a acontecer:"), "{}", entry.body);
    assert_eq!(store.get_case(&cast.agent, case.id).await.unwrap().status, CaseStatus::Resolved);
    let mail = last_mail(store, "ilze@acme.lv", t).await;
    assert!(mail.text.contains("As guias passam a ser impressas"), "{}", mail.text);
    assert!(store.resolve_with_explanation(&cast.customer_a, case.id, &explained, t).await.is_err());
});
