//! Boards and the community's front page.

use care_contract::community::{Board, BoardKind, BoardList};
use rusqlite::{named_params, Connection, OptionalExtension, Row};

use super::{moderation, parse, Ctx};
use crate::mall::clock::from_ms;
use crate::store::StoreError;

const BOARD_SELECT: &str = "SELECT b.id, b.slug, b.name_zh, b.name_en, b.description_zh,
        b.description_en, b.kind,
        (SELECT count(*) FROM community_threads t WHERE t.board_id = b.id AND t.state = 'published'),
        (SELECT max(t.last_activity_at) FROM community_threads t
            WHERE t.board_id = b.id AND t.state = 'published')
    FROM community_boards b";

fn board_row(r: &Row<'_>, ctx: &Ctx<'_>) -> rusqlite::Result<Board> {
    let kind: BoardKind = parse(6, &r.get::<_, String>(6)?)?;
    let count: i64 = r.get(7)?;
    Ok(Board {
        id: r.get(0)?,
        slug: r.get(1)?,
        name_zh: r.get(2)?,
        name_en: r.get(3)?,
        description_zh: r.get(4)?,
        description_en: r.get(5)?,
        kind,
        thread_count: count as u64,
        last_activity_at: r.get::<_, Option<i64>>(8)?.map(from_ms),
        can_post: may_start_thread(kind, ctx),
    })
}

/// A signed-in member starts threads in a discussion board; only staff start idea calls.
pub fn may_start_thread(kind: BoardKind, ctx: &Ctx<'_>) -> bool {
    ctx.viewer.id.is_some() && (kind == BoardKind::Discussion || ctx.viewer.is_staff)
}

pub fn board(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<Option<Board>, StoreError> {
    Ok(conn
        .query_row(
            &format!("{BOARD_SELECT} WHERE b.id = :id"),
            named_params! { ":id": id },
            |r| board_row(r, ctx),
        )
        .optional()?)
}

/// Every board in its place, and for staff how much waits in the moderation queue.
pub fn boards(conn: &Connection, ctx: &Ctx<'_>) -> Result<BoardList, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{BOARD_SELECT} ORDER BY b.position, b.id"))?;
    let boards = stmt
        .query_map([], |r| board_row(r, ctx))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let moderation_pending = if ctx.viewer.is_staff {
        Some(moderation::pending(conn, ctx)?)
    } else {
        None
    };
    Ok(BoardList {
        boards,
        moderation_pending,
    })
}
