//! Remedies granted on cases (PRODUCT.md B5, D5): what an agent asks to give a customer,
//! and where that request stands. Which role may grant how much is the policy's business
//! (`accord_policy::model::Remedy::authority`).

use serde::Deserialize;
use utoipa::ToSchema;

use crate::case::string_enum;
use crate::validate::Checker;

string_enum!(
    /// `granted`: within the requester's authority, given at once. `pending`: above the
    /// requester's limit, waiting for a role whose limit covers it. `approved`: given after
    /// approval. `rejected`: refused by the approver, not given.
    GrantStatus {
        Granted = "granted",
        Pending = "pending",
        Approved = "approved",
        Rejected = "rejected",
    }
);

impl GrantStatus {
    /// Whether the customer received it (it counts in the concession ledger).
    pub fn is_given(self) -> bool {
        matches!(self, GrantStatus::Granted | GrantStatus::Approved)
    }
}

/// The longest reason or decision note kept.
pub const REASON_MAX: usize = 2000;

/// A request to give a customer a remedy of the policy on a case.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewGrant {
    /// The remedy's id in the policy version governing the case.
    pub remedy: String,
    /// How much, in the remedy's unit, in whole units: whole items or days; money in whole
    /// minor units of its currency (at most 2 decimals for EUR). `0.5` items, `0.001` days
    /// and `1e-300` EUR are refused.
    pub amount: f64,
    /// Why: what went wrong for the customer. Kept in the ledger.
    pub reason: String,
}

impl NewGrant {
    /// Checks what can be checked without the remedy's unit (the remedy is not known, or not
    /// offered): the texts, and an amount that is a number above zero.
    pub fn validate(&self) -> Result<(), crate::DomainError> {
        let mut checker = Checker::new();
        checker.text("remedy", &self.remedy, 100);
        checker.body("reason", &self.reason, REASON_MAX);
        if let Err(e) = positive("amount", self.amount) {
            checker.push(e);
        }
        checker.finish()
    }

    /// Checks the request for a remedy given in `unit`, every problem at once, and returns
    /// the amount in the unit's smallest whole parts (cents, items, days).
    pub fn validate_in(&self, unit: &str) -> Result<i64, crate::DomainError> {
        let mut checker = Checker::new();
        checker.text("remedy", &self.remedy, 100);
        checker.body("reason", &self.reason, REASON_MAX);
        let minor = match whole_amount("amount", unit, self.amount) {
            Ok(minor) => minor,
            Err(e) => {
                checker.push(e);
                0
            }
        };
        checker.finish().map(|()| minor)
    }
}

/// The decimal places of a remedy unit's smallest whole part: none for `items` and `days`;
/// for a currency, its ISO 4217 minor unit (2 for EUR, 0 for JPY, 3 for KWD).
pub fn unit_decimals(unit: &str) -> u32 {
    const NONE: &[&str] = &[
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
        "VUV", "XAF", "XOF", "XPF",
    ];
    const THREE: &[&str] = &["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];
    const FOUR: &[&str] = &["CLF", "UYW"];
    match unit {
        "items" | "days" => 0,
        u if NONE.contains(&u) => 0,
        u if THREE.contains(&u) => 3,
        u if FOUR.contains(&u) => 4,
        _ => 2,
    }
}

fn scale(unit: &str) -> f64 {
    10_f64.powi(unit_decimals(unit) as i32)
}

/// An amount already checked (or a policy limit) in the unit's smallest whole parts, for
/// sums and comparisons without floating-point drift. Rounds; saturates far beyond any limit.
pub fn to_minor(unit: &str, amount: f64) -> i64 {
    // `as` saturates (and maps NaN to 0), which is what a bound far beyond any limit needs.
    (amount * scale(unit)).round() as i64
}

/// Smallest whole parts back to an amount in the unit (`1999` cents: `19.99`).
pub fn from_minor(unit: &str, minor: i64) -> f64 {
    minor as f64 / scale(unit)
}

fn positive(field: &str, amount: f64) -> Result<(), crate::FieldError> {
    if !amount.is_finite() {
        Err(crate::FieldError::new(
            field,
            "invalid_number",
            "give a finite number in the remedy's unit, such as 25 or 12.50",
        ))
    } else if amount <= 0.0 {
        Err(crate::FieldError::new(
            field,
            "not_positive",
            "give an amount above zero in the remedy's unit",
        ))
    } else {
        Ok(())
    }
}

/// Checks that `amount` is a whole number of the unit's smallest parts — whole items or
/// days, whole cents of a euro — and above zero; returns it in those parts.
pub fn whole_amount(field: &str, unit: &str, amount: f64) -> Result<i64, crate::FieldError> {
    positive(field, amount)?;
    let decimals = unit_decimals(unit);
    let scaled = amount * scale(unit);
    let rounded = scaled.round();
    // What the decimal the person typed became in binary is off by far less than this.
    let tolerance = (scaled.abs() * 1e-12).max(1e-6);
    if (scaled - rounded).abs() <= tolerance && rounded >= 1.0 {
        return Ok(rounded as i64);
    }
    Err(if decimals == 0 {
        crate::FieldError::new(
            field,
            "not_whole",
            format!("{unit} cannot be split: give a whole number of {unit}, 1 or more"),
        )
    } else {
        let smallest = 1.0 / scale(unit);
        crate::FieldError::new(
            field,
            "too_precise",
            format!(
                "give the amount in whole minor units of {unit}: at most {decimals} decimals, \
                 and at least {smallest} {unit}"
            ),
        )
        .with_limit(u64::from(decimals))
    })
}

/// An approver's decision on a pending remedy.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub approve: bool,
    /// Why (shown to the requester; required when refusing).
    #[serde(default)]
    pub note: String,
}

impl Decision {
    pub fn validate(&self) -> Result<(), crate::DomainError> {
        let mut checker = Checker::new();
        if !self.approve && self.note.trim().is_empty() {
            checker.push(crate::FieldError::new(
                "note",
                "required",
                "say why the remedy is refused: the agent has to explain it to the customer",
            ));
        }
        if self.note.chars().count() > REASON_MAX {
            checker.push(
                crate::FieldError::new(
                    "note",
                    "too_long",
                    format!("must be at most {REASON_MAX} characters"),
                )
                .with_limit(REASON_MAX as u64),
            );
        }
        checker.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_must_be_positive_and_refusals_explained() {
        let grant = |amount: f64| NewGrant {
            remedy: "credit".into(),
            amount,
            reason: "Piegāde kavējās divas nedēļas.".into(),
        };
        assert!(grant(25.0).validate().is_ok());
        for bad in [0.0, -5.0, -0.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(grant(bad).validate().is_err(), "{bad}");
            assert!(grant(bad).validate_in("EUR").is_err(), "{bad}");
        }
        let refuse = |note: &str| Decision {
            approve: false,
            note: note.into(),
        };
        assert!(refuse("  ").validate().is_err());
        assert!(refuse("Ya se compensó este mes.").validate().is_ok());
    }

    fn code_of(unit: &str, amount: f64) -> Option<&'static str> {
        whole_amount("amount", unit, amount).err().map(|e| e.code)
    }

    #[test]
    fn remedies_take_whole_units() {
        // Money in whole cents (or the currency's own minor unit), items and days whole.
        assert_eq!(whole_amount("amount", "EUR", 150.0), Ok(15000));
        assert_eq!(whole_amount("amount", "EUR", 19.99), Ok(1999));
        assert_eq!(whole_amount("amount", "EUR", 0.29), Ok(29));
        assert_eq!(whole_amount("amount", "EUR", 0.01), Ok(1));
        assert_eq!(whole_amount("amount", "EUR", 1234567.89), Ok(123456789));
        assert_eq!(whole_amount("amount", "JPY", 500.0), Ok(500));
        assert_eq!(whole_amount("amount", "KWD", 1.005), Ok(1005));
        assert_eq!(whole_amount("amount", "items", 3.0), Ok(3));
        assert_eq!(whole_amount("amount", "days", 14.0), Ok(14));
        for bad in [1e-300, 0.001, 0.005, 12.345, 19.999, 5e-324] {
            assert_eq!(code_of("EUR", bad), Some("too_precise"), "{bad} EUR");
        }
        assert_eq!(code_of("JPY", 10.5), Some("not_whole"));
        for bad in [0.5, 1.25, 1e-300, 2.000001] {
            assert_eq!(code_of("items", bad), Some("not_whole"), "{bad} items");
        }
        for bad in [0.001, 0.5, 13.9] {
            assert_eq!(code_of("days", bad), Some("not_whole"), "{bad} days");
        }
        for (bad, code) in [
            (0.0, "not_positive"),
            (-1.0, "not_positive"),
            (-0.0, "not_positive"),
            (f64::NAN, "invalid_number"),
            (f64::INFINITY, "invalid_number"),
        ] {
            assert_eq!(code_of("days", bad), Some(code), "{bad}");
            assert_eq!(code_of("EUR", bad), Some(code), "{bad}");
        }
        // The error names the field and how many decimals the currency takes.
        let e = whole_amount("amount", "EUR", 1e-300).expect_err("below a cent");
        assert_eq!((e.field.as_str(), e.limit), ("amount", Some(2)));
        assert!(e.message.contains("at most 2 decimals"), "{}", e.message);
        // Sums and limits compare in minor units.
        assert_eq!(
            to_minor("EUR", 50.1) + to_minor("EUR", 99.9),
            to_minor("EUR", 150.0)
        );
        assert_eq!(from_minor("EUR", 1999), 19.99);
        assert_eq!(to_minor("EUR", 1e300), i64::MAX);
    }

    #[test]
    fn a_request_reports_every_problem_at_once_with_its_unit() {
        let half = NewGrant {
            remedy: "replacement".into(),
            amount: 0.5,
            reason: " ".into(),
        };
        match half.validate_in("items") {
            Err(crate::DomainError::Invalid(errors)) => {
                let found: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
                assert_eq!(found, vec![("reason", "required"), ("amount", "not_whole")]);
            }
            other => panic!("{other:?}"),
        }
        let whole = NewGrant {
            amount: 2.0,
            reason: "Llegó roto.".into(),
            ..half
        };
        assert_eq!(whole.validate_in("items"), Ok(2));
    }
}
