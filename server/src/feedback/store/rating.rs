//! Rating a resolved ticket, in the app or with a quick-rating link, and the links'
//! tokens: 32 random bytes (URL-safe base64), of which only the SHA-256 is kept. A token
//! rates its own ticket once, while that ticket is resolved and the token is its newest.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use care_contract::feedback::{
    deadlines, quick_rating_outcome, rating_outcome, ActorRole, QuickRatingState, RatingOutcome,
    RatingSource, TicketEventKind, TicketRating, TicketStatus, RATE_TOKEN_CHARS,
};
use care_contract::ErrorCode;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use super::tickets::{event, seen};
use super::{parse, rules, Ctx};
use crate::mall::clock::from_ms;
use crate::store::StoreError;

/// The hex SHA-256 a token is kept as.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A token as the links carry it: `RATE_TOKEN_CHARS` of `A-Z a-z 0-9 - _`.
pub fn is_well_formed(token: &str) -> bool {
    token.len() == RATE_TOKEN_CHARS
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Records `token` for the ticket.
pub fn record_token(
    conn: &Connection,
    ticket_id: i64,
    token: &str,
    now: i64,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO feedback_rate_tokens (token_sha256, ticket_id, created_at) VALUES (?1, ?2, ?3)",
        params![token_hash(token), ticket_id, now],
    )?;
    Ok(())
}

/// A new token for the ticket (256 random bits).
pub fn new_token(conn: &Connection, ticket_id: i64, now: i64) -> Result<String, StoreError> {
    let bytes: [u8; 32] = rand::random();
    let token = URL_SAFE_NO_PAD.encode(bytes);
    record_token(conn, ticket_id, &token, now)?;
    Ok(token)
}

/// The link staff send the customer.
pub fn link(token: &str) -> String {
    format!("/rate/{token}")
}

/// The ticket's newest rating.
pub fn latest(conn: &Connection, ticket_id: i64) -> Result<Option<TicketRating>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT source, satisfaction, recommend, solved, comment, outcome, rated_at
             FROM feedback_ratings WHERE ticket_id = ?1 ORDER BY id DESC LIMIT 1",
            [ticket_id],
            |r| {
                Ok(TicketRating {
                    source: parse::<RatingSource>(0, &r.get::<_, String>(0)?)?,
                    satisfaction: r.get(1)?,
                    recommend: r.get(2)?,
                    solved: r.get(3)?,
                    comment: r.get(4)?,
                    outcome: parse(5, &r.get::<_, String>(5)?)?,
                    rated_at: from_ms(r.get(6)?),
                })
            },
        )
        .optional()?)
}

/// A rating, checked by the handler.
pub struct NewRating {
    pub source: RatingSource,
    pub satisfaction: Option<u8>,
    pub recommend: Option<u8>,
    pub solved: Option<bool>,
    pub comment: Option<String>,
    pub outcome: RatingOutcome,
}

/// Records the rating of a resolved ticket and what it does: closed, or reopened as a
/// follow-up (in progress, its deadlines counted again from now with
/// `follow_up_within_hours`). Every token of the ticket is used up.
fn apply(
    conn: &Connection,
    ctx: &Ctx<'_>,
    ticket_id: i64,
    high_risk: bool,
    new: &NewRating,
) -> Result<(), StoreError> {
    let now = ctx.now_ms;
    conn.execute(
        "INSERT INTO feedback_ratings (ticket_id, source, satisfaction, recommend, solved,
             comment, outcome, rated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            ticket_id,
            new.source.as_str(),
            new.satisfaction,
            new.recommend,
            new.solved,
            new.comment,
            new.outcome.as_str(),
            now
        ],
    )?;
    conn.execute(
        "UPDATE feedback_rate_tokens SET used_at = ?2 WHERE ticket_id = ?1 AND used_at IS NULL",
        params![ticket_id, now],
    )?;
    event(
        conn,
        ticket_id,
        TicketEventKind::Rated,
        ActorRole::Customer,
        None,
        new.comment.as_deref(),
        now,
    )?;
    match new.outcome {
        RatingOutcome::Closed => {
            conn.execute(
                "UPDATE feedback_tickets SET status = ?2 WHERE id = ?1",
                params![ticket_id, TicketStatus::Closed.as_str()],
            )?;
            event(
                conn,
                ticket_id,
                TicketEventKind::Closed,
                ActorRole::Customer,
                None,
                None,
                now,
            )
        }
        RatingOutcome::FollowUp => {
            let d = deadlines(from_ms(now), high_risk, true, &ctx.cfg.levels);
            conn.execute(
                "UPDATE feedback_tickets SET status = ?2, follow_up = 1, respond_by = ?3,
                     resolve_by = ?4
                 WHERE id = ?1",
                params![
                    ticket_id,
                    TicketStatus::InProgress.as_str(),
                    d.respond_by.timestamp_millis(),
                    d.resolve_by.timestamp_millis()
                ],
            )?;
            event(
                conn,
                ticket_id,
                TicketEventKind::Reopened,
                ActorRole::Customer,
                None,
                None,
                now,
            )
        }
    }
}

/// The subscriber rates their resolved ticket in the app.
pub fn rate(
    conn: &Connection,
    ctx: &Ctx<'_>,
    ticket_id: i64,
    satisfaction: u8,
    recommend: u8,
    solved: bool,
    comment: Option<String>,
) -> Result<(), StoreError> {
    let me = ctx.member()?;
    let t = seen(conn, ctx, ticket_id)?;
    if t.owner_id != me {
        return Err(StoreError::not_found());
    }
    rules::may_rate(t.status)?;
    let new = NewRating {
        source: RatingSource::App,
        satisfaction: Some(satisfaction),
        recommend: Some(recommend),
        solved: Some(solved),
        comment,
        outcome: rating_outcome(satisfaction, solved),
    };
    apply(conn, ctx, t.id, t.high_risk, &new)
}

/// The ticket a token names and whether it can still rate; `bad_request` for a token that
/// is malformed (as for an id that does not parse), `not_found` for one that is unknown.
fn token_ticket(
    conn: &Connection,
    token: &str,
) -> Result<(i64, bool, QuickRatingState), StoreError> {
    if !is_well_formed(token) {
        return Err(StoreError::bad_request(format!(
            "a rating link's token is {RATE_TOKEN_CHARS} of A-Z a-z 0-9 - _"
        )));
    }
    let row: Option<(i64, bool, String, bool, bool)> = conn
        .query_row(
            "SELECT k.ticket_id, t.high_risk, t.status, k.used_at IS NULL,
                 NOT EXISTS (SELECT 1 FROM feedback_rate_tokens n
                     WHERE n.ticket_id = k.ticket_id AND n.rowid > k.rowid)
             FROM feedback_rate_tokens k JOIN feedback_tickets t ON t.id = k.ticket_id
             WHERE k.token_sha256 = ?1",
            [token_hash(token)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((ticket_id, high_risk, status, unused, newest)) = row else {
        return Err(StoreError::not_found());
    };
    let open = unused && newest && status == TicketStatus::Resolved.as_str();
    let state = if open {
        QuickRatingState::Open
    } else {
        QuickRatingState::AlreadyRated
    };
    Ok((ticket_id, high_risk, state))
}

/// Whether a quick-rating link can still rate.
pub fn quick_state(conn: &Connection, token: &str) -> Result<QuickRatingState, StoreError> {
    Ok(token_ticket(conn, token)?.2)
}

/// Rates the token's ticket once; a second time is `already_rated`.
pub fn quick_rate(
    conn: &Connection,
    ctx: &Ctx<'_>,
    token: &str,
    satisfied: bool,
    comment: Option<String>,
) -> Result<(), StoreError> {
    let (ticket_id, high_risk, state) = token_ticket(conn, token)?;
    if state != QuickRatingState::Open {
        return Err(StoreError::refused(
            ErrorCode::AlreadyRated,
            "this link has rated already",
        ));
    }
    let new = NewRating {
        source: RatingSource::QuickLink,
        satisfaction: None,
        recommend: None,
        solved: None,
        comment,
        outcome: quick_rating_outcome(satisfied),
    };
    apply(conn, ctx, ticket_id, high_risk, &new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_43_url_safe_characters_kept_as_their_hash() {
        let bytes: [u8; 32] = rand::random();
        let token = URL_SAFE_NO_PAD.encode(bytes);
        assert!(is_well_formed(&token), "{token}");
        assert!(!is_well_formed(&token[1..]));
        assert!(!is_well_formed(&format!("{}=", &token[1..])));
        assert_eq!(token_hash("abc").len(), 64);
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
