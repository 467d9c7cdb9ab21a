//! Votes on threads and replies: one per member per post, never on one's own, only on a
//! published post; changing or withdrawing it moves the counts.

use care_contract::community::{PostKind, PostRef, PostState, VoteChoice, VoteResult};
use care_contract::ErrorCode;
use rusqlite::{params, Connection, OptionalExtension};

use super::posts::{seen_reply, seen_thread};
use super::threads::vote_of;
use super::Ctx;
use crate::store::StoreError;

/// How a change of vote moves (score, up votes, down votes).
pub fn delta(old: Option<i64>, new: Option<i64>) -> (i64, i64, i64) {
    let count = |v: Option<i64>, want: i64| i64::from(v == Some(want));
    (
        new.unwrap_or(0) - old.unwrap_or(0),
        count(new, 1) - count(old, 1),
        count(new, -1) - count(old, -1),
    )
}

fn table(kind: PostKind) -> &'static str {
    match kind {
        PostKind::Thread => "community_threads",
        PostKind::Reply => "community_replies",
    }
}

/// Sets, changes or withdraws the viewer's vote on a post; the post's counts after it.
pub fn vote(
    conn: &Connection,
    ctx: &Ctx<'_>,
    post: PostRef,
    choice: VoteChoice,
) -> Result<VoteResult, StoreError> {
    let member = ctx.viewer.member()?;
    let (author_id, published) = match post.kind {
        PostKind::Thread => {
            let t = seen_thread(conn, ctx, post.id)?;
            (t.author_id, t.state == PostState::Published)
        }
        PostKind::Reply => {
            let (r, t) = seen_reply(conn, ctx, post.id)?;
            (
                r.author_id,
                r.state == PostState::Published && t.state == PostState::Published,
            )
        }
    };
    if !published {
        return Err(StoreError::refused(
            ErrorCode::InvalidStatus,
            "only a published post takes votes",
        ));
    }
    if author_id == member {
        return Err(StoreError::refused(
            ErrorCode::OwnPost,
            "members do not vote on their own posts",
        ));
    }
    let kind = post.kind.as_str();
    let old: Option<i64> = conn
        .query_row(
            "SELECT value FROM community_votes
             WHERE subscriber_id = ?1 AND post_kind = ?2 AND post_id = ?3",
            params![member, kind, post.id],
            |r| r.get(0),
        )
        .optional()?;
    let new = choice.vote().map(|v| v.value());
    if old != new {
        match new {
            Some(value) => conn.execute(
                "INSERT INTO community_votes (subscriber_id, post_kind, post_id, value, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (subscriber_id, post_kind, post_id)
                 DO UPDATE SET value = excluded.value, created_at = excluded.created_at",
                params![member, kind, post.id, value, ctx.now_ms],
            )?,
            None => conn.execute(
                "DELETE FROM community_votes
                 WHERE subscriber_id = ?1 AND post_kind = ?2 AND post_id = ?3",
                params![member, kind, post.id],
            )?,
        };
        let (score, up, down) = delta(old, new);
        conn.execute(
            &format!(
                "UPDATE {} SET score = score + ?2, up_votes = up_votes + ?3,
                     down_votes = down_votes + ?4 WHERE id = ?1",
                table(post.kind)
            ),
            params![post.id, score, up, down],
        )?;
    }
    let (score, up_votes, down_votes): (i64, i64, i64) = conn.query_row(
        &format!(
            "SELECT score, up_votes, down_votes FROM {} WHERE id = ?1",
            table(post.kind)
        ),
        [post.id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok(VoteResult {
        score,
        up_votes: up_votes as u64,
        down_votes: down_votes as u64,
        my_vote: vote_of(new),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_of_vote_moves_score_and_counts() {
        assert_eq!(delta(None, Some(1)), (1, 1, 0));
        assert_eq!(delta(None, Some(-1)), (-1, 0, 1));
        assert_eq!(delta(Some(1), Some(-1)), (-2, -1, 1));
        assert_eq!(delta(Some(-1), Some(1)), (2, 1, -1));
        assert_eq!(delta(Some(1), None), (-1, -1, 0));
        assert_eq!(delta(Some(-1), None), (1, 0, -1));
        assert_eq!(delta(Some(1), Some(1)), (0, 0, 0));
        assert_eq!(delta(None, None), (0, 0, 0));
    }
}
