use super::*;
use proptest::prelude::*;
use std::collections::{BTreeSet, VecDeque};

fn sample_case() -> Case {
    Case {
        id: CaseId::new(),
        number: 1,
        subject: "Factura duplicada".into(),
        channel: Channel::Email,
        language: Language::Es,
        category: None,
        tags: vec!["billing".into()],
        priority: Priority::Normal,
        status: CaseStatus::New,
        organization_id: None,
        contact_id: ContactId::new(),
        team_id: None,
        assignee_id: None,
        policy_version: None,
        custom_fields: BTreeMap::new(),
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
    }
}

fn reachable_from(start: CaseStatus) -> BTreeSet<CaseStatus> {
    let mut seen = BTreeSet::from([start]);
    let mut queue = VecDeque::from([start]);
    while let Some(s) = queue.pop_front() {
        for &n in s.allowed_next() {
            if seen.insert(n) {
                queue.push_back(n);
            }
        }
    }
    seen
}

#[test]
fn every_status_is_reachable_from_new() {
    let reached = reachable_from(CaseStatus::New);
    for s in CaseStatus::ALL {
        assert!(reached.contains(s), "{s} unreachable");
    }
}

#[test]
fn every_status_can_still_reach_closed() {
    for &s in CaseStatus::ALL {
        assert!(
            reachable_from(s).contains(&CaseStatus::Closed),
            "{s} is a dead end"
        );
    }
}

#[test]
fn closing_requires_resolution() {
    for &s in CaseStatus::ALL {
        if s.can_move_to(CaseStatus::Closed) {
            assert_eq!(s, CaseStatus::Resolved);
        }
    }
}

#[test]
fn reopening_only_after_resolution_or_closing() {
    for &s in CaseStatus::ALL {
        assert_eq!(
            s.can_move_to(CaseStatus::Reopened),
            matches!(s, CaseStatus::Resolved | CaseStatus::Closed),
            "{s}"
        );
    }
}

#[test]
fn no_status_moves_to_itself_or_back_to_new() {
    for &s in CaseStatus::ALL {
        assert!(!s.can_move_to(s));
        assert!(!s.can_move_to(CaseStatus::New));
    }
}

#[test]
fn illegal_transition_names_the_allowed_ones() {
    let err = CaseStatus::New
        .check_transition(CaseStatus::Closed)
        .expect_err("illegal");
    let text = err.to_string();
    assert!(text.contains("new to closed"), "{text}");
    assert!(text.contains("resolved"), "{text}");
}

#[test]
fn status_strings_round_trip() {
    for &s in CaseStatus::ALL {
        assert_eq!(CaseStatus::parse(s.as_str()), Some(s));
    }
    assert_eq!(CaseStatus::parse("open"), None);
}

#[test]
fn patch_records_each_change() {
    let case = sample_case();
    let team = TeamId::new();
    let patch = CasePatch {
        status: Some(CaseStatus::Acknowledged),
        priority: Some(Priority::High),
        team_id: Some(Some(team)),
        add_tags: vec!["vip".into(), "billing".into()],
        remove_tags: vec![],
        custom_fields: BTreeMap::from([(
            "order".to_string(),
            Some(FieldValue::Text("A-1".into())),
        )]),
        reason: Some("cliente importante".into()),
        ..CasePatch::default()
    };
    let now = Timestamp::from_second(100).expect("valid");
    let (next, changes) = case.apply(&patch, now).expect("valid patch");
    assert_eq!(next.status, CaseStatus::Acknowledged);
    assert_eq!(next.team_id, Some(team));
    assert_eq!(next.tags, vec!["billing".to_string(), "vip".to_string()]);
    assert_eq!(next.updated_at, now);
    let kinds: Vec<_> = changes.iter().map(Change::kind).collect();
    assert_eq!(
        kinds,
        vec!["status", "priority", "team", "tag_added", "custom_field"]
    );
}

#[test]
fn empty_patch_changes_nothing() {
    let case = sample_case();
    let (next, changes) = case
        .apply(
            &CasePatch::default(),
            Timestamp::from_second(5).expect("valid"),
        )
        .expect("ok");
    assert!(changes.is_empty());
    assert_eq!(next, case);
}

#[test]
fn null_clears_and_absent_keeps() {
    let mut case = sample_case();
    case.category = Some("billing".into());
    let patch: CasePatch = serde_json::from_str(r#"{"category": null}"#).expect("json");
    let (next, _) = case.apply(&patch, Timestamp::UNIX_EPOCH).expect("ok");
    assert_eq!(next.category, None);
    let patch: CasePatch = serde_json::from_str(r#"{"priority": "low"}"#).expect("json");
    let (next, _) = case.apply(&patch, Timestamp::UNIX_EPOCH).expect("ok");
    assert_eq!(next.category, Some("billing".into()));
}

#[test]
fn unknown_patch_fields_are_rejected() {
    let err = serde_json::from_str::<CasePatch>(r#"{"stauts": "resolved"}"#).expect_err("unknown");
    assert!(err.to_string().contains("stauts"));
}

#[test]
fn invalid_patch_lists_every_problem() {
    let case = sample_case();
    let patch = CasePatch {
        subject: Some(" ".into()),
        add_tags: vec!["Bad Tag".into()],
        custom_fields: BTreeMap::from([("Bad".to_string(), None)]),
        ..CasePatch::default()
    };
    match case.apply(&patch, Timestamp::UNIX_EPOCH) {
        Err(DomainError::Invalid(errors)) => {
            let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(fields, vec!["subject", "add_tags/0", "custom_fields/Bad"]);
        }
        other => panic!("expected invalid, got {other:?}"),
    }
}

#[test]
fn illegal_status_in_patch_changes_nothing() {
    let case = sample_case();
    let patch = CasePatch {
        status: Some(CaseStatus::Closed),
        priority: Some(Priority::Urgent),
        ..CasePatch::default()
    };
    assert!(matches!(
        case.apply(&patch, Timestamp::UNIX_EPOCH),
        Err(DomainError::IllegalTransition { .. })
    ));
}

fn any_status() -> impl Strategy<Value = CaseStatus> {
    prop::sample::select(CaseStatus::ALL.to_vec())
}

proptest! {
    /// Whatever sequence of requested statuses, a case only ever takes legal steps, and
    /// the recorded changes replay to the final status.
    #[test]
    fn random_walks_stay_legal(requests in prop::collection::vec(any_status(), 0..40)) {
        let mut case = sample_case();
        let mut recorded = Vec::new();
        for to in requests {
            let before = case.status;
            let patch = CasePatch { status: Some(to), ..CasePatch::default() };
            match case.apply(&patch, Timestamp::UNIX_EPOCH) {
                Ok((next, changes)) => {
                    prop_assert!(to == before || before.can_move_to(to));
                    recorded.extend(changes);
                    case = next;
                }
                Err(_) => {
                    prop_assert!(!before.can_move_to(to));
                    prop_assert_eq!(case.status, before);
                }
            }
        }
        let mut replay = CaseStatus::New;
        for change in recorded {
            if let Change::Status { from, to } = change {
                prop_assert_eq!(from, replay);
                replay = to;
            }
        }
        prop_assert_eq!(replay, case.status);
    }
}
