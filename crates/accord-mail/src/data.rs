//! Reading the DATA of an SMTP or LMTP transaction: the message ends at `CRLF.CRLF`, and the
//! dot a client doubled at the start of a line is taken away again.
//!
//! Clients stuff a dot after every line end they write, bare LF included, so the dot is
//! removed after any line end, not only CRLF (smtp-proto's receiver does only CRLF and left
//! `....` for `...`). The end of the message is recognised only after a CRLF, as RFC 5321
//! says: accepting `LF.LF` or `LF.CRLF` as the end is what SMTP smuggling exploits.

/// Where in a line the reader is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// At the start of a line; `crlf`: the line before ended with CRLF (or this is the first).
    LineStart { crlf: bool },
    /// A dot at the start of a line, not yet written.
    Dot { crlf: bool },
    /// A dot and a CR at the start of a line, not yet written.
    DotCr { crlf: bool },
    /// Inside a line; `cr`: its last byte was a CR.
    Inside { cr: bool },
}

/// The receiver of one message's DATA, fed as bytes arrive.
#[derive(Clone, Copy, Debug)]
pub struct DataReader {
    state: State,
}

impl Default for DataReader {
    fn default() -> Self {
        DataReader::new()
    }
}

impl DataReader {
    /// The DATA command's own CRLF comes before the first line.
    pub fn new() -> DataReader {
        DataReader {
            state: State::LineStart { crlf: true },
        }
    }

    /// Reads from `bytes` into `message` (or nowhere, when `message` is `None`: a message
    /// over the size limit is read to its end and dropped). Returns true at the end of the
    /// message; `bytes` then holds what follows it (pipelined commands).
    pub fn ingest(
        &mut self,
        bytes: &mut std::slice::Iter<'_, u8>,
        mut message: Option<&mut Vec<u8>>,
    ) -> bool {
        let mut push = |b: &[u8]| {
            if let Some(m) = message.as_deref_mut() {
                m.extend_from_slice(b);
            }
        };
        for &b in bytes.by_ref() {
            self.state = match self.state {
                State::LineStart { crlf } if b == b'.' => State::Dot { crlf },
                State::LineStart { .. } => inside(b, &mut push),
                State::Dot { crlf } if b == b'\r' => State::DotCr { crlf },
                // A line of one dot after a bare LF was not stuffed (a stuffing client
                // sends `..`): it is text, kept as sent.
                State::Dot { .. } if b == b'\n' => {
                    push(b".\n");
                    State::LineStart { crlf: false }
                }
                // The stuffed dot goes; the byte after it is text.
                State::Dot { .. } => inside(b, &mut push),
                State::DotCr { crlf: true } if b == b'\n' => return true,
                State::DotCr { crlf: false } if b == b'\n' => {
                    push(b".\r\n");
                    State::LineStart { crlf: true }
                }
                State::DotCr { .. } => {
                    push(b"\r");
                    inside_after_cr(b, &mut push)
                }
                State::Inside { cr: true } => inside_after_cr(b, &mut push),
                State::Inside { cr: false } => inside(b, &mut push),
            };
        }
        false
    }
}

/// A byte inside a line whose previous byte was not a CR.
fn inside(b: u8, push: &mut impl FnMut(&[u8])) -> State {
    push(&[b]);
    match b {
        b'\n' => State::LineStart { crlf: false },
        b'\r' => State::Inside { cr: true },
        _ => State::Inside { cr: false },
    }
}

/// A byte inside a line right after a CR.
fn inside_after_cr(b: u8, push: &mut impl FnMut(&[u8])) -> State {
    push(&[b]);
    match b {
        b'\n' => State::LineStart { crlf: true },
        b'\r' => State::Inside { cr: true },
        _ => State::Inside { cr: false },
    }
}

#[cfg(test)]
mod tests {
    use super::DataReader;

    /// Feeds `data` in pieces of `step` bytes; returns the message and what followed it.
    fn read(data: &[u8], step: usize) -> (Vec<u8>, Vec<u8>) {
        let mut reader = DataReader::new();
        let mut message = Vec::new();
        for (i, chunk) in data.chunks(step).enumerate() {
            let mut bytes = chunk.iter();
            if reader.ingest(&mut bytes, Some(&mut message)) {
                let mut rest = bytes.as_slice().to_vec();
                for later in data.chunks(step).skip(i + 1) {
                    rest.extend_from_slice(later);
                }
                return (message, rest);
            }
        }
        panic!("no end of data in {data:?}");
    }

    #[test]
    fn stuffed_dots_go_after_crlf_and_after_bare_lf_whatever_the_chunking() {
        let cases: [(&[u8], &[u8]); 6] = [
            (b"a\r\n....\r\n.\r\n", b"a\r\n...\r\n"),
            (b"a\n....\n..\\x\n\r\n.\r\n", b"a\n...\n.\\x\n\r\n"),
            (
                b"Ol\xc3\xa1\n../x\n.. leading\n\r\n.\r\n",
                b"Ol\xc3\xa1\n./x\n. leading\n\r\n",
            ),
            (b"..first\r\nsecond\r\n.\r\n", b".first\r\nsecond\r\n"),
            (
                b"mixed\r\n..a\n..b\r\n..c\n\r\n.\r\n",
                b"mixed\r\n.a\n.b\r\n.c\n\r\n",
            ),
            (b"\r\n.\r\n", b"\r\n"),
        ];
        for (data, expected) in cases {
            for step in [1, 2, 3, 7, data.len()] {
                let (message, rest) = read(data, step);
                assert_eq!(
                    String::from_utf8_lossy(&message),
                    String::from_utf8_lossy(expected),
                    "{data:?} read {step} bytes at a time"
                );
                assert!(rest.is_empty());
            }
        }
    }

    #[test]
    fn only_crlf_dot_crlf_ends_the_message() {
        // LF.LF and LF.CRLF are text (SMTP smuggling relies on servers that end there).
        let data = b"one\n.\ntwo\n.\r\nthree\r\n.\r\nQUIT\r\n";
        let (message, rest) = read(data, 4);
        assert_eq!(message, b"one\n.\ntwo\n.\r\nthree\r\n".to_vec());
        assert_eq!(rest, b"QUIT\r\n".to_vec());
    }

    #[test]
    fn a_lone_cr_after_a_stuffed_dot_is_kept() {
        let (message, _) = read(b"..\rx\r\n.\r\n", 1);
        assert_eq!(message, b".\rx\r\n".to_vec());
        let (message, _) = read(b".\rx\r\n.\r\n", 1);
        assert_eq!(message, b"\rx\r\n".to_vec());
    }

    #[test]
    fn an_oversize_message_is_read_to_its_end_and_kept_nowhere() {
        let mut reader = DataReader::new();
        let data = b"big\r\n..\r\n.\r\nRSET\r\n";
        let mut bytes = data.iter();
        assert!(reader.ingest(&mut bytes, None));
        assert_eq!(bytes.as_slice(), b"RSET\r\n");
    }
}
