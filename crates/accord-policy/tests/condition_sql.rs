//! A condition must select the same cases whether it is evaluated natively or lowered to
//! SQL: random conditions over random cases, both ways, on a real SQLite database.

use accord_core::case::{Channel, Priority};
use accord_core::language::Language;
use accord_core::people::Tier;
use accord_policy::condition::{CmpOp, Condition, Facts, Field, Literal};
use jiff::civil::{Date, date};
use proptest::prelude::*;
use sea_query::{Alias, Expr, Query, SqliteQueryBuilder};

const TODAY: Date = date(2026, 11, 23);

fn op() -> impl Strategy<Value = CmpOp> {
    prop_oneof![
        Just(CmpOp::Eq),
        Just(CmpOp::Ne),
        Just(CmpOp::Lt),
        Just(CmpOp::Le),
        Just(CmpOp::Gt),
        Just(CmpOp::Ge)
    ]
}

fn text_of(values: &'static [&'static str]) -> impl Strategy<Value = Literal> {
    prop::sample::select(values).prop_map(|v| Literal::Text(v.to_owned()))
}

fn leaf() -> impl Strategy<Value = Condition> {
    let eq = prop_oneof![Just(CmpOp::Eq), Just(CmpOp::Ne)];
    prop_oneof![
        (eq.clone(), text_of(&["email", "web", "phone"])).prop_map(|(op, value)| {
            Condition::Compare {
                field: Field::Channel,
                op,
                value,
            }
        }),
        (eq.clone(), text_of(&["billing", "delivery"])).prop_map(|(op, value)| {
            Condition::Compare {
                field: Field::Category,
                op,
                value,
            }
        }),
        (eq.clone(), text_of(&["en", "lv"])).prop_map(|(op, value)| Condition::Compare {
            field: Field::Language,
            op,
            value
        }),
        (eq, text_of(&["Olmo", "Rīgas Tehnika"])).prop_map(|(op, value)| Condition::Compare {
            field: Field::Organization,
            op,
            value
        }),
        (op(), text_of(&["low", "normal", "high", "urgent"])).prop_map(|(op, value)| {
            Condition::Compare {
                field: Field::Priority,
                op,
                value,
            }
        }),
        (op(), text_of(&["standard", "silver", "gold", "platinum"])).prop_map(|(op, value)| {
            Condition::Compare {
                field: Field::Tier,
                op,
                value,
            }
        }),
        (op(), 0.0f64..3000.0).prop_map(|(op, n)| Condition::Compare {
            field: Field::Revenue,
            op,
            value: Literal::Number((n * 4.0).round() / 4.0)
        }),
        (
            op(),
            prop_oneof![(0u8..8).prop_map(f64::from), (0.0f64..8.0)]
        )
            .prop_map(|(op, n)| Condition::Compare {
                field: Field::TenureYears,
                op,
                value: Literal::Number(n)
            }),
        prop::collection::vec(text_of(&["standard", "silver", "gold", "platinum"]), 1..3).prop_map(
            |values| Condition::OneOf {
                field: Field::Tier,
                values
            }
        ),
        prop::sample::select(&["vip", "outage"][..]).prop_map(|t| Condition::HasTag(t.to_owned())),
        Just(Condition::Always),
    ]
}

fn condition() -> impl Strategy<Value = Condition> {
    leaf().prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(Condition::All),
            prop::collection::vec(inner.clone(), 1..4).prop_map(Condition::Any),
            inner.prop_map(|c| Condition::Not(Box::new(c))),
        ]
    })
}

fn facts() -> impl Strategy<Value = Facts> {
    let account = prop::option::of((
        prop::sample::select(Tier::ALL),
        prop::option::of(prop::sample::select(&["Olmo", "Rīgas Tehnika"][..])),
        prop::option::of(0i64..300_000),
        prop::option::of((2015i16..2027, 1i8..13, 1i8..29)),
    ));
    (
        prop::sample::select(&[Channel::Email, Channel::Web, Channel::Phone][..]),
        prop::option::of(prop::sample::select(&["billing", "delivery"][..])),
        prop::sample::select(&[Language::En, Language::Lv][..]),
        prop::sample::select(Priority::ALL),
        prop::sample::subsequence(vec!["vip", "outage"], 0..=2),
        account,
    )
        .prop_map(|(channel, category, language, priority, tags, account)| {
            let (tier, organization, revenue_minor, since) = match account {
                Some((t, n, r, s)) => (Some(t), n.map(str::to_owned), r, s),
                None => (None, None, None, None),
            };
            Facts {
                channel: Some(channel),
                category: category.map(str::to_owned),
                language: Some(language),
                priority: Some(priority),
                tags: tags.into_iter().map(str::to_owned).collect(),
                tier,
                organization: if tier.is_some() { organization } else { None },
                contract: None,
                revenue_minor: if tier.is_some() { revenue_minor } else { None },
                customer_since: if tier.is_some() {
                    since.map(|(y, m, d)| date(y, m, d))
                } else {
                    None
                },
                today: Some(TODAY),
                procedure_pin: None,
            }
        })
}

fn database(cases: &[Facts]) -> rusqlite::Connection {
    let db = rusqlite::Connection::open_in_memory().expect("sqlite");
    db.execute_batch(
        "CREATE TABLE organizations (id INTEGER PRIMARY KEY, tier TEXT NOT NULL, name TEXT, contract_ref TEXT, annual_revenue_minor BIGINT, customer_since TEXT);
         CREATE TABLE cases (id INTEGER PRIMARY KEY, channel TEXT NOT NULL, category TEXT, language TEXT NOT NULL, priority TEXT NOT NULL, organization_id INTEGER);
         CREATE TABLE case_tags (case_id INTEGER NOT NULL, tag TEXT NOT NULL);",
    )
    .expect("schema");
    for (id, f) in cases.iter().enumerate() {
        let org = f.tier.map(|tier| {
            db.execute(
                "INSERT INTO organizations (id, tier, name, contract_ref, annual_revenue_minor, customer_since) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![id as i64, tier.as_str(), f.organization, f.contract, f.revenue_minor, f.customer_since.map(|d| d.to_string())],
            )
            .expect("organization");
            id as i64
        });
        db.execute(
            "INSERT INTO cases (id, channel, category, language, priority, organization_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            rusqlite::params![id as i64, f.channel.map(|c| c.as_str()), f.category, f.language.map(|l| l.code()), f.priority.map(|p| p.as_str()), org],
        )
        .expect("case");
        for tag in &f.tags {
            db.execute(
                "INSERT INTO case_tags (case_id, tag) VALUES (?1, ?2)",
                rusqlite::params![id as i64, tag],
            )
            .expect("tag");
        }
    }
    db
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn native_and_sql_select_the_same_cases(condition in condition(), cases in prop::collection::vec(facts(), 1..12)) {
        let db = database(&cases);
        let sql = Query::select()
            .column((Alias::new("c"), Alias::new("id")))
            .from_as(Alias::new("cases"), Alias::new("c"))
            .left_join(
                Alias::new("organizations"),
                Expr::col((Alias::new("o"), Alias::new("id"))).equals((Alias::new("c"), Alias::new("organization_id"))),
            )
            .and_where(condition.to_sql(TODAY))
            .order_by((Alias::new("c"), Alias::new("id")), sea_query::Order::Asc)
            .to_string(SqliteQueryBuilder)
            // The organizations table is aliased `o` in conditions.
            .replace("LEFT JOIN \"organizations\" ON", "LEFT JOIN \"organizations\" AS \"o\" ON");
        let mut statement = db.prepare(&sql).expect("valid SQL");
        let selected: Vec<i64> = statement
            .query_map([], |row| row.get(0))
            .expect("runs")
            .collect::<Result<_, _>>()
            .expect("rows");
        let native: Vec<i64> = cases
            .iter()
            .enumerate()
            .filter(|(_, f)| condition.matches(f))
            .map(|(i, _)| i as i64)
            .collect();
        prop_assert_eq!(selected, native, "condition {} as SQL {}", condition, sql);
        // The text form reads back to the same condition.
        let reparsed = Condition::parse(&condition.to_string());
        prop_assert!(reparsed.is_ok(), "{} does not parse back: {:?}", condition, reparsed);
    }
}
