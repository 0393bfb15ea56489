#![allow(clippy::unwrap_used)]
//! The demo data set meets what `accord demo` promises: enough organizations, contacts and
//! cases, in four languages, over every channel, spread over the period, on both engines.

use std::collections::BTreeSet;

use accord_core::access::Actor;
use accord_core::case::CaseStatus;
use accord_core::people::Role;
use accord_demo::{DemoOptions, generate};
use accord_store::cases::CaseFilter;
use accord_testkit::db_test;

db_test!(async fn demo_data_is_varied_and_complete(db) {
    let now = jiff::Timestamp::now();
    let summary = generate(&db.store, &DemoOptions::default(), now).await.unwrap();
    assert!(summary.organizations >= 4);
    assert!(summary.contacts >= 40);
    assert_eq!(summary.cases, 300);
    assert!(summary.logins.iter().any(|l| l.role == Role::Agent));
    assert!(summary.logins.iter().any(|l| l.role == Role::Customer));

    let admin = db.store.find_user_by_email("admin@demo.accord").await.unwrap().unwrap().actor();
    let mut all = Vec::new();
    let mut filter = CaseFilter { limit: 500, ..CaseFilter::default() };
    loop {
        let page = db.store.list_cases(&admin, &filter).await.unwrap();
        let done = page.len() < 500;
        filter.before = page.last().map(|c| (c.updated_at, c.id));
        all.extend(page);
        if done { break; }
    }
    assert_eq!(all.len(), 300);
    let languages: BTreeSet<_> = all.iter().map(|c| c.language).collect();
    assert_eq!(languages.len(), 4);
    let channels: BTreeSet<_> = all.iter().map(|c| c.channel.as_str()).collect();
    for ch in ["email", "web", "chat", "phone"] {
        assert!(channels.contains(ch), "no {ch} cases");
    }
    let oldest = all.iter().map(|c| c.created_at).min().unwrap();
    assert!(now.duration_since(oldest).as_hours() > 24 * 60, "cases should span the 90 days");
    assert!(all.iter().any(|c| c.status == CaseStatus::Closed));
    assert!(all.iter().any(|c| c.status.is_open()));

    // Every case runs under the example policy, which some of the staff have acknowledged.
    let versions = db.store.list_policy_versions(&admin).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert!(all.iter().all(|c| c.policy_version == Some(versions[0].number)));
    let acks = db.store.policy_acknowledgements(&admin, versions[0].number).await.unwrap();
    assert!(acks.iter().any(|a| a.acknowledged_at.is_some()) && acks.iter().any(|a| a.acknowledged_at.is_none()));

    // A demo customer sees only their organization's cases.
    let customer_login = summary.logins.iter().find(|l| l.role == Role::Customer).unwrap();
    let customer: Actor = db.store.find_user_by_email(&customer_login.email).await.unwrap().unwrap().actor();
    let theirs = db.store.list_cases(&customer, &CaseFilter { limit: 500, ..CaseFilter::default() }).await.unwrap();
    assert!(theirs.iter().all(|c| c.organization_id == customer.organization_id));
    // Demo logins work with the printed password.
    assert!(db.store.sign_in(&customer_login.email, accord_demo::DEMO_PASSWORD).await.unwrap().is_some());
});
