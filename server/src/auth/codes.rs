//! One-time sign-in codes: issuing (with rate limits) and checking (attempts, expiry,
//! single use). Only `sha256(phone:code)` is stored.

use care_contract::ErrorCode;
use rand::Rng;
use rusqlite::{params, OptionalExtension, Transaction};

use super::rate_limit::{self, Limits, HOUR_MS};
use super::sha256_hex;
use crate::store::StoreError;

pub fn code_hash(phone: &str, code: &str) -> String {
    sha256_hex(format!("{phone}:{code}").as_bytes())
}

/// A fresh random code of `CODE_LENGTH` digits.
pub fn random_code() -> String {
    let mut rng = rand::rng();
    (0..care_contract::limits::CODE_LENGTH)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect()
}

/// Checks the rate limits, then records a new code for `phone` (replacing any earlier
/// unused one). Runs inside the caller's `BEGIN IMMEDIATE` transaction, so two requests
/// racing for the same phone cannot both pass the limits.
pub fn issue(
    tx: &Transaction<'_>,
    phone: &str,
    client_ip: &str,
    code: &str,
    ttl_ms: i64,
    limits: &Limits,
    now: i64,
) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM code_requests WHERE requested_at <= ?1",
        [now - HOUR_MS],
    )?;
    let phone_times = times(
        tx,
        "SELECT requested_at FROM code_requests WHERE phone = ?1",
        phone,
    )?;
    let ip_times = times(
        tx,
        "SELECT requested_at FROM code_requests WHERE client_ip = ?1",
        client_ip,
    )?;
    rate_limit::check(now, &phone_times, &ip_times, limits).map_err(|wait_secs| {
        StoreError::refused(ErrorCode::RateLimited, "too many requests; try again later")
            .with_retry_after(wait_secs)
    })?;

    tx.execute(
        "INSERT INTO code_requests (phone, client_ip, requested_at) VALUES (?1, ?2, ?3)",
        params![phone, client_ip, now],
    )?;
    // Only the newest code counts: earlier ones (and long-dead rows) go.
    tx.execute(
        "DELETE FROM login_codes WHERE phone = ?1 OR expires_at <= ?2",
        params![phone, now - HOUR_MS],
    )?;
    tx.execute(
        "INSERT INTO login_codes (phone, code_hash, issued_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![phone, code_hash(phone, code), now, now + ttl_ms],
    )?;
    Ok(())
}

fn times(tx: &Transaction<'_>, sql: &str, key: &str) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map([key], |r| r.get(0))?;
    rows.collect()
}

/// What a sign-in attempt found.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Accepted,
    /// Wrong code; `remaining` guesses are left against this code.
    Wrong {
        remaining: u32,
    },
    /// This wrong guess (or an earlier one) used the last attempt: the code is burnt.
    Burnt,
    /// Expired, already used, or never requested.
    Expired,
}

impl Verdict {
    /// The refusal a refused attempt answers with (`None` when accepted).
    pub fn rejection(&self) -> Option<StoreError> {
        let (code, message) = match self {
            Verdict::Accepted => return None,
            Verdict::Wrong { .. } => (ErrorCode::InvalidCode, "the code is wrong"),
            Verdict::Burnt => (
                ErrorCode::TooManyAttempts,
                "too many wrong codes; ask for a new one",
            ),
            Verdict::Expired => (
                ErrorCode::CodeExpired,
                "the code expired, was used or was never requested; ask for a new one",
            ),
        };
        Some(StoreError::refused(code, message))
    }
}

/// Checks `code` against the newest code issued to `phone`, counting a wrong guess and
/// consuming the code on success. `demo_code`: a demo backend accepts that code even when
/// no live code is outstanding.
pub fn verify(
    tx: &Transaction<'_>,
    phone: &str,
    code: &str,
    max_attempts: u32,
    demo_code: Option<&str>,
    now: i64,
) -> rusqlite::Result<Verdict> {
    let row: Option<(i64, String, i64, u32, bool)> = tx
        .query_row(
            "SELECT id, code_hash, expires_at, attempts, used FROM login_codes
             WHERE phone = ?1 ORDER BY id DESC LIMIT 1",
            [phone],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let live = row.filter(|&(_, _, expires_at, _, used)| !used && now < expires_at);
    let Some((id, hash, _, attempts, _)) = live else {
        return Ok(match demo_code {
            Some(demo) if demo == code => Verdict::Accepted,
            _ => Verdict::Expired,
        });
    };
    if attempts >= max_attempts {
        return Ok(Verdict::Burnt);
    }
    if constant_time_eq(hash.as_bytes(), code_hash(phone, code).as_bytes()) {
        tx.execute("UPDATE login_codes SET used = 1 WHERE id = ?1", [id])?;
        return Ok(Verdict::Accepted);
    }
    let attempts = attempts + 1;
    tx.execute(
        "UPDATE login_codes SET attempts = ?1 WHERE id = ?2",
        params![attempts, id],
    )?;
    Ok(if attempts >= max_attempts {
        Verdict::Burnt
    } else {
        Verdict::Wrong {
            remaining: max_attempts - attempts,
        }
    })
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_codes_are_well_formed() {
        for _ in 0..100 {
            assert!(care_contract::auth::is_well_formed_code(&random_code()));
        }
    }

    #[test]
    fn each_refused_verdict_has_its_code() {
        let code = |v: Verdict| v.rejection().and_then(|e| e.code());
        assert_eq!(code(Verdict::Accepted), None);
        assert_eq!(
            code(Verdict::Wrong { remaining: 2 }),
            Some(ErrorCode::InvalidCode)
        );
        assert_eq!(code(Verdict::Burnt), Some(ErrorCode::TooManyAttempts));
        assert_eq!(code(Verdict::Expired), Some(ErrorCode::CodeExpired));
    }

    #[test]
    fn code_hash_depends_on_phone_and_code() {
        assert_ne!(
            code_hash("13800138000", "123456"),
            code_hash("13900139000", "123456")
        );
        assert_eq!(code_hash("13800138000", "123456").len(), 64);
    }
}
