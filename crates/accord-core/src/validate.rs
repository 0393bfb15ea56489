//! Input validation shared by every adapter, so the API, the web forms and the CLI reject
//! the same things with the same explanation.

use crate::error::FieldError;

/// Collects field errors, so a request reports every problem at once.
#[derive(Default, Debug)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    /// Required single-line text of 1..=max characters, trimmed.
    pub fn text(&mut self, field: &str, value: &str, max: usize) {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            self.push(FieldError::new(field, "required", "must not be empty"));
        } else if trimmed.chars().count() > max {
            self.push(
                FieldError::new(
                    field,
                    "too_long",
                    format!("must be at most {max} characters"),
                )
                .with_limit(max as u64),
            );
        } else if trimmed.chars().any(|c| c.is_control()) {
            self.push(FieldError::new(
                field,
                "control_characters",
                "must be a single line without control characters",
            ));
        }
    }

    /// Required body text (may be multi-line) of 1..=max characters.
    pub fn body(&mut self, field: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.push(FieldError::new(field, "required", "must not be empty"));
        } else if value.chars().count() > max {
            self.push(
                FieldError::new(
                    field,
                    "too_long",
                    format!("must be at most {max} characters"),
                )
                .with_limit(max as u64),
            );
        } else if value
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            self.push(FieldError::new(
                field,
                "control_characters",
                "must not contain control characters other than newlines and tabs",
            ));
        }
    }

    pub fn email(&mut self, field: &str, value: &str) {
        if !is_plausible_email(value) {
            self.push(FieldError::new(
                field,
                "invalid_email",
                "must be an email address such as name@example.com",
            ));
        }
    }

    pub fn tag(&mut self, field: &str, value: &str) {
        if !is_valid_tag(value) {
            self.push(FieldError::new(
                field,
                "invalid_tag",
                "tags are 1 to 40 lowercase letters, digits, '-' or '_'",
            ));
        }
    }

    pub fn finish(self) -> Result<(), crate::DomainError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(crate::DomainError::Invalid(self.errors))
        }
    }
}

/// A deliberately small check: one `@`, a non-empty local part, a dotted domain, no spaces.
/// Deliverability is decided by mail servers, not by a regular expression.
pub fn is_plausible_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && value.len() <= 254
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value.chars().any(|c| c.is_whitespace() || c.is_control())
}

pub fn is_valid_tag(value: &str) -> bool {
    (1..=40).contains(&value.len())
        && value
            .chars()
            .all(|c| c.is_alphanumeric() && !c.is_uppercase() || c == '-' || c == '_')
}

/// Custom field keys: `[a-z][a-z0-9_]{0,39}`.
pub fn is_valid_field_key(value: &str) -> bool {
    let mut chars = value.chars();
    matches!(chars.next(), Some('a'..='z'))
        && value.len() <= 40
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(is_plausible_email("ana@example.com"));
        assert!(is_plausible_email("jānis.bērziņš@piemers.lv"));
        for bad in [
            "",
            "ana",
            "ana@",
            "@example.com",
            "ana@example",
            "a b@example.com",
            "a@b@c.com",
            "ana@.com",
            "ana@example.com.",
        ] {
            assert!(!is_plausible_email(bad), "{bad} accepted");
        }
    }

    #[test]
    fn tags() {
        assert!(is_valid_tag("billing"));
        assert!(is_valid_tag("rēķins"));
        assert!(is_valid_tag("vip_2"));
        assert!(!is_valid_tag("VIP"));
        assert!(!is_valid_tag("two words"));
        assert!(!is_valid_tag(""));
        assert!(!is_valid_tag(&"x".repeat(41)));
    }

    #[test]
    fn field_keys() {
        assert!(is_valid_field_key("order_number"));
        assert!(!is_valid_field_key("1st"));
        assert!(!is_valid_field_key("Order"));
        assert!(!is_valid_field_key(""));
    }

    #[test]
    fn checker_reports_every_problem() {
        let mut c = Checker::new();
        c.text("subject", "  ", 10);
        c.text("name", "far too long a name", 5);
        c.body("body", "ok\nfine", 100);
        let err = c.finish().expect_err("two problems");
        match err {
            crate::DomainError::Invalid(list) => {
                let fields: Vec<_> = list.iter().map(|e| (e.field.as_str(), e.code)).collect();
                assert_eq!(fields, vec![("subject", "required"), ("name", "too_long")]);
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
