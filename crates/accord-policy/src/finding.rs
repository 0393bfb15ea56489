//! What a policy check reports: a machine code with its arguments (the interfaces
//! translate them, `policy-<code>` in the Fluent files), a severity, and where in the file.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable machine code, e.g. `missing-translation`.
    pub code: &'static str,
    /// 1-based line and column in the policy file (0 when the finding is about the whole file).
    pub line: usize,
    pub column: usize,
    /// Named values the message is built from (`id`, `language`, ...), in a stable order.
    pub args: Vec<(&'static str, String)>,
}

impl Finding {
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Maps byte offsets of a source text to lines and columns.
pub struct Source<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Source<'a> {
    pub fn new(text: &'a str) -> Source<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Source { text, line_starts }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        (line, column)
    }

    /// The offset where the characters of a string value begin, skipping its opening quotes
    /// (and the newline right after `'''` or `"""`, which TOML ignores).
    pub fn string_content_start(&self, span_start: usize) -> usize {
        let rest = self.text.get(span_start..).unwrap_or_default();
        for quote in ["'''", "\"\"\""] {
            if let Some(after) = rest.strip_prefix(quote) {
                let skip = if after.starts_with("\r\n") {
                    2
                } else if after.starts_with('\n') {
                    1
                } else {
                    0
                };
                return span_start + 3 + skip;
            }
        }
        span_start + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let s = Source::new("a = 1\nñame = 'x'\n");
        assert_eq!(s.position(0), (1, 1));
        assert_eq!(s.position(4), (1, 5));
        assert_eq!(s.position(6), (2, 1));
        // "ñ" is two bytes: the quote at byte 14 is the 8th character.
        assert_eq!(s.position(14), (2, 8));
        assert_eq!(s.string_content_start(14), 15);
        let t = Source::new("w = '''\nabc'''");
        assert_eq!(t.string_content_start(4), 8);
    }
}
