//! The SMTP side of the mail peers: an aiosmtpd sink (the relay outbound mail goes to),
//! swaks and Python's smtplib (clients), and the waiting helpers. Apart from Dovecot so
//! that tests of other crates can include it without an IMAP client.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn require(program: &str, package: &str) -> PathBuf {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .chain([PathBuf::from("/usr/sbin"), PathBuf::from("/usr/bin")])
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    });
    found.unwrap_or_else(|| {
        panic!("{program} is not installed: install the Debian package {package} (.ci/run does)")
    })
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

pub async fn wait_for_port(port: u16) {
    let started = Instant::now();
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "nothing listens on port {port}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until `check` holds, for up to 20 seconds.
pub async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let started = Instant::now();
    while !check().await {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "timed out waiting: {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// An SMTP server that keeps what it receives in a Maildir: the relay of outbound mail.
pub struct SmtpSink {
    pub port: u16,
    maildir: PathBuf,
    child: Child,
    _dir: tempfile::TempDir,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        // Debian's python3-aiosmtpd is installed for Debian's own interpreter.
        let python = Path::new("/usr/bin/python3");
        assert!(
            python.is_file(),
            "/usr/bin/python3 is missing: install the Debian package python3-aiosmtpd"
        );
        let dir = tempfile::tempdir().expect("temporary directory");
        let maildir = dir.path().join("Maildir");
        let port = free_port();
        let child = Command::new(python)
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-c",
                "aiosmtpd.handlers.Mailbox",
                "-l",
            ])
            .arg(format!("127.0.0.1:{port}"))
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start aiosmtpd (Debian package python3-aiosmtpd)");
        wait_for_port(port).await;
        SmtpSink {
            port,
            maildir,
            child,
            _dir: dir,
        }
    }

    /// The messages received so far, oldest first.
    pub fn received(&self) -> Vec<Vec<u8>> {
        let mut files: Vec<_> = ["new", "cur"]
            .iter()
            .filter_map(|sub| std::fs::read_dir(self.maildir.join(sub)).ok())
            .flatten()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        files.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends with swaks; returns whether it succeeded and its transcript.
pub fn swaks_try(port: u16, args: &[&str]) -> (bool, String) {
    let swaks = require("swaks", "swaks");
    let output = Command::new(swaks)
        .args([
            "--server",
            &format!("127.0.0.1:{port}"),
            "--hide-informational",
        ])
        .args(args)
        .output()
        .expect("run swaks");
    let transcript = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), transcript)
}

/// Sends with swaks, which must succeed; returns its transcript.
pub fn swaks(port: u16, args: &[&str]) -> String {
    let (ok, transcript) = swaks_try(port, args);
    assert!(ok, "swaks failed:\n{transcript}");
    transcript
}

/// Sends a message with Python's smtplib (the interpreter's own library).
pub fn smtplib(port: u16, from: &str, to: &str, raw: &str) {
    let script = "import smtplib,sys\nraw=sys.stdin.buffer.read()\nwith smtplib.SMTP('127.0.0.1', int(sys.argv[1])) as s:\n    s.sendmail(sys.argv[2], [sys.argv[3]], raw)\n";
    let mut child = Command::new("python3")
        .args(["-c", script, &port.to_string(), from, to])
        .stdin(Stdio::piped())
        .spawn()
        .expect("run python3");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(raw.as_bytes())
        .expect("write message");
    assert!(
        child.wait().expect("python3").success(),
        "smtplib could not send"
    );
}
