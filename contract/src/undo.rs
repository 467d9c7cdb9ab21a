//! Undo for ten minutes: a subscriber who withdrew their ticket, or deleted their own
//! thread or reply, may take it back for [`UNDO_WINDOW_MINUTES`] after doing it. One
//! window, read by the server (which refuses later undos with `undo_expired`) and the app
//! (which offers the undo until the `undo_until` the server sends).

use chrono::{DateTime, Duration, Utc};

/// How long an undo stays possible, in minutes.
pub const UNDO_WINDOW_MINUTES: i64 = 10;

/// [`UNDO_WINDOW_MINUTES`] as a duration.
pub fn undo_window() -> Duration {
    Duration::minutes(UNDO_WINDOW_MINUTES)
}

/// Until when something done at `done_at` may be undone (the instant itself is too late).
pub fn undo_open_until(done_at: DateTime<Utc>) -> DateTime<Utc> {
    done_at + undo_window()
}

/// Something done at `done_at` may still be undone at `now`: up to, not including,
/// [`undo_open_until`].
pub fn can_undo(done_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now < undo_open_until(done_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 30, h, m, s).unwrap()
    }

    #[test]
    fn the_window_is_ten_minutes() {
        assert_eq!(UNDO_WINDOW_MINUTES, 10);
        assert_eq!(undo_open_until(at(2, 0, 0)), at(2, 10, 0));
        assert_eq!(
            undo_open_until(at(23, 55, 0)),
            at(23, 55, 0) + Duration::minutes(10)
        );
    }

    #[test]
    fn an_undo_is_possible_from_the_moment_it_was_done_until_just_before_ten_minutes() {
        let done = at(2, 0, 0);
        assert!(can_undo(done, done));
        assert!(can_undo(done, at(2, 9, 59)));
        assert!(can_undo(done, at(2, 10, 0) - Duration::milliseconds(1)));
    }

    #[test]
    fn exactly_ten_minutes_after_is_too_late() {
        let done = at(2, 0, 0);
        assert!(!can_undo(done, at(2, 10, 0)));
        assert!(!can_undo(done, at(2, 10, 1)));
        assert!(!can_undo(done, at(3, 0, 0)));
    }
}
