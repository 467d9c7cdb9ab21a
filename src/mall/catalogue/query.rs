//! What the catalogue shows (category, search words, order, page), kept in the address
//! bar so a reload, a shared link or the back button comes back to the same list.

use care_contract::mall::{ItemCategory, ItemSort, SEARCH_MAX_CHARS};

use crate::query_string::encode_value;

/// Items per catalogue page: a few phone screens.
pub const CATALOGUE_PAGE_SIZE: u32 = 20;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogueQuery {
    pub category: Option<ItemCategory>,
    /// Trimmed search words; empty for none.
    pub words: String,
    pub sort: ItemSort,
    /// 1-based.
    pub page: u32,
}

impl CatalogueQuery {
    /// Reads the address bar's query; anything unknown falls back to the default.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        CatalogueQuery {
            category: get("category").and_then(|c| c.parse::<ItemCategory>().ok()),
            words: tidy_words(&get("q").unwrap_or_default()),
            sort: get("sort")
                .and_then(|s| s.parse::<ItemSort>().ok())
                .unwrap_or_default(),
            page: crate::widgets::pager::page_number(get("page").as_deref()),
        }
    }

    /// The app's own address for this list: `/mall?category=data&q=...`, defaults left out.
    pub fn href(&self) -> String {
        let query = self.pairs(false);
        if query.is_empty() {
            "/mall".to_owned()
        } else {
            format!("/mall?{query}")
        }
    }

    /// The backend path for this list.
    pub fn api_path(&self) -> String {
        format!("/mall/items?{}", self.pairs(true))
    }

    fn pairs(&self, for_api: bool) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(category) = self.category {
            pairs.push(("category", category.as_str().to_owned()));
        }
        if !self.words.is_empty() {
            pairs.push(("q", encode_value(&self.words)));
        }
        if for_api || self.sort != ItemSort::default() {
            pairs.push(("sort", self.sort.as_str().to_owned()));
        }
        if for_api || self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        if for_api {
            pairs.push(("per_page", CATALOGUE_PAGE_SIZE.to_string()));
        }
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
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

    fn parse(pairs: &[(&str, &str)]) -> CatalogueQuery {
        CatalogueQuery::from_params(|k| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn a_bare_mall_address_is_the_default_list() {
        let q = parse(&[]);
        assert_eq!(
            q,
            CatalogueQuery {
                page: 1,
                ..Default::default()
            }
        );
        assert_eq!(q.href(), "/mall");
        assert_eq!(q.api_path(), "/mall/items?sort=popular&page=1&per_page=20");
    }

    #[test]
    fn the_address_bar_round_trips() {
        let q = parse(&[
            ("category", "data"),
            ("q", "  流量  包 "),
            ("sort", "price_asc"),
            ("page", "2"),
        ]);
        assert_eq!(q.category, Some(ItemCategory::Data));
        assert_eq!(q.words, "流量 包");
        assert_eq!(
            q.href(),
            "/mall?category=data&q=%E6%B5%81%E9%87%8F%20%E5%8C%85&sort=price_asc&page=2"
        );
    }

    #[test]
    fn unknown_values_fall_back_instead_of_failing() {
        let q = parse(&[("category", "cars"), ("sort", "random"), ("page", "0")]);
        assert_eq!(q.category, None);
        assert_eq!(q.sort, ItemSort::Popular);
        assert_eq!(q.page, 1);
        assert_eq!(parse(&[("page", "x")]).page, 1);
    }

    #[test]
    fn search_words_are_tidied_and_cut_to_the_contract() {
        assert_eq!(tidy_words("  a \t b  "), "a b");
        assert_eq!(
            tidy_words(&"话".repeat(80)).chars().count(),
            SEARCH_MAX_CHARS
        );
    }
}
