//! "Which open cases does this rule match now?" (PRODUCT.md B1): a policy condition lowered
//! to SQL and run as one query over the open cases and their accounts.

use accord_core::access::{Action, Actor};
use accord_core::case::{CaseStatus, Priority};
use accord_core::ids::CaseId;
use accord_policy::condition::Condition;
use jiff::civil::Date;
use sea_query::{Alias, Expr, JoinType, Order, Query, SelectStatement};
use serde::Serialize;

use crate::codec::parse;
use crate::{Result, Store};

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MatchingCases {
    /// How many open cases match.
    pub count: i64,
    /// The newest of them.
    pub cases: Vec<MatchedCase>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MatchedCase {
    pub id: CaseId,
    pub number: i64,
    pub subject: String,
    pub status: CaseStatus,
    pub priority: Priority,
    pub organization: Option<String>,
}

/// Open cases `c` joined to their organization `o`, where the condition holds.
fn open_matching(condition: &Condition, today: Date) -> SelectStatement {
    Query::select()
        .from_as(Alias::new("cases"), Alias::new("c"))
        .join_as(
            JoinType::LeftJoin,
            Alias::new("organizations"),
            Alias::new("o"),
            Expr::col((Alias::new("o"), Alias::new("id")))
                .equals((Alias::new("c"), Alias::new("organization_id"))),
        )
        .and_where(
            Expr::col((Alias::new("c"), Alias::new("status")))
                .is_not_in([CaseStatus::Resolved.as_str(), CaseStatus::Closed.as_str()]),
        )
        .and_where(condition.to_sql(today))
        .to_owned()
}

impl Store {
    /// The open cases a condition matches now: how many, and the newest `limit` of them.
    pub async fn open_cases_matching(
        &self,
        actor: &Actor,
        condition: &Condition,
        today: Date,
        limit: u64,
    ) -> Result<MatchingCases> {
        actor.require(Action::ViewPolicy)?;
        let mut c = self.read().await?;
        let count = c
            .fetch_all_built(
                &open_matching(condition, today)
                    .expr(Expr::cust("COUNT(*)"))
                    .to_owned(),
            )
            .await?
            .pop()
            .map(|mut r| r.i64(0))
            .transpose()?
            .unwrap_or(0);
        let rows = c
            .fetch_all_built(
                &open_matching(condition, today)
                    .columns([
                        (Alias::new("c"), Alias::new("id")),
                        (Alias::new("c"), Alias::new("number")),
                        (Alias::new("c"), Alias::new("subject")),
                        (Alias::new("c"), Alias::new("status")),
                        (Alias::new("c"), Alias::new("priority")),
                        (Alias::new("o"), Alias::new("name")),
                    ])
                    .order_by((Alias::new("c"), Alias::new("number")), Order::Desc)
                    .limit(limit)
                    .to_owned(),
            )
            .await?;
        let cases = rows
            .into_iter()
            .map(|mut r| {
                Ok(MatchedCase {
                    id: CaseId(r.uuid(0)?),
                    number: r.i64(1)?,
                    subject: r.text(2)?,
                    status: parse(&r.text(3)?, "cases.status", CaseStatus::parse)?,
                    priority: parse(&r.text(4)?, "cases.priority", Priority::parse)?,
                    organization: r.opt_text(5)?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(MatchingCases { count, cases })
    }
}
