//! Real mail peers from Debian's packages, started per test on loopback: Dovecot (IMAP),
//! an aiosmtpd sink (the relay outbound mail goes to), swaks and Python's smtplib (SMTP
//! clients). `.ci/run` installs them; a missing one fails the test with the package name.

#![allow(dead_code)]

mod smtp;

use std::path::PathBuf;
use std::process::Command;

pub use smtp::*;

/// A Dovecot IMAP server with one user, for as long as this value lives.
pub struct Dovecot {
    pub port: u16,
    pub user: &'static str,
    pub password: &'static str,
    config: PathBuf,
    _dir: tempfile::TempDir,
}

impl Dovecot {
    pub async fn start() -> Dovecot {
        let dovecot = require("dovecot", "dovecot-imapd");
        let dir = tempfile::tempdir().expect("temporary directory");
        let d = dir.path();
        let port = free_port();
        let home = d.join("home");
        std::fs::create_dir_all(&home).expect("home");
        // Dovecot reads mail as its own unprivileged user.
        let _ = Command::new("chown")
            .args(["-R", "dovecot:dovecot"])
            .arg(&home)
            .status();
        let _ = Command::new("chmod").args(["755"]).arg(d).status();
        let user = "carla@olmo.example";
        let password = "s3cret-imap";
        std::fs::write(d.join("passwd"), format!("{user}:{{PLAIN}}{password}\n")).expect("passwd");
        let config = d.join("dovecot.conf");
        let text = format!(
            "protocols = imap\nlisten = 127.0.0.1\nbase_dir = {d}/run\nstate_dir = {d}/state\nlog_path = {d}/dovecot.log\n\
             ssl = no\ndisable_plaintext_auth = no\nauth_mechanisms = plain login\nfirst_valid_uid = 1\n\
             passdb {{\n driver = passwd-file\n args = scheme=PLAIN username_format=%u {d}/passwd\n}}\n\
             userdb {{\n driver = static\n args = uid=dovecot gid=dovecot home={d}/home/%u\n}}\n\
             mail_location = maildir:~/Maildir\n\
             service imap-login {{\n inet_listener imap {{\n  address = 127.0.0.1\n  port = {port}\n }}\n inet_listener imaps {{\n  port = 0\n }}\n}}\n\
             service stats {{\n unix_listener stats-reader {{\n  mode = 0666\n }}\n unix_listener stats-writer {{\n  mode = 0666\n }}\n}}\n",
            d = d.display()
        );
        std::fs::write(&config, text).expect("dovecot.conf");
        let status = Command::new(dovecot)
            .arg("-c")
            .arg(&config)
            .status()
            .expect("start dovecot");
        assert!(
            status.success(),
            "dovecot did not start; see {}",
            d.join("dovecot.log").display()
        );
        wait_for_port(port).await;
        Dovecot {
            port,
            user,
            password,
            config,
            _dir: dir,
        }
    }

    /// Puts a message into the user's INBOX, as a mail server delivering to it would.
    pub async fn deliver(&self, raw: &str) {
        let tcp = tokio::net::TcpStream::connect(("127.0.0.1", self.port))
            .await
            .expect("connect");
        let mut client = async_imap::Client::new(tcp);
        client.read_response().await.expect("greeting");
        let mut session = client
            .login(self.user, self.password)
            .await
            .map_err(|(e, _)| e)
            .expect("login");
        session
            .append("INBOX", None, None, raw.as_bytes())
            .await
            .expect("append");
        session.logout().await.expect("logout");
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = Command::new(require("doveadm", "dovecot-core"))
            .arg("-c")
            .arg(&self.config)
            .arg("stop")
            .status();
    }
}
