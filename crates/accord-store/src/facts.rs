//! The facts of a case that policy conditions read (channel, category, tags, account tier,
//! revenue, tenure …), loaded from `cases c LEFT JOIN organizations o`.

use accord_core::case::{Channel, Priority};
use accord_core::ids::CaseId;
use accord_core::language::Language;
use accord_core::people::Tier;
use accord_policy::condition::Facts;
use jiff::civil::Date;

use crate::db::Conn;
use crate::value::Row;
use crate::{Result, StoreError};

/// The columns [`facts_from_row`] reads, from `cases c LEFT JOIN organizations o`.
pub(crate) const FACT_COLUMNS: &str = "c.channel, c.category, c.language, c.priority, c.tags, \
     o.tier, o.name, o.contract_ref, o.annual_revenue_minor, o.customer_since, c.procedure_pin";

/// How many columns [`FACT_COLUMNS`] has.
pub(crate) const FACT_COUNT: usize = 11;

/// Reads [`FACT_COLUMNS`] starting at column `at`.
pub(crate) fn facts_from_row(r: &mut Row, at: usize, today: Date) -> Result<Facts> {
    Ok(Facts {
        channel: Channel::parse(&r.text(at)?),
        category: r.opt_text(at + 1)?,
        language: Language::from_tag(&r.text(at + 2)?),
        priority: Priority::parse(&r.text(at + 3)?),
        tags: r.json(at + 4)?,
        tier: r.opt_text(at + 5)?.as_deref().and_then(Tier::parse),
        organization: r.opt_text(at + 6)?,
        contract: r.opt_text(at + 7)?,
        revenue_minor: r.opt_i64(at + 8)?,
        customer_since: r.opt_text(at + 9)?.and_then(|d| d.parse().ok()),
        today: Some(today),
        procedure_pin: r.opt_text(at + 10)?,
    })
}

pub(crate) async fn load_facts(c: &mut Conn<'_>, case: CaseId, today: Date) -> Result<Facts> {
    let row = c
        .fetch_optional(
            &format!("SELECT {FACT_COLUMNS} FROM cases c LEFT JOIN organizations o ON o.id = c.organization_id WHERE c.id = $1"),
            args![case.0],
        )
        .await?;
    facts_from_row(&mut row.ok_or(StoreError::not_found("case"))?, 0, today)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_column_count_matches_the_column_list() {
        assert_eq!(super::FACT_COLUMNS.split(',').count(), super::FACT_COUNT);
    }
}
