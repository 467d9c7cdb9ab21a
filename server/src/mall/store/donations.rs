//! Charity projects and exactly-once donations of points.

use care_contract::mall::{CharityProject, LedgerKind};
use care_contract::time::china_date;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::account::{account_block, signed_in_account};
use super::catalogue::account_error;
use super::ledger::{insert_entry, NewEntry};
use super::points::{balance, materialize_expiry, spend};
use crate::mall::clock::from_ms;
use crate::mall::config::MallConfig;
use crate::store::StoreError;

const PROJECT_SELECT: &str = "SELECT p.id, p.name_zh, p.name_en, p.description_zh, p.description_en, \
    p.base_points + coalesce((SELECT sum(points) FROM donations d WHERE d.project_id = p.id), 0), \
    p.base_donors + (SELECT count(DISTINCT subscriber_id) FROM donations d WHERE d.project_id = p.id), \
    coalesce((SELECT sum(points) FROM donations d WHERE d.project_id = p.id AND d.subscriber_id = ?1), 0) \
    FROM charity_projects p";

fn project_row(r: &Row<'_>) -> rusqlite::Result<CharityProject> {
    Ok(CharityProject {
        id: r.get(0)?,
        name_zh: r.get(1)?,
        name_en: r.get(2)?,
        description_zh: r.get(3)?,
        description_en: r.get(4)?,
        raised_points: r.get(5)?,
        donors: r.get(6)?,
        my_points: r.get(7)?,
    })
}

/// Every project, with `my_points` for `viewer` (0 for everyone when signed out).
pub fn projects(conn: &Connection, viewer: Option<i64>) -> Result<Vec<CharityProject>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{PROJECT_SELECT} ORDER BY p.id"))?;
    let rows = stmt
        .query_map([viewer], project_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn project(
    conn: &Connection,
    id: i64,
    viewer: Option<i64>,
) -> rusqlite::Result<Option<CharityProject>> {
    conn.query_row(
        &format!("{PROJECT_SELECT} WHERE p.id = ?2"),
        params![viewer, id],
        project_row,
    )
    .optional()
}

/// A donation made now or earlier with the same key (`replayed`).
pub struct Donated {
    pub id: i64,
    pub project_id: i64,
    pub points: i64,
    pub at_ms: i64,
    pub balance: i64,
    pub replayed: bool,
}

pub fn donate(
    conn: &Connection,
    subscriber_id: i64,
    project_id: i64,
    amount: i64,
    key: &str,
    now_ms: i64,
    cfg: &MallConfig,
) -> Result<Donated, StoreError> {
    let today = china_date(from_ms(now_ms));
    let earlier: Option<(i64, i64, i64, i64)> = conn
        .query_row(
            "SELECT id, project_id, points, created_at FROM donations WHERE subscriber_id = ?1 AND idempotency_key = ?2",
            params![subscriber_id, key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    if let Some((id, pid, points, at_ms)) = earlier {
        if pid != project_id || points != amount {
            return Err(crate::idempotency::conflict());
        }
        return Ok(Donated {
            id,
            project_id,
            points,
            at_ms,
            balance: balance(conn, subscriber_id, today)?,
            replayed: true,
        });
    }
    let project = project(conn, project_id, None)?.ok_or_else(StoreError::not_found)?;
    let account = signed_in_account(conn, subscriber_id)?;
    if let Some(reason) = account_block(&account, today, cfg) {
        return Err(account_error(reason));
    }
    materialize_expiry(conn, subscriber_id, today)?;
    spend(conn, subscriber_id, today, amount)?;
    conn.execute(
        "INSERT INTO donations (subscriber_id, project_id, points, idempotency_key, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![subscriber_id, project_id, amount, key, now_ms],
    )?;
    let id = conn.last_insert_rowid();
    let zh = format!("积分捐赠：{}", project.name_zh);
    let en = format!("Donation: {}", project.name_en);
    insert_entry(
        conn,
        subscriber_id,
        &NewEntry {
            donation_id: Some(id),
            ..NewEntry::new(LedgerKind::Donation, -amount, now_ms, &zh, &en)
        },
    )?;
    Ok(Donated {
        id,
        project_id,
        points: amount,
        at_ms: now_ms,
        balance: balance(conn, subscriber_id, today)?,
        replayed: false,
    })
}
