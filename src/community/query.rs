//! Which threads the community page lists (board, order, search words, page), kept in the
//! address bar so a reload, a shared link or the back button comes back to the same list.

use care_contract::community::{ThreadSort, SEARCH_MAX_CHARS};

use crate::query_string::encode_value;

/// Threads per page: a few phone screens.
pub const THREADS_PER_PAGE: u32 = 20;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListQuery {
    pub board: Option<i64>,
    pub sort: ThreadSort,
    /// Trimmed search words; empty for none. A search lists best matches first, so it
    /// has no order of its own.
    pub words: String,
    /// 1-based.
    pub page: u32,
}

impl ListQuery {
    /// Reads the address bar's query; anything unknown falls back to the default.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        ListQuery {
            board: get("board").and_then(|b| b.parse().ok()).filter(|b| *b > 0),
            sort: get("sort")
                .and_then(|s| s.parse::<ThreadSort>().ok())
                .unwrap_or_default(),
            words: tidy_words(&get("q").unwrap_or_default()),
            page: crate::widgets::pager::page_number(get("page").as_deref()),
        }
    }

    /// The app's own address for this list, defaults left out: `/community?board=2&sort=new`.
    pub fn href(&self) -> String {
        let mut pairs: Vec<String> = Vec::new();
        if let Some(board) = self.board {
            pairs.push(format!("board={board}"));
        }
        if self.sort != ThreadSort::default() {
            pairs.push(format!("sort={}", self.sort.as_str()));
        }
        if !self.words.is_empty() {
            pairs.push(format!("q={}", encode_value(&self.words)));
        }
        if self.page > 1 {
            pairs.push(format!("page={}", self.page));
        }
        if pairs.is_empty() {
            "/community".to_owned()
        } else {
            format!("/community?{}", pairs.join("&"))
        }
    }

    /// The backend path: the search when there are words, the board's list otherwise.
    pub fn api_path(&self) -> String {
        let board = self
            .board
            .map(|b| format!("&board_id={b}"))
            .unwrap_or_default();
        let page = format!("page={}&per_page={THREADS_PER_PAGE}", self.page);
        if self.words.is_empty() {
            format!(
                "/community/threads?sort={}{board}&{page}",
                self.sort.as_str()
            )
        } else {
            format!(
                "/community/search?q={}{board}&{page}",
                encode_value(&self.words)
            )
        }
    }

    /// The same list on another page.
    pub fn on_page(&self, page: u32) -> ListQuery {
        ListQuery {
            page,
            ..self.clone()
        }
    }
}

/// Search words as the backend takes them: trimmed, inner runs of space made one, and at
/// most the contract's length (longer input is cut, not refused).
pub fn tidy_words(input: &str) -> String {
    input
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(SEARCH_MAX_CHARS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(query: &str) -> ListQuery {
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        ListQuery::from_params(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()))
    }

    #[test]
    fn the_default_list_is_every_board_hot_first() {
        let q = read("");
        assert_eq!(
            q,
            ListQuery {
                page: 1,
                ..ListQuery::default()
            }
        );
        assert_eq!(q.href(), "/community");
        assert_eq!(
            q.api_path(),
            "/community/threads?sort=hot&page=1&per_page=20"
        );
    }

    #[test]
    fn a_board_an_order_and_a_page_round_trip_through_the_address() {
        let q = read("board=3&sort=new&page=2");
        assert_eq!(q.href(), "/community?board=3&sort=new&page=2");
        assert_eq!(read(&q.href()["/community?".len()..]), q);
        assert_eq!(
            q.api_path(),
            "/community/threads?sort=new&board_id=3&page=2&per_page=20"
        );
        assert_eq!(q.on_page(1).href(), "/community?board=3&sort=new");
    }

    #[test]
    fn words_search_instead_and_are_escaped() {
        let q = ListQuery {
            words: "流量 包".to_owned(),
            board: Some(2),
            page: 1,
            ..ListQuery::default()
        };
        assert_eq!(
            q.api_path(),
            "/community/search?q=%E6%B5%81%E9%87%8F%20%E5%8C%85&board_id=2&page=1&per_page=20"
        );
        assert!(q.href().contains("q=%E6%B5%81"), "{}", q.href());
    }

    #[test]
    fn nonsense_in_the_address_falls_back_to_the_default() {
        assert_eq!(
            read("board=-1&sort=best&page=0"),
            ListQuery {
                page: 1,
                ..ListQuery::default()
            }
        );
        assert_eq!(read("board=abc").board, None);
    }

    #[test]
    fn words_are_tidied_and_cut_at_the_limit() {
        assert_eq!(tidy_words("  宽带   断网 "), "宽带 断网");
        assert_eq!(
            tidy_words(&"字".repeat(80)).chars().count(),
            SEARCH_MAX_CHARS
        );
    }
}
