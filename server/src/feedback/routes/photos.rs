//! Photo uploads (the raw image as the body, judged by its bytes) and fetching one.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use care_contract::feedback::Photo;
use care_contract::{ApiError, ErrorCode};

use super::{photos_dir, read, write};
use crate::auth::sessions::CurrentUser;
use crate::error::AppError;
use crate::extract::ApiPath;
use crate::feedback::photos::{keep, PhotoProblem};
use crate::feedback::store::photos::{self as store, NewPhoto};
use crate::state::AppState;

/// Uploads a photo: the image itself as the body, any `Content-Type`. Its type is judged
/// by its bytes (JPEG, PNG or WebP); it is scaled down to 2048 px on its long side and
/// kept as a JPEG without metadata (no EXIF, no location). Attach it by id to a new
/// ticket or a message.
#[utoipa::path(
    post,
    operation_id = "upload_photo",
    path = "/api/feedback/photos",
    tag = "feedback",
    security(("session" = [])),
    request_body(
        description = "The image's bytes (JPEG, PNG or WebP, judged by content; at most 8 MiB and 40 megapixels)",
        content(
            (Vec<u8> = "image/jpeg"),
            (Vec<u8> = "image/png"),
            (Vec<u8> = "image/webp"),
            (Vec<u8> = "application/octet-stream"),
        )
    ),
    responses(
        (status = 201, description = "Kept", body = Photo),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 413, description = "`payload_too_large`: more than 8 MiB", body = ApiError),
        (status = 415, description = "`image_type_unsupported`: not a JPEG, PNG or WebP image", body = ApiError),
        (status = 422, description = "`image_too_many_pixels`: more than 40 megapixels", body = ApiError),
    )
)]
pub async fn upload(
    State(state): State<AppState>,
    user: CurrentUser,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<Photo>), AppError> {
    let cfg = state.config.feedback.get();
    let bytes = body.map_err(|_| too_large())?;
    if bytes.len() > cfg.photo_max_bytes {
        return Err(too_large());
    }
    let kept =
        tokio::task::spawn_blocking(move || keep(&bytes, cfg.photo_max_pixels, cfg.photo_max_side))
            .await
            .map_err(|_| AppError::internal())?
            .map_err(|problem| match problem {
                PhotoProblem::Unsupported => AppError::new(
                    ErrorCode::ImageTypeUnsupported,
                    "not a JPEG, PNG or WebP image",
                ),
                PhotoProblem::TooManyPixels { width, height } => AppError::new(
                    ErrorCode::ImageTooManyPixels,
                    format!(
                        "{width}x{height} is more than {} pixels",
                        cfg.photo_max_pixels
                    ),
                ),
            })?;
    let dir = photos_dir(&state.config);
    let random: [u8; 16] = rand::random();
    let file_name = format!(
        "{}.jpg",
        random
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    let path = dir.join(&file_name);
    let jpeg_len = kept.jpeg.len() as u64;
    tokio::fs::create_dir_all(&dir).await.map_err(|e| {
        tracing::error!(error = %e, dir = %dir.display(), "cannot make the photos folder");
        AppError::internal()
    })?;
    tokio::fs::write(&path, &kept.jpeg).await.map_err(|e| {
        tracing::error!(error = %e, path = %path.display(), "cannot write a photo");
        AppError::internal()
    })?;
    let new = NewPhoto {
        file_name,
        width: kept.width,
        height: kept.height,
        bytes: jpeg_len,
    };
    let recorded = write(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::insert(conn, ctx, &new)
    })
    .await;
    match recorded {
        Ok(photo) => Ok((StatusCode::CREATED, Json(photo))),
        Err(e) => {
            let _ = tokio::fs::remove_file(&path).await;
            Err(e)
        }
    }
}

fn too_large() -> AppError {
    AppError::new(ErrorCode::PayloadTooLarge, "a photo may have at most 8 MiB")
}

/// A photo as a JPEG: to its uploader and staff only (anyone else: 404).
#[utoipa::path(
    get,
    operation_id = "photo",
    path = "/api/feedback/photos/{id}",
    tag = "feedback",
    security(("session" = [])),
    params(("id" = i64, Path, description = "Photo id")),
    responses(
        (status = 200, description = "The photo (`Cache-Control: private`)", content_type = "image/jpeg", body = Vec<u8>),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 404, description = "`not_found`: no such photo of this subscriber", body = ApiError),
    )
)]
pub async fn fetch(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Response, AppError> {
    let file = read(&state, Some(user.subscriber_id), move |conn, ctx| {
        store::file_of(conn, ctx, id)
    })
    .await?;
    let path = photos_dir(&state.config).join(file);
    let bytes = tokio::fs::read(&path).await.map_err(|e| {
        tracing::error!(error = %e, path = %path.display(), "a recorded photo is missing");
        AppError::not_found()
    })?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, "private, max-age=86400"),
        ],
        bytes,
    )
        .into_response())
}
