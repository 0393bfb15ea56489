#![allow(clippy::unwrap_used)]
//! Cutting off access (issue 16, items 16 and 21) on both engines: a password change ends
//! the other sessions; deactivation, revocation and expiry stop a token on every node at
//! once; rate limits hold in total across nodes on one database.

use accord_core::DomainError;
use accord_store::StoreError;
use accord_store::auth::{NewToken, TokenCheck};
use accord_store::rate_limits::RateLimit;
use accord_testkit::{Cast, PASSWORD, db_test, now};
use jiff::SignedDuration;

fn field_code(e: &StoreError) -> Option<&'static str> {
    match e {
        StoreError::Domain(DomainError::Invalid(errors)) => Some(errors[0].code),
        _ => None,
    }
}

db_test!(async fn a_password_change_ends_the_users_other_sessions(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let lifetime = SignedDuration::from_hours(12);
    let (here, _) = store.create_session(cast.agent.user_id, lifetime, now()).await.unwrap();
    let (laptop, _) = store.create_session(cast.agent.user_id, lifetime, now()).await.unwrap();
    let (phone, _) = store.create_session(cast.agent.user_id, lifetime, now()).await.unwrap();
    let (admins, _) = store.create_session(cast.admin.user_id, lifetime, now()).await.unwrap();

    // Changing one's own password proves the current one, and keeps the session it is made from.
    let wrong = store.change_own_password(&cast.agent, "not it", "jauna parole 2026", Some(&here), now()).await.unwrap_err();
    assert_eq!(field_code(&wrong), Some("wrong_password"));
    let short = store.change_own_password(&cast.agent, PASSWORD, "short", Some(&here), now()).await.unwrap_err();
    assert_eq!(field_code(&short), Some("too_short"));
    assert!(store.session(&laptop, now()).await.unwrap().is_some(), "a refused change ends nothing");
    let ended = store.change_own_password(&cast.agent, PASSWORD, "jauna parole 2026", Some(&here), now()).await.unwrap();
    assert_eq!(ended, 2);
    assert!(store.session(&here, now()).await.unwrap().is_some());
    assert!(store.session(&laptop, now()).await.unwrap().is_none());
    assert!(store.session(&phone, now()).await.unwrap().is_none());
    assert!(store.session(&admins, now()).await.unwrap().is_some(), "other users keep theirs");
    assert!(store.sign_in("janis@accord.test", "jauna parole 2026").await.unwrap().is_some());

    // A reset (an administrator, the CLI) ends every session of the user.
    store.set_password(Some(&cast.admin), cast.agent.user_id, "vēl jaunāka parole").await.unwrap();
    assert!(store.session(&here, now()).await.unwrap().is_none());
    let log = store.audit_log(&cast.admin, 5).await.unwrap();
    assert_eq!(log[0].action, "user.password");
    assert_eq!(log[0].detail["sessions_ended"], 1);
});

db_test!(async fn a_deactivated_user_is_cut_off_on_every_node_at_once(db) {
    let cast = Cast::create(&db.store).await;
    let node_a = &db.store;
    let node_b = db.another_node().await;
    let token = node_a.create_token(None, cast.agent.user_id, "integration", now()).await.unwrap();
    let (session, _) = node_a.create_session(cast.agent.user_id, SignedDuration::from_hours(1), now()).await.unwrap();
    // Node B has just let the token through (it would be remembered, were there a cache).
    assert!(node_b.authenticate_token(&token).await.unwrap().is_some());
    assert!(node_b.session(&session, now()).await.unwrap().is_some());

    // Only administrators deactivate, and not themselves.
    assert!(node_a.set_user_active(Some(&cast.supervisor), cast.agent.user_id, false, now()).await.is_err());
    let own = node_a.set_user_active(Some(&cast.admin), cast.admin.user_id, false, now()).await.unwrap_err();
    assert_eq!(field_code(&own), Some("own_account"));

    let user = node_a.set_user_active(Some(&cast.admin), cast.agent.user_id, false, now()).await.unwrap();
    assert!(!user.active);
    assert_eq!(node_b.check_token(&token, now()).await.unwrap(), TokenCheck::UserInactive);
    assert!(node_b.authenticate_token(&token).await.unwrap().is_none());
    assert!(node_b.session(&session, now()).await.unwrap().is_none());
    assert!(node_b.sign_in("janis@accord.test", PASSWORD).await.unwrap().is_none());
    let issue = NewToken { name: "another".into(), expires_at: None };
    assert!(node_a.issue_token(Some(&cast.admin), cast.agent.user_id, &issue, now()).await.is_err(), "no new tokens for a deactivated user");
    // Doing it again changes and records nothing.
    node_a.set_user_active(Some(&cast.admin), cast.agent.user_id, false, now()).await.unwrap();

    let user = node_b.set_user_active(Some(&cast.admin), cast.agent.user_id, true, now()).await.unwrap();
    assert!(user.active);
    assert!(node_a.authenticate_token(&token).await.unwrap().is_some(), "the unrevoked token works again");
    assert!(node_a.session(&session, now()).await.unwrap().is_none(), "ended sessions stay ended");
    assert!(node_a.sign_in("janis@accord.test", PASSWORD).await.unwrap().is_some());

    let log = node_a.audit_log(&cast.admin, 10).await.unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions.iter().filter(|a| **a == "user.deactivate").count(), 1, "{actions:?}");
    assert_eq!(actions[0], "user.reactivate");
    let deactivation = log.iter().find(|e| e.action == "user.deactivate").unwrap();
    assert_eq!(deactivation.actor_user_id, Some(cast.admin.user_id.0));
    assert_eq!(deactivation.detail["sessions_ended"], 1);

    // The operator's CLI acts without an actor; an address of a deactivated customer
    // cannot sign up again.
    node_a.set_user_active(None, cast.customer_a.user_id, false, now()).await.unwrap();
    assert_eq!(node_a.user_id_by_email("ILZE@acme.lv").await.unwrap(), Some(cast.customer_a.user_id));
    let sign_up = accord_core::people::SignUp { name: "Ilze".into(), email: "ilze@acme.lv".into(), language: accord_core::language::Language::Lv, password: None };
    assert_eq!(node_a.sign_up(&sign_up, "https://help.example", now()).await.unwrap(), accord_store::portal_links::LinkRequest::NotSent);
});

db_test!(async fn revoked_and_expired_tokens_are_refused_on_every_node_at_once(db) {
    let cast = Cast::create(&db.store).await;
    let node_a = &db.store;
    let node_b = db.another_node().await;
    let t = now();
    let in_an_hour = t + SignedDuration::from_hours(1);
    let (info, token) = node_a
        .issue_token(Some(&cast.agent), cast.agent.user_id, &NewToken { name: "  nightly export ".into(), expires_at: Some(in_an_hour) }, t)
        .await
        .unwrap();
    assert_eq!(info.name, "nightly export");
    assert_eq!(info.expires_at.map(|e| e.as_microsecond()), Some(in_an_hour.as_microsecond()));
    let (_, forever) = node_a.issue_token(None, cast.agent.user_id, &NewToken { name: "forever".into(), expires_at: None }, t).await.unwrap();

    // Expiry: refused from the instant it passes.
    assert!(matches!(node_b.check_token(&token, t).await.unwrap(), TokenCheck::Valid(p) if p.id == cast.agent.user_id));
    assert_eq!(node_b.check_token(&token, in_an_hour).await.unwrap(), TokenCheck::Expired);
    assert!(matches!(node_b.check_token(&forever, in_an_hour).await.unwrap(), TokenCheck::Valid(_)));

    // Revocation on node A: node B refuses it on its very next check.
    assert!(node_b.authenticate_token(&forever).await.unwrap().is_some());
    let forever_id = node_a.list_tokens(Some(&cast.agent), cast.agent.user_id, 10, None).await.unwrap()[0].id;
    assert!(node_a.revoke_token(Some(&cast.supervisor), forever_id, now()).await.is_err(), "not the owner, not an admin");
    let revoked = node_a.revoke_token(Some(&cast.agent), forever_id, now()).await.unwrap();
    assert!(revoked.revoked_at.is_some());
    assert_eq!(node_b.check_token(&forever, now()).await.unwrap(), TokenCheck::Revoked);
    assert!(node_b.authenticate_token(&forever).await.unwrap().is_none());
    // Revoking again changes nothing.
    assert_eq!(node_b.revoke_token(Some(&cast.admin), forever_id, now()).await.unwrap().revoked_at, revoked.revoked_at);
    assert_eq!(node_b.check_token("acc_never_issued", now()).await.unwrap(), TokenCheck::Unknown);

    // Listing: newest first, no secrets, pages, only the owner or an administrator.
    let tokens = node_b.list_tokens(Some(&cast.admin), cast.agent.user_id, 10, None).await.unwrap();
    assert_eq!(tokens.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["forever", "nightly export"]);
    assert!(!tokens[0].usable(now()) && tokens[1].usable(t) && !tokens[1].usable(in_an_hour));
    let first = node_b.list_tokens(Some(&cast.agent), cast.agent.user_id, 1, None).await.unwrap();
    let second = node_b.list_tokens(Some(&cast.agent), cast.agent.user_id, 1, Some(first[0].id)).await.unwrap();
    assert_eq!((first[0].name.as_str(), second[0].name.as_str()), ("forever", "nightly export"));
    assert!(node_b.list_tokens(Some(&cast.customer_a), cast.agent.user_id, 10, None).await.is_err());
    let json = serde_json::to_string(&tokens).unwrap();
    assert!(!json.contains(&token) && !json.contains(&forever));

    // An expiry in the past and an empty name are refused.
    let past = NewToken { name: "".into(), expires_at: Some(t - SignedDuration::from_secs(1)) };
    let refused = node_a.issue_token(None, cast.agent.user_id, &past, t).await.unwrap_err();
    let StoreError::Domain(DomainError::Invalid(errors)) = refused else { panic!("{refused:?}") };
    assert_eq!(errors.iter().map(|e| (e.field.as_str(), e.code)).collect::<Vec<_>>(), [("name", "required"), ("expires_at", "in_the_past")]);

    let log = node_a.audit_log(&cast.admin, 10).await.unwrap();
    assert_eq!(log.iter().filter(|e| e.action == "token.revoke").count(), 1);
    let revocation = log.iter().find(|e| e.action == "token.revoke").unwrap();
    assert_eq!(revocation.actor_user_id, Some(cast.agent.user_id.0));
    assert_eq!(revocation.detail["token_id"], forever_id.to_string());
});

db_test!(async fn rate_limits_hold_in_total_across_nodes(db) {
    let node_a = db.store.clone();
    let node_b = db.another_node().await;
    let limit = RateLimit { max: 5, window: SignedDuration::from_mins(1) };
    // The middle of a window, so the previous one does not count.
    let minute = now().as_second() / 60 * 60;
    let t = jiff::Timestamp::from_second(minute + 30).unwrap();

    // Alternating between the nodes: five in total, not five each.
    let mut allowed = 0;
    for i in 0..12 {
        let node = if i % 2 == 0 { &node_a } else { &node_b };
        if node.hit_rate_limits(&[("sign-in:account:x", limit)], t).await.unwrap() {
            allowed += 1;
        }
    }
    assert_eq!(allowed, 5);

    // Concurrently from both nodes: never more than the limit.
    let mut tasks = Vec::new();
    for i in 0..16 {
        let node = if i % 2 == 0 { node_a.clone() } else { node_b.clone() };
        tasks.push(tokio::spawn(async move {
            node.hit_rate_limits(&[("sign-in:account:concurrent", limit)], t).await.unwrap()
        }));
    }
    let mut allowed = 0;
    for task in tasks {
        allowed += usize::from(task.await.unwrap());
    }
    assert_eq!(allowed, 5);

    // The next window still remembers most of this one (a sliding window): a second after
    // it turns, one more hit (5 × 59/60 + 1 > 5), not five more.
    let next_start = jiff::Timestamp::from_second(minute + 61).unwrap();
    assert!(node_b.hit_rate_limits(&[("sign-in:account:x", limit)], next_start).await.unwrap());
    assert!(!node_a.hit_rate_limits(&[("sign-in:account:x", limit)], next_start).await.unwrap());
    // Two windows on, it is forgotten; the old rows are swept on the way.
    let later = jiff::Timestamp::from_second(minute + 150).unwrap();
    assert!(node_a.hit_rate_limits(&[("sign-in:account:x", limit)], later).await.unwrap());
    assert_eq!(db.execute_raw("UPDATE rate_limits SET hits = hits WHERE key = 'sign-in:account:concurrent'").await.unwrap(), 0);

    // Several keys at once: stops at the first over its limit.
    let tight = RateLimit { max: 1, window: SignedDuration::from_mins(1) };
    assert!(node_a.hit_rate_limits(&[("address", limit), ("account", tight)], t).await.unwrap());
    assert!(!node_b.hit_rate_limits(&[("address", limit), ("account", tight)], t).await.unwrap());
    assert!(node_b.hit_rate_limits(&[("address", limit), ("other account", tight)], t).await.unwrap());
    // The refused call's hit stays counted on the address: 3 of 5 are spent.
    assert!(node_a.hit_rate_limits(&[("address", limit)], t).await.unwrap());
    assert!(node_b.hit_rate_limits(&[("address", limit)], t).await.unwrap());
    assert!(!node_a.hit_rate_limits(&[("address", limit)], t).await.unwrap());
});
