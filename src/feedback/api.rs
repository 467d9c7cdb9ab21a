//! Feedback's backend calls (`/api/feedback`, `/api/staff/feedback`, `/api/rate`; see the
//! contract's `feedback` module).

use care_contract::feedback::{
    MessagePosted, NewMessageRequest, NewTicketRequest, Photo, QuickRatingRequest,
    QuickRatingStatus, RatingRequest, ResolveRequest, StaffMessageRequest, StaffTicketResult,
    TicketCreated, TicketDetail, TicketPage,
};
use web_sys::Blob;

use crate::api::{client, upload, ApiError};

/// Tickets per page of "my tickets" and of staff's queue.
pub const TICKETS_PER_PAGE: u32 = 20;

pub fn tickets_path(page: u32) -> String {
    format!("/feedback/tickets?page={page}&per_page={TICKETS_PER_PAGE}")
}

pub fn ticket_path(id: i64) -> String {
    format!("/feedback/tickets/{id}")
}

pub fn queue_path(page: u32) -> String {
    format!("/staff/feedback/tickets?page={page}&per_page={TICKETS_PER_PAGE}")
}

pub async fn fetch_tickets(page: u32) -> Result<TicketPage, ApiError> {
    client::get(&tickets_path(page)).await
}

pub async fn fetch_ticket(id: i64) -> Result<TicketDetail, ApiError> {
    client::get(&ticket_path(id)).await
}

pub async fn create_ticket(request: NewTicketRequest) -> Result<TicketCreated, ApiError> {
    client::post("/feedback/tickets", &request).await
}

/// Uploads a photo the app has shrunk, reporting the percent sent.
pub async fn upload_photo(
    photo: Blob,
    on_progress: impl Fn(u8) + 'static,
) -> Result<Photo, ApiError> {
    upload::post_blob("/feedback/photos", &photo, on_progress).await
}

pub async fn post_message(id: i64, request: NewMessageRequest) -> Result<MessagePosted, ApiError> {
    client::post(&format!("{}/messages", ticket_path(id)), &request).await
}

pub async fn withdraw(id: i64) -> Result<TicketDetail, ApiError> {
    client::post(&format!("{}/withdraw", ticket_path(id)), &()).await
}

/// Undoes the withdrawal, within ten minutes of it (`undo::UNDO_WINDOW_MINUTES`).
pub async fn undo_withdraw(id: i64) -> Result<TicketDetail, ApiError> {
    client::post(&format!("{}/undo-withdraw", ticket_path(id)), &()).await
}

pub async fn rate(id: i64, request: RatingRequest) -> Result<TicketDetail, ApiError> {
    client::post(&format!("{}/rating", ticket_path(id)), &request).await
}

pub async fn fetch_queue(page: u32) -> Result<TicketPage, ApiError> {
    client::get(&queue_path(page)).await
}

/// Staff's actions on a ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StaffAction {
    Accept,
    Reply(String),
    Ask(String),
    Resolve(String),
}

pub async fn staff_act(id: i64, action: StaffAction) -> Result<StaffTicketResult, ApiError> {
    let base = format!("/staff/feedback/tickets/{id}");
    match action {
        StaffAction::Accept => client::post(&format!("{base}/accept"), &()).await,
        StaffAction::Reply(text) => {
            client::post(&format!("{base}/reply"), &StaffMessageRequest { text }).await
        }
        StaffAction::Ask(text) => {
            client::post(&format!("{base}/ask"), &StaffMessageRequest { text }).await
        }
        StaffAction::Resolve(note) => {
            client::post(&format!("{base}/resolve"), &ResolveRequest { note }).await
        }
    }
}

pub fn quick_rating_path(token: &str) -> String {
    format!("/rate/{}", crate::query_string::encode_value(token))
}

pub async fn fetch_quick_rating(token: String) -> Result<QuickRatingStatus, ApiError> {
    client::get(&quick_rating_path(&token)).await
}

pub async fn quick_rate(
    token: String,
    request: QuickRatingRequest,
) -> Result<QuickRatingStatus, ApiError> {
    client::post(&quick_rating_path(&token), &request).await
}
