//! Sign-in calls: request a code, exchange it for a session, sign out.

use care_contract::auth::{CodeRequest, CodeSent, SignInRequest, SignedIn};

use super::{client, ApiError};

pub async fn request_code(phone: String) -> Result<CodeSent, ApiError> {
    client::post("/auth/code", &CodeRequest { phone }).await
}

pub async fn sign_in(phone: String, code: String) -> Result<SignedIn, ApiError> {
    client::post("/auth/sign-in", &SignInRequest { phone, code }).await
}

pub async fn sign_out() -> Result<(), ApiError> {
    client::post_no_content("/auth/sign-out").await
}
