//! 我的服务报告: one quarter in numbers (points earned and used with a chart of its
//! months, tickets, community activity), and the quarters before and after it. The address
//! names the quarter, so a report message's link opens it; none named is the last one
//! that has ended.

use care_contract::care::{last_full_quarter, QuarterReport};
use care_contract::time::china_date;
use care_contract::ErrorCode;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::api;
use super::quarter::{earlier_report, later_report, quarter_from_query, report_href};
use super::report_chart::MonthsChart;
use super::texts::{tr, use_texts, TextKey};
use crate::auth::RequireSignIn;
use crate::i18n::dates::now;
use crate::i18n::group_thousands;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;

#[component]
pub fn ReportPage() -> impl IntoView {
    set_page_meta(|t| t.care_report_title, Some("/care"));
    view! {
        <div class="page care">
            <RequireSignIn let:_signed_in>
                <ReportLoader />
            </RequireSignIn>
        </div>
    }
}

#[component]
fn ReportLoader() -> impl IntoView {
    let query = use_query_map();
    let asked = Memo::new(move |_| {
        query.with(|q| quarter_from_query(q.get_str("year"), q.get_str("quarter")))
    });
    let report = LocalResource::new(move || api::fetch_report(asked.get()));
    // A quarter still running has no report yet: say so and offer the last one.
    let not_over = move || {
        report
            .get()
            .is_some_and(|r| r.is_err_and(|e| e.code() == Some(ErrorCode::QuarterNotOver)))
    };
    view! {
        <Show when=not_over fallback=move || view! {
            <Loaded data=report skeleton=&[2, 4, 5] let:report><Report report /></Loaded>
        }>
            <section class="card empty-state" role="status">
                <p>{tr(|t| t.report_not_over)}</p>
                <A href=report_href(last_full_quarter(china_date(now()))) attr:class="button button--primary">
                    {tr(|t| t.care_report_link)}
                </A>
            </section>
        </Show>
    }
}

/// The report's counts, by their label.
fn service_rows(r: &QuarterReport) -> [(TextKey, u32); 5] {
    [
        (|t| t.report_tickets_opened, r.tickets_opened),
        (|t| t.report_tickets_resolved, r.tickets_resolved),
        (|t| t.report_threads_started, r.threads_started),
        (|t| t.report_replies_received, r.replies_received),
        (|t| t.report_votes_received, r.votes_received),
    ]
}

#[component]
fn Report(report: QuarterReport) -> impl IntoView {
    let t = use_texts();
    let shown = (report.year, report.quarter);
    let (year, quarter) = (report.year.to_string(), report.quarter.to_string());
    let earlier = earlier_report(shown);
    let later = later_report(shown, china_date(now()));
    let rows = service_rows(&report);
    view! {
        <section class="card report-head" aria-labelledby="report-title">
            <h2 class="card__title" id="report-title"><Icon kind=IconKind::Star />{move || t.get().report_intro(&quarter, &year)}</h2>
        </section>
        <section class="card" aria-labelledby="report-points-title">
            <h2 class="card__title" id="report-points-title"><Icon kind=IconKind::Gift />{tr(|t| t.report_points_section)}</h2>
            <dl class="report-stats">
                <div class="report-stat">
                    <dt>{tr(|t| t.report_points_earned)}</dt>
                    <dd>{group_thousands(report.points_earned)}</dd>
                </div>
                <div class="report-stat">
                    <dt>{tr(|t| t.report_points_spent)}</dt>
                    <dd>{group_thousands(report.points_spent)}</dd>
                </div>
            </dl>
            <MonthsChart months=report.months />
        </section>
        <section class="card" aria-labelledby="report-service-title">
            <h2 class="card__title" id="report-service-title"><Icon kind=IconKind::Chat />{tr(|t| t.report_service_section)}</h2>
            <dl class="report-stats">
                {rows.into_iter().map(|(label, count)| view! {
                    <div class="report-stat">
                        <dt>{tr(label)}</dt>
                        <dd>{group_thousands(i64::from(count))}</dd>
                    </div>
                }).collect_view()}
            </dl>
        </section>
        <nav class="pager" aria-label=tr(|t| t.report_quarters)>
            {earlier.map(|q| view! { <A href=report_href(q) attr:class="button button--secondary">{tr(|t| t.report_prev)}</A> })}
            {later.map(|q| view! { <A href=report_href(q) attr:class="button button--secondary">{tr(|t| t.report_next)}</A> })}
        </nav>
    }
}
