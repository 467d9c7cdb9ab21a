//! Sign-in with a phone number and a one-time code, as operators do.

use serde::{Deserialize, Serialize};

use crate::profile::Profile;

/// `POST /api/auth/code`: send a one-time code to this phone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeRequest {
    /// What the user typed; the server normalizes it (spaces, dashes, +86 allowed).
    pub phone: String,
}

/// The answer to a code request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeSent {
    /// The phone the code went to, masked (138****8000).
    pub phone_masked: String,
    /// Seconds before another code may be requested for this phone.
    pub resend_after_secs: u32,
    /// Seconds the code stays valid.
    pub expires_in_secs: u32,
    /// Only a demo backend fills this: the code itself, so a demo can be signed into
    /// without a phone. A production backend never sends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demo_code: Option<String>,
}

/// `POST /api/auth/sign-in`: exchange the code for a session cookie.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInRequest {
    pub phone: String,
    pub code: String,
}

/// A successful sign-in: the session travels as an HttpOnly cookie, never in this body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignedIn {
    pub profile: Profile,
    /// True when this sign-in created the account (the new-user guide starts here).
    pub new_account: bool,
}

/// Checks a typed code's shape before it is sent (the server checks it again).
pub fn is_well_formed_code(code: &str) -> bool {
    code.len() == crate::limits::CODE_LENGTH && code.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_six_digits() {
        assert!(is_well_formed_code("024680"));
        assert!(!is_well_formed_code("02468"));
        assert!(!is_well_formed_code("0246800"));
        assert!(!is_well_formed_code("02468a"));
        assert!(!is_well_formed_code("０２４６８０"));
    }

    #[test]
    fn demo_code_is_left_out_when_absent() {
        let sent = CodeSent {
            phone_masked: "138****8000".into(),
            resend_after_secs: 60,
            expires_in_secs: 300,
            demo_code: None,
        };
        assert!(!serde_json::to_string(&sent).unwrap().contains("demo_code"));
    }
}

/// `GET /api/session`: who is signed in, if anyone. Always 200, so an app starting signed
/// out does not log a failed request; `GET /api/me` is the strict (401) form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    /// The signed-in subscriber, or null when signed out.
    pub profile: Option<Profile>,
}
