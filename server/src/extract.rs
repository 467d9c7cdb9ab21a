//! Extractors for the three places a request carries input (a JSON body, the query
//! string, path parameters) whose rejections are `ApiError` bodies instead of axum's
//! plain-text ones. Handlers take `ApiJson`, `ApiQuery` and `ApiPath`, never axum's
//! `Json`, `Query` and `Path`.
//!
//! Statuses: a body over the size limit is 413 `payload_too_large`, a body that is not
//! `application/json` 415 `unsupported_media_type`, anything else the client sent wrong
//! 400 `bad_request` (JSON that does not match the type too: axum's 422 is folded in).

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use care_contract::ErrorCode;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// A JSON request body.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        match axum::Json::<Object<T>>::from_request(req, state).await {
            Ok(axum::Json(Object(value))) => Ok(Self(value)),
            Err(rejection) => Err(json_rejection(&rejection)),
        }
    }
}

/// A request body read from a JSON object only. Every body the contract defines is an
/// object, but serde's derive also reads a struct from an array of its fields (`[]` is a
/// struct whose fields are all optional): the OpenAPI document forbids that, so it is 400.
struct Object<T>(T);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Object<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ObjectOnly<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for ObjectOnly<T> {
            type Value = T;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_map(ObjectOnly(std::marker::PhantomData))
            .map(Object)
    }
}

/// A query string.
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(Self(value)),
            Err(rejection) => Err(query_rejection(&rejection)),
        }
    }
}

/// Path parameters (`/api/mall/items/{id}`): a value that does not parse (`abc`, a number
/// past `i64`) is 400 `bad_request`.
pub struct ApiPath<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(Self(value)),
            Err(rejection) => Err(path_rejection(&rejection)),
        }
    }
}

fn json_rejection(rejection: &JsonRejection) -> AppError {
    let message = match rejection {
        JsonRejection::MissingJsonContentType(_) => {
            "expected a JSON body with content-type application/json".to_owned()
        }
        // The serde message names the field or position, never echoes the body's values.
        other => other.body_text(),
    };
    from_status(rejection.status(), message)
}

fn query_rejection(rejection: &QueryRejection) -> AppError {
    from_status(rejection.status(), rejection.body_text())
}

fn path_rejection(rejection: &PathRejection) -> AppError {
    from_status(rejection.status(), rejection.body_text())
}

/// The one mapping from an axum rejection's status to the contract's code.
fn from_status(status: StatusCode, message: String) -> AppError {
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => AppError::new(ErrorCode::PayloadTooLarge, message),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            AppError::new(ErrorCode::UnsupportedMediaType, message)
        }
        // A route whose handler asks for parameters its path does not have: a bug here.
        s if s.is_server_error() => {
            tracing::error!(%message, "extractor failed");
            AppError::internal()
        }
        _ => AppError::bad_request(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejection_statuses_map_to_codes() {
        let code = |status| from_status(status, String::new()).body.code;
        assert_eq!(code(StatusCode::BAD_REQUEST), ErrorCode::BadRequest);
        assert_eq!(
            code(StatusCode::UNPROCESSABLE_ENTITY),
            ErrorCode::BadRequest
        );
        assert_eq!(
            code(StatusCode::PAYLOAD_TOO_LARGE),
            ErrorCode::PayloadTooLarge
        );
        assert_eq!(
            code(StatusCode::UNSUPPORTED_MEDIA_TYPE),
            ErrorCode::UnsupportedMediaType
        );
        assert_eq!(code(StatusCode::INTERNAL_SERVER_ERROR), ErrorCode::Internal);
    }
}
