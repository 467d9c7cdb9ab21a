//! Searching published threads by words in their titles and bodies.
//!
//! Each word of three or more characters goes to the FTS5 trigram index (any substring of
//! three or more characters matches, Chinese included); a word of one or two characters
//! cannot (a trigram index has nothing that short), so it is found with `LIKE` on the
//! threads instead. A thread must contain every word. With indexed words the best matches
//! (bm25) come first; with only short words, the newest.

use care_contract::community::{search_words, ThreadSummary, FTS_MIN_CHARS};
use rusqlite::types::ToSql;
use rusqlite::Connection;

use super::posts::AUTHOR_COLUMNS;
use super::threads::{thread_row, ThreadRow, THREAD_COLUMNS, THREAD_FROM};
use super::{offset, Ctx};
use crate::store::StoreError;

/// A search split into the FTS5 query for the long words (`None` when there are none)
/// and `LIKE` patterns for the short ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub fts: Option<String>,
    pub like: Vec<String>,
}

/// A word as an FTS5 phrase: in double quotes, a double quote doubled, so nothing in it is
/// read as query syntax.
pub fn phrase(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// A word as a `LIKE` pattern (with `ESCAPE '\'`) that finds it anywhere.
pub fn like_pattern(word: &str) -> String {
    let escaped = word
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

pub fn plan(q: &str) -> Plan {
    let (long, short): (Vec<String>, Vec<String>) = search_words(q)
        .into_iter()
        .partition(|w| w.chars().count() >= FTS_MIN_CHARS);
    Plan {
        fts: (!long.is_empty()).then(|| {
            long.iter()
                .map(|w| phrase(w))
                .collect::<Vec<_>>()
                .join(" AND ")
        }),
        like: short.iter().map(|w| like_pattern(w)).collect(),
    }
}

/// A page of the published threads (of one board, or all) containing every word, and
/// how many there are.
pub fn search(
    conn: &Connection,
    ctx: &Ctx<'_>,
    q: &str,
    board_id: Option<i64>,
    page: u32,
    per_page: u32,
) -> Result<(Vec<ThreadSummary>, u64), StoreError> {
    let plan = plan(q);
    let mut condition =
        String::from("t.state = 'published' AND (:board IS NULL OR t.board_id = :board)");
    let names: Vec<String> = (0..plan.like.len()).map(|i| format!(":w{i}")).collect();
    for name in &names {
        condition.push_str(&format!(
            " AND (t.title LIKE {name} ESCAPE '\\' OR t.body LIKE {name} ESCAPE '\\')"
        ));
    }
    let (hits, order) = match plan.fts {
        Some(_) => (
            "JOIN (SELECT rowid AS id, bm25(community_threads_fts) AS rank
                   FROM community_threads_fts WHERE community_threads_fts MATCH :match) h
                 ON h.id = t.id",
            "h.rank, t.created_at DESC, t.id DESC",
        ),
        None => ("", "t.created_at DESC, t.id DESC"),
    };
    let mut named: Vec<(&str, &dyn ToSql)> = vec![(":board", &board_id)];
    if let Some(fts) = &plan.fts {
        named.push((":match", fts));
    }
    for (name, pattern) in names.iter().zip(&plan.like) {
        named.push((name.as_str(), pattern));
    }
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM community_threads t {hits} WHERE {condition}"),
        named.as_slice(),
        |r| r.get(0),
    )?;
    let limit = i64::from(per_page);
    let skip = offset(page, per_page);
    named.push((":viewer", &ctx.viewer.id));
    named.push((":limit", &limit));
    named.push((":offset", &skip));
    let mut stmt = conn.prepare(&format!(
        "SELECT {THREAD_COLUMNS}, {AUTHOR_COLUMNS} {THREAD_FROM} {hits}
         WHERE {condition} ORDER BY {order} LIMIT :limit OFFSET :offset"
    ))?;
    let threads = stmt
        .query_map(named.as_slice(), |r| {
            thread_row(r, ctx).map(ThreadRow::summary)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((threads, total as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_three_or_more_characters_go_to_the_index_and_shorter_ones_to_like() {
        assert_eq!(
            plan("长辈版 宽带 5G 光猫灯"),
            Plan {
                fts: Some("\"长辈版\" AND \"光猫灯\"".into()),
                like: vec!["%宽带%".into(), "%5G%".into()],
            }
        );
        assert_eq!(
            plan("流量"),
            Plan {
                fts: None,
                like: vec!["%流量%".into()]
            }
        );
        assert_eq!(plan("abc").like, Vec::<String>::new());
    }

    #[test]
    fn query_syntax_in_a_word_is_only_text() {
        assert_eq!(phrase("a\"b OR c"), "\"a\"\"b OR c\"");
        assert_eq!(like_pattern("50%_\\"), "%50\\%\\_\\\\%");
    }
}
