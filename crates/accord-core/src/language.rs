//! The languages Accord treats as first-class.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A language customers and staff work in. Adding one is a translation file plus a variant here.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Es,
    Pt,
    Lv,
}

impl Language {
    pub const ALL: [Language; 4] = [Language::En, Language::Es, Language::Pt, Language::Lv];

    /// The BCP 47 primary language subtag.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
            Language::Pt => "pt",
            Language::Lv => "lv",
        }
    }

    /// Parses a language tag such as `pt-BR` or `LV` by its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language's name in itself, for language pickers.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Es => "Español",
            Language::Pt => "Português",
            Language::Lv => "Latviešu",
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_by_primary_subtag() {
        assert_eq!(Language::from_tag("pt-BR"), Some(Language::Pt));
        assert_eq!(Language::from_tag("LV"), Some(Language::Lv));
        assert_eq!(Language::from_tag("es_ES"), Some(Language::Es));
        assert_eq!(Language::from_tag("de"), None);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn codes_round_trip() {
        for l in Language::ALL {
            assert_eq!(Language::from_tag(l.code()), Some(l));
        }
    }
}
