//! Rate-limit window arithmetic, free of I/O: given when earlier codes were issued, may a
//! new one be issued now, and if not, how long must the client wait?

/// A rolling hour, in milliseconds.
pub const HOUR_MS: i64 = 60 * 60 * 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Minimum gap between two codes for one phone.
    pub resend_after_ms: i64,
    /// Codes per phone in any rolling hour.
    pub per_phone_per_hour: u32,
    /// Codes per client address in any rolling hour.
    pub per_ip_per_hour: u32,
}

/// Returns `Ok(())` when a code may be issued at `now`, or `Err(secs)` with the whole
/// seconds to wait (at least 1). `phone_times` and `ip_times` are the issue times of
/// earlier codes (any order; times older than an hour are ignored).
pub fn check(now: i64, phone_times: &[i64], ip_times: &[i64], limits: &Limits) -> Result<(), u32> {
    let mut wait_ms: i64 = 0;
    if let Some(&last) = phone_times.iter().max() {
        wait_ms = wait_ms.max(last + limits.resend_after_ms - now);
    }
    wait_ms = wait_ms.max(window_wait(now, phone_times, limits.per_phone_per_hour));
    wait_ms = wait_ms.max(window_wait(now, ip_times, limits.per_ip_per_hour));
    if wait_ms > 0 {
        Err(ceil_secs(wait_ms))
    } else {
        Ok(())
    }
}

/// How long until fewer than `max` of `times` fall inside the hour before `now`.
fn window_wait(now: i64, times: &[i64], max: u32) -> i64 {
    let mut recent: Vec<i64> = times
        .iter()
        .copied()
        .filter(|&t| t > now - HOUR_MS)
        .collect();
    if recent.len() < max as usize {
        return 0;
    }
    if max == 0 {
        return HOUR_MS;
    }
    recent.sort_unstable();
    // Once the oldest `len - max + 1` requests have left the window, one slot is free.
    let must_expire = recent[recent.len() - max as usize];
    must_expire + HOUR_MS - now
}

fn ceil_secs(ms: i64) -> u32 {
    let secs = (ms + 999) / 1000;
    secs.clamp(1, u32::MAX as i64) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        resend_after_ms: 60_000,
        per_phone_per_hour: 5,
        per_ip_per_hour: 20,
    };
    const NOW: i64 = 10 * HOUR_MS;

    #[test]
    fn first_request_passes() {
        assert_eq!(check(NOW, &[], &[], &LIMITS), Ok(()));
    }

    #[test]
    fn resend_waits_for_the_remaining_seconds_rounded_up() {
        assert_eq!(check(NOW, &[NOW - 1_000], &[], &LIMITS), Err(59));
        assert_eq!(check(NOW, &[NOW - 59_500], &[], &LIMITS), Err(1));
        assert_eq!(check(NOW, &[NOW - 60_000], &[], &LIMITS), Ok(()));
    }

    #[test]
    fn hourly_cap_waits_until_the_oldest_leaves_the_window() {
        let times = [
            NOW - 50 * 60_000,
            NOW - 40 * 60_000,
            NOW - 30 * 60_000,
            NOW - 20 * 60_000,
            NOW - 10 * 60_000,
        ];
        assert_eq!(check(NOW, &times, &[], &LIMITS), Err(10 * 60));
        // Requests older than an hour do not count.
        let old = [NOW - 2 * HOUR_MS, NOW - HOUR_MS, NOW - 30 * 60_000];
        assert_eq!(check(NOW, &old, &[], &LIMITS), Ok(()));
    }

    #[test]
    fn the_client_address_has_its_own_cap() {
        let ip_times: Vec<i64> = (0..20).map(|i| NOW - 59 * 60_000 + i * 1000).collect();
        assert_eq!(check(NOW, &[], &ip_times, &LIMITS), Err(60));
        assert_eq!(check(NOW, &[], &ip_times[..19], &LIMITS), Ok(()));
    }

    #[test]
    fn the_longest_wait_wins() {
        let phone = [NOW - 5_000; 5];
        let wait = check(NOW, &phone, &[], &LIMITS).unwrap_err();
        assert_eq!(wait as i64, (HOUR_MS - 5_000) / 1000);
    }
}
