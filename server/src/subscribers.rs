//! Subscriber rows and the profile the app shows.

use care_contract::phone::mask_phone;
use care_contract::profile::Profile;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

/// A new subscriber's name until they choose one: 用户 and the last four digits.
pub fn default_nickname(phone: &str) -> String {
    let tail: String = phone
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("用户{tail}")
}

pub fn id_by_phone(conn: &Connection, phone: &str) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT id FROM subscribers WHERE phone = ?1",
        [phone],
        |r| r.get(0),
    )
    .optional()
}

/// Creates a subscriber on first sign-in (the operator's CRM knows every number).
pub fn create(
    conn: &Connection,
    phone: &str,
    today: NaiveDate,
    now_ms: i64,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO subscribers (phone, nickname, joined_on, star_level, is_staff, created_at)
         VALUES (?1, ?2, ?3, 1, 0, ?4)",
        params![phone, default_nickname(phone), today, now_ms],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn profile(conn: &Connection, id: i64) -> rusqlite::Result<Option<Profile>> {
    let row = conn
        .query_row(
            "SELECT phone, nickname, joined_on, birthday, star_level, is_staff
             FROM subscribers WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, NaiveDate>(2)?,
                    r.get::<_, Option<NaiveDate>>(3)?,
                    r.get::<_, u8>(4)?,
                    r.get::<_, bool>(5)?,
                ))
            },
        )
        .optional()?;
    let Some((phone, nickname, joined_on, birthday, star_level, is_staff)) = row else {
        return Ok(None);
    };
    let family_contacts = crate::me::store::family::list(conn, id)?;
    Ok(Some(Profile {
        id,
        phone_masked: mask_phone(&phone),
        nickname,
        joined_on,
        birthday,
        star_level,
        is_staff,
        family_contacts,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_nickname_uses_the_last_four_digits() {
        assert_eq!(default_nickname("13800138000"), "用户8000");
    }
}
