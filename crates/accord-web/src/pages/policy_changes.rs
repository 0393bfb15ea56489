//! The "what changed" section of a policy version page (PRODUCT.md B2): the lines of the
//! policy document that differ from another version, and the choice of that version.

use accord_core::access::Actor;
use accord_i18n::Tr;
use accord_policy::diff::LineChange;
use accord_store::Store;

use super::PageError;

/// One line of the diff table; rows of class `diff-gap` separate hunks.
pub struct DiffRow {
    pub class: &'static str,
    pub marker: &'static str,
    pub old_line: String,
    pub new_line: String,
    pub text: String,
}

pub struct Changes {
    /// "Changes since version 2", or just "Changes" for the first version.
    pub title: String,
    /// What to say when there are no rows.
    pub empty: String,
    pub rows: Vec<DiffRow>,
    /// Every other version, to compare with instead: (number, label, selected).
    pub choices: Vec<(i64, String, bool)>,
}

pub async fn changes(
    store: &Store,
    tr: Tr,
    actor: &Actor,
    number: i64,
    against: Option<i64>,
) -> Result<Changes, PageError> {
    let diff = store
        .policy_diff(actor, number, against)
        .await
        .map_err(PageError::store(tr))?;
    let mut rows = Vec::new();
    for (i, hunk) in diff.hunks.iter().enumerate() {
        if i > 0 {
            rows.push(DiffRow {
                class: "diff-gap",
                marker: "",
                old_line: String::new(),
                new_line: String::new(),
                text: "…".into(),
            });
        }
        for line in hunk {
            let (class, marker) = match line.change {
                LineChange::Same => ("diff-same", " "),
                LineChange::Added => ("diff-added", "+"),
                LineChange::Removed => ("diff-removed", "−"),
            };
            let number = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
            rows.push(DiffRow {
                class,
                marker,
                old_line: number(line.old_line),
                new_line: number(line.new_line),
                text: line.text.clone(),
            });
        }
    }
    let choices = store
        .list_policy_versions(actor)
        .await
        .map_err(PageError::store(tr))?
        .into_iter()
        .filter(|v| v.number != number)
        .map(|v| {
            let label = tr.t1("notification-version", "number", &v.number.to_string());
            (v.number, label, Some(v.number) == diff.from)
        })
        .collect();
    let (title, empty) = match diff.from {
        Some(from) => (
            tr.t1("policy-changes-since", "number", &from.to_string()),
            tr.t("policy-changes-none"),
        ),
        None => (tr.t("policy-changes"), tr.t("policy-changes-first")),
    };
    Ok(Changes {
        title,
        empty,
        rows,
        choices,
    })
}
