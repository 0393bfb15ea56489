//! Business durations as policy authors write them: `4h`, `30m`, `1h30m`. Days are not
//! accepted: "1 day" of business time is ambiguous (8 working hours? 24?), so authors write
//! the hours they mean.

use jiff::SignedDuration;

/// Parses `<hours>h<minutes>m` (either part may be left out); `None` if malformed or zero.
pub fn parse(text: &str) -> Option<SignedDuration> {
    let text = text.trim();
    let (hours, rest) = match text.split_once('h') {
        Some((h, rest)) => (h.parse::<i64>().ok()?, rest),
        None => (0, text),
    };
    let minutes = match rest {
        "" => 0,
        m => m.strip_suffix('m')?.parse::<i64>().ok()?,
    };
    if hours < 0 || minutes < 0 || hours > 100_000 || (minutes >= 60 && hours > 0) {
        return None;
    }
    let total = SignedDuration::from_hours(hours) + SignedDuration::from_mins(minutes);
    (total > SignedDuration::ZERO).then_some(total)
}

/// The form authors write, for messages.
pub fn format(d: SignedDuration) -> String {
    let minutes = d.as_secs() / 60;
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m}m"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_and_minutes() {
        assert_eq!(parse("4h"), Some(SignedDuration::from_hours(4)));
        assert_eq!(parse("30m"), Some(SignedDuration::from_mins(30)));
        assert_eq!(parse("1h30m"), Some(SignedDuration::from_mins(90)));
        assert_eq!(parse("90m"), Some(SignedDuration::from_mins(90)));
        for bad in ["", "0h", "2d", "h", "4", "1h90m", "-1h", "4 h", "1.5h"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert_eq!(format(SignedDuration::from_mins(90)), "1h30m");
        assert_eq!(format(SignedDuration::from_hours(40)), "40h");
        assert_eq!(format(SignedDuration::from_mins(5)), "5m");
    }
}
