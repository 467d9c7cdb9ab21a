//! Field limits and the numbers behind sign-in. The server enforces them; the app uses the
//! same constants to validate before sending, so users see the problem next to the field.

/// Digits in a one-time sign-in code.
pub const CODE_LENGTH: usize = 6;
/// A code is valid for this long after it is issued.
pub const CODE_TTL_SECS: u32 = 5 * 60;
/// A new code for the same phone may be requested after this many seconds.
pub const CODE_RESEND_AFTER_SECS: u32 = 60;
/// At most this many codes per phone number in a rolling hour.
pub const CODES_PER_PHONE_PER_HOUR: u32 = 5;
/// Wrong guesses allowed against one code before it is burnt.
pub const CODE_MAX_ATTEMPTS: u32 = 5;
/// How long a session lasts without signing in again.
pub const SESSION_TTL_DAYS: u32 = 30;
/// Longest display name, in characters (not bytes: names are often Chinese).
pub const NICKNAME_MAX_CHARS: usize = 20;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sign_in_code_lives_five_minutes_and_a_new_one_may_come_after_one() {
        // The server's default lifetime; the app counts down from `expires_in_secs`.
        // A user who got no text may ask again while the first code is still valid.
        assert_eq!(CODE_TTL_SECS, 300);
        assert_eq!(CODE_RESEND_AFTER_SECS, 60);
    }
}
