//! Helpers for the feedback tests: a demo server with its clock pinned, signed-in
//! subscribers and staff (the community's `Member`), typed calls for the common steps,
//! and images made on the spot.
#![allow(dead_code)]

use care_contract::feedback::{
    MessagePosted, Photo, StaffTicketResult, TicketCreated, TicketDetail, TicketPage,
};
use care_contract::{ApiError, ErrorCode};
use chrono::{DateTime, TimeZone, Utc};
use image::{ImageEncoder, Rgb, RgbImage};
use reqwest::header::{CONTENT_TYPE, COOKIE};
use reqwest::Response;
use serde_json::{json, Value};

use crate::common::*;
use crate::community_support::{decode, key, Member};

#[allow(unused_imports)]
pub use crate::community_support::{decode as decoded, fresh_phone, STAFF, WANG, ZHANG};

/// Demo tickets, by id on a fresh demo database.
pub const DEMO_BROADBAND: i64 = 1;
pub const DEMO_BILLING: i64 = 2;
pub const DEMO_SUGGESTION: i64 = 3;
pub const DEMO_DATA_LEAK: i64 = 4;
pub const DEMO_WANG_PLAN: i64 = 5;
pub const DEMO_RATE_TOKEN: &str = "demo-rate-link-for-the-billing-enquiry-0001";

/// 10:00 in China on Friday 30 January 2026 (02:00 UTC).
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 30, 2, 0, 0).unwrap()
}

pub fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

/// A demo server whose clock stands at `at` (before seeding), with faults (test hooks) on.
pub async fn feedback_server_at(at: DateTime<Utc>) -> TestServer {
    start(|c| {
        c.clock.set(at);
        c.enable_faults = true;
        c.codes_per_ip_per_hour = 10_000;
        c.codes_per_phone_per_hour = 10_000;
        c.code_resend_secs = 0;
    })
    .await
}

pub async fn feedback_server() -> TestServer {
    feedback_server_at(t0()).await
}

/// Sets the server's clock.
pub fn set_clock(server: &TestServer, at: DateTime<Utc>) {
    server.config.clock.set(at);
}

/// A new ticket's request body, valid; change fields with `patch`.
pub fn ticket_body(patch: Value) -> Value {
    let mut body = json!({
        "kind": "fault_report",
        "category": "broadband",
        "description": "宽带从今天早上开始断网，光猫 LOS 灯一直闪红。",
        "contact_method": "phone_call",
        "contact_window": "evening",
        "idempotency_key": key(),
    });
    for (k, v) in patch.as_object().unwrap() {
        body[k] = v.clone();
    }
    body
}

/// The error body of a refusal with `status`.
pub async fn refused(response: Response, status: u16) -> ApiError {
    decode(response, status).await
}

pub async fn refused_with(response: Response, status: u16, code: ErrorCode) -> ApiError {
    let e: ApiError = decode(response, status).await;
    assert_eq!(e.code, code, "{}", e.message);
    e
}

/// Opens a ticket (201).
pub async fn open(member: &Member, patch: Value) -> TicketDetail {
    let created: TicketCreated = decode(
        member
            .post("/api/feedback/tickets", ticket_body(patch))
            .await,
        201,
    )
    .await;
    assert!(!created.replayed);
    created.ticket
}

pub async fn ticket(member: &Member, id: i64) -> TicketDetail {
    member.fetch(&format!("/api/feedback/tickets/{id}")).await
}

pub async fn mine(member: &Member, query: &str) -> TicketPage {
    member.fetch(&format!("/api/feedback/tickets{query}")).await
}

pub async fn queue(staff: &Member, query: &str) -> TicketPage {
    staff
        .fetch(&format!("/api/staff/feedback/tickets{query}"))
        .await
}

/// A staff action that must succeed.
pub async fn staff_do(staff: &Member, id: i64, action: &str, body: Value) -> StaffTicketResult {
    decode(
        staff
            .post(&format!("/api/staff/feedback/tickets/{id}/{action}"), body)
            .await,
        200,
    )
    .await
}

pub async fn staff_try(staff: &Member, id: i64, action: &str, body: Value) -> Response {
    staff
        .post(&format!("/api/staff/feedback/tickets/{id}/{action}"), body)
        .await
}

pub async fn accept(staff: &Member, id: i64) -> TicketDetail {
    staff_do(staff, id, "accept", json!({})).await.ticket
}

/// Accepts and resolves a ticket: the quick-rating token.
pub async fn accept_and_resolve(staff: &Member, id: i64) -> String {
    accept(staff, id).await;
    resolve(staff, id).await
}

pub async fn resolve(staff: &Member, id: i64) -> String {
    let done = staff_do(staff, id, "resolve", json!({ "note": "已处理完毕" })).await;
    let link = done.rate_link.expect("a rate link");
    link.strip_prefix("/rate/")
        .expect("/rate/<token>")
        .to_owned()
}

pub async fn message(member: &Member, id: i64, text: &str) -> MessagePosted {
    decode(
        member
            .post(
                &format!("/api/feedback/tickets/{id}/messages"),
                json!({ "text": text, "idempotency_key": key() }),
            )
            .await,
        201,
    )
    .await
}

pub async fn rate(member: &Member, id: i64, body: Value) -> Response {
    member
        .post(&format!("/api/feedback/tickets/{id}/rating"), body)
        .await
}

/// Uploads `bytes` as the raw body with this `Content-Type`.
pub async fn upload(member: &Member, bytes: Vec<u8>, content_type: &str) -> Response {
    member
        .client
        .post(format!("{}/api/feedback/photos", member.base))
        .header(COOKIE, &member.cookie)
        .header(CONTENT_TYPE, content_type)
        .body(bytes)
        .send()
        .await
        .unwrap()
}

pub async fn uploaded(member: &Member, bytes: Vec<u8>) -> Photo {
    decode(upload(member, bytes, "image/png").await, 201).await
}

/// A small PNG.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(width, height, |x, y| Rgb([x as u8, y as u8, 120]));
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(img.as_raw(), width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// A PNG whose header says `width × height` (its pixels are not there): what a
/// 50-megapixel photo's header looks like, in a few dozen bytes.
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = png(1, 1);
    bytes[16..20].copy_from_slice(&width.to_be_bytes());
    bytes[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

/// CRC-32 (PNG's), bit by bit.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A small JPEG.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(width, height, |x, y| Rgb([x as u8, 80, y as u8]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(img.as_raw(), width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// The JPEG segments' markers (after SOI, up to SOS).
pub fn jpeg_markers(bytes: &[u8]) -> Vec<u8> {
    assert_eq!(&bytes[..2], &[0xFF, 0xD8], "not a JPEG");
    let mut markers = Vec::new();
    let mut i = 2;
    while i + 4 <= bytes.len() && bytes[i] == 0xFF {
        let marker = bytes[i + 1];
        markers.push(marker);
        if marker == 0xDA {
            break;
        }
        let len = u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]) as usize;
        i += 2 + len;
    }
    markers
}

/// A JPEG carrying an APP1 Exif segment with a GPS block.
pub fn jpeg_with_gps(width: u32, height: u32) -> Vec<u8> {
    let plain = jpeg(width, height);
    // A little-endian TIFF header, IFD0 with one entry: the GPS IFD pointer (0x8825),
    // then the GPS IFD with a latitude reference "N" — and the letters GPS to find.
    let mut tiff: Vec<u8> = b"II*\0\x08\0\0\0".to_vec();
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&0x8825u16.to_le_bytes());
    tiff.extend_from_slice(&4u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&26u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&2u32.to_le_bytes());
    tiff.extend_from_slice(b"N\0\0\0");
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(b"GPS 39.9042N 116.4074E");
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&plain[2..]);
    out
}

/// Whether `needle` occurs in `hay`.
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Sets the service levels through the test hook.
pub async fn set_levels(server: &TestServer, body: Value) {
    let r = server
        .client
        .put(server.url("/api/_test/feedback/config"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
}
