//! Photo uploads: the type is judged by the bytes, the size in pixels by the header, the
//! kept photo is a JPEG without EXIF; only the uploader and staff may fetch it, and only
//! its uploader may attach it, once.

mod common;
mod community_support;
mod feedback_support;

use care_contract::feedback::{Photo, PHOTO_MAX_BYTES};
use care_contract::ErrorCode;
use community_support::{key, Member};
use feedback_support::*;
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE};
use serde_json::json;

#[tokio::test]
async fn a_png_is_kept_as_a_jpeg_only_its_uploader_and_staff_fetch() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let photo: Photo = decoded(
        upload(&me, png(64, 48), "application/octet-stream").await,
        201,
    )
    .await;
    assert_eq!((photo.width, photo.height), (64, 48));
    assert_eq!(photo.url, format!("/api/feedback/photos/{}", photo.id));
    let r = me.get(&photo.url).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()[CONTENT_TYPE], "image/jpeg");
    assert!(r.headers()[CACHE_CONTROL]
        .to_str()
        .unwrap()
        .starts_with("private"));
    let bytes = r.bytes().await.unwrap();
    assert_eq!(&bytes[..2], &[0xFF, 0xD8]);
    assert_eq!(bytes.len() as u64, photo.bytes);

    let other = Member::fresh(&server).await;
    refused_with(other.get(&photo.url).await, 404, ErrorCode::NotFound).await;
    refused_with(
        server.get(&photo.url).await,
        401,
        ErrorCode::Unauthenticated,
    )
    .await;
    let staff = Member::sign_in(&server, STAFF).await;
    assert_eq!(staff.get(&photo.url).await.status(), 200);
}

#[tokio::test]
async fn an_executable_named_a_jpeg_is_refused() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0".to_vec();
    elf.extend(std::iter::repeat_n(0u8, 4096));
    refused_with(
        upload(&me, elf, "image/jpeg").await,
        415,
        ErrorCode::ImageTypeUnsupported,
    )
    .await;
    // A GIF is an image, but not one of ours.
    refused_with(
        upload(&me, b"GIF89a\x01\0\x01\0\0\0\0;".to_vec(), "image/gif").await,
        415,
        ErrorCode::ImageTypeUnsupported,
    )
    .await;
    // A JPEG that is cut off does not decode.
    let mut cut = jpeg(32, 32);
    cut.truncate(40);
    refused_with(
        upload(&me, cut, "image/jpeg").await,
        415,
        ErrorCode::ImageTypeUnsupported,
    )
    .await;
}

#[tokio::test]
async fn a_50_megapixel_image_is_refused_by_its_header() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let claimed = png_claiming(10_000, 5_000);
    assert!(claimed.len() < 200);
    refused_with(
        upload(&me, claimed, "image/png").await,
        422,
        ErrorCode::ImageTooManyPixels,
    )
    .await;
}

#[tokio::test]
async fn more_than_8_mib_is_refused() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let mut big = png(8, 8);
    big.resize(PHOTO_MAX_BYTES + 1, 0);
    refused_with(
        upload(&me, big, "image/png").await,
        413,
        ErrorCode::PayloadTooLarge,
    )
    .await;
}

#[tokio::test]
async fn a_photo_of_several_megabytes_is_taken() {
    // Above axum's default 2 MB body limit, below ours: noise does not compress.
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let img = image::RgbImage::from_fn(1200, 900, |_, _| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        image::Rgb([seed as u8, (seed >> 8) as u8, (seed >> 16) as u8])
    });
    let mut bytes = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut bytes),
        img.as_raw(),
        1200,
        900,
        image::ExtendedColorType::Rgb8,
    )
    .unwrap();
    assert!(bytes.len() > 3_000_000, "{}", bytes.len());
    let photo: Photo = decoded(upload(&me, bytes, "image/png").await, 201).await;
    assert_eq!((photo.width, photo.height), (1200, 900));
}

#[tokio::test]
async fn a_photo_comes_back_without_its_exif_and_location() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let sent = jpeg_with_gps(40, 30);
    assert!(jpeg_markers(&sent).contains(&0xE1));
    assert!(contains(&sent, b"Exif") && contains(&sent, b"GPS"));
    let photo: Photo = decoded(upload(&me, sent, "image/jpeg").await, 201).await;
    let served = me.get(&photo.url).await.bytes().await.unwrap();
    assert!(
        !jpeg_markers(&served).contains(&0xE1),
        "an APP1 segment is left"
    );
    assert!(!contains(&served, b"Exif"));
    assert!(!contains(&served, b"GPS"));
}

#[tokio::test]
async fn a_large_photo_is_scaled_to_2048_pixels() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let photo: Photo = decoded(upload(&me, png(3000, 1500), "image/png").await, 201).await;
    assert_eq!((photo.width, photo.height), (2048, 1024));
}

#[tokio::test]
async fn photos_attach_once_and_only_to_their_uploaders_tickets() {
    let server = feedback_server().await;
    let me = Member::fresh(&server).await;
    let a = uploaded(&me, png(10, 10)).await;
    let b = uploaded(&me, png(12, 12)).await;
    let t = open(&me, json!({ "photo_ids": [a.id, b.id] })).await;
    assert_eq!(
        t.photos.iter().map(|p| p.id).collect::<Vec<_>>(),
        [a.id, b.id]
    );
    // Attached already.
    refused_with(
        me.post(
            "/api/feedback/tickets",
            ticket_body(json!({ "photo_ids": [a.id] })),
        )
        .await,
        409,
        ErrorCode::PhotoUnavailable,
    )
    .await;
    // Someone else's.
    let other = Member::fresh(&server).await;
    let theirs = uploaded(&other, png(8, 8)).await;
    refused_with(
        me.post(
            "/api/feedback/tickets",
            ticket_body(json!({ "photo_ids": [theirs.id] })),
        )
        .await,
        409,
        ErrorCode::PhotoUnavailable,
    )
    .await;
    // With a message: photos only is fine.
    let c = uploaded(&me, png(9, 9)).await;
    let posted: care_contract::feedback::MessagePosted = decoded(
        me.post(
            &format!("/api/feedback/tickets/{}/messages", t.id),
            json!({ "photo_ids": [c.id], "idempotency_key": key() }),
        )
        .await,
        201,
    )
    .await;
    let m = posted.ticket.messages.last().unwrap();
    assert_eq!(m.text, None);
    assert_eq!(m.photos.iter().map(|p| p.id).collect::<Vec<_>>(), [c.id]);
    // The ticket's own photos stay the two sent with it.
    assert_eq!(posted.ticket.photos.len(), 2);
    // Staff see the ticket's photos.
    let staff = Member::sign_in(&server, STAFF).await;
    assert_eq!(staff.get(&a.url).await.status(), 200);
    // A refused ticket leaves its photos free.
    let d = uploaded(&me, png(7, 7)).await;
    refused_with(
        me.post(
            "/api/feedback/tickets",
            ticket_body(json!({ "photo_ids": [d.id, theirs.id] })),
        )
        .await,
        409,
        ErrorCode::PhotoUnavailable,
    )
    .await;
    open(&me, json!({ "photo_ids": [d.id] })).await;
}
