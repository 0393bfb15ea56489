//! Inputs the fuzz target (fuzz/fuzz_targets/inbound.rs) once found to panic, kept so they
//! stay fixed. Each must be stored and then filed or held — the raw message kept, nothing
//! lost — whatever the parser makes of it.

use std::path::Path;
use std::sync::Arc;

use accord_mail::config::{MailConfig, MailSettings};
use accord_mail::ingest::Inbound;
use accord_mail::parse::{Limits, parse};
use accord_store::mail::MailSource;
use accord_testkit::{Cast, TestDb};

fn findings() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/fuzz")
        .map(|e| {
            let path = e.expect("entry").path();
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&path).expect("read"))
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no findings in {}", dir.display());
    found
}

/// A nested message/rfc822 whose inner boundary is a prefix of the outer one trips a
/// `debug_assert!` in mail-parser 0.11 (so only builds with debug assertions panicked).
#[test]
fn the_parser_keeps_what_it_cannot_read_instead_of_panicking() {
    for (name, raw) in findings() {
        let mail = parse(&raw, Some("sender@fuzz.example"), &Limits::default());
        assert!(
            !mail.text.is_empty() || !mail.notes.is_empty() || mail.unreadable.is_some(),
            "{name}: neither text nor a note"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_finding_is_stored_and_filed_or_held() {
    let db = TestDb::sqlite().await;
    let cast = Cast::create(&db.store).await;
    let settings = MailSettings {
        address: Some("support@fuzz.example".into()),
        ..MailSettings::default()
    };
    let config = MailConfig::resolve(&settings, &db.store)
        .await
        .expect("settings");
    let inbound = Inbound::new(db.store.clone(), Arc::new(config));
    for (name, raw) in findings() {
        let receipt = inbound
            .receive(
                &raw,
                MailSource::Smtp,
                Some("sender@fuzz.example"),
                &["support@fuzz.example".into()],
                None,
            )
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        inbound
            .file_pending()
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let stored = db
            .store
            .inbound_mail(&cast.agent, receipt.id)
            .await
            .expect("summary");
        assert!(
            matches!(stored.state.as_str(), "filed" | "held"),
            "{name}: {} ({:?})",
            stored.state,
            stored.reason
        );
    }
}
