//! Benchmark of the inbound path (issue 4 acceptance 6): messages per second acknowledged
//! over SMTP by 8 concurrent connections on SQLite, the rate at which they are filed into
//! cases, and — in the same run, as the ceiling — how fast the parser alone reads them.
//!
//! cargo run --release -p accord-mail --example smtp_ingest -- [messages]

use std::sync::Arc;
use std::time::{Duration, Instant};

use accord_mail::config::MailSettings;
use accord_mail::service::{Listen, start};
use accord_mail::smtp_client::SmtpClient;
use accord_store::{Store, StoreOptions};

const CONNECTIONS: usize = 8;

const TEXTS: [&str; 4] = [
    "Hello, the drill we bought last week stopped working after two days. Could you send a replacement or tell us how to return it?",
    "Hola, el pedido de tornillos llegó incompleto: faltan dos cajas. ¿Pueden enviarlas esta semana, por favor?",
    "Bom dia, a fatura de outubro tem um valor errado. Podem verificar e enviar uma nova, por favor?",
    "Labdien! Mūsu pasūtījums kavējas jau nedēļu. Lūdzu, pasakiet, kad tas pienāks.",
];

/// A typical support message: text and HTML alternatives, one in ten with a 30 KB file.
fn message(i: usize) -> String {
    let text = TEXTS[i % TEXTS.len()];
    let mut raw = format!(
        "From: Customer {i} <customer{}@bench.example>\r\nTo: support@bench.example\r\nMessage-ID: <bench-{i}@bench.example>\r\n\
         Subject: Order {i}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n\
         --m\r\nContent-Type: multipart/alternative; boundary=\"a\"\r\n\r\n\
         --a\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{text}\r\n\r\nBest regards\r\n\
         --a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>{text}</p><p>Best regards</p></body></html>\r\n--a--\r\n",
        i % 500
    );
    if i.is_multiple_of(10) {
        raw.push_str("--m\r\nContent-Type: application/pdf; name=\"invoice.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        for _ in 0..400 {
            raw.push_str("JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29kZT4+\r\n");
        }
    }
    raw.push_str("--m--\r\n");
    raw
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(4000);
    let messages: Arc<Vec<String>> = Arc::new((0..count).map(message).collect());

    // The ceiling: the parser alone, one core.
    let limits = accord_mail::Limits::default();
    let started = Instant::now();
    let mut words = 0;
    for raw in messages.iter() {
        words += accord_mail::parse(raw.as_bytes(), None, &limits).text.len();
    }
    let parse_rate = count as f64 / started.elapsed().as_secs_f64();
    assert!(words > 0);

    let dir = tempfile::tempdir().expect("temporary directory");
    let store = Store::connect(&StoreOptions {
        url: format!("sqlite://{}", dir.path().join("accord.db").display()),
        attachments_dir: dir.path().join("attachments"),
        max_connections: 16,
    })
    .await
    .expect("database");
    store.migrate().await.expect("schema");
    let settings = MailSettings {
        address: Some("support@bench.example".into()),
        sender_limit: Some(1_000_000),
        ..MailSettings::default()
    };
    let listen = Listen {
        smtp: Some(([127, 0, 0, 1], 0).into()),
        lmtp: None,
    };
    let (_, running) = start(&store, &settings, &listen)
        .await
        .expect("mail channel");
    let address = running.smtp.expect("smtp");

    let started = Instant::now();
    let tasks: Vec<_> = (0..CONNECTIONS)
        .map(|c| {
            let messages = messages.clone();
            tokio::spawn(async move {
                let mut client = SmtpClient::connect(address).await.expect("connect");
                for raw in messages.iter().skip(c).step_by(CONNECTIONS) {
                    let code = client
                        .send(
                            "customer@bench.example",
                            "support@bench.example",
                            raw.as_bytes(),
                        )
                        .await
                        .expect("send");
                    assert_eq!(code, 250);
                }
                client.quit().await.expect("quit");
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("client");
    }
    let acknowledged = started.elapsed();
    loop {
        let filed: i64 = store
            .mail_counts()
            .await
            .expect("counts")
            .iter()
            .filter(|(s, _)| s == "filed")
            .map(|(_, n)| n)
            .sum();
        if filed as usize >= count {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let filed = started.elapsed();
    println!(
        "messages:                 {count} ({} KB on average)",
        messages.iter().map(String::len).sum::<usize>() / count / 1024
    );
    println!("parser alone (1 core):    {parse_rate:.0} messages/s");
    println!(
        "acknowledged over SMTP:   {:.0} messages/s ({CONNECTIONS} connections, 250 after a durable commit)",
        count as f64 / acknowledged.as_secs_f64()
    );
    println!(
        "filed into cases:         {:.0} messages/s (received, parsed, threaded, case opened)",
        count as f64 / filed.as_secs_f64()
    );
}
