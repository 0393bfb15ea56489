//! Real-world messages nobody on the team wrote: the MIME test messages of CPython's test
//! suite (Debian package libpython3.11-testsuite). Each is received and filed without a
//! panic; its text and named attachments are checked against what Python's own `email`
//! package — an independent parser — reads from the same bytes.

use std::path::Path;
use std::sync::Arc;

use accord_mail::config::{MailConfig, MailSettings};
use accord_mail::ingest::Inbound;
use accord_store::mail::MailSource;
use accord_testkit::{Cast, TestDb};

const CORPUS: &str = "/usr/lib/python3.11/test/test_email/data";

/// Python's reading of each message: the first words of its first text part and the names
/// of its attachments.
const PYTHON: &str = r#"
import email, email.policy, json, os, sys
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    if not (name.startswith('msg_') and name.endswith('.txt')):
        continue
    with open(os.path.join(d, name), 'rb') as f:
        msg = email.message_from_binary_file(f, policy=email.policy.compat32)
    words, files = [], []
    for part in msg.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        if filename:
            files.append(filename)
        elif not words and part.get_content_type() == 'text/plain':
            try:
                payload = part.get_payload(decode=True) or b''
                text = payload.decode(part.get_content_charset() or 'ascii')
            except Exception:
                continue
            words = text.split()[:3]
    print(json.dumps({'name': name, 'words': words, 'files': files}))
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_message_of_cpythons_test_suite_is_filed_with_its_text_and_attachments() {
    assert!(
        Path::new(CORPUS).is_dir(),
        "{CORPUS} is missing: install the Debian package libpython3.11-testsuite (.ci/run does)"
    );
    let output = std::process::Command::new("/usr/bin/python3")
        .args(["-c", PYTHON, CORPUS])
        .output()
        .expect("run Debian's python3");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let expected: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert!(
        expected.len() >= 40,
        "the corpus has {} messages",
        expected.len()
    );

    let db = TestDb::sqlite().await;
    let cast = Cast::create(&db.store).await;
    // Corpus messages come from few senders: no flood limit here.
    let settings = MailSettings {
        address: Some("support@olmo.example".into()),
        sender_limit: Some(1000),
        ..MailSettings::default()
    };
    let config = MailConfig::resolve(&settings, &db.store)
        .await
        .expect("settings");
    let inbound = Inbound::new(db.store.clone(), Arc::new(config));
    let mut checked_words = 0;
    let mut checked_files = 0;
    for message in &expected {
        let name = message["name"].as_str().expect("name");
        let raw = std::fs::read(Path::new(CORPUS).join(name)).expect("read");
        let receipt = inbound
            .receive(
                &raw,
                MailSource::Cli,
                None,
                &["support@olmo.example".into()],
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
            matches!(stored.state.as_str(), "filed" | "held" | "bounce"),
            "{name}: {} ({:?})",
            stored.state,
            stored.reason
        );
        if stored
            .reason
            .as_deref()
            .is_some_and(|r| r.starts_with("unreadable"))
        {
            panic!("{name} could not be read: {:?}", stored.reason);
        }
        let text: String = stored
            .body
            .clone()
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let words: Vec<&str> = message["words"]
            .as_array()
            .expect("words")
            .iter()
            .filter_map(|w| w.as_str())
            .collect();
        if !words.is_empty() && stored.state != "bounce" {
            assert!(
                text.contains(&words.join(" ")),
                "{name}: Python reads {words:?} but Accord stored {text:?}"
            );
            checked_words += 1;
        }
        for file in message["files"]
            .as_array()
            .expect("files")
            .iter()
            .filter_map(|f| f.as_str())
        {
            if stored.state == "bounce" {
                continue;
            }
            assert!(
                stored.attachments.iter().any(|a| a == file.trim()),
                "{name}: attachment {file:?} missing from {:?}",
                stored.attachments
            );
            checked_files += 1;
        }
    }
    eprintln!(
        "{} messages; text checked on {checked_words}, {checked_files} attachments found",
        expected.len()
    );
    assert!(
        checked_words >= 30 && checked_files >= 10,
        "the corpus checks too little: {checked_words} texts, {checked_files} files"
    );
}
