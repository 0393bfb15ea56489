//! The inbound email path from raw bytes to a stored case: whatever arrives is either
//! refused at the door (empty, too large) or stored and then filed or held — never a
//! panic, never a message left unfiled, never a store error.
//!
//! cargo fuzz run inbound            (from the repository root; see docs/email.md)

#![no_main]

use std::sync::{Arc, LazyLock};

use accord_core::access::Actor;
use accord_core::people::{NewUser, Role};
use accord_mail::config::{MailConfig, MailSettings};
use accord_mail::{Inbound, Refused};
use accord_store::mail::MailSource;
use accord_store::{Store, StoreOptions};
use libfuzzer_sys::fuzz_target;

struct World {
    runtime: tokio::runtime::Runtime,
    inbound: Inbound,
    staff: Actor,
    _dir: tempfile::TempDir,
}

static WORLD: LazyLock<World> = LazyLock::new(|| {
    // mail-parser 0.11 has `debug_assert!`s that malformed nesting trips (the fuzz build has
    // debug assertions on; release builds do not). `accord_mail::parse` catches a parser
    // panic and keeps the message as it came, so such a panic may unwind to it; any other
    // panic still aborts through libFuzzer's hook, as a finding.
    let libfuzzer_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_parser = info
            .location()
            .is_some_and(|l| l.file().contains("/mail-parser-"));
        if !in_parser {
            libfuzzer_hook(info);
        }
    }));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let dir = tempfile::tempdir().expect("temporary directory");
    let (inbound, staff) = runtime.block_on(async {
        let store = Store::connect(&StoreOptions {
            url: format!("sqlite://{}", dir.path().join("fuzz.db").display()),
            attachments_dir: dir.path().join("attachments"),
            max_connections: 2,
        })
        .await
        .expect("database");
        store.migrate().await.expect("schema");
        let admin = store
            .create_user(
                None,
                NewUser {
                    email: "fuzz@fuzz.example".into(),
                    name: "Fuzz".into(),
                    role: Role::Admin,
                    language: None,
                    password: None,
                    organization_id: None,
                    contact_id: None,
                    team_ids: vec![],
                },
                jiff::Timestamp::now(),
            )
            .await
            .expect("user");
        let staff = Actor {
            user_id: admin.id,
            role: admin.role,
            organization_id: None,
            contact_id: None,
        };
        let settings = MailSettings {
            address: Some("support@fuzz.example".into()),
            max_message_bytes: Some(1 << 20),
            sender_limit: Some(u32::MAX),
            ..MailSettings::default()
        };
        let config = MailConfig::resolve(&settings, &store)
            .await
            .expect("settings");
        // Sender authentication runs too, against no DNS: the checks are fuzzed, the
        // network is not.
        let authenticator = accord_mail::auth::Authenticator::offline(
            "fuzz.example",
            accord_mail::auth::KnownRecords::default(),
        );
        (
            Inbound::with_authenticator(store, Arc::new(config), authenticator),
            staff,
        )
    });
    World {
        runtime,
        inbound,
        staff,
        _dir: dir,
    }
});

fuzz_target!(|raw: &[u8]| {
    let world = &*WORLD;
    world.runtime.block_on(async {
        let to = ["support@fuzz.example".to_owned()];
        match world
            .inbound
            .receive(
                raw,
                MailSource::Smtp,
                Some("sender@fuzz.example"),
                &to,
                None,
            )
            .await
        {
            Ok(receipt) => {
                world
                    .inbound
                    .file_pending()
                    .await
                    .expect("filing never fails");
                let stored = world
                    .inbound
                    .store
                    .inbound_mail(&world.staff, receipt.id)
                    .await
                    .expect("stored");
                assert_ne!(
                    stored.state, "received",
                    "a stored message was left unfiled"
                );
                // Held as not email (a file, a NUL-laden blob) or past the parser is a
                // reading; any other "unreadable" is filing that failed.
                let read_as_unreadable = |r: &str| {
                    r.starts_with("unreadable: not-mail:") || r == "unreadable: parser-failed"
                };
                assert!(
                    !stored
                        .reason
                        .as_deref()
                        .is_some_and(|r| r.starts_with("unreadable") && !read_as_unreadable(r)),
                    "filing failed: {:?}",
                    stored.reason
                );
            }
            Err(Refused::Empty | Refused::TooLarge { .. }) => {}
            Err(Refused::Store(e)) => panic!("the store refused a message: {e}"),
        }
    });
});
