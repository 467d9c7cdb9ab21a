//! The error body every failing endpoint returns, and its machine-readable codes.

use serde::{Deserialize, Serialize};

/// What went wrong, for the app to pick a localized message. The `message` beside it is
/// English, for logs and API users; the app never shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request was malformed: a body that is not valid JSON or misses a field, a query
    /// or path parameter that does not parse, a value out of range.
    BadRequest,
    /// The phone number is not an 11-digit mainland mobile number.
    InvalidPhone,
    /// The code is wrong.
    InvalidCode,
    /// The code expired or was never requested; ask for a new one.
    CodeExpired,
    /// Too many wrong guesses against this code; ask for a new one.
    TooManyAttempts,
    /// Too many requests; `retry_after_secs` says when to try again.
    RateLimited,
    /// No valid session: sign in.
    Unauthenticated,
    /// The signed-in user may not do this.
    Forbidden,
    /// No such resource (or not yours).
    NotFound,
    /// The server failed; retrying may help.
    Internal,
    /// Points mall: the account is younger than the operator's minimum age to redeem.
    AccountTooNew,
    /// Points mall: the account is not real-name verified.
    NotVerified,
    /// Points mall: the phone bill is overdue.
    InArrears,
    /// Points mall: the item is for higher star levels (`details.min_star_level`).
    TierRequired,
    /// Points mall: the exchange has not opened yet (`details.opens_at`).
    NotStarted,
    /// Points mall: the exchange window has closed.
    WindowClosed,
    /// Points mall: no stock left.
    OutOfStock,
    /// Points mall: not enough spendable points (`details.balance`, `details.needed`).
    InsufficientPoints,
    /// Points mall: quantity 0 or above the largest allowed.
    InvalidQuantity,
    /// Points mall: the per-customer limit would be passed (`details.limit`,
    /// `details.remaining`).
    LimitExceeded,
    /// Points mall: a delivery address field is wrong (`details.field`).
    InvalidAddress,
    /// Points mall: the item is shipped to an address and the redemption has none.
    AddressRequired,
    /// The idempotency key is not 16-64 of `A-Z a-z 0-9 - _`.
    InvalidIdempotencyKey,
    /// The idempotency key was already used with a different request.
    IdempotencyConflict,
    /// Points mall: a donation amount that is not positive.
    InvalidAmount,
    /// Points mall: the order's status does not allow this (e.g. cancelling a shipped order).
    InvalidStatus,
    /// The path exists but not with this HTTP method.
    MethodNotAllowed,
    /// The request body is larger than the backend accepts.
    PayloadTooLarge,
    /// The request body is not `application/json`.
    UnsupportedMediaType,
    /// Community: a title, body, reply, poll option (or the number of options), report
    /// detail or note is too short, too long or has a control character (`details.field`).
    InvalidPost,
    /// Community: members do not vote on or report their own posts.
    OwnPost,
    /// Community: the thread is locked and takes no replies.
    ThreadLocked,
    /// Community: the time to edit or delete this post has passed.
    EditWindowClosed,
    /// Community: the poll has closed.
    PollClosed,
    /// Community: the member has voted in this poll already.
    AlreadyVoted,
    /// Community: a poll's closing day is before today or more than `POLL_MAX_OPEN_DAYS`
    /// ahead (China time).
    ClosingDateOutOfRange,
    /// Community: two poll options are the same.
    DuplicatePollOption,
    /// Feedback: a ticket's or message's text, category (not one of the kind's), photos
    /// (more than `MAX_PHOTOS`), number concerned, rating or comment is wrong
    /// (`details.field`: description, category, photo_ids, number_concerned, text, note,
    /// satisfaction, recommend, comment).
    InvalidTicket,
    /// Feedback: the ticket is resolved, closed or withdrawn and takes no messages and no
    /// withdrawal.
    TicketNotOpen,
    /// Feedback: staff's action does not fit the ticket's status (accepting a closed one,
    /// resolving a withdrawn one), or the subscriber undoes the withdrawal of a ticket that
    /// is not withdrawn.
    TicketTransitionForbidden,
    /// Feedback: only a resolved ticket not yet rated can be rated.
    RatingNotAllowed,
    /// Feedback: the quick-rating link rated already (or its ticket was rated otherwise).
    AlreadyRated,
    /// Feedback: a photo id that is not one this subscriber uploaded, or is attached
    /// already.
    PhotoUnavailable,
    /// Feedback: the upload is not a JPEG, PNG or WebP image (judged by its bytes).
    ImageTypeUnsupported,
    /// Feedback: the image has more than `PHOTO_MAX_PIXELS` pixels.
    ImageTooManyPixels,
    /// Surveys: no open survey with this id.
    SurveyNotFound,
    /// Surveys: answers that do not fit the survey (`details.problems`, one per question).
    AnswerInvalid,
    /// Surveys: the subscriber has submitted this survey already (with other answers).
    SurveyAlreadySubmitted,
    /// Care: the message's gift can no longer be claimed (its claim window has passed).
    GiftExpired,
    /// Care: the message carries no gift to claim.
    NoGift,
    /// Care: the quarter asked for has not ended yet, so it has no report.
    QuarterNotOver,
    /// Me: a family contact's name or number, or a callback request's number or note, is
    /// wrong (`details.field`: name, phone, note).
    InvalidContact,
    /// Me: the subscriber keeps the most family contacts allowed already (`details.limit`).
    FamilyContactsFull,
    /// Me: the number is one of the subscriber's family contacts already, or their own.
    FamilyNumberTaken,
    /// Me: a callback day that is not today or one of the next six days (China time).
    CallbackDayOutOfRange,
    /// Me: the subscriber has an open callback request already (one at a time).
    CallbackAlreadyOpen,
    /// Me: the confirmation is not the last four digits of the subscriber's phone number.
    ConfirmationMismatch,
    /// Undo: the time to undo a ticket's withdrawal or a post's deletion
    /// (`undo::UNDO_WINDOW_MINUTES`) has passed.
    UndoExpired,
    /// Any code this build does not know yet (a newer backend); treated like `Internal`.
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    /// The HTTP status every response with this code has: the one mapping from code to
    /// status (a backend never picks a status per call site).
    pub const fn http_status(self) -> u16 {
        use ErrorCode::*;
        match self {
            // The request breaks the OpenAPI document (a value out of its range, length or
            // pattern): sending it again unchanged cannot succeed. A request the document
            // allows is never a 400.
            BadRequest
            | InvalidPhone
            | InvalidQuantity
            | InvalidAddress
            | InvalidIdempotencyKey
            | InvalidAmount
            | InvalidPost
            | InvalidTicket
            | InvalidContact => 400,
            // No live session, or the sign-in code does not open one.
            Unauthenticated | InvalidCode | CodeExpired => 401,
            // Signed in, but this subscriber may not do this.
            Forbidden | AccountTooNew | NotVerified | InArrears | TierRequired | OwnPost => 403,
            NotFound | SurveyNotFound => 404,
            MethodNotAllowed => 405,
            // The request's shape is right but its content does not fit the thing it is
            // about (a survey's questions and their ranges).
            AnswerInvalid => 422,
            // Well-formed, but not what the account says (a deletion's confirmation digits).
            ConfirmationMismatch => 422,
            PayloadTooLarge => 413,
            UnsupportedMediaType | ImageTypeUnsupported => 415,
            // A well-formed image the backend will not process (its size in pixels).
            ImageTooManyPixels => 422,
            // The request is fine, but the state of things refuses it: the item (its window,
            // stock, delivery), what the customer holds already, the balance, the key, the
            // order's status; a thread's lock, a post's age, a poll's state, today's date
            // (a poll's closing day) and the other options of a poll.
            NotStarted
            | WindowClosed
            | OutOfStock
            | InsufficientPoints
            | LimitExceeded
            | AddressRequired
            | IdempotencyConflict
            | InvalidStatus
            | ThreadLocked
            | EditWindowClosed
            | PollClosed
            | AlreadyVoted
            | ClosingDateOutOfRange
            | DuplicatePollOption
            | TicketNotOpen
            | TicketTransitionForbidden
            | RatingNotAllowed
            | AlreadyRated
            | PhotoUnavailable
            | SurveyAlreadySubmitted
            | GiftExpired
            | NoGift
            | QuarterNotOver
            | FamilyContactsFull
            | FamilyNumberTaken
            | CallbackDayOutOfRange
            | CallbackAlreadyOpen
            | UndoExpired => 409,
            TooManyAttempts | RateLimited => 429,
            Internal | Unknown => 500,
        }
    }
}

/// The body of every non-2xx response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// Set with `rate_limited`: seconds until a retry can succeed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u32>,
    /// Structured facts for some codes, so the app can say more than the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Box<ErrorDetails>>,
}

/// Facts that go with some error codes; each is absent unless its code says otherwise.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetails {
    /// `invalid_address`: the field in error (name, phone, region, detail);
    /// `invalid_post`: the text field in error (title, body, poll_option, detail, note);
    /// `invalid_ticket`: the field in error (see the code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// `insufficient_points`: spendable points now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<i64>,
    /// `insufficient_points`: points the request needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed: Option<i64>,
    /// `tier_required`: the lowest star level allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_star_level: Option<u8>,
    /// `limit_exceeded`: the per-customer limit, and how many units are left of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<u32>,
    /// `not_started`: when the exchange opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<chrono::DateTime<chrono::Utc>>,
    /// `answer_invalid`: each question's problem, in survey order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problems: Option<Vec<crate::surveys::QuestionProblem>>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            retry_after_secs: None,
            details: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_travel_as_snake_case() {
        let json = serde_json::to_string(&ApiError::new(ErrorCode::TooManyAttempts, "x")).unwrap();
        assert_eq!(json, r#"{"code":"too_many_attempts","message":"x"}"#);
    }

    #[test]
    fn every_code_has_one_http_status() {
        use ErrorCode::*;
        let table = [
            (BadRequest, 400),
            (InvalidPhone, 400),
            (InvalidCode, 401),
            (CodeExpired, 401),
            (TooManyAttempts, 429),
            (RateLimited, 429),
            (Unauthenticated, 401),
            (Forbidden, 403),
            (NotFound, 404),
            (Internal, 500),
            (AccountTooNew, 403),
            (NotVerified, 403),
            (InArrears, 403),
            (TierRequired, 403),
            (NotStarted, 409),
            (WindowClosed, 409),
            (OutOfStock, 409),
            (InsufficientPoints, 409),
            (InvalidQuantity, 400),
            (LimitExceeded, 409),
            (InvalidAddress, 400),
            (AddressRequired, 409),
            (InvalidIdempotencyKey, 400),
            (IdempotencyConflict, 409),
            (InvalidAmount, 400),
            (InvalidStatus, 409),
            (MethodNotAllowed, 405),
            (PayloadTooLarge, 413),
            (UnsupportedMediaType, 415),
            (Unknown, 500),
            (InvalidPost, 400),
            (OwnPost, 403),
            (ThreadLocked, 409),
            (EditWindowClosed, 409),
            (PollClosed, 409),
            (AlreadyVoted, 409),
            (ClosingDateOutOfRange, 409),
            (DuplicatePollOption, 409),
            (InvalidTicket, 400),
            (TicketNotOpen, 409),
            (TicketTransitionForbidden, 409),
            (RatingNotAllowed, 409),
            (AlreadyRated, 409),
            (PhotoUnavailable, 409),
            (ImageTypeUnsupported, 415),
            (ImageTooManyPixels, 422),
            (SurveyNotFound, 404),
            (AnswerInvalid, 422),
            (SurveyAlreadySubmitted, 409),
            (GiftExpired, 409),
            (NoGift, 409),
            (QuarterNotOver, 409),
            (InvalidContact, 400),
            (FamilyContactsFull, 409),
            (FamilyNumberTaken, 409),
            (CallbackDayOutOfRange, 409),
            (CallbackAlreadyOpen, 409),
            (ConfirmationMismatch, 422),
            (UndoExpired, 409),
        ];
        for (code, status) in table {
            assert_eq!(code.http_status(), status, "{code:?}");
        }
        // A new code fails to compile here until it has a number, and fails the assertion
        // below until the table lists it.
        let number = |code: ErrorCode| match code {
            BadRequest => 0,
            InvalidPhone => 1,
            InvalidCode => 2,
            CodeExpired => 3,
            TooManyAttempts => 4,
            RateLimited => 5,
            Unauthenticated => 6,
            Forbidden => 7,
            NotFound => 8,
            Internal => 9,
            AccountTooNew => 10,
            NotVerified => 11,
            InArrears => 12,
            TierRequired => 13,
            NotStarted => 14,
            WindowClosed => 15,
            OutOfStock => 16,
            InsufficientPoints => 17,
            InvalidQuantity => 18,
            LimitExceeded => 19,
            InvalidAddress => 20,
            InvalidIdempotencyKey => 21,
            IdempotencyConflict => 22,
            InvalidAmount => 23,
            InvalidStatus => 24,
            MethodNotAllowed => 25,
            PayloadTooLarge => 26,
            UnsupportedMediaType => 27,
            Unknown => 28,
            AddressRequired => 29,
            InvalidPost => 30,
            OwnPost => 31,
            ThreadLocked => 32,
            EditWindowClosed => 33,
            PollClosed => 34,
            AlreadyVoted => 35,
            ClosingDateOutOfRange => 36,
            DuplicatePollOption => 37,
            InvalidTicket => 38,
            TicketNotOpen => 39,
            TicketTransitionForbidden => 40,
            RatingNotAllowed => 41,
            AlreadyRated => 42,
            PhotoUnavailable => 43,
            ImageTypeUnsupported => 44,
            ImageTooManyPixels => 45,
            SurveyNotFound => 46,
            AnswerInvalid => 47,
            SurveyAlreadySubmitted => 48,
            GiftExpired => 49,
            NoGift => 50,
            QuarterNotOver => 51,
            InvalidContact => 52,
            FamilyContactsFull => 53,
            FamilyNumberTaken => 54,
            CallbackDayOutOfRange => 55,
            CallbackAlreadyOpen => 56,
            ConfirmationMismatch => 57,
            UndoExpired => 58,
        };
        let mut listed: Vec<usize> = table.iter().map(|&(code, _)| number(code)).collect();
        listed.sort_unstable();
        let expected: Vec<usize> = (0..=58).collect();
        assert_eq!(listed, expected, "every code once");
    }

    #[test]
    fn an_unknown_code_from_a_newer_backend_still_decodes() {
        let e: ApiError = serde_json::from_str(r#"{"code":"brand_new","message":"m"}"#).unwrap();
        assert_eq!(e.code, ErrorCode::Unknown);
    }
}
