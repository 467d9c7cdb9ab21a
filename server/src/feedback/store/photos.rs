//! Photos: recording an upload, who may fetch it, and attaching it (once) to a ticket or
//! a message of the subscriber who uploaded it.

use care_contract::error::ErrorDetails;
use care_contract::feedback::{photo_url, Photo};
use care_contract::ErrorCode;
use rusqlite::{params, Connection, OptionalExtension};

use super::Ctx;
use crate::store::StoreError;

/// A kept photo's facts.
pub struct NewPhoto {
    pub file_name: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
}

/// Records the subscriber's upload (its file is written already).
pub fn insert(conn: &Connection, ctx: &Ctx<'_>, new: &NewPhoto) -> Result<Photo, StoreError> {
    let me = ctx.member()?;
    conn.execute(
        "INSERT INTO feedback_photos (owner_id, file_name, width, height, bytes, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            me,
            new.file_name,
            new.width,
            new.height,
            new.bytes as i64,
            ctx.now_ms
        ],
    )?;
    let id = conn.last_insert_rowid();
    Ok(Photo {
        id,
        url: photo_url(id),
        width: new.width,
        height: new.height,
        bytes: new.bytes,
    })
}

/// The file of a photo the viewer may fetch: its uploader or staff (anyone else:
/// `not_found`).
pub fn file_of(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<String, StoreError> {
    let row: Option<(i64, String)> = conn
        .query_row(
            "SELECT owner_id, file_name FROM feedback_photos WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        Some((owner, file)) if ctx.viewer.is(owner) || ctx.viewer.is_staff => Ok(file),
        _ => Err(StoreError::not_found()),
    }
}

fn unavailable(id: i64) -> StoreError {
    StoreError::refused(
        ErrorCode::PhotoUnavailable,
        format!("photo {id} is not one of yours, or is attached already"),
    )
    .with_details(ErrorDetails {
        field: Some("photo_ids".into()),
        ..Default::default()
    })
}

/// Attaches the owner's unattached photos to a ticket (and a message); any other id is
/// `photo_unavailable` (and the transaction writes nothing).
pub fn attach(
    conn: &Connection,
    owner: i64,
    ids: &[i64],
    ticket_id: i64,
    message_id: Option<i64>,
) -> Result<(), StoreError> {
    for &id in ids {
        let changed = conn.execute(
            "UPDATE feedback_photos SET ticket_id = ?3, message_id = ?4
             WHERE id = ?1 AND owner_id = ?2 AND ticket_id IS NULL",
            params![id, owner, ticket_id, message_id],
        )?;
        if changed == 0 {
            return Err(unavailable(id));
        }
    }
    Ok(())
}

fn listed(conn: &Connection, sql: &str, id: i64) -> Result<Vec<Photo>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let photos = stmt
        .query_map([id], |r| {
            let id: i64 = r.get(0)?;
            Ok(Photo {
                id,
                url: photo_url(id),
                width: r.get(1)?,
                height: r.get(2)?,
                bytes: r.get::<_, i64>(3)? as u64,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(photos)
}

/// The photos sent with a ticket.
pub fn of_ticket(conn: &Connection, ticket_id: i64) -> Result<Vec<Photo>, StoreError> {
    listed(
        conn,
        "SELECT id, width, height, bytes FROM feedback_photos
         WHERE ticket_id = ?1 AND message_id IS NULL ORDER BY id",
        ticket_id,
    )
}

/// The photos of a message.
pub fn of_message(conn: &Connection, message_id: i64) -> Result<Vec<Photo>, StoreError> {
    listed(
        conn,
        "SELECT id, width, height, bytes FROM feedback_photos WHERE message_id = ?1 ORDER BY id",
        message_id,
    )
}
