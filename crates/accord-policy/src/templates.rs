//! Reply templates (PRODUCT.md A4, A5, J8): texts an agent starts a reply from, written once
//! per language in the policy and filled in with the case's names when used.
//!
//! A placeholder is a known name in braces, such as `{customer}`. `{{` and `}}` write a brace.
//! Unknown names are refused when the policy is checked, so a typo never reaches a customer.

/// The names a template may use, each with what it becomes.
pub const PLACEHOLDERS: [&str; 4] = ["customer", "agent", "case", "subject"];

/// The values of the placeholders for one reply.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TemplateValues {
    /// The customer's name as the contact record has it.
    pub customer: String,
    /// The name of the agent who replies.
    pub agent: String,
    /// The case number with its sign, such as `#1042`.
    pub case: String,
    pub subject: String,
}

impl TemplateValues {
    fn get(&self, name: &str) -> Option<&str> {
        match name {
            "customer" => Some(&self.customer),
            "agent" => Some(&self.agent),
            "case" => Some(&self.case),
            "subject" => Some(&self.subject),
            _ => None,
        }
    }
}

/// A piece of a template's text.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Brace(char),
    Placeholder(&'a str),
}

/// What is wrong with a template text: an unknown placeholder or a brace left open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    UnknownPlaceholder(String),
    UnclosedBrace,
}

fn pieces(text: &str) -> Result<Vec<Piece<'_>>, TemplateError> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        if at > 0 {
            out.push(Piece::Text(&rest[..at]));
        }
        let brace = &rest[at..];
        if let Some(after) = brace.strip_prefix("{{") {
            out.push(Piece::Brace('{'));
            rest = after;
        } else if let Some(after) = brace.strip_prefix("}}") {
            out.push(Piece::Brace('}'));
            rest = after;
        } else if let Some(after) = brace.strip_prefix('}') {
            // A lone closing brace is text: refusing it would only annoy authors.
            out.push(Piece::Brace('}'));
            rest = after;
        } else {
            let Some(end) = brace.find('}') else {
                return Err(TemplateError::UnclosedBrace);
            };
            let name = brace[1..end].trim();
            if !PLACEHOLDERS.contains(&name) {
                return Err(TemplateError::UnknownPlaceholder(name.to_owned()));
            }
            out.push(Piece::Placeholder(name));
            rest = &brace[end + 1..];
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    Ok(out)
}

/// Checks a template text: every placeholder known, every brace closed.
pub fn check_text(text: &str) -> Result<(), TemplateError> {
    pieces(text).map(|_| ())
}

/// Fills a template text in. A text that does not check is returned as written, so an agent
/// still sees it (the policy check has already refused such a text before publishing).
pub fn fill(text: &str, values: &TemplateValues) -> String {
    let Ok(pieces) = pieces(text) else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len() + 32);
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Brace(c) => out.push(c),
            Piece::Placeholder(name) => out.push_str(values.get(name).unwrap_or_default()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> TemplateValues {
        TemplateValues {
            customer: "Lucía Pérez".into(),
            agent: "Jānis".into(),
            case: "#1042".into(),
            subject: "Factura duplicada".into(),
        }
    }

    #[test]
    fn fills_every_placeholder_in_place() {
        let text = "Hola, {customer}: sobre {subject} ({case}), le escribe {agent}.";
        assert_eq!(
            fill(text, &values()),
            "Hola, Lucía Pérez: sobre Factura duplicada (#1042), le escribe Jānis."
        );
    }

    #[test]
    fn spaces_inside_braces_are_allowed() {
        assert_eq!(fill("Olá, { customer }!", &values()), "Olá, Lucía Pérez!");
    }

    #[test]
    fn doubled_braces_write_one_brace() {
        assert_eq!(
            fill("{{customer}} is {customer}", &values()),
            "{customer} is Lucía Pérez"
        );
        assert_eq!(fill("a } b", &values()), "a } b");
    }

    #[test]
    fn unknown_placeholders_and_open_braces_are_refused() {
        assert_eq!(
            check_text("Labdien, {klients}!"),
            Err(TemplateError::UnknownPlaceholder("klients".into()))
        );
        assert_eq!(
            check_text("Hello {customer"),
            Err(TemplateError::UnclosedBrace)
        );
        assert_eq!(check_text("Sveiki, {customer}!"), Ok(()));
    }

    #[test]
    fn a_text_that_does_not_check_is_shown_as_written() {
        assert_eq!(fill("Hi {nobody}", &values()), "Hi {nobody}");
    }
}
