//! Conditions that select which rules apply to a case: a typed tree with a readable text
//! form, a subset of CEL (`case.channel == "email" && account.tier in ["gold", "platinum"]`).
//!
//! The text is parsed by the `cel` crate and lowered here into [`Condition`], checking
//! every field name, operator and value, so a typo is an error when the policy is loaded,
//! not a rule that silently never matches. A condition is then evaluated two ways that must
//! agree: natively on a case's [`Facts`], and as SQL (`to_sql`) so "which open cases does
//! this rule match now?" is one query. Both use SQL's three-valued logic — a missing value
//! (a case without an organization) makes a comparison unknown, and `!unknown` is still
//! unknown — so they agree on every case; a property test in `tests/condition_sql.rs` runs
//! both on SQLite.

use std::fmt;

use accord_core::case::{Channel, Priority};
use accord_core::language::Language;
use accord_core::people::Tier;
use cel::common::ast::{Expr, LiteralValue, operators};
use cel::parser::Parser;
use jiff::civil::Date;
use sea_query::{Alias, Cond, Expr as Sql, Query, SimpleExpr};

/// What a condition can ask about a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Channel,
    Category,
    Language,
    Priority,
    Tags,
    Tier,
    Organization,
    Contract,
    /// Annual revenue of the account, in major units of its currency.
    Revenue,
    /// Whole years since the account became a customer.
    TenureYears,
}

enum Kind {
    /// One of a fixed list of values, in increasing order where order matters.
    Enum {
        values: &'static [&'static str],
        ordered: bool,
    },
    Text,
    Number,
    TagList,
}

const CHANNELS: &[&str] = &["email", "web", "chat", "phone", "social", "api"];
const LANGUAGES: &[&str] = &["en", "es", "pt", "lv"];
const PRIORITIES: &[&str] = &["low", "normal", "high", "urgent"];
const TIERS: &[&str] = &["standard", "silver", "gold", "platinum"];

impl Field {
    pub const ALL: &'static [Field] = &[
        Field::Channel,
        Field::Category,
        Field::Language,
        Field::Priority,
        Field::Tags,
        Field::Tier,
        Field::Organization,
        Field::Contract,
        Field::Revenue,
        Field::TenureYears,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Channel => "case.channel",
            Field::Category => "case.category",
            Field::Language => "case.language",
            Field::Priority => "case.priority",
            Field::Tags => "case.tags",
            Field::Tier => "account.tier",
            Field::Organization => "account.organization",
            Field::Contract => "account.contract",
            Field::Revenue => "account.revenue",
            Field::TenureYears => "account.tenure_years",
        }
    }

    fn from_name(name: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.name() == name)
    }

    fn kind(self) -> Kind {
        match self {
            Field::Channel => Kind::Enum {
                values: CHANNELS,
                ordered: false,
            },
            Field::Language => Kind::Enum {
                values: LANGUAGES,
                ordered: false,
            },
            Field::Priority => Kind::Enum {
                values: PRIORITIES,
                ordered: true,
            },
            Field::Tier => Kind::Enum {
                values: TIERS,
                ordered: true,
            },
            Field::Category | Field::Organization | Field::Contract => Kind::Text,
            Field::Revenue | Field::TenureYears => Kind::Number,
            Field::Tags => Kind::TagList,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    fn from_function(name: &str) -> Option<CmpOp> {
        Some(match name {
            operators::EQUALS => CmpOp::Eq,
            operators::NOT_EQUALS => CmpOp::Ne,
            operators::LESS => CmpOp::Lt,
            operators::LESS_EQUALS => CmpOp::Le,
            operators::GREATER => CmpOp::Gt,
            operators::GREATER_EQUALS => CmpOp::Ge,
            _ => return None,
        })
    }

    fn holds(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CmpOp::Eq => ordering == Equal,
            CmpOp::Ne => ordering != Equal,
            CmpOp::Lt => ordering == Less,
            CmpOp::Le => ordering != Greater,
            CmpOp::Gt => ordering == Greater,
            CmpOp::Ge => ordering != Less,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Text(String),
    Number(f64),
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Text(t) => write!(f, "{t:?}"),
            Literal::Number(n) => write!(f, "{n}"),
        }
    }
}

/// A checked condition. Build it with [`Condition::parse`].
#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    Always,
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    Compare {
        field: Field,
        op: CmpOp,
        value: Literal,
    },
    OneOf {
        field: Field,
        values: Vec<Literal>,
    },
    HasTag(String),
}

/// A condition the policy author must fix: what is wrong and where in the expression
/// (1-based line and column within the condition text).
#[derive(Clone, Debug, PartialEq)]
pub struct ConditionError {
    pub line: usize,
    pub column: usize,
    /// Machine code, translated by the interfaces (`policy-condition-<code>`).
    pub code: &'static str,
    /// The offending piece (a field name, a value, an operator).
    pub subject: String,
    /// What would be accepted there.
    pub expected: String,
}

/// The facts about one case a condition reads. `None` is a missing value (no organization,
/// no category): comparisons with it are unknown, as in SQL.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub channel: Option<Channel>,
    pub category: Option<String>,
    pub language: Option<Language>,
    pub priority: Option<Priority>,
    pub tags: Vec<String>,
    pub tier: Option<Tier>,
    pub organization: Option<String>,
    pub contract: Option<String>,
    pub revenue_minor: Option<i64>,
    pub customer_since: Option<Date>,
    /// The day tenure is measured on.
    pub today: Option<Date>,
    /// The procedure the case was opened under by its channel's settings (an email
    /// mailbox names one); it governs while the policy has it for the case's channel.
    pub procedure_pin: Option<String>,
}

impl Condition {
    /// Parses and checks the text form.
    pub fn parse(text: &str) -> Result<Condition, ConditionError> {
        if text.trim().is_empty() {
            return Ok(Condition::Always);
        }
        let (expr, info) = Parser::new()
            .parse_with_source_info(text)
            .map_err(|errors| {
                let first = errors.errors.first();
                let (line, column) = first.map(|e| e.pos).unwrap_or((1, 1));
                ConditionError {
                    line: usize::try_from(line).unwrap_or(1).max(1),
                    column: usize::try_from(column).unwrap_or(1).max(1),
                    code: "syntax",
                    subject: first.map(|e| e.msg.clone()).unwrap_or_default(),
                    expected: String::new(),
                }
            })?;
        let lowering = Lowering { text, info: &info };
        lowering.condition(&expr)
    }

    /// Evaluates on a case, with SQL's three-valued logic: `None` is unknown.
    pub fn eval(&self, facts: &Facts) -> Option<bool> {
        match self {
            Condition::Always => Some(true),
            Condition::All(parts) => {
                let mut result = Some(true);
                for part in parts {
                    match part.eval(facts) {
                        Some(false) => return Some(false),
                        None => result = None,
                        Some(true) => {}
                    }
                }
                result
            }
            Condition::Any(parts) => {
                let mut result = Some(false);
                for part in parts {
                    match part.eval(facts) {
                        Some(true) => return Some(true),
                        None => result = None,
                        Some(false) => {}
                    }
                }
                result
            }
            Condition::Not(inner) => inner.eval(facts).map(|b| !b),
            Condition::HasTag(tag) => Some(facts.tags.contains(tag)),
            Condition::Compare { field, op, value } => compare(facts, *field, *op, value),
            Condition::OneOf { field, values } => {
                let mut result = Some(false);
                for value in values {
                    match compare(facts, *field, CmpOp::Eq, value) {
                        Some(true) => return Some(true),
                        None => result = None,
                        Some(false) => {}
                    }
                }
                result
            }
        }
    }

    /// Whether the rule applies to a case: only a definite yes counts.
    pub fn matches(&self, facts: &Facts) -> bool {
        self.eval(facts) == Some(true)
    }

    /// The condition as a SQL expression over `cases` aliased `c` left-joined to
    /// `organizations` aliased `o` (and `case_tags` in a subquery). `today` is the day
    /// tenure is measured on.
    pub fn to_sql(&self, today: Date) -> SimpleExpr {
        match self {
            Condition::Always => Sql::cust("1 = 1"),
            Condition::All(parts) => {
                let mut cond = Cond::all();
                for part in parts {
                    cond = cond.add(part.to_sql(today));
                }
                cond.into()
            }
            Condition::Any(parts) => {
                let mut cond = Cond::any();
                for part in parts {
                    cond = cond.add(part.to_sql(today));
                }
                cond.into()
            }
            Condition::Not(inner) => inner.to_sql(today).not(),
            Condition::HasTag(tag) => Sql::exists(
                Query::select()
                    .expr(Sql::cust("1"))
                    .from_as(Alias::new("case_tags"), Alias::new("t"))
                    .and_where(
                        Sql::col((Alias::new("t"), Alias::new("case_id")))
                            .equals((Alias::new("c"), Alias::new("id"))),
                    )
                    .and_where(Sql::col((Alias::new("t"), Alias::new("tag"))).eq(tag.as_str()))
                    .to_owned(),
            ),
            Condition::Compare { field, op, value } => sql_compare(*field, *op, value, today),
            Condition::OneOf { field, values } => {
                let mut cond = Cond::any();
                for value in values {
                    cond = cond.add(sql_compare(*field, CmpOp::Eq, value, today));
                }
                cond.into()
            }
        }
    }

    /// Conjuncts of the form `field == value`, for contradiction checks.
    pub fn equalities(&self) -> Vec<(Field, &Literal)> {
        match self {
            Condition::Compare {
                field,
                op: CmpOp::Eq,
                value,
            } => vec![(*field, value)],
            Condition::All(parts) => parts.iter().flat_map(Condition::equalities).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the condition can never hold because it requires one field to equal two
    /// different values (`case.channel == "email" && case.channel == "phone"`).
    pub fn is_contradictory(&self) -> bool {
        let equalities = self.equalities();
        equalities.iter().enumerate().any(|(i, (field, value))| {
            equalities
                .iter()
                .skip(i + 1)
                .any(|(f, v)| f == field && v != value)
        })
    }

    fn precedence(&self) -> u8 {
        match self {
            Condition::Any(_) => 1,
            Condition::All(_) => 2,
            _ => 3,
        }
    }
}

fn column(field: Field) -> Sql {
    let (table, name) = match field {
        Field::Channel => ("c", "channel"),
        Field::Category => ("c", "category"),
        Field::Language => ("c", "language"),
        Field::Priority => ("c", "priority"),
        Field::Tags => ("c", "tags"),
        Field::Tier => ("o", "tier"),
        Field::Organization => ("o", "name"),
        Field::Contract => ("o", "contract_ref"),
        Field::Revenue => ("o", "annual_revenue_minor"),
        Field::TenureYears => ("o", "customer_since"),
    };
    Sql::col((Alias::new(table), Alias::new(name)))
}

/// Tenure compared with a number, as "customer since on or before a cut-off day" tests.
/// Tenure is whole years, so `>= 2.5` means `>= 3`.
fn tenure_bounds(op: CmpOp, n: f64) -> (Option<i64>, Option<i64>) {
    // (at least this many years, fewer than this many years)
    let ceil = n.ceil() as i64;
    let floor = n.floor() as i64;
    match op {
        CmpOp::Ge => (Some(ceil), None),
        CmpOp::Gt => (Some(floor + 1), None),
        CmpOp::Le => (None, Some(floor + 1)),
        CmpOp::Lt => (None, Some(ceil)),
        CmpOp::Eq if n.fract() == 0.0 => (Some(floor), Some(floor + 1)),
        // Never equal to a fraction; "at least 1 and fewer than 0" is false whenever known.
        CmpOp::Eq => (Some(1), Some(0)),
        CmpOp::Ne if n.fract() == 0.0 => (None, None),
        CmpOp::Ne => (Some(0), None),
    }
}

fn years_before(today: Date, years: i64) -> Date {
    let years = years.clamp(-200, 200);
    today
        .checked_sub(jiff::Span::new().years(years))
        .unwrap_or(if years > 0 { Date::MIN } else { Date::MAX })
}

fn priority_rank(p: Priority) -> usize {
    PRIORITIES
        .iter()
        .position(|v| *v == p.as_str())
        .unwrap_or(0)
}

fn tier_rank(t: Tier) -> usize {
    TIERS.iter().position(|v| *v == t.as_str()).unwrap_or(0)
}

fn rank_of(values: &[&str], text: &str) -> usize {
    values.iter().position(|v| *v == text).unwrap_or(0)
}

fn compare(facts: &Facts, field: Field, op: CmpOp, value: &Literal) -> Option<bool> {
    match (field, value) {
        (Field::TenureYears, Literal::Number(n)) => {
            let since = facts.customer_since?;
            let today = facts.today?;
            if op == CmpOp::Ne && n.fract() == 0.0 {
                let eq = compare(facts, field, CmpOp::Eq, value)?;
                return Some(!eq);
            }
            let (at_least, fewer_than) = tenure_bounds(op, *n);
            let lower = at_least.is_none_or(|y| since <= years_before(today, y));
            let upper = fewer_than.is_none_or(|y| since > years_before(today, y));
            Some(lower && upper)
        }
        (Field::Revenue, Literal::Number(n)) => {
            let minor = facts.revenue_minor? as f64;
            minor.partial_cmp(&(n * 100.0)).map(|o| op.holds(o))
        }
        (Field::Priority, Literal::Text(t)) => {
            let have = priority_rank(facts.priority?);
            Some(op.holds(have.cmp(&rank_of(PRIORITIES, t))))
        }
        (Field::Tier, Literal::Text(t)) => {
            let have = tier_rank(facts.tier?);
            Some(op.holds(have.cmp(&rank_of(TIERS, t))))
        }
        (_, Literal::Text(t)) => {
            let have: &str = match field {
                Field::Channel => facts.channel?.as_str(),
                Field::Language => facts.language?.code(),
                Field::Category => facts.category.as_deref()?,
                Field::Organization => facts.organization.as_deref()?,
                Field::Contract => facts.contract.as_deref()?,
                _ => return None,
            };
            Some(op.holds(have.cmp(t.as_str())))
        }
        _ => None,
    }
}

fn sql_op(column: Sql, op: CmpOp, value: sea_query::Value) -> SimpleExpr {
    let value = SimpleExpr::Value(value);
    match op {
        CmpOp::Eq => column.eq(value),
        CmpOp::Ne => column.ne(value),
        CmpOp::Lt => column.lt(value),
        CmpOp::Le => column.lte(value),
        CmpOp::Gt => column.gt(value),
        CmpOp::Ge => column.gte(value),
    }
}

fn sql_compare(field: Field, op: CmpOp, value: &Literal, today: Date) -> SimpleExpr {
    match (field, value) {
        (Field::TenureYears, Literal::Number(n)) => {
            if op == CmpOp::Ne && n.fract() == 0.0 {
                return sql_compare(field, CmpOp::Eq, value, today).not();
            }
            let (at_least, fewer_than) = tenure_bounds(op, *n);
            let since = column(field);
            let mut cond = Cond::all().add(since.clone().is_not_null());
            if let Some(y) = at_least {
                cond = cond.add(since.clone().lte(years_before(today, y).to_string()));
            }
            if let Some(y) = fewer_than {
                cond = cond.add(since.gt(years_before(today, y).to_string()));
            }
            // NULL when the account has no start date, like the native evaluation.
            Sql::case(column(field).is_null(), Sql::cust("NULL"))
                .finally(SimpleExpr::from(cond))
                .into()
        }
        (Field::Revenue, Literal::Number(n)) => {
            sql_op(column(field), op, sea_query::Value::Double(Some(n * 100.0)))
        }
        (Field::Priority | Field::Tier, Literal::Text(t)) if op != CmpOp::Eq && op != CmpOp::Ne => {
            let values = if field == Field::Priority {
                PRIORITIES
            } else {
                TIERS
            };
            let wanted = rank_of(values, t);
            let included: Vec<&str> = values
                .iter()
                .enumerate()
                .filter(|(rank, _)| op.holds(rank.cmp(&wanted)))
                .map(|(_, v)| *v)
                .collect();
            if included.is_empty() {
                // Unknown when the value is missing, false otherwise (as natively).
                Sql::case(column(field).is_null(), Sql::cust("NULL"))
                    .finally(Sql::cust("1 = 0"))
                    .into()
            } else {
                column(field).is_in(included)
            }
        }
        (_, Literal::Text(t)) => sql_op(column(field), op, t.as_str().into()),
        (_, Literal::Number(n)) => sql_op(column(field), op, sea_query::Value::Double(Some(*n))),
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let joined = |f: &mut fmt::Formatter<'_>, parts: &[Condition], sep: &str| {
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    f.write_str(sep)?;
                }
                if part.precedence() < self.precedence() {
                    write!(f, "({part})")?;
                } else {
                    write!(f, "{part}")?;
                }
            }
            Ok(())
        };
        match self {
            Condition::Always => f.write_str("true"),
            Condition::All(parts) => joined(f, parts, " && "),
            Condition::Any(parts) => joined(f, parts, " || "),
            Condition::Not(inner) => write!(f, "!({inner})"),
            Condition::Compare { field, op, value } => {
                write!(f, "{} {} {value}", field.name(), op.symbol())
            }
            Condition::OneOf { field, values } => {
                write!(f, "{} in [", field.name())?;
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{v}")?;
                }
                f.write_str("]")
            }
            Condition::HasTag(tag) => write!(f, "{tag:?} in case.tags"),
        }
    }
}

/// Lowers a CEL expression into a [`Condition`], checking names, types and values.
struct Lowering<'a> {
    text: &'a str,
    info: &'a cel::common::ast::SourceInfo,
}

type Node = cel::common::ast::IdedExpr;

impl Lowering<'_> {
    fn error(
        &self,
        node: &Node,
        code: &'static str,
        subject: String,
        expected: String,
    ) -> ConditionError {
        let offset = self
            .info
            .offset_for(node.id)
            .map(|(start, _)| start as usize)
            .unwrap_or(0);
        let before = self.text.get(..offset).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ConditionError {
            line,
            column,
            code,
            subject,
            expected,
        }
    }

    fn snippet(&self, node: &Node) -> String {
        match self.info.offset_for(node.id) {
            Some((start, stop)) if stop > start => self
                .text
                .get(start as usize..stop as usize)
                .unwrap_or_default()
                .to_owned(),
            _ => describe(&node.expr),
        }
    }

    fn condition(&self, node: &Node) -> Result<Condition, ConditionError> {
        match &node.expr {
            Expr::Literal(LiteralValue::Boolean(b)) => Ok(if *b.inner() {
                Condition::Always
            } else {
                Condition::Not(Box::new(Condition::Always))
            }),
            Expr::Call(call) if call.target.is_none() => {
                let args = &call.args;
                match (call.func_name.as_str(), args.as_slice()) {
                    (operators::LOGICAL_AND, [a, b]) => {
                        Ok(flatten_all(self.condition(a)?, self.condition(b)?))
                    }
                    (operators::LOGICAL_OR, [a, b]) => {
                        Ok(flatten_any(self.condition(a)?, self.condition(b)?))
                    }
                    (operators::LOGICAL_NOT, [a]) => {
                        Ok(Condition::Not(Box::new(self.condition(a)?)))
                    }
                    (operators::IN, [item, list]) => self.membership(node, item, list),
                    (name, [a, b]) if CmpOp::from_function(name).is_some() => {
                        let op = CmpOp::from_function(name).unwrap_or(CmpOp::Eq);
                        self.comparison(node, op, a, b)
                    }
                    _ => Err(self.unsupported(node)),
                }
            }
            _ => Err(self.error(
                node,
                "not-a-condition",
                self.snippet(node),
                "expected-comparison".into(),
            )),
        }
    }

    fn unsupported(&self, node: &Node) -> ConditionError {
        self.error(
            node,
            "unsupported",
            self.snippet(node),
            "==, !=, <, <=, >, >=, in, &&, ||, !".into(),
        )
    }

    fn field(&self, node: &Node) -> Result<Field, ConditionError> {
        let Some(name) = qualified_name(&node.expr) else {
            return Err(self.unsupported(node));
        };
        // Point at the start of the name, not at its last dot.
        let mut start = node;
        while let Expr::Select(select) = &start.expr {
            start = &select.operand;
        }
        Field::from_name(&name).ok_or_else(|| {
            self.error(
                start,
                "unknown-field",
                name.clone(),
                Field::ALL
                    .iter()
                    .map(|f| f.name())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        })
    }

    fn literal(
        &self,
        field: Field,
        node: &Node,
        ordered_op: bool,
    ) -> Result<Literal, ConditionError> {
        let value = match &node.expr {
            Expr::Literal(LiteralValue::String(s)) => Literal::Text(s.inner().to_owned()),
            Expr::Literal(LiteralValue::Int(i)) => Literal::Number(*i.inner() as f64),
            Expr::Literal(LiteralValue::UInt(u)) => Literal::Number(*u.inner() as f64),
            Expr::Literal(LiteralValue::Double(d)) => Literal::Number(*d.inner()),
            _ => {
                return Err(self.error(
                    node,
                    "not-a-value",
                    self.snippet(node),
                    "expected-text-or-number".into(),
                ));
            }
        };
        match (field.kind(), &value) {
            (Kind::Enum { values, ordered }, Literal::Text(t)) => {
                if !values.contains(&t.as_str()) {
                    return Err(self.error(node, "unknown-value", t.clone(), values.join(", ")));
                }
                if ordered_op && !ordered {
                    return Err(self.error(
                        node,
                        "not-ordered",
                        field.name().into(),
                        "==, !=".into(),
                    ));
                }
                Ok(value)
            }
            (Kind::Text, Literal::Text(_)) if !ordered_op => Ok(value),
            (Kind::Text, Literal::Text(_)) => {
                Err(self.error(node, "not-ordered", field.name().into(), "==, !=".into()))
            }
            (Kind::Number, Literal::Number(n)) if n.is_finite() => Ok(value),
            (Kind::Number, _) => {
                Err(self.error(node, "wrong-type", self.snippet(node), "a number".into()))
            }
            (Kind::TagList, _) => Err(self.error(
                node,
                "tags-membership",
                field.name().into(),
                "\"tag\" in case.tags".into(),
            )),
            (_, _) => Err(self.error(
                node,
                "wrong-type",
                self.snippet(node),
                "expected-text".into(),
            )),
        }
    }

    fn comparison(
        &self,
        node: &Node,
        op: CmpOp,
        a: &Node,
        b: &Node,
    ) -> Result<Condition, ConditionError> {
        // Accept `"email" == case.channel` as well as the usual order.
        let (field_node, value_node, op) = if matches!(a.expr, Expr::Literal(_)) {
            let flipped = match op {
                CmpOp::Lt => CmpOp::Gt,
                CmpOp::Le => CmpOp::Ge,
                CmpOp::Gt => CmpOp::Lt,
                CmpOp::Ge => CmpOp::Le,
                other => other,
            };
            (b, a, flipped)
        } else {
            (a, b, op)
        };
        let field = self.field(field_node)?;
        if field == Field::Tags {
            return Err(self.error(
                node,
                "tags-membership",
                field.name().into(),
                "\"tag\" in case.tags".into(),
            ));
        }
        let ordered_op = !matches!(op, CmpOp::Eq | CmpOp::Ne);
        let value = self.literal(field, value_node, ordered_op)?;
        Ok(Condition::Compare { field, op, value })
    }

    fn membership(
        &self,
        node: &Node,
        item: &Node,
        list: &Node,
    ) -> Result<Condition, ConditionError> {
        if let Expr::List(elements) = &list.expr {
            let field = self.field(item)?;
            if field == Field::Tags {
                return Err(self.error(
                    item,
                    "tags-membership",
                    field.name().into(),
                    "\"tag\" in case.tags".into(),
                ));
            }
            let values = elements
                .elements
                .iter()
                .map(|e| self.literal(field, e, false))
                .collect::<Result<Vec<_>, _>>()?;
            if values.is_empty() {
                return Err(self.error(list, "empty-list", "[]".into(), "expected-value".into()));
            }
            return Ok(Condition::OneOf { field, values });
        }
        let field = self.field(list)?;
        if field != Field::Tags {
            return Err(self.error(
                node,
                "unsupported",
                self.snippet(node),
                "\"tag\" in case.tags or case.channel in [\"email\", \"web\"]".into(),
            ));
        }
        match &item.expr {
            Expr::Literal(LiteralValue::String(s)) => Ok(Condition::HasTag(s.inner().to_owned())),
            _ => Err(self.error(
                item,
                "wrong-type",
                self.snippet(item),
                "a quoted tag".into(),
            )),
        }
    }
}

fn flatten_all(a: Condition, b: Condition) -> Condition {
    let mut parts = Vec::new();
    for c in [a, b] {
        match c {
            Condition::All(inner) => parts.extend(inner),
            other => parts.push(other),
        }
    }
    Condition::All(parts)
}

fn flatten_any(a: Condition, b: Condition) -> Condition {
    let mut parts = Vec::new();
    for c in [a, b] {
        match c {
            Condition::Any(inner) => parts.extend(inner),
            other => parts.push(other),
        }
    }
    Condition::Any(parts)
}

fn qualified_name(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Ident(name) => Some(name.clone()),
        Expr::Select(select) if !select.test => Some(format!(
            "{}.{}",
            qualified_name(&select.operand.expr)?,
            select.field
        )),
        _ => None,
    }
}

fn describe(expr: &Expr) -> String {
    match expr {
        Expr::Call(call) => call.func_name.trim_matches('_').to_owned(),
        Expr::Ident(name) => name.clone(),
        other => qualified_name(other).unwrap_or_else(|| "expression".into()),
    }
}

#[cfg(test)]
mod tests;
