use super::*;
use jiff::civil::date;

fn facts() -> Facts {
    Facts {
        channel: Some(Channel::Email),
        category: Some("billing".into()),
        language: Some(Language::Es),
        priority: Some(Priority::High),
        tags: vec!["vip".into()],
        tier: Some(Tier::Gold),
        organization: Some("Ferretería Olmo".into()),
        contract: Some("C-2024-17".into()),
        revenue_minor: Some(12_000_000),
        customer_since: Some(date(2021, 3, 1)),
        today: Some(date(2026, 11, 23)),
        procedure_pin: None,
    }
}

fn check(text: &str, expected: Option<bool>) {
    let condition = Condition::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
    assert_eq!(
        condition.eval(&facts()),
        expected,
        "{text} parsed as {condition:?}"
    );
    // The text form parses back to the same tree.
    let again = Condition::parse(&condition.to_string()).expect("round trip");
    assert_eq!(again, condition, "{text} rendered as {condition}");
}

#[test]
fn conditions_read_the_case_and_its_account() {
    check("", Some(true));
    check("case.channel == \"email\"", Some(true));
    check("case.channel != \"email\"", Some(false));
    check("\"email\" == case.channel", Some(true));
    check("case.channel in [\"web\", \"email\"]", Some(true));
    check("case.language == \"lv\"", Some(false));
    check("case.priority >= \"high\"", Some(true));
    check("case.priority > \"high\"", Some(false));
    check("\"normal\" < case.priority", Some(true));
    check("account.tier in [\"gold\", \"platinum\"]", Some(true));
    check(
        "account.tier >= \"silver\" && account.revenue > 100000",
        Some(true),
    );
    check("account.revenue >= 120000.01", Some(false));
    check("account.tenure_years >= 5", Some(true));
    check("account.tenure_years >= 5.5", Some(false));
    check("account.tenure_years == 5", Some(true));
    check("account.tenure_years > 5", Some(false));
    check("account.tenure_years < 6", Some(true));
    check("\"vip\" in case.tags", Some(true));
    check(
        "!(\"vip\" in case.tags) || case.category == \"billing\"",
        Some(true),
    );
    check("account.organization == \"Ferretería Olmo\"", Some(true));
    check("account.contract != \"C-2024-17\"", Some(false));
    check(
        "(case.channel == \"phone\" || case.channel == \"email\") && !(account.tier == \"standard\")",
        Some(true),
    );
    check("false", Some(false));
}

#[test]
fn a_missing_value_is_unknown_and_stays_unknown_under_negation() {
    let mut f = facts();
    f.tier = None;
    f.organization = None;
    let c = Condition::parse("account.tier == \"gold\"").expect("valid");
    assert_eq!(c.eval(&f), None);
    assert!(!c.matches(&f));
    let negated = Condition::parse("!(account.tier == \"gold\")").expect("valid");
    assert_eq!(negated.eval(&f), None);
    let either =
        Condition::parse("account.tier == \"gold\" || case.channel == \"email\"").expect("valid");
    assert_eq!(either.eval(&f), Some(true));
}

fn error(text: &str) -> ConditionError {
    match Condition::parse(text) {
        Ok(c) => panic!("{text} should be refused, got {c:?}"),
        Err(e) => e,
    }
}

#[test]
fn mistakes_are_named_with_their_position() {
    let e = error("case.chanel == \"email\"");
    assert_eq!(
        (e.code, e.subject.as_str(), e.line, e.column),
        ("unknown-field", "case.chanel", 1, 1)
    );
    assert!(e.expected.contains("case.channel"));

    let e = error("case.channel == \"emial\"");
    assert_eq!(
        (e.code, e.subject.as_str(), e.column),
        ("unknown-value", "emial", 17)
    );
    assert_eq!(e.expected, "email, web, chat, phone, social, api");

    let e = error("case.channel > \"email\"");
    assert_eq!(e.code, "not-ordered");

    let e = error("account.revenue > \"lots\"");
    assert_eq!((e.code, e.column), ("wrong-type", 19));

    let e = error("case.tags == \"vip\"");
    assert_eq!(e.code, "tags-membership");

    let e = error("case.channel");
    assert_eq!(e.code, "not-a-condition");

    let e = error("case.channel == \"email\" &&\n  size(case.tags) > 2");
    assert_eq!((e.code, e.line), ("unsupported", 2));

    let e = error("case.channel == ");
    assert_eq!(e.code, "syntax");

    let e = error("case.channel in []");
    assert_eq!(e.code, "empty-list");
}

#[test]
fn contradictions_are_detected() {
    let c =
        Condition::parse("case.channel == \"email\" && case.channel == \"phone\"").expect("valid");
    assert!(c.is_contradictory());
    let c =
        Condition::parse("case.channel == \"email\" && account.tier == \"gold\"").expect("valid");
    assert!(!c.is_contradictory());
}

#[test]
fn sql_uses_the_case_and_organization_columns() {
    let c = Condition::parse(
        "case.channel == \"email\" && account.tier >= \"gold\" && \"vip\" in case.tags",
    )
    .expect("valid");
    let select = sea_query::Query::select()
        .expr(sea_query::Expr::cust("1"))
        .from_as(Alias::new("cases"), Alias::new("c"))
        .and_where(c.to_sql(date(2026, 11, 23)))
        .to_owned();
    let sql = select.to_string(sea_query::PostgresQueryBuilder);
    assert!(sql.contains(r#""c"."channel" = 'email'"#), "{sql}");
    assert!(
        sql.contains(r#""o"."tier" IN ('gold', 'platinum')"#),
        "{sql}"
    );
    assert!(
        sql.contains(r#"EXISTS(SELECT 1 FROM "case_tags" AS "t""#),
        "{sql}"
    );
}
