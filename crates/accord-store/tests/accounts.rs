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

/// The link in the newest portal email to an address, leased from the outbox as the sender
/// would; its text and language come along for the checks.
async fn portal_mail(
    store: &accord_store::Store,
    to: &str,
) -> (String, accord_store::mail::Letter) {
    let sent = store
        .lease_outbox(50, now() + jiff::SignedDuration::from_hours(24))
        .await
        .unwrap();
    let mail = sent
        .into_iter()
        .rev()
        .find(|m| m.recipient == to)
        .unwrap_or_else(|| panic!("no email to {to}"));
    let link = mail
        .letter
        .text
        .lines()
        .find(|l| l.starts_with("https://help.example/login/link/"))
        .unwrap()
        .to_owned();
    (link.rsplit('/').next().unwrap().to_owned(), mail.letter)
}

db_test!(async fn a_sign_up_link_creates_the_customer_once_and_expires(db) {
    use accord_core::language::Language;
    use accord_core::people::SignUp;
    use accord_store::portal_links::{LINKS_PER_HOUR, LinkRequest, Redeemed};
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t = now();
    let sign_up = |email: &str, language| SignUp { name: "Inês Duarte".into(), email: email.into(), language, password: None };

    // A new address: a confirmation in the chosen language, and no account until it is used.
    assert_eq!(store.sign_up(&sign_up("Ines@Novo.example", Language::Pt), "https://help.example/", t).await.unwrap(), LinkRequest::Sent);
    let (token, letter) = portal_mail(store, "ines@novo.example").await;
    assert_eq!((letter.subject.as_str(), letter.language.as_str()), ("Confirme o seu endereço", "pt"));
    assert!(letter.text.starts_with("Olá, Inês Duarte,"), "{}", letter.text);
    assert!(store.find_user_by_email("ines@novo.example").await.unwrap().is_none());
    let Redeemed::SignedIn(user) = store.redeem_link(&token, t).await.unwrap() else { panic!("not signed in") };
    assert_eq!((user.role, user.language, user.organization_id), (accord_core::people::Role::Customer, Language::Pt, None));
    assert!(user.contact_id.is_some(), "a contact of her own");
    assert!(matches!(store.redeem_link(&token, t).await.unwrap(), Redeemed::Used));
    assert!(matches!(store.redeem_link("forged-token", t).await.unwrap(), Redeemed::Unknown));

    // An address a contact of organization A already has: the account joins that contact.
    store.sign_up(&sign_up("ilze.jauna@acme.lv", Language::Lv), "https://help.example", t).await.unwrap();
    let (token, _) = portal_mail(store, "ilze.jauna@acme.lv").await;
    let contact = store.create_contact(None, accord_core::people::ContactInput {
        name: Some("Ilze Jaunā".into()),
        organization_id: Some(cast.org_a),
        preferred_language: None,
        identities: Some(vec![accord_core::people::Identity { kind: accord_core::people::IdentityKind::Email, value: "ilze.jauna@acme.lv".into() }]),
    }, t).await.unwrap();
    let Redeemed::SignedIn(user) = store.redeem_link(&token, t).await.unwrap() else { panic!("not signed in") };
    assert_eq!((user.contact_id, user.organization_id), (Some(contact.id), Some(cast.org_a)));

    // A confirmation works for a day; a sign-in link for twenty minutes.
    store.sign_up(&sign_up("late@novo.example", Language::En), "https://help.example", t).await.unwrap();
    let (token, _) = portal_mail(store, "late@novo.example").await;
    assert!(matches!(store.redeem_link(&token, t + jiff::SignedDuration::from_hours(25)).await.unwrap(), Redeemed::Expired));
    assert_eq!(store.send_sign_in_link("ilze@acme.lv", "https://help.example", t).await.unwrap(), LinkRequest::Sent);
    let (token, letter) = portal_mail(store, "ilze@acme.lv").await;
    assert_eq!(letter.subject, "Your sign-in link");
    assert!(matches!(store.redeem_link(&token, t + jiff::SignedDuration::from_mins(21)).await.unwrap(), Redeemed::Expired));

    // Staff and unknown addresses get nothing; an address gets at most a few links an hour.
    assert_eq!(store.send_sign_in_link("janis@accord.test", "https://help.example", t).await.unwrap(), LinkRequest::NotSent);
    assert_eq!(store.send_sign_in_link("nobody@novo.example", "https://help.example", t).await.unwrap(), LinkRequest::NotSent);
    assert_eq!(store.sign_up(&sign_up("janis@accord.test", Language::En), "https://help.example", t).await.unwrap(), LinkRequest::NotSent);
    for _ in 1..LINKS_PER_HOUR {
        assert_eq!(store.send_sign_in_link("ilze@acme.lv", "https://help.example", t).await.unwrap(), LinkRequest::Sent);
    }
    assert_eq!(store.send_sign_in_link("ilze@acme.lv", "https://help.example", t).await.unwrap(), LinkRequest::Throttled);
    let later = t + jiff::SignedDuration::from_mins(61);
    assert_eq!(store.send_sign_in_link("ilze@acme.lv", "https://help.example", later).await.unwrap(), LinkRequest::Sent);
    // Signing up again with an address that has an account sends a sign-in link instead.
    store.sign_up(&sign_up("ines@novo.example", Language::Pt), "https://help.example", later).await.unwrap();
    let (_, letter) = portal_mail(store, "ines@novo.example").await;
    assert_eq!(letter.subject, "Já tem uma conta");
    let bad = store.sign_up(&SignUp { password: Some("curta".into()), ..sign_up("x@novo.example", Language::Pt) }, "https://help.example", later).await;
    assert!(bad.is_err(), "a password shorter than 10 characters is refused");
});
