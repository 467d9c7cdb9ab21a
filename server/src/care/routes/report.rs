//! `GET /api/care/report`: my service report for a quarter that has ended.

use axum::extract::State;
use axum::Json;
use care_contract::care::{last_full_quarter, QuarterReport, ReportQuery, REPORT_YEARS};
use care_contract::ApiError;

use crate::auth::sessions::CurrentUser;
use crate::care::store::report;
use crate::error::AppError;
use crate::extract::ApiQuery;
use crate::state::AppState;

/// The quarter's numbers; what is left out is the last full quarter's (no query: the last
/// full quarter).
#[utoipa::path(
    get,
    operation_id = "care_report",
    path = "/api/care/report",
    tag = "care",
    security(("session" = [])),
    params(ReportQuery),
    responses(
        (status = 200, description = "The quarter's numbers", body = QuarterReport),
        (status = 400, description = "`bad_request`: a year outside 2000-2100 or a quarter outside 1-4", body = ApiError),
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
    let (last_year, last_quarter) = last_full_quarter(today);
    let year = query.year.unwrap_or(last_year);
    let quarter = query.quarter.unwrap_or(last_quarter);
    if !REPORT_YEARS.contains(&year) || !(1..=4).contains(&quarter) {
        return Err(AppError::bad_request("year is 2000-2100 and quarter 1-4"));
    }
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
