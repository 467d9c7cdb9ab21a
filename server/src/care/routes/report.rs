//! `GET /api/care/report`: my service report for a quarter that has ended.

use axum::extract::State;
use axum::Json;
use care_contract::care::{last_full_quarter, QuarterReport, ReportQuery};
use care_contract::ApiError;

use crate::auth::sessions::CurrentUser;
use crate::care::store::report;
use crate::error::AppError;
use crate::extract::ApiQuery;
use crate::state::AppState;

/// The oldest and newest years a report may be asked for (outside: `bad_request`).
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The quarter's numbers; without `year` and `quarter`, the last full quarter.
#[utoipa::path(
    get,
    operation_id = "care_report",
    path = "/api/care/report",
    tag = "care",
    security(("session" = [])),
    params(ReportQuery),
    responses(
        (status = 200, description = "The quarter's numbers", body = QuarterReport),
        (status = 400, description = "`bad_request`: only one of year and quarter, a quarter outside 1-4 or a year outside 2000-2100", body = ApiError),
        (status = 401, description = "`unauthenticated`", body = ApiError),
        (status = 409, description = "`quarter_not_over`: the quarter has not ended", body = ApiError),
    )
)]
pub async fn report(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(query): ApiQuery<ReportQuery>,
) -> Result<Json<QuarterReport>, AppError> {
    let today = state.config.clock.today();
    let (year, quarter) = match (query.year, query.quarter) {
        (None, None) => last_full_quarter(today),
        (Some(y), Some(q)) if YEARS.contains(&y) && (1..=4).contains(&q) => (y, q),
        _ => {
            return Err(AppError::bad_request(
                "year (2000-2100) and quarter (1-4) go together",
            ))
        }
    };
    let who = user.subscriber_id;
    let answer = state
        .db
        .read(move |conn| {
            let tx = conn.transaction()?;
            let r = report::report(&tx, who, year, quarter, today)?;
            tx.commit()?;
            Ok::<_, crate::store::StoreError>(r)
        })
        .await?;
    Ok(Json(answer))
}
