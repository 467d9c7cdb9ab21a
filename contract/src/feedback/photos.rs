//! Photos for a ticket: uploaded one at a time as the raw image body
//! (`POST /api/feedback/photos`), then attached by id to a new ticket or a message. The
//! server checks the type by the bytes (JPEG, PNG or WebP, whatever the name or header
//! says), refuses more than `PHOTO_MAX_BYTES` or `PHOTO_MAX_PIXELS`, shrinks it to
//! `PHOTO_MAX_SIDE` on its long side and keeps it as a JPEG without its metadata (no
//! EXIF, no location). Only its uploader and staff may fetch it.

use serde::{Deserialize, Serialize};

/// Largest upload, in bytes (8 MiB).
pub const PHOTO_MAX_BYTES: usize = 8 * 1024 * 1024;
/// Largest image, in pixels (width × height, 40 megapixels), read from its header before
/// it is decoded.
pub const PHOTO_MAX_PIXELS: u64 = 40_000_000;
/// Longest side of a kept photo; larger ones are scaled down.
pub const PHOTO_MAX_SIDE: u32 = 2048;
/// The image types accepted, by content.
pub const PHOTO_TYPES: &[&str] = &["image/jpeg", "image/png", "image/webp"];

/// A kept photo: what `POST /api/feedback/photos` answers (201), and what a ticket or a
/// message lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Photo {
    pub id: i64,
    /// Where to fetch it (`/api/feedback/photos/{id}`, a JPEG).
    pub url: String,
    pub width: u32,
    pub height: u32,
    /// Bytes of the kept JPEG.
    pub bytes: u64,
}

/// The path of a photo.
pub fn photo_url(id: i64) -> String {
    format!("/api/feedback/photos/{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_is_at_most_8_mib_40_megapixels_and_kept_at_2048_px() {
        assert_eq!(PHOTO_MAX_BYTES, 8_388_608);
        assert_eq!(PHOTO_MAX_PIXELS, 40_000_000);
        assert_eq!(PHOTO_MAX_SIDE, 2048);
        assert_eq!(PHOTO_TYPES, ["image/jpeg", "image/png", "image/webp"]);
    }

    #[test]
    fn a_photo_is_fetched_from_its_own_path() {
        assert_eq!(photo_url(42), "/api/feedback/photos/42");
    }
}
