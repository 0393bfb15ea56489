//! When a message the relay did not take is tried again.

use jiff::SignedDuration;

/// Attempts before a message is given up as failed: about a day of trying.
pub const MAX_ATTEMPTS: u32 = 12;

/// The wait after the `attempts`-th failed attempt (1-based): 1, 2, 4, … minutes, at most
/// 8 hours; `None` once [`MAX_ATTEMPTS`] have failed.
pub fn retry_delay(attempts: u32) -> Option<SignedDuration> {
    if attempts == 0 || attempts >= MAX_ATTEMPTS {
        return None;
    }
    let minutes = 1_i64 << (attempts - 1).min(16);
    Some(SignedDuration::from_mins(minutes.min(8 * 60)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_up_to_eight_hours_then_stop() {
        let waits: Vec<i64> = (1..MAX_ATTEMPTS)
            .map(|a| retry_delay(a).expect("retry").as_mins())
            .collect();
        assert_eq!(waits, vec![1, 2, 4, 8, 16, 32, 64, 128, 256, 480, 480]);
        assert_eq!(retry_delay(MAX_ATTEMPTS), None);
        assert_eq!(retry_delay(0), None);
        let total: i64 = waits.iter().sum();
        assert!(
            total >= 24 * 60,
            "keeps trying through a relay outage of a day"
        );
    }
}
