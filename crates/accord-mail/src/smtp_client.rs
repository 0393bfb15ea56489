//! A small SMTP client that behaves like a production MTA on one connection: PIPELINING
//! (MAIL, RCPT and DATA in one write), the message dot-stuffed and sent in one write,
//! TCP_NODELAY. For benchmarks and tests of the listener; Accord's own outbound mail goes
//! through lettre.

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

pub struct SmtpClient {
    reader: BufReader<TcpStream>,
}

impl SmtpClient {
    /// Connects and says EHLO.
    pub async fn connect(address: std::net::SocketAddr) -> std::io::Result<SmtpClient> {
        let stream = TcpStream::connect(address).await?;
        stream.set_nodelay(true)?;
        let mut client = SmtpClient {
            reader: BufReader::new(stream),
        };
        client.expect(220).await?;
        client
            .reader
            .get_mut()
            .write_all(b"EHLO client.example\r\n")
            .await?;
        client.expect(250).await?;
        Ok(client)
    }

    /// Sends one message; returns the server's final reply code (250 when it took it).
    pub async fn send(&mut self, from: &str, to: &str, raw: &[u8]) -> std::io::Result<u16> {
        let commands = format!("MAIL FROM:<{from}>\r\nRCPT TO:<{to}>\r\nDATA\r\n");
        self.reader.get_mut().write_all(commands.as_bytes()).await?;
        let mail = self.reply().await?;
        let rcpt = self.reply().await?;
        let data = self.reply().await?;
        if data != 354 {
            // The server refused the sender or the recipient; DATA got 503.
            return Ok(if mail != 250 { mail } else { rcpt });
        }
        self.reader.get_mut().write_all(&dot_stuffed(raw)).await?;
        self.reply().await
    }

    /// [`SmtpClient::send`], with the final reply's text (the listener names the stored
    /// message in it).
    pub async fn send_with_reply(
        &mut self,
        from: &str,
        to: &str,
        raw: &[u8],
    ) -> std::io::Result<(u16, String)> {
        let commands = format!("MAIL FROM:<{from}>\r\nRCPT TO:<{to}>\r\nDATA\r\n");
        self.reader.get_mut().write_all(commands.as_bytes()).await?;
        for _ in 0..3 {
            self.reply().await?;
        }
        self.reader.get_mut().write_all(&dot_stuffed(raw)).await?;
        let mut line = String::new();
        self.reader.read_line(&mut line).await?;
        let code = line.get(..3).and_then(|c| c.parse().ok()).unwrap_or(0);
        Ok((code, line.trim_end().to_owned()))
    }

    pub async fn quit(mut self) -> std::io::Result<()> {
        self.reader.get_mut().write_all(b"QUIT\r\n").await?;
        self.reply().await.map(|_| ())
    }

    async fn expect(&mut self, code: u16) -> std::io::Result<()> {
        match self.reply().await? {
            c if c == code => Ok(()),
            c => Err(std::io::Error::other(format!(
                "expected {code}, the server said {c}"
            ))),
        }
    }

    /// One reply (a multi-line one read to its last line): its code.
    async fn reply(&mut self) -> std::io::Result<u16> {
        loop {
            let mut line = String::new();
            if self.reader.read_line(&mut line).await? == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            if line.len() < 4 || line.as_bytes()[3] != b'-' {
                return line
                    .get(..3)
                    .and_then(|c| c.parse().ok())
                    .ok_or_else(|| std::io::Error::other(format!("not an SMTP reply: {line:?}")));
            }
        }
    }
}

/// The message as DATA carries it: CRLF line ends, a dot doubled at the start of a line,
/// and the terminating `.` line.
fn dot_stuffed(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + 16);
    let mut start_of_line = true;
    let mut previous = 0u8;
    for &b in raw {
        if b == b'\n' && previous != b'\r' {
            out.push(b'\r');
        }
        if start_of_line && b == b'.' {
            out.push(b'.');
        }
        out.push(b);
        start_of_line = b == b'\n';
        previous = b;
    }
    if !start_of_line {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b".\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::dot_stuffed;

    #[test]
    fn lines_starting_with_a_dot_are_stuffed_and_the_message_is_terminated() {
        assert_eq!(
            dot_stuffed(b"a\n.b\r\n..c"),
            b"a\r\n..b\r\n...c\r\n.\r\n".to_vec()
        );
        assert_eq!(dot_stuffed(b"x\r\n"), b"x\r\n.\r\n".to_vec());
    }
}
