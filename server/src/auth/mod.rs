//! Sign-in: one-time codes (issuing, rate limits, checking) and cookie sessions.

pub mod codes;
pub mod rate_limit;
pub mod sessions;

use sha2::{Digest, Sha256};

/// Lower-case hex SHA-256: how codes and session tokens are stored.
pub fn sha256_hex(input: &[u8]) -> String {
    let digest = Sha256::digest(input);
    let mut out = String::with_capacity(64);
    for byte in digest {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}
