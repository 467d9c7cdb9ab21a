//! The delivery address kept for next time.

use care_contract::error::ErrorDetails;
use care_contract::mall::{AddressField, DeliveryAddress};
use care_contract::ErrorCode;
use rusqlite::{params, Connection, OptionalExtension};

use crate::store::StoreError;

pub fn saved_address(
    conn: &Connection,
    subscriber_id: i64,
) -> Result<Option<DeliveryAddress>, StoreError> {
    let address = conn
        .query_row(
            "SELECT name, phone, region, detail FROM delivery_addresses WHERE subscriber_id = ?1",
            [subscriber_id],
            |r| {
                Ok(DeliveryAddress {
                    name: r.get(0)?,
                    phone: r.get(1)?,
                    region: r.get(2)?,
                    detail: r.get(3)?,
                })
            },
        )
        .optional()?;
    Ok(address)
}

pub fn save_address(
    conn: &Connection,
    subscriber_id: i64,
    a: &DeliveryAddress,
    now_ms: i64,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO delivery_addresses (subscriber_id, name, phone, region, detail, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (subscriber_id) DO UPDATE SET name = excluded.name, phone = excluded.phone,
             region = excluded.region, detail = excluded.detail, updated_at = excluded.updated_at",
        params![subscriber_id, a.name, a.phone, a.region, a.detail, now_ms],
    )?;
    Ok(())
}

/// The refusal for an address whose `field` is missing or wrong.
pub fn invalid_address(field: AddressField) -> StoreError {
    StoreError::refused(
        ErrorCode::InvalidAddress,
        format!(
            "the delivery address {} is missing or wrong",
            field.as_str()
        ),
    )
    .with_details(ErrorDetails {
        field: Some(field.as_str().to_owned()),
        ..Default::default()
    })
}
