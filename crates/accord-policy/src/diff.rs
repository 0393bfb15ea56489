//! What changed between two versions of a policy (PRODUCT.md B2): a line diff of their
//! sources, grouped into hunks with a few lines of context, for the version page and API.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineChange {
    Same,
    Added,
    Removed,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    pub change: LineChange,
    /// Line number in the older source (1-based), absent for an added line.
    pub old_line: Option<usize>,
    /// Line number in the newer source (1-based), absent for a removed line.
    pub new_line: Option<usize>,
    pub text: String,
}

/// Changed lines with their context; hunks are separated by unchanged stretches.
pub type Hunk = Vec<DiffLine>;

/// The changes from `old` to `new`, with `context` unchanged lines around each change.
/// Empty when the sources are equal.
pub fn source_diff(old: &str, new: &str, context: usize) -> Vec<Hunk> {
    let diff = TextDiff::from_lines(old, new);
    diff.grouped_ops(context)
        .iter()
        .map(|group| {
            group
                .iter()
                .flat_map(|op| diff.iter_changes(op))
                .map(|change| DiffLine {
                    change: match change.tag() {
                        ChangeTag::Equal => LineChange::Same,
                        ChangeTag::Insert => LineChange::Added,
                        ChangeTag::Delete => LineChange::Removed,
                    },
                    old_line: change.old_index().map(|i| i + 1),
                    new_line: change.new_index().map(|i| i + 1),
                    text: change.value().trim_end_matches(['\n', '\r']).to_owned(),
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "[policy]\nname = \"A\"\n\n[[procedures]]\nid = \"email\"\nfirst_response = \"4h\"\nresolution = \"3d\"\n";

    #[test]
    fn a_changed_standard_shows_as_one_line_removed_and_one_added_with_context() {
        let new = OLD.replace("\"4h\"", "\"2h\"");
        let hunks = source_diff(OLD, &new, 1);
        assert_eq!(hunks.len(), 1);
        let lines: Vec<_> = hunks[0]
            .iter()
            .map(|l| (l.change, l.old_line, l.new_line, l.text.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (LineChange::Same, Some(5), Some(5), "id = \"email\""),
                (
                    LineChange::Removed,
                    Some(6),
                    None,
                    "first_response = \"4h\""
                ),
                (LineChange::Added, None, Some(6), "first_response = \"2h\""),
                (LineChange::Same, Some(7), Some(7), "resolution = \"3d\""),
            ]
        );
    }

    #[test]
    fn equal_sources_have_no_hunks_and_distant_changes_have_one_each() {
        assert!(source_diff(OLD, OLD, 3).is_empty());
        let new = OLD.replace("\"A\"", "\"B\"").replace("\"3d\"", "\"2d\"");
        assert_eq!(source_diff(OLD, &new, 1).len(), 2);
        assert_eq!(source_diff(OLD, &new, 3).len(), 1, "close enough to merge");
    }
}
