//! The mall's clock. Real time unless a test (or the fault-enabled `/api/_test/clock`)
//! pins it, so expiry and check-in streaks can be tested on any day. "Today" is the date
//! in China (`care_contract::time`), whatever the server's time zone.

use std::fmt;
use std::sync::{Arc, RwLock};

use care_contract::time::{china_date, china_midnight};
use chrono::{DateTime, NaiveDate, Utc};

/// Shared by clones: setting it on one (e.g. the test's copy of the config) sets it for all.
#[derive(Clone, Default)]
pub struct Clock {
    pinned: Arc<RwLock<Option<DateTime<Utc>>>>,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        self.pinned
            .read()
            .expect("clock lock")
            .unwrap_or_else(Utc::now)
    }

    pub fn now_ms(&self) -> i64 {
        self.now().timestamp_millis()
    }

    /// The date in China now.
    pub fn today(&self) -> NaiveDate {
        china_date(self.now())
    }

    /// Pins the clock at `at` (it then stands still).
    pub fn set(&self, at: DateTime<Utc>) {
        *self.pinned.write().expect("clock lock") = Some(at);
    }

    /// Pins the clock at noon, China time, on `day`.
    pub fn set_china_noon(&self, day: NaiveDate) {
        self.set(china_midnight(day) + chrono::Duration::hours(12));
    }

    /// Back to real time.
    pub fn reset(&self) {
        *self.pinned.write().expect("clock lock") = None;
    }

    pub fn is_pinned(&self) -> bool {
        self.pinned.read().expect("clock lock").is_some()
    }
}

impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self.pinned.read().expect("clock lock") {
            Some(at) => write!(f, "Clock(pinned at {at})"),
            None => f.write_str("Clock(real)"),
        }
    }
}

/// Unix milliseconds to an instant (the epoch for nonsense values).
pub fn from_ms(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn today_is_the_date_in_china() {
        let clock = Clock::default();
        // 2025-03-01 17:00 UTC is 2025-03-02 01:00 in Beijing.
        clock.set(Utc.with_ymd_and_hms(2025, 3, 1, 17, 0, 0).unwrap());
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2025, 3, 2).unwrap());
        clock.set(Utc.with_ymd_and_hms(2025, 3, 1, 15, 59, 59).unwrap());
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
        let copy = clock.clone();
        copy.reset();
        assert!(!clock.is_pinned());
    }

    #[test]
    fn noon_in_china_is_04_00_utc() {
        let clock = Clock::default();
        clock.set_china_noon(NaiveDate::from_ymd_opt(2025, 3, 2).unwrap());
        assert_eq!(
            clock.now(),
            Utc.with_ymd_and_hms(2025, 3, 2, 4, 0, 0).unwrap()
        );
    }
}
