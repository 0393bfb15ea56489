//! The example policy shipped in `examples/` (the one `accord demo` loads) checks clean and
//! does what its comments say.

use accord_core::case::{Channel, Priority};
use accord_core::language::Language;
use accord_core::people::{Role, Tier};
use accord_policy::condition::Facts;
use accord_policy::model::{Authority, Occasion};
use accord_policy::{Severity, check_policy};
use jiff::SignedDuration;
use jiff::civil::date;

const EXAMPLE: &str = include_str!("../../../examples/policy.toml");

fn case(channel: Channel, language: Language, tier: Option<Tier>) -> Facts {
    Facts {
        channel: Some(channel),
        language: Some(language),
        priority: Some(Priority::Normal),
        tier,
        today: Some(date(2026, 11, 23)),
        customer_since: Some(date(2025, 1, 10)),
        ..Facts::default()
    }
}

#[test]
fn the_example_policy_has_no_findings() {
    let report = check_policy(EXAMPLE, Some(date(2026, 11, 23)));
    let findings: Vec<_> = report
        .findings
        .iter()
        .map(|f| (f.line, f.code, f.args.clone()))
        .collect();
    assert!(findings.is_empty(), "{findings:?}");
    let policy = report.policy.expect("compiled");
    assert_eq!(
        policy.languages,
        [Language::En, Language::Es, Language::Pt, Language::Lv]
    );
    assert!(
        policy.calendars.len() >= 5 && policy.remedies.len() >= 6 && policy.escalation.len() >= 6
    );
}

#[test]
fn the_first_matching_procedure_governs() {
    let policy = check_policy(EXAMPLE, None).policy.expect("compiled");
    let governing = |f: &Facts| policy.procedure_for(f).map(|p| p.id.as_str());
    // Key accounts keep their faster standard in any language.
    assert_eq!(
        governing(&case(Channel::Email, Language::Lv, Some(Tier::Gold))),
        Some("email-key-accounts")
    );
    assert_eq!(
        governing(&case(Channel::Email, Language::Lv, Some(Tier::Silver))),
        Some("email-latvian")
    );
    assert_eq!(
        governing(&case(Channel::Email, Language::Pt, None)),
        Some("email-portuguese")
    );
    let mut brazil = case(Channel::Email, Language::Pt, None);
    brazil.tags = vec!["market-br".into()];
    assert_eq!(governing(&brazil), Some("email-brazil"));
    assert_eq!(
        governing(&case(Channel::Email, Language::Es, None)),
        Some("email")
    );
    assert_eq!(
        governing(&case(Channel::Chat, Language::Es, None)),
        Some("chat")
    );
    let key = policy
        .procedure_for(&case(Channel::Email, Language::En, Some(Tier::Platinum)))
        .expect("procedure");
    assert_eq!(key.first_response, SignedDuration::from_hours(2));
    assert!(key.auto_acknowledge);
    // The platinum-only alternative is offered to platinum accounts only.
    let platinum = case(Channel::Email, Language::En, Some(Tier::Platinum));
    let gold = case(Channel::Email, Language::En, Some(Tier::Gold));
    let offered = |f: &Facts| {
        key.explanation
            .alternatives_for(f)
            .map(|a| a.id.clone())
            .collect::<Vec<_>>()
    };
    assert!(offered(&platinum).contains(&"workshop-visit".to_owned()));
    assert!(!offered(&gold).contains(&"workshop-visit".to_owned()));
}

#[test]
fn remedies_above_a_role_limit_go_to_the_next_role() {
    let policy = check_policy(EXAMPLE, None).policy.expect("compiled");
    let credit = policy.remedy("service-credit").expect("remedy");
    assert_eq!(credit.unit, "EUR");
    assert_eq!(credit.authority(Role::Agent, 50.0), Authority::Granted);
    assert_eq!(
        credit.authority(Role::Agent, 50.01),
        Authority::NeedsApproval(Role::Supervisor)
    );
    assert_eq!(
        credit.authority(Role::Agent, 800.0),
        Authority::NeedsApproval(Role::Admin)
    );
    assert_eq!(
        credit.authority(Role::Supervisor, 800.0),
        Authority::NeedsApproval(Role::Admin)
    );
    assert_eq!(credit.authority(Role::Admin, 800.0), Authority::Granted);
    assert_eq!(credit.authority(Role::Admin, 5000.01), Authority::Refused);
    assert_eq!(
        credit.authority(Role::Customer, 1.0),
        Authority::NeedsApproval(Role::Agent)
    );
    // Totals compare in cents: 50.00 is within the agent's limit, 50.01 is not.
    assert_eq!(
        credit.authority_minor(Role::Agent, 5000),
        Authority::Granted
    );
    assert_eq!(
        credit.authority_minor(Role::Agent, 5001),
        Authority::NeedsApproval(Role::Supervisor)
    );
    // Credits count per case only; refunds also per customer over 30 days.
    assert_eq!(credit.per_customer_days, None);
    let refund = policy.remedy("refund").expect("remedy");
    assert_eq!(refund.per_customer_days, Some(30));
}

#[test]
fn warnings_do_not_fail_the_example_but_a_missed_review_date_is_reported() {
    let report = check_policy(EXAMPLE, Some(date(2027, 6, 1)));
    assert!(!report.has_errors());
    let warnings: Vec<_> = report.warnings().map(|f| f.code).collect();
    assert_eq!(warnings, ["review-due"]);
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.severity == Severity::Warning)
    );
}

#[test]
fn platinum_problems_and_public_posts_escalate_when_the_case_opens() {
    let policy = accord_policy::load(EXAMPLE).expect("compiles");
    let fired = |facts: &Facts| -> Vec<String> {
        let opened = Occasion::Opened {
            first_message: None,
        };
        policy
            .levels_on(facts, opened)
            .map(|l| l.id.clone())
            .collect()
    };
    // A platinum account's urgent case: its account manager's team hears of it at once.
    let mut urgent = case(Channel::Email, Language::Lv, Some(Tier::Platinum));
    urgent.priority = Some(Priority::Urgent);
    assert_eq!(fired(&urgent), vec!["platinum-account"]);
    // Not every question of theirs, nor a gold account's urgent case.
    assert!(fired(&case(Channel::Email, Language::Lv, Some(Tier::Platinum))).is_empty());
    let mut gold = urgent.clone();
    gold.tier = Some(Tier::Gold);
    assert!(fired(&gold).is_empty());
    // A public post, whoever writes it.
    assert_eq!(
        fired(&case(Channel::Social, Language::Es, None)),
        vec!["public-post"]
    );
}

#[test]
fn a_customer_asking_for_a_manager_is_escalated_in_any_language() {
    let policy = accord_policy::load(EXAMPLE).expect("compiles");
    let fired = |facts: &Facts, occasion: Occasion| -> Vec<String> {
        policy
            .levels_on(facts, occasion)
            .map(|l| l.id.clone())
            .collect()
    };
    let email = case(Channel::Email, Language::Pt, None);
    for message in [
        "Quero falar com o gerente, já é a terceira vez.",
        "Quiero hablar con el responsable.",
        "Vēlos runāt ar jūsu vadītāju.",
        "I want to speak to a manager.",
    ] {
        assert_eq!(
            fired(&email, Occasion::CustomerWrote(message)),
            vec!["asks-for-manager"],
            "{message}"
        );
        let opened = Occasion::Opened {
            first_message: Some(message),
        };
        assert_eq!(fired(&email, opened), vec!["asks-for-manager"]);
    }
    assert!(fired(&email, Occasion::CustomerWrote("Obrigado, está resolvido.")).is_empty());
    // A tier change runs only the tier levels, and a message never does.
    let mut platinum = case(Channel::Email, Language::Lv, Some(Tier::Platinum));
    platinum.priority = Some(Priority::High);
    assert_eq!(
        fired(&platinum, Occasion::TierChanged),
        vec!["platinum-account"]
    );
    assert!(fired(&platinum, Occasion::CustomerWrote("Paldies!")).is_empty());
}

#[test]
fn a_pinned_procedure_governs_when_the_policy_has_it_for_the_channel() {
    let policy = check_policy(EXAMPLE, None).policy.expect("compiled");
    let mut facts = case(Channel::Email, Language::En, None);
    let chosen = |f: &Facts| policy.procedure_for(f).map(|p| p.id.clone());
    let unpinned = chosen(&facts);
    facts.procedure_pin = Some("email-key-accounts".into());
    assert_eq!(chosen(&facts).as_deref(), Some("email-key-accounts"));
    // A pin the policy does not have (or has for another channel) falls back to the rules.
    facts.procedure_pin = Some("no-such-procedure".into());
    assert_eq!(chosen(&facts), unpinned);
    facts.channel = Some(Channel::Phone);
    facts.procedure_pin = Some("email-key-accounts".into());
    assert_ne!(chosen(&facts).as_deref(), Some("email-key-accounts"));
}
