//! Care's calls: the inbox and its gifts, the message preferences and the quarterly report.

use care_contract::care::{GiftClaimed, InboxPage, Preferences, QuarterReport, ReadAllResult};

use crate::api::client;
use crate::api::ApiError;

pub const INBOX_PATH: &str = "/care/inbox";
pub const PREFERENCES_PATH: &str = "/care/preferences";
const REPORT_PATH: &str = "/care/report";

/// One page of the inbox, newest first.
pub fn inbox_path(page: u32) -> String {
    format!("{INBOX_PATH}?page={page}")
}

/// A quarter's report; none named is the last full quarter.
pub fn report_path(quarter: Option<(i32, u8)>) -> String {
    match quarter {
        Some((year, quarter)) => format!("{REPORT_PATH}?year={year}&quarter={quarter}"),
        None => REPORT_PATH.to_owned(),
    }
}

pub async fn fetch_inbox(page: u32) -> Result<InboxPage, ApiError> {
    client::get(&inbox_path(page)).await
}

/// Marking read twice is the same as once: safe to send again.
pub async fn mark_read(id: i64) -> Result<(), ApiError> {
    client::post_no_content(&format!("{INBOX_PATH}/{id}/read")).await
}

pub async fn mark_all_read() -> Result<ReadAllResult, ApiError> {
    client::post(&format!("{INBOX_PATH}/read-all"), &()).await
}

/// A gift is claimed once however often this is sent: a second claim answers the first.
pub async fn claim_gift(id: i64) -> Result<GiftClaimed, ApiError> {
    client::post(&format!("{INBOX_PATH}/{id}/claim"), &()).await
}

pub async fn fetch_preferences() -> Result<Preferences, ApiError> {
    client::get(PREFERENCES_PATH).await
}

/// Sets the topics listed (the others stay) and answers every topic's preference.
pub async fn save_preferences(changed: Preferences) -> Result<Preferences, ApiError> {
    client::put(PREFERENCES_PATH, &changed).await
}

pub async fn fetch_report(quarter: Option<(i32, u8)>) -> Result<QuarterReport, ApiError> {
    client::get(&report_path(quarter)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_the_page_and_the_quarter() {
        assert_eq!(inbox_path(2), "/care/inbox?page=2");
        assert_eq!(report_path(None), "/care/report");
        assert_eq!(
            report_path(Some((2026, 3))),
            "/care/report?year=2026&quarter=3"
        );
    }
}
