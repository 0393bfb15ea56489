#![allow(clippy::unwrap_used)]
//! The email durability contract across real server processes (issue 4 acceptance 3): eight
//! SMTP clients send 2,000 messages to `accord serve`, which is killed with SIGKILL midway
//! and restarted. Every message that got 250 is stored, every message is stored exactly
//! once although clients re-send what was not acknowledged, and all are filed after the
//! restart.

use std::collections::BTreeSet;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use accord_mail::smtp_client::SmtpClient;
use accord_testkit::{TestDb, db_test};
use tokio::sync::Mutex;

const MESSAGES: usize = 2000;
const CLIENTS: usize = 8;
/// Acknowledged messages before the server is killed.
const KILL_AFTER: usize = 600;

struct Server(Child);

impl Server {
    fn start(db: &TestDb, data: &std::path::Path, smtp: u16) -> Server {
        let child = Command::new(env!("CARGO_BIN_EXE_accord"))
            .arg("serve")
            .env("ACCORD_DATABASE_URL", &db.url)
            .env("ACCORD_DATA_DIR", data)
            .env("ACCORD_LISTEN", "127.0.0.1:0")
            .env("ACCORD_SMTP_LISTEN", format!("127.0.0.1:{smtp}"))
            .env("ACCORD_MAIL_ADDRESS", "support@crash.example")
            .env("ACCORD_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start accord serve");
        Server(child)
    }

    /// SIGKILL: no shutdown, whatever it was doing.
    fn kill(&mut self) {
        self.0.kill().unwrap();
        self.0.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn message(i: usize) -> String {
    format!(
        "From: Klients {i} <klients{i}@crash.example>\r\nTo: support@crash.example\r\nMessage-ID: <crash-{i}@crash.example>\r\nSubject: Pasūtījums {i}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nLabdien! Mans pasūtījums numur {i} vēl nav atnācis. Lūdzu, pārbaudiet.\r\n"
    )
}

/// A client: sends its share, re-sending on a new connection whatever was not
/// acknowledged (the server may be gone), like an MTA's queue.
async fn client(
    port: u16,
    mine: Vec<usize>,
    acked: Arc<Mutex<BTreeSet<usize>>>,
    count: Arc<AtomicUsize>,
) {
    let mut queue = mine.into_iter().collect::<std::collections::VecDeque<_>>();
    let deadline = Instant::now() + Duration::from_secs(240);
    while let Some(&i) = queue.front() {
        assert!(
            Instant::now() < deadline,
            "the client could not deliver its messages"
        );
        let _ = i;
        let Ok(mut client) = SmtpClient::connect(([127, 0, 0, 1], port).into()).await else {
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        while let Some(&i) = queue.front() {
            let sender = format!("klients{i}@crash.example");
            match client
                .send(&sender, "support@crash.example", message(i).as_bytes())
                .await
            {
                Ok(250) => {
                    acked.lock().await.insert(i);
                    count.fetch_add(1, Ordering::SeqCst);
                    queue.pop_front();
                }
                // A 4xx: try again later; a broken connection: reconnect.
                Ok(_) | Err(_) => break,
            }
        }
    }
}

async fn stored(db: &TestDb) -> Vec<(String, i64, i64)> {
    use sqlx::Row;
    let sql = "SELECT message_id, COUNT(*), SUM(CASE WHEN state = 'filed' THEN 1 ELSE 0 END) FROM mail_inbound GROUP BY message_id";
    // The same query on either engine's pool type.
    macro_rules! run {
        ($pool:ty) => {{
            let pool = <$pool>::connect(&db.url).await.unwrap();
            let rows = sqlx::query(sql).fetch_all(&pool).await.unwrap();
            pool.close().await;
            rows.iter()
                .map(|r| {
                    (
                        r.get::<String, _>(0),
                        r.get::<i64, _>(1),
                        r.get::<i64, _>(2),
                    )
                })
                .collect()
        }};
    }
    if db.url.starts_with("sqlite:") {
        run!(sqlx::SqlitePool)
    } else {
        run!(sqlx::PgPool)
    }
}

db_test! {
    async fn messages_acknowledged_before_a_sigkill_are_stored_exactly_once(db) {
        let data = tempfile::tempdir().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut server = Server::start(&db, data.path(), port);
        let acked = Arc::new(Mutex::new(BTreeSet::new()));
        let count = Arc::new(AtomicUsize::new(0));
        let clients: Vec<_> = (0..CLIENTS)
            .map(|c| {
                let mine: Vec<usize> = (0..MESSAGES).filter(|i| i % CLIENTS == c).collect();
                tokio::spawn(client(port, mine, acked.clone(), count.clone()))
            })
            .collect();
        let started = Instant::now();
        while count.load(Ordering::SeqCst) < KILL_AFTER {
            assert!(started.elapsed() < Duration::from_secs(120), "the server acknowledged only {} messages", count.load(Ordering::SeqCst));
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        server.kill();
        let before_kill: BTreeSet<usize> = acked.lock().await.clone();
        // Every acknowledged message survived the kill.
        let after_kill = stored(&db).await;
        let ids: BTreeSet<String> = after_kill.iter().map(|(id, _, _)| id.clone()).collect();
        for i in &before_kill {
            assert!(ids.contains(&format!("crash-{i}@crash.example")), "message {i} was acknowledged but is lost");
        }
        let _server = Server::start(&db, data.path(), port);
        for c in clients {
            c.await.unwrap();
        }
        assert_eq!(acked.lock().await.len(), MESSAGES);
        // Stored exactly once, and every one filed after the restart.
        let deadline = Instant::now() + Duration::from_secs(180);
        loop {
            let rows = stored(&db).await;
            assert!(rows.iter().all(|(_, n, _)| *n == 1), "a message was stored twice");
            let filed: i64 = rows.iter().map(|(_, _, f)| f).sum();
            if rows.len() == MESSAGES && filed == MESSAGES as i64 {
                break;
            }
            assert!(Instant::now() < deadline, "{} stored, {filed} filed", rows.len());
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        eprintln!("{} acknowledged before the kill; all {MESSAGES} stored once and filed", before_kill.len());
    }
}
