#![allow(clippy::unwrap_used)]
//! Passwords and tokens on both engines.

use accord_testkit::{Cast, PASSWORD, db_test, now};

db_test!(async fn changing_a_password_replaces_the_old_one(db) {
    let cast = Cast::create(&db.store).await;
    assert!(db.store.sign_in("janis@accord.test", PASSWORD).await.unwrap().is_some());
    assert!(db.store.set_password(None, cast.agent.user_id, "short").await.is_err());
    // Only admins change other people's passwords.
    assert!(db.store.set_password(Some(&cast.supervisor), cast.agent.user_id, "jauna parole 2026").await.is_err());
    db.store.set_password(Some(&cast.agent), cast.agent.user_id, "jauna parole 2026").await.unwrap();
    assert!(db.store.sign_in("janis@accord.test", PASSWORD).await.unwrap().is_none());
    assert!(db.store.sign_in("JANIS@accord.test", "jauna parole 2026").await.unwrap().is_some());
    let log = db.store.audit_log(&cast.admin, 10).await.unwrap();
    assert_eq!(log[0].action, "user.password");
});

db_test!(async fn tokens_identify_their_user_and_nothing_else(db) {
    let cast = Cast::create(&db.store).await;
    let token = db.store.create_token(None, cast.customer_a.user_id, "portal", now()).await.unwrap();
    assert!(token.starts_with("acc_") && token.len() > 40);
    let principal = db.store.authenticate_token(&token).await.unwrap().unwrap();
    assert_eq!(principal.actor(), cast.customer_a);
    assert!(db.store.authenticate_token(&format!("{token}x")).await.unwrap().is_none());
    assert!(db.store.authenticate_token("acc_guess").await.unwrap().is_none());
    // Nobody but the user or an admin issues tokens for a user.
    assert!(db.store.create_token(Some(&cast.agent), cast.customer_a.user_id, "x", now()).await.is_err());
});
