//! A phone photo is 3–8 MB and 12–50 megapixels; a ticket needs what a person can read on a
//! screen. Before upload the app redraws the photo on a canvas at most
//! [`LONG_SIDE_PX`] on its long side and encodes it as JPEG, which also leaves the
//! camera's metadata (the GPS position of the subscriber's home among it) behind. The
//! backend strips metadata again; this saves the subscriber's data plan.

use futures::channel::oneshot;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, File, HtmlCanvasElement, ImageBitmap};

/// The long side of a shrunk photo: sharp on any phone screen, a few hundred KB as JPEG.
pub const LONG_SIDE_PX: u32 = 1600;
/// JPEG quality of a shrunk photo (0–1): no visible loss on a photo of a bill or a router.
pub const JPEG_QUALITY: f64 = 0.82;

/// The size a `width` × `height` picture is drawn at so that neither side passes
/// `long_side`, keeping its proportions; a smaller picture keeps its size.
pub fn shrunk_size(width: u32, height: u32, long_side: u32) -> (u32, u32) {
    let longest = width.max(height);
    if longest <= long_side || longest == 0 {
        return (width, height);
    }
    let scale = f64::from(long_side) / f64::from(longest);
    let side = |v: u32| ((f64::from(v) * scale).round() as u32).max(1);
    (side(width), side(height))
}

/// Why a picked file could not be made into a photo to send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShrinkError {
    /// The browser could not read it as a picture.
    NotAPicture,
    /// Reading it as a picture worked, but drawing or encoding it did not (out of memory).
    CouldNotEncode,
}

/// Decodes `file` (turned upright as the camera said), draws it at [`shrunk_size`] and
/// encodes it as JPEG.
pub async fn shrink(file: &File) -> Result<Blob, ShrinkError> {
    let window = web_sys::window().ok_or(ShrinkError::CouldNotEncode)?;
    let decoding = window
        .create_image_bitmap_with_blob(file)
        .map_err(|_| ShrinkError::NotAPicture)?;
    let bitmap: ImageBitmap = JsFuture::from(decoding)
        .await
        .map_err(|_| ShrinkError::NotAPicture)?
        .unchecked_into();
    let (width, height) = shrunk_size(bitmap.width(), bitmap.height(), LONG_SIDE_PX);
    let drawn = draw(&bitmap, width, height);
    bitmap.close();
    let canvas = drawn?;
    encode(&canvas).await
}

fn draw(bitmap: &ImageBitmap, width: u32, height: u32) -> Result<HtmlCanvasElement, ShrinkError> {
    let canvas: HtmlCanvasElement = leptos::prelude::document()
        .create_element("canvas")
        .map_err(|_| ShrinkError::CouldNotEncode)?
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or(ShrinkError::CouldNotEncode)?
        .unchecked_into();
    // A transparent PNG would turn black as JPEG.
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(
            bitmap,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(|_| ShrinkError::CouldNotEncode)?;
    Ok(canvas)
}

async fn encode(canvas: &HtmlCanvasElement) -> Result<Blob, ShrinkError> {
    let (done, encoded) = oneshot::channel::<Option<Blob>>();
    let on_blob = Closure::once(move |blob: Option<Blob>| {
        let _ = done.send(blob);
    });
    canvas
        .to_blob_with_type_and_encoder_options(
            on_blob.as_ref().unchecked_ref(),
            "image/jpeg",
            &JPEG_QUALITY.into(),
        )
        .map_err(|_| ShrinkError::CouldNotEncode)?;
    encoded
        .await
        .ok()
        .flatten()
        .ok_or(ShrinkError::CouldNotEncode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_photo_shrinks_to_the_long_side_keeping_its_shape() {
        assert_eq!(shrunk_size(4032, 3024, 1600), (1600, 1200));
        assert_eq!(shrunk_size(3024, 4032, 1600), (1200, 1600));
        assert_eq!(shrunk_size(8000, 6000, 1600), (1600, 1200));
    }

    #[test]
    fn a_small_picture_keeps_its_size() {
        assert_eq!(shrunk_size(1200, 900, 1600), (1200, 900));
        assert_eq!(shrunk_size(1600, 1600, 1600), (1600, 1600));
    }

    #[test]
    fn a_very_thin_picture_keeps_at_least_a_pixel() {
        assert_eq!(shrunk_size(20_000, 3, 1600), (1600, 1));
        assert_eq!(shrunk_size(0, 0, 1600), (0, 0));
    }
}
