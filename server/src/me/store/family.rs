//! Family contacts: the owner's list, adding exactly once per key, editing and deleting.
//! Another subscriber's contact is `not_found`, as if it did not exist.

use care_contract::error::ErrorDetails;
use care_contract::phone::mask_phone;
use care_contract::profile::FamilyContact;
use care_contract::ErrorCode;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{own_phone, Ctx};
use crate::idempotency::KeyedTable;
use crate::store::StoreError;

const CONTACTS: KeyedTable = KeyedTable {
    table: "family_contacts",
    owner_column: "subscriber_id",
};

/// A checked contact (name trimmed, number as digits) and the request that sent it.
#[derive(Clone, Debug)]
pub struct NewContact {
    pub name: String,
    pub phone: String,
    pub key: String,
    pub fingerprint: String,
}

fn contact(r: &Row<'_>) -> rusqlite::Result<FamilyContact> {
    let phone: String = r.get(2)?;
    Ok(FamilyContact {
        id: r.get(0)?,
        name: r.get(1)?,
        phone_masked: mask_phone(&phone),
        phone,
    })
}

/// The owner's contacts, oldest first.
pub fn list(conn: &Connection, owner: i64) -> rusqlite::Result<Vec<FamilyContact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, phone FROM family_contacts WHERE subscriber_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([owner], contact)?;
    rows.collect()
}

/// One of the owner's contacts (`not_found` for anyone else's).
pub fn get(conn: &Connection, owner: i64, id: i64) -> Result<FamilyContact, StoreError> {
    conn.query_row(
        "SELECT id, name, phone FROM family_contacts WHERE id = ?1 AND subscriber_id = ?2",
        params![id, owner],
        contact,
    )
    .optional()?
    .ok_or_else(StoreError::not_found)
}

/// The number may be neither the owner's own nor another of their contacts (`except`:
/// the contact being edited).
fn check_number(
    conn: &Connection,
    owner: i64,
    phone: &str,
    except: Option<i64>,
) -> Result<(), StoreError> {
    let taken = |message: &str| {
        StoreError::refused(ErrorCode::FamilyNumberTaken, message).with_details(ErrorDetails {
            field: Some("phone".to_owned()),
            ..Default::default()
        })
    };
    if own_phone(conn, owner)? == phone {
        return Err(taken("that is the subscriber's own number"));
    }
    let listed: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM family_contacts
             WHERE subscriber_id = ?1 AND phone = ?2 AND id IS NOT ?3)",
        params![owner, phone, except],
        |r| r.get(0),
    )?;
    if listed {
        return Err(taken("that number is one of the family contacts already"));
    }
    Ok(())
}

/// Adds a contact, exactly once per key: `(contact, replayed)`.
pub fn add(
    conn: &Connection,
    ctx: &Ctx,
    new: &NewContact,
) -> Result<(FamilyContact, bool), StoreError> {
    let owner = ctx.subscriber_id;
    if let Some(id) = CONTACTS.earlier(conn, owner, &new.key, &new.fingerprint)? {
        return Ok((get(conn, owner, id)?, true));
    }
    check_number(conn, owner, &new.phone, None)?;
    let count: u32 = conn.query_row(
        "SELECT count(*) FROM family_contacts WHERE subscriber_id = ?1",
        [owner],
        |r| r.get(0),
    )?;
    let max = ctx.cfg.max_family_contacts;
    if count >= max {
        return Err(StoreError::refused(
            ErrorCode::FamilyContactsFull,
            format!("at most {max} family contacts"),
        )
        .with_details(ErrorDetails {
            limit: Some(max),
            ..Default::default()
        }));
    }
    conn.execute(
        "INSERT INTO family_contacts (subscriber_id, name, phone, idempotency_key, fingerprint)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![owner, new.name, new.phone, new.key, new.fingerprint],
    )?;
    Ok((get(conn, owner, conn.last_insert_rowid())?, false))
}

/// Changes a contact's name and number.
pub fn edit(
    conn: &Connection,
    owner: i64,
    id: i64,
    name: &str,
    phone: &str,
) -> Result<FamilyContact, StoreError> {
    get(conn, owner, id)?;
    check_number(conn, owner, phone, Some(id))?;
    conn.execute(
        "UPDATE family_contacts SET name = ?1, phone = ?2 WHERE id = ?3 AND subscriber_id = ?4",
        params![name, phone, id, owner],
    )?;
    get(conn, owner, id)
}

/// Removes a contact.
pub fn delete(conn: &Connection, owner: i64, id: i64) -> Result<(), StoreError> {
    let removed = conn.execute(
        "DELETE FROM family_contacts WHERE id = ?1 AND subscriber_id = ?2",
        params![id, owner],
    )?;
    if removed == 0 {
        return Err(StoreError::not_found());
    }
    Ok(())
}
