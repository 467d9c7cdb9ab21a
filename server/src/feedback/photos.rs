//! A photo upload, judged by its bytes: JPEG, PNG or WebP by content (whatever the name or
//! `Content-Type` says), at most so many pixels by its header (before decoding anything),
//! then decoded, turned upright, scaled down to the longest side allowed and written again
//! as a JPEG. Writing it again is what drops its metadata: no EXIF, no location.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// JPEG quality of a kept photo.
pub const JPEG_QUALITY: u8 = 85;

/// Why an upload is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoProblem {
    /// Not a JPEG, PNG or WebP image, or one that does not decode.
    Unsupported,
    /// More pixels than allowed (`width × height`).
    TooManyPixels { width: u32, height: u32 },
}

/// A photo ready to keep.
#[derive(Debug)]
pub struct Kept {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The accepted formats, by content.
pub fn accepted_format(bytes: &[u8]) -> Option<ImageFormat> {
    match image::guess_format(bytes).ok()? {
        f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) => Some(f),
        _ => None,
    }
}

/// Checks, decodes, shrinks and re-encodes an upload.
pub fn keep(bytes: &[u8], max_pixels: u64, max_side: u32) -> Result<Kept, PhotoProblem> {
    let format = accepted_format(bytes).ok_or(PhotoProblem::Unsupported)?;
    let reader = || ImageReader::with_format(Cursor::new(bytes), format);
    // The header only: a 50-megapixel image is refused before anything is decoded.
    let (width, height) = reader()
        .into_dimensions()
        .map_err(|_| PhotoProblem::Unsupported)?;
    if u64::from(width) * u64::from(height) > max_pixels {
        return Err(PhotoProblem::TooManyPixels { width, height });
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(width);
    limits.max_image_height = Some(height);
    let mut r = reader();
    r.limits(limits);
    let mut decoder = r.into_decoder().map_err(|_| PhotoProblem::Unsupported)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|_| PhotoProblem::Unsupported)?;
    img.apply_orientation(orientation);
    if img.width().max(img.height()) > max_side {
        img = img.resize(max_side, max_side, FilterType::Triangle);
    }
    let rgb = img.to_rgb8();
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(|_| PhotoProblem::Unsupported)?;
    Ok(Kept {
        jpeg,
        width: rgb.width(),
        height: rgb.height(),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use image::{ImageEncoder, Rgb, RgbImage};

    pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(width, height, |x, y| Rgb([x as u8, y as u8, 99]));
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(img.as_raw(), width, height, image::ExtendedColorType::Rgb8)
            .unwrap();
        out
    }

    /// A PNG whose header says `width × height` (the pixel data is not there).
    fn png_header_only(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = png(1, 1);
        // IHDR's width and height follow the 8-byte signature, its length and its type.
        bytes[16..20].copy_from_slice(&width.to_be_bytes());
        bytes[20..24].copy_from_slice(&height.to_be_bytes());
        // The chunk's CRC covers its type and data.
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

    #[test]
    fn a_png_is_kept_as_a_jpeg_of_the_same_size() {
        let kept = keep(&png(40, 30), 40_000_000, 2048).unwrap();
        assert_eq!((kept.width, kept.height), (40, 30));
        assert_eq!(accepted_format(&kept.jpeg), Some(ImageFormat::Jpeg));
    }

    #[test]
    fn a_webp_is_taken_too() {
        let img = RgbImage::from_fn(20, 10, |x, y| Rgb([x as u8, y as u8, 7]));
        let mut webp = Vec::new();
        image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
            .write_image(img.as_raw(), 20, 10, image::ExtendedColorType::Rgb8)
            .unwrap();
        assert_eq!(accepted_format(&webp), Some(ImageFormat::WebP));
        let kept = keep(&webp, 40_000_000, 2048).unwrap();
        assert_eq!((kept.width, kept.height), (20, 10));
    }

    #[test]
    fn a_large_photo_is_scaled_to_the_longest_side() {
        let kept = keep(&png(300, 150), 40_000_000, 100).unwrap();
        assert_eq!((kept.width, kept.height), (100, 50));
    }

    #[test]
    fn too_many_pixels_are_refused_by_the_header() {
        assert_eq!(
            keep(&png_header_only(10_000, 5_000), 40_000_000, 2048).unwrap_err(),
            PhotoProblem::TooManyPixels {
                width: 10_000,
                height: 5_000
            }
        );
        // At the limit exactly the header passes (and the missing data fails to decode).
        assert_eq!(
            keep(&png_header_only(8_000, 5_000), 40_000_000, 2048).unwrap_err(),
            PhotoProblem::Unsupported
        );
    }

    #[test]
    fn other_bytes_are_refused_whatever_they_claim() {
        assert_eq!(accepted_format(b"\x7fELF\x02\x01\x01\0\0\0\0\0"), None);
        assert_eq!(accepted_format(b"GIF89a\x01\0\x01\0"), None);
        assert_eq!(
            keep(b"\xFF\xD8\xFF\xE0 not really", 40_000_000, 2048).unwrap_err(),
            PhotoProblem::Unsupported
        );
    }
}
