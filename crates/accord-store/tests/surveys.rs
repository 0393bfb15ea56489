#![allow(clippy::unwrap_used)]
//! Follow-ups and surveys on both engines (issue 6, D6 and E1): a resolved case is followed
//! up by its procedure's survey in the customer's language; a negative answer reopens it
//! and alerts its owner; answers are given once and only for the contact they were sent
//! to; nobody is asked twice within the policy's gap, however many follow-ups fall due;
//! anonymous answers keep no case; overdue milestones alert their owner.

use accord_core::agreement::{AgreementDraft, MilestoneDraft};
use accord_core::case::{Case, CasePatch, CaseStatus, Change, NewCase};
use accord_core::language::Language;
use accord_store::Store;
use accord_store::cases::Created;
use accord_store::notifications::NotificationKind;
use accord_store::resolution::ResolutionInput;
use accord_store::signing::LinkError;
use accord_store::survey_results::{ResultsBy, SendSurvey};
use accord_store::surveys::{SurveyAnswer, SurveyAnswerer};
use accord_testkit::{Cast, db_test};
use jiff::{SignedDuration, Timestamp};
use uuid::Uuid;

const EXAMPLE: &str = include_str!("../../../examples/policy.toml");

async fn open(store: &Store, cast: &Cast, subject: &str, at: Timestamp) -> Case {
    let new = NewCase {
        body: Some("A máquina de corte parou outra vez depois da reparação.".into()),
        language: Some(Language::Pt),
        assignee_id: Some(cast.agent.user_id),
        ..accord_testkit::email_case(subject, cast.contact_a)
    };
    match store.create_case(&cast.agent, new, None, at).await.unwrap() {
        Created::New(case) => case,
        Created::Replayed { .. } => panic!("not a retry"),
    }
}

fn resolved() -> CasePatch {
    CasePatch {
        status: Some(CaseStatus::Resolved),
        ..CasePatch::default()
    }
}

/// The queued survey emails to an address, oldest first (each is leased again once its
/// lease runs out: the tests look at the newest ones).
async fn surveys_to(store: &Store, to: &str, at: Timestamp) -> Vec<accord_store::mail::Letter> {
    store
        .lease_outbox(1000, at + SignedDuration::from_hours(1))
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.recipient == to && m.letter.text.contains("/surveys/"))
        .map(|m| m.letter)
        .collect()
}

/// The link of one score in a survey email: the request id and the token.
fn link_for(text: &str, score: i64) -> (Uuid, String) {
    let prefix = format!("{score}");
    let line = text
        .lines()
        .find(|l| l.starts_with(&prefix) && l.contains(&format!("&score={score}")))
        .unwrap_or_else(|| panic!("no link for {score} in {text}"));
    let url = &line[line.find("http").unwrap()..];
    let path = url.split("/surveys/").nth(1).unwrap();
    let (id, rest) = path.split_once("?t=").unwrap();
    let token = rest.split('&').next().unwrap();
    (id.parse().unwrap(), token.to_owned())
}

fn csat(score: i64) -> SurveyAnswer {
    SurveyAnswer {
        scores: [("csat".to_owned(), score)].into(),
        comment: Some("A máquina voltou a parar no dia seguinte.".into()),
    }
}

db_test!(async fn a_resolved_case_is_followed_up_and_a_negative_answer_reopens_it(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t0: Timestamp = "2026-12-07T09:00:00Z".parse().unwrap();
    cast.publish(store, EXAMPLE, t0).await;
    let case = open(store, &cast, "Máquina de corte parada", t0).await;
    let explanation = ResolutionInput {
        cause: "A peça de substituição veio de um lote com defeito do fornecedor.".into(),
        fix: "Trocámos a peça por uma de outro lote e testámos a máquina consigo.".into(),
        prevention: "Passamos a testar cada peça deste fornecedor antes de a enviar.".into(),
        apology: "Pedimos desculpa pelos dias de trabalho que perdeu.".into(),
        thanks: "Obrigado pela paciência e pelas fotografias que nos enviou.".into(),
    };
    let resolved_at = t0 + SignedDuration::from_hours(2);
    store.resolve_with_explanation(&cast.agent, case.id, &explanation, resolved_at).await.unwrap();
    surveys_to(store, "ilze@acme.lv", resolved_at).await; // the explanation's email, leased away

    // Not yet: the follow-up waits 16 working hours.
    store.run_due_timers("node", || resolved_at + SignedDuration::from_hours(3)).await.unwrap();
    assert!(surveys_to(store, "ilze@acme.lv", resolved_at).await.is_empty());

    let later = resolved_at + SignedDuration::from_hours(24 * 4);
    store.run_due_timers("node", || later).await.unwrap();
    let letters = surveys_to(store, "ilze@acme.lv", later).await;
    assert_eq!(letters.len(), 1, "one follow-up survey");
    let letter = &letters[0];
    assert_eq!(letter.language, "pt");
    assert!(letter.subject.starts_with("Resolvemos o problema?"), "{}", letter.subject);
    assert!(letter.text.contains(&format!("Resolvemos o seu caso {}", case.number)), "{}", letter.text);
    assert!(letter.text.contains("Qual é o seu grau de satisfação"), "{}", letter.text);
    assert!(letter.text.contains("no máximo uma vez a cada 30 dias"), "{}", letter.text);
    let (id, token) = link_for(&letter.text, 2);
    let events = store.list_events(&cast.agent, case.id).await.unwrap();
    assert!(events.iter().any(|e| e.change == Change::FollowUp { survey: "satisfaction".into(), sent: true }));

    // The page the link opens, in Portuguese.
    let view = store.survey_by_link(id, &token, later).await.unwrap().unwrap();
    assert_eq!((view.low, view.high, view.case_number), (1, 5, Some(case.number)));
    assert_eq!(view.low_label, "muito insatisfeito");

    // A changed link, or one for another request, does not work.
    let other = Uuid::now_v7();
    assert_eq!(store.survey_by_link(other, &token, later).await.unwrap().unwrap_err(), LinkError::Invalid);
    let forged = store.answer_survey(other, SurveyAnswerer::Link(&token), &csat(5), later).await.unwrap();
    assert_eq!(forged.unwrap_err(), LinkError::Invalid);
    // Another customer cannot answer it from the portal, nor see it.
    assert!(store.answer_survey(id, SurveyAnswerer::Portal(&cast.customer_b), &csat(5), later).await.is_err());
    assert!(store.my_survey(&cast.customer_b, id).await.is_err());
    assert!(store.my_surveys(&cast.customer_b).await.unwrap().is_empty());
    assert_eq!(store.my_surveys(&cast.customer_a).await.unwrap().len(), 1);
    // A score off the scale is refused, naming the question.
    let off = store.answer_survey(id, SurveyAnswerer::Link(&token), &csat(9), later).await;
    assert!(format!("{:?}", off.unwrap_err()).contains("scores/csat"));

    let answered = store.answer_survey(id, SurveyAnswerer::Link(&token), &csat(2), later).await.unwrap().unwrap();
    assert!(answered.negative && answered.reopened && !answered.already_answered);
    let case_now = store.get_case(&cast.agent, case.id).await.unwrap();
    assert_eq!(case_now.status, CaseStatus::Reopened);
    let notes = store.list_notifications(&cast.agent, true, 20).await.unwrap();
    let alert = notes.iter().find(|n| n.kind == NotificationKind::NegativeFeedback).expect("the owner is alerted");
    assert_eq!((alert.case_id, alert.level.as_deref()), (Some(case.id), Some("2/5")));

    // Clicking again (or another score) changes nothing.
    let again = store.answer_survey(id, SurveyAnswerer::Link(&token), &csat(5), later).await.unwrap().unwrap();
    assert!(again.already_answered && !again.reopened);
    let on_case = store.case_surveys(&cast.agent, case.id).await.unwrap();
    assert_eq!((on_case.len(), on_case[0].score), (1, Some(2)));

    let results = store.survey_results(&cast.supervisor, "satisfaction", ResultsBy::Agent, 30, later).await.unwrap();
    assert_eq!((results.total.answers, results.total.negative, results.sent), (1, 1, 1));
    assert_eq!(results.groups.len(), 1);
    assert_eq!(results.comments[0].case_number, Some(case.number));
    assert!(store.survey_results(&cast.agent, "satisfaction", ResultsBy::Agent, 30, later).await.is_err());
});

db_test!(async fn one_contact_is_asked_once_however_many_follow_ups_fall_due(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t0: Timestamp = "2026-12-07T09:00:00Z".parse().unwrap();
    cast.publish(store, EXAMPLE, t0).await;
    let mut cases = Vec::new();
    for n in 0..12 {
        let case = open(store, &cast, &format!("Pedido {n}"), t0).await;
        store.update_case(&cast.agent, case.id, &resolved(), t0 + SignedDuration::from_mins(n)).await.unwrap();
        cases.push(case);
    }
    // Two nodes fire the follow-ups at once.
    let later = t0 + SignedDuration::from_hours(24 * 5);
    let other = db.another_node().await;
    let (a, b) = tokio::join!(
        store.run_due_timers("node-a", || later),
        other.run_due_timers("node-b", || later),
    );
    assert_eq!(a.unwrap() + b.unwrap(), 12, "every follow-up fired once");
    assert_eq!(surveys_to(store, "ilze@acme.lv", later).await.len(), 1);
    let mut sent = 0;
    let mut held_back = 0;
    for case in &cases {
        for e in store.list_events(&cast.agent, case.id).await.unwrap() {
            match e.change {
                Change::FollowUp { sent: true, .. } => sent += 1,
                Change::FollowUp { sent: false, .. } => held_back += 1,
                _ => {}
            }
        }
    }
    assert_eq!((sent, held_back), (1, 11));
    // A case reopened before its follow-up is not followed up.
    let case = open(store, &cast, "Outro pedido", later).await;
    store.update_case(&cast.agent, case.id, &resolved(), later).await.unwrap();
    let reopen = CasePatch { status: Some(CaseStatus::Reopened), ..CasePatch::default() };
    store.update_case(&cast.agent, case.id, &reopen, later).await.unwrap();
    let much_later = later + SignedDuration::from_hours(24 * 40);
    store.run_due_timers("node-a", || much_later).await.unwrap();
    let about_it = format!("Resolvemos o seu caso {}", case.number);
    let letters = surveys_to(store, "ilze@acme.lv", much_later).await;
    assert!(!letters.iter().any(|l| l.text.contains(&about_it)));
    let events = store.list_events(&cast.agent, case.id).await.unwrap();
    assert!(!events.iter().any(|e| matches!(e.change, Change::FollowUp { .. })));
});

db_test!(async fn an_anonymous_survey_keeps_no_case_or_name(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t0 = accord_testkit::now();
    cast.publish(store, EXAMPLE, t0 - SignedDuration::from_hours(1)).await;
    let org = store.get_contact(&cast.admin, cast.contact_a).await.unwrap().organization_id;
    let to = SendSurvey { organization_id: org };
    assert!(store.send_survey(&cast.agent, "refund-rule", &to, t0).await.is_err(), "agents do not send surveys");
    let report = store.send_survey(&cast.supervisor, "refund-rule", &to, t0).await.unwrap();
    assert_eq!((report.sent, report.throttled), (1, 0));
    let again = store.send_survey(&cast.supervisor, "refund-rule", &to, t0).await.unwrap();
    assert_eq!((again.sent, again.throttled), (0, 1), "asked once per 30 days");

    let mine = store.my_surveys(&cast.customer_a).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert!(mine[0].anonymous && mine[0].questions.len() == 2);
    let answer = SurveyAnswer {
        scores: [("business".to_owned(), 2), ("clear".to_owned(), 4)].into(),
        comment: Some("Trīsdesmit dienas ir par maz mūsu darbnīcai.".into()),
    };
    let missing = SurveyAnswer { scores: [("business".to_owned(), 2)].into(), comment: None };
    assert!(store.answer_survey(mine[0].id, SurveyAnswerer::Portal(&cast.customer_a), &missing, t0).await.is_err());
    let done = store.answer_survey(mine[0].id, SurveyAnswerer::Portal(&cast.customer_a), &answer, t0).await.unwrap().unwrap();
    assert!(done.negative && !done.reopened, "no case to reopen");
    let results = store.survey_results(&cast.supervisor, "refund-rule", ResultsBy::Case, 30, t0).await.unwrap();
    assert_eq!(results.groups.len(), 1);
    assert_eq!((results.groups[0].label.as_deref(), results.groups[0].answers), (None, 1));
    assert_eq!(results.comments[0].case_number, None);
    let clear = results.questions.iter().find(|q| q.id == "clear").unwrap();
    assert_eq!(clear.average, 4.0);
    let rows = db.execute_raw("UPDATE survey_responses SET comment = comment WHERE request_id IS NULL AND case_id IS NULL AND agent_id IS NULL").await.unwrap();
    assert_eq!(rows, 1, "the stored answer leads back to nobody");
});

db_test!(async fn an_overdue_milestone_alerts_its_owner(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t0: Timestamp = "2026-12-07T09:00:00Z".parse().unwrap();
    cast.publish(store, EXAMPLE, t0).await;
    let case = open(store, &cast, "Entrega em atraso", t0).await;
    let milestone = |title: &str, hours: i64| MilestoneDraft {
        title: title.into(),
        owner_id: cast.agent.user_id,
        due_at: t0 + SignedDuration::from_hours(hours),
        third_party: None,
    };
    let draft = AgreementDraft {
        problem: "A encomenda chegou incompleta.".into(),
        outcome: "Enviamos o que falta.".into(),
        indicators: vec!["Tudo entregue.".into()],
        deadline: t0 + SignedDuration::from_hours(96),
        milestones: vec![milestone("Peças expedidas", 24), milestone("Peças entregues", 48)],
        contract_changes: vec![],
    };
    let (agreement, _) = store.propose_agreement(&cast.agent, case.id, draft, "https://help.example", t0).await.unwrap();
    store.reach_milestone(&cast.agent, agreement.milestones[0].id, "", t0 + SignedDuration::from_hours(20)).await.unwrap();
    store.run_due_timers("node", || t0 + SignedDuration::from_hours(50)).await.unwrap();
    let overdue: Vec<_> = store.list_notifications(&cast.agent, true, 20).await.unwrap()
        .into_iter().filter(|n| n.kind == NotificationKind::MilestoneOverdue).collect();
    assert_eq!(overdue.len(), 1, "only the milestone not reached");
    assert_eq!(overdue[0].level.as_deref(), Some("Peças entregues"));
    let events = store.list_events(&cast.agent, case.id).await.unwrap();
    assert!(events.iter().any(|e| e.change == Change::MilestoneOverdue { title: "Peças entregues".into() }));
    let shown = store.case_agreements(&cast.agent, case.id).await.unwrap();
    let late: Vec<bool> = shown[0].milestones.iter().map(|m| m.overdue_at.is_some()).collect();
    assert_eq!(late, vec![false, true], "the case shows which milestone is late");
});
