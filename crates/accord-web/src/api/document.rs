//! The OpenAPI document as served at `/api/openapi.json`: what utoipa generates from the
//! routes, completed with what utoipa cannot see.
//!
//! - The answers the extractors give on every route, added to each operation that can
//!   give them: 401 on every route (all need a token), 400 where there is a path, a query,
//!   a body or an `Idempotency-Key` to get wrong, 404 where a path names an object, 413,
//!   415 and 422 where there is a JSON body, 409 where an `Idempotency-Key` can be reused.
//!   Every problem is `application/problem+json`.
//! - The rules the server checks on request bodies ([`RULES`]: `accord_core::validate`'s
//!   checks and the stores' limits), as JSON Schema keywords, so a client can check a
//!   request before sending it and a schema fuzzer generates what the server accepts.
//!
//! A test compares the whole document with `tests/snapshots/openapi.json`, so every change
//! to the API is a visible diff.

use accord_core::{agreement, case, entry, people, remedy};
use serde_json::{Map, Value, json};

/// Unicode `White_Space`: what `str::trim` takes off both ends.
const SPACE: &str = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";
/// What `char::is_control` is true for (Unicode `Cc`).
const CONTROL: &str = r"\x00-\x1f\x7f-\x9f";
/// Control characters but tab, line feed and carriage return.
const CONTROL_BUT_LINES: &str = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f";

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// What the server checks on one field of a request body.
#[derive(Clone, Copy, Debug)]
enum Rule {
    /// `Checker::text`: trimmed, not empty, at most this many characters, one line without
    /// control characters.
    Text(usize),
    /// `Checker::body`: not blank, at most this many characters, no control characters
    /// but line breaks and tabs.
    Body(usize),
    /// Not blank and at most this many characters; anything else goes (but U+0000, which
    /// no text may hold).
    Filled(usize),
    /// At most this many characters (no U+0000).
    Max(usize),
    /// At least one character (no U+0000).
    NotEmpty,
    /// `validate::is_plausible_email`.
    Email,
    /// `validate::is_valid_tag`.
    Tag,
    /// An ISO 4217 code: three capital letters.
    Currency,
    /// `people::check_password`.
    Password,
    /// A contact's identity value: an email address, or a text of at most 200 characters.
    Identity,
    /// Not negative.
    NotNegative,
    /// Above zero.
    Positive,
    /// An array with at least this many items.
    MinItems(usize),
    /// An array with at most this many items.
    MaxItems(usize),
    /// Custom fields (`case::check_custom_fields`): keys `[a-z][a-z0-9_]{0,39}`, values
    /// text (at most 1000 characters), a finite number or yes/no — `null` too when
    /// `clear` (a patch removing a field) — and at most `max` of them.
    CustomFields { clear: bool, max: Option<usize> },
}

/// Schema, property (`name[]` for the items of an array property) and the rule on it.
const RULES: &[(&str, &str, Rule)] = &[
    ("NewCase", "subject", Rule::Text(case::SUBJECT_MAX)),
    ("NewCase", "body", Rule::Body(entry::BODY_MAX)),
    ("NewCase", "category", Rule::Text(case::CATEGORY_MAX)),
    ("NewCase", "tags", Rule::MaxItems(case::TAGS_MAX)),
    ("NewCase", "tags[]", Rule::Tag),
    (
        "NewCase",
        "custom_fields",
        Rule::CustomFields {
            clear: false,
            max: Some(case::CUSTOM_FIELDS_MAX),
        },
    ),
    ("CasePatch", "subject", Rule::Text(case::SUBJECT_MAX)),
    ("CasePatch", "category", Rule::Text(case::CATEGORY_MAX)),
    ("CasePatch", "add_tags[]", Rule::Tag),
    ("CasePatch", "remove_tags[]", Rule::Tag),
    (
        "CasePatch",
        "custom_fields",
        Rule::CustomFields {
            clear: true,
            max: None,
        },
    ),
    ("CasePatch", "reason", Rule::Max(case::REASON_MAX)),
    ("NewEntry", "body", Rule::Body(entry::BODY_MAX)),
    ("OrganizationInput", "name", Rule::Text(people::NAME_MAX)),
    ("OrganizationInput", "currency", Rule::Currency),
    (
        "OrganizationInput",
        "annual_revenue_minor",
        Rule::NotNegative,
    ),
    (
        "OrganizationInput",
        "billing_notes",
        Rule::Body(people::NOTE_MAX),
    ),
    ("OrganizationInput", "contract_ref", Rule::Text(100)),
    ("ContactInput", "name", Rule::Text(people::NAME_MAX)),
    ("ContactInput", "identities", Rule::MaxItems(20)),
    ("Identity", "value", Rule::Identity),
    (
        "ExpectationInput",
        "description",
        Rule::Body(people::NOTE_MAX),
    ),
    ("ResponsibilityInput", "area", Rule::Text(100)),
    (
        "ResponsibilityInput",
        "description",
        Rule::Body(people::NOTE_MAX),
    ),
    ("NewUser", "email", Rule::Email),
    ("NewUser", "name", Rule::Text(people::NAME_MAX)),
    ("NewUser", "password", Rule::Password),
    ("NewTeam", "name", Rule::Text(100)),
    ("NewTeam", "description", Rule::Body(people::NOTE_MAX)),
    ("PasswordChange", "current_password", Rule::NotEmpty),
    ("PasswordChange", "new_password", Rule::Password),
    (
        "NewToken",
        "name",
        Rule::Text(accord_store::auth::TOKEN_NAME_MAX),
    ),
    ("NewGrant", "remedy", Rule::Text(100)),
    ("NewGrant", "amount", Rule::Positive),
    ("NewGrant", "reason", Rule::Body(remedy::REASON_MAX)),
    ("Decision", "note", Rule::Max(remedy::REASON_MAX)),
    (
        "Understanding",
        "problem",
        Rule::Body(agreement::STATEMENT_MAX),
    ),
    ("Understanding", "note", Rule::Max(agreement::STATEMENT_MAX)),
    (
        "AgreementDraft",
        "problem",
        Rule::Body(agreement::STATEMENT_MAX),
    ),
    (
        "AgreementDraft",
        "outcome",
        Rule::Body(agreement::STATEMENT_MAX),
    ),
    ("AgreementDraft", "indicators", Rule::MinItems(1)),
    (
        "AgreementDraft",
        "indicators",
        Rule::MaxItems(agreement::ITEMS_MAX),
    ),
    (
        "AgreementDraft",
        "indicators[]",
        Rule::Max(agreement::STATEMENT_MAX),
    ),
    (
        "AgreementDraft",
        "contract_changes",
        Rule::MaxItems(agreement::ITEMS_MAX),
    ),
    (
        "AgreementDraft",
        "contract_changes[]",
        Rule::Max(agreement::STATEMENT_MAX),
    ),
    (
        "AgreementDraft",
        "milestones",
        Rule::MaxItems(agreement::ITEMS_MAX),
    ),
    ("MilestoneDraft", "title", Rule::Text(200)),
    ("MilestoneDraft", "third_party", Rule::Text(200)),
    (
        "MilestoneReached",
        "note",
        Rule::Max(agreement::STATEMENT_MAX),
    ),
    (
        "ResolutionInput",
        "cause",
        Rule::Filled(accord_store::resolution::PART_MAX),
    ),
    (
        "ResolutionInput",
        "fix",
        Rule::Filled(accord_store::resolution::PART_MAX),
    ),
    (
        "ResolutionInput",
        "prevention",
        Rule::Filled(accord_store::resolution::PART_MAX),
    ),
    (
        "ResolutionInput",
        "apology",
        Rule::Filled(accord_store::resolution::PART_MAX),
    ),
    (
        "ResolutionInput",
        "thanks",
        Rule::Filled(accord_store::resolution::PART_MAX),
    ),
    (
        "SurveyAnswer",
        "comment",
        Rule::Max(accord_store::surveys::COMMENT_MAX),
    ),
    (
        "PolicySource",
        "source",
        Rule::Max(accord_store::policies::SOURCE_MAX),
    ),
    (
        "DraftInput",
        "source",
        Rule::Filled(accord_store::policies::SOURCE_MAX),
    ),
    (
        "DraftInput",
        "briefing",
        Rule::Max(accord_store::policies::BRIEFING_MAX),
    ),
];

/// The document served: `generated` completed as the module says.
pub fn complete(generated: utoipa::openapi::OpenApi) -> Value {
    let mut doc = serde_json::to_value(generated).unwrap_or_default();
    refer_to_page_items(&mut doc);
    complete_operations(&mut doc);
    bound_integers(&mut doc);
    describe_parameters(&mut doc);
    name_required_on_creation(&mut doc);
    refusals_need_a_note(&mut doc);
    close_held_actions(&mut doc);
    for missing in apply_rules(&mut doc) {
        // A renamed schema or field (`tests::every_rule_names_a_field_of_the_document`).
        tracing::warn!(
            rule = missing,
            "an OpenAPI validation rule matches no schema"
        );
    }
    doc
}

/// utoipa writes the item schema into each generic `Page_<Item>`: refer to the item's own
/// schema instead. `next` is always there (`null` on the last page).
fn refer_to_page_items(doc: &mut Value) {
    let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    let pages: Vec<String> = schemas
        .keys()
        .filter(|name| name.starts_with("Page_"))
        .cloned()
        .collect();
    for page in pages {
        let item = &page["Page_".len()..];
        let Some(item_schema) = schemas.get(item).cloned() else {
            continue;
        };
        let Some(page_schema) = schemas.get_mut(&page) else {
            continue;
        };
        if let Some(items) = page_schema.pointer_mut("/properties/items/items")
            && *items == item_schema
        {
            *items = json!({"$ref": format!("#/components/schemas/{item}")});
        }
        if let Some(page_schema) = page_schema.as_object_mut() {
            page_schema.insert("required".into(), json!(["items", "next"]));
        }
    }
}

fn problem_content() -> Value {
    json!({"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}})
}

fn complete_operations(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for item in paths.values_mut() {
        for method in METHODS {
            if let Some(operation) = item.get_mut(method).and_then(Value::as_object_mut) {
                complete_operation(operation);
            }
        }
    }
}

/// What the extractors of `crate::extract` answer, on the operations that use them.
fn complete_operation(operation: &mut Map<String, Value>) {
    let parameters = operation
        .get("parameters")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let has = |place: &str| parameters.iter().any(|p| p["in"] == place);
    let idempotent = parameters
        .iter()
        .any(|p| p["in"] == "header" && p["name"] == "Idempotency-Key");
    let body_types: Vec<String> = operation
        .get("requestBody")
        .and_then(|b| b.get("content"))
        .and_then(Value::as_object)
        .map(|c| c.keys().cloned().collect())
        .unwrap_or_default();
    let json_body = body_types.iter().any(|t| t == "application/json");

    let mut malformed = Vec::new();
    if has("path") {
        malformed.push("a path parameter (`invalid_path`)");
    }
    if has("query") {
        malformed.push("the query string (`invalid_query`)");
    }
    if json_body {
        malformed.push("the body is not JSON (`malformed_json`) or not UTF-8 (`invalid_utf8`)");
    }
    if idempotent {
        malformed
            .push("the `Idempotency-Key` is not 1 to 255 visible ASCII characters (`invalid_idempotency_key`)");
    }

    let responses = operation
        .entry("responses")
        .or_insert_with(|| json!({}))
        .as_object_mut();
    let Some(responses) = responses else {
        return;
    };
    let mut add = |status: &str, description: String| {
        let response = responses
            .entry(status.to_owned())
            .or_insert_with(|| json!({"description": ""}));
        if let Some(response) = response.as_object_mut() {
            let text = response
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if text.is_empty() {
                response.insert("description".into(), Value::String(description));
            }
            response.insert("content".into(), problem_content());
        }
    };
    if !malformed.is_empty() {
        add("400", format!("Malformed: {}.", malformed.join("; ")));
    }
    add(
        "401",
        "No API token, or a malformed, unknown, revoked or expired one, or one of a \
         deactivated user; `WWW-Authenticate` says which."
            .into(),
    );
    if has("path") {
        add("404", "No such object, or none the caller may see.".into());
    }
    if idempotent {
        add(
            "409",
            "The `Idempotency-Key` was used for a different request, or a request with it is \
             still being processed."
                .into(),
        );
    }
    if !body_types.is_empty() {
        add("413", "The body is larger than this route accepts.".into());
    }
    if json_body {
        add(
            "415",
            "The body is not sent as `Content-Type: application/json`.".into(),
        );
        add(
            "422",
            "A field is missing, of the wrong type or invalid: `errors` names each one, with \
             a stable code."
                .into(),
        );
    }
    if let Some(unauthorized) = responses.get_mut("401").and_then(Value::as_object_mut) {
        unauthorized.insert(
            "headers".into(),
            json!({"WWW-Authenticate": {
                "description": "`Bearer`, with `error=\"invalid_request\"` for a malformed header and `error=\"invalid_token\"` for a refused token",
                "required": true,
                "schema": {"type": "string"}
            }}),
        );
    }
    // Every problem, whatever the status, is problem+json.
    for response in responses.values_mut() {
        let Some(content) = response.get_mut("content").and_then(Value::as_object_mut) else {
            continue;
        };
        let is_problem = content
            .get("application/json")
            .is_some_and(|c| c["schema"]["$ref"] == "#/components/schemas/Problem");
        if is_problem {
            *content = match problem_content() {
                Value::Object(map) => map,
                _ => Map::new(),
            };
        }
    }
}

/// `Checker::text`: once trimmed, 1 to `max` characters, none of them a control character.
fn text_pattern(max: usize) -> String {
    let inner = max.saturating_sub(2);
    format!(
        "^[{SPACE}]*[^{SPACE}{CONTROL}](?:[^{CONTROL}]{{0,{inner}}}[^{SPACE}{CONTROL}])?[{SPACE}]*$"
    )
}

/// The schema keywords of a rule.
fn keywords(rule: Rule) -> Map<String, Value> {
    let value = match rule {
        // The length counts once trimmed, so it is in the pattern.
        Rule::Text(max) => json!({"minLength": 1, "pattern": text_pattern(max)}),
        Rule::Body(max) => json!({
            "minLength": 1, "maxLength": max,
            "pattern": format!("^[^{CONTROL_BUT_LINES}]*[^{SPACE}{CONTROL}][^{CONTROL_BUT_LINES}]*$"),
        }),
        // No text holds U+0000 (`crate::extract` refuses it everywhere).
        Rule::Filled(max) => json!({
            "minLength": 1, "maxLength": max,
            "pattern": format!(r"^[^\x00]*[^{SPACE}\x00][^\x00]*$"),
        }),
        Rule::Max(max) => json!({"maxLength": max, "pattern": r"^[^\x00]*$"}),
        Rule::NotEmpty => json!({"minLength": 1, "pattern": r"^[^\x00]*$"}),
        Rule::Email => {
            let part = format!("[^@{SPACE}{CONTROL}]");
            let label = format!("[^@.{SPACE}{CONTROL}]");
            json!({
                "minLength": 5, "maxLength": 254,
                "pattern": format!("^{part}+@{label}{part}*\\.{part}*{label}$"),
            })
        }
        // Lowercase letters of any script, digits, `-` and `_`: no ASCII but those, no
        // control characters (a pattern without Unicode classes cannot say "lowercase"
        // beyond ASCII; the description does).
        Rule::Tag => json!({
            "minLength": 1, "maxLength": 40,
            "pattern": r"^[^\x00-\x2c\x2e\x2f\x3a-\x5e\x60\x7b-\xa9]+$",
        }),
        Rule::Currency => json!({"minLength": 3, "maxLength": 3, "pattern": "^[A-Z]{3}$"}),
        Rule::Password => json!({
            "minLength": people::PASSWORD_MIN, "maxLength": 1024, "pattern": r"^[^\x00]*$",
        }),
        Rule::Identity => json!({"minLength": 1, "maxLength": 254, "pattern": text_pattern(254)}),
        Rule::NotNegative => json!({"minimum": 0}),
        Rule::Positive => json!({"exclusiveMinimum": 0}),
        Rule::MinItems(n) => json!({"minItems": n}),
        Rule::MaxItems(n) => json!({"maxItems": n}),
        Rule::CustomFields { clear, max } => {
            let mut values = vec![
                json!({"type": "string", "maxLength": case::CUSTOM_VALUE_MAX}),
                json!({"type": "number"}),
                json!({"type": "boolean"}),
            ];
            if clear {
                values.push(json!({"type": "null"}));
            }
            let mut fields = json!({
                "type": "object",
                "propertyNames": {"pattern": "^[a-z][a-z0-9_]{0,39}$"},
                "additionalProperties": {"oneOf": values},
            });
            if let Some(max) = max {
                fields["maxProperties"] = json!(max);
            }
            fields
        }
    };
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// The range of each integer format: what the server's Rust type holds (utoipa's
/// `non_strict_integers` names the width).
fn bound_integers(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let integer = match map.get("type") {
                Some(Value::String(t)) => t == "integer",
                Some(Value::Array(types)) => types.iter().any(|t| t == "integer"),
                _ => false,
            };
            // utoipa spells the unsigned formats `u-int32`; the format registry, `uint32`.
            let format = map
                .get("format")
                .and_then(Value::as_str)
                .map(|f| f.replace("u-int", "uint"));
            if let Some(format) = format.as_ref().filter(|f| f.starts_with("uint")) {
                map.insert("format".into(), Value::String(format.clone()));
            }
            let range: Option<(Value, Value)> = match format.as_deref() {
                _ if !integer => None,
                Some("int8") => Some((json!(i8::MIN), json!(i8::MAX))),
                Some("int16") => Some((json!(i16::MIN), json!(i16::MAX))),
                Some("int32") => Some((json!(i32::MIN), json!(i32::MAX))),
                Some("int64") => Some((json!(i64::MIN), json!(i64::MAX))),
                Some("uint8") => Some((json!(0), json!(u8::MAX))),
                Some("uint16") => Some((json!(0), json!(u16::MAX))),
                Some("uint32") => Some((json!(0), json!(u32::MAX))),
                Some("uint64") => Some((json!(0), json!(u64::MAX))),
                _ => None,
            };
            if let Some((minimum, maximum)) = range {
                map.entry("minimum").or_insert(minimum);
                map.entry("maximum").or_insert(maximum);
            }
            for child in map.values_mut() {
                bound_integers(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(bound_integers),
        _ => {}
    }
}

/// What the query parameters that utoipa types as plain strings accept.
fn describe_parameters(doc: &mut Value) {
    let statuses = accord_core::case::CaseStatus::ALL
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join("|");
    // The forms `Uuid::parse_str` reads.
    let hyphenated = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    let uuid = format!("{hyphenated}|\\{{{hyphenated}\\}}|urn:uuid:{hyphenated}|[0-9a-fA-F]{{32}}");
    // Comma-separated statuses, each trimmed; empty items are skipped.
    let status = format!("[{SPACE}]*({statuses})[{SPACE}]*");
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        for method in METHODS {
            let Some(parameters) = item
                .get_mut(method)
                .and_then(|o| o.get_mut("parameters"))
                .and_then(Value::as_array_mut)
            else {
                continue;
            };
            for parameter in parameters {
                let name = parameter["name"].as_str().unwrap_or_default().to_owned();
                let place = parameter["in"].as_str().unwrap_or_default().to_owned();
                let Some(schema) = parameter.get_mut("schema").and_then(Value::as_object_mut)
                else {
                    continue;
                };
                let pattern = match (place.as_str(), name.as_str()) {
                    // The `next` of a page: base64url (or, for cases, micros_uuid).
                    ("query", "cursor") => Some("^[A-Za-z0-9_-]+$".to_owned()),
                    ("query", "assignee") if path == "/api/v1/cases" => {
                        Some(format!("^(me|none|{uuid})$"))
                    }
                    ("query", "status") if path == "/api/v1/cases" => {
                        Some(format!("^({status})?(,({status})?)*$"))
                    }
                    // A header is a string, never null.
                    ("header", "Idempotency-Key") => {
                        schema.insert("type".into(), json!("string"));
                        None
                    }
                    _ => None,
                };
                if let Some(pattern) = pattern {
                    schema.insert("pattern".into(), Value::String(pattern));
                    schema.entry("minLength").or_insert(json!(1));
                }
            }
        }
    }
}

/// Organizations and contacts are created and updated with one input, whose `name` a
/// creation requires.
fn name_required_on_creation(doc: &mut Value) {
    for (path, schema) in [
        ("/api/v1/organizations", "OrganizationInput"),
        ("/api/v1/contacts", "ContactInput"),
    ] {
        let pointer = format!(
            "/paths/{}/post/requestBody/content/application~1json/schema",
            path.replace('~', "~0").replace('/', "~1")
        );
        if let Some(body) = doc.pointer_mut(&pointer) {
            *body = json!({"allOf": [
                {"$ref": format!("#/components/schemas/{schema}")},
                {"required": ["name"], "properties": {"name": {"type": "string"}}},
            ]});
        }
    }
}

/// A held message's action takes no other field (`deny_unknown_fields`), whichever it is.
fn close_held_actions(doc: &mut Value) {
    if let Some(Value::Array(variants)) = doc.pointer_mut("/components/schemas/HeldAction/oneOf") {
        for variant in variants.iter_mut().filter_map(Value::as_object_mut) {
            variant.insert("additionalProperties".into(), json!(false));
        }
    }
}

/// A refusal of a pending remedy says why (`Decision::validate`).
fn refusals_need_a_note(doc: &mut Value) {
    if let Some(Value::Object(decision)) = doc.pointer_mut("/components/schemas/Decision") {
        decision.insert(
            "if".into(),
            json!({"properties": {"approve": {"const": false}}, "required": ["approve"]}),
        );
        decision.insert(
            "then".into(),
            json!({"required": ["note"], "properties": {"note": {"pattern": format!("[^{SPACE}]")}}}),
        );
    }
}

/// Writes [`RULES`] into the component schemas; returns the rules that matched nothing.
fn apply_rules(doc: &mut Value) -> Vec<String> {
    let mut missing = Vec::new();
    for &(schema, property, rule) in RULES {
        let (name, items) = match property.strip_suffix("[]") {
            Some(name) => (name, true),
            None => (property, false),
        };
        let mut target =
            doc.pointer_mut(&format!("/components/schemas/{schema}/properties/{name}"));
        if items {
            target = target.and_then(|t| t.get_mut("items"));
        }
        let Some(Value::Object(target)) = target else {
            missing.push(format!("{schema}.{property}"));
            continue;
        };
        if let Rule::CustomFields { .. } = rule {
            // The generated schema says only "object": it becomes the whole rule.
            let description = target.remove("description");
            target.clear();
            if let Some(description) = description {
                target.insert("description".into(), description);
            }
        }
        target.extend(keywords(rule));
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_names_a_field_of_the_document() {
        let (_, generated) = super::super::router().split_for_parts();
        let mut doc = serde_json::to_value(generated).unwrap_or_default();
        assert_eq!(apply_rules(&mut doc), Vec::<String>::new());
    }
}
