//! The report's chart: each month of the quarter, points earned beside points used, drawn
//! as SVG by our own component. A picture for sighted readers (hidden from screen
//! readers, the same numbers follow in a table); earned and used differ by fill and by
//! their labels, never by colour alone.

use care_contract::care::MonthPoints;
use leptos::prelude::*;

use super::texts::{tr, use_texts};
use crate::i18n::group_thousands;

/// A bar's height in the chart's 100 units, against the largest value of the chart; a
/// value above zero is at least 2 units tall so it never looks like nothing.
pub fn bar_height(value: i64, largest: i64) -> f64 {
    if value <= 0 || largest <= 0 {
        0.0
    } else {
        (value as f64 / largest as f64 * 100.0).clamp(2.0, 100.0)
    }
}

#[component]
pub fn MonthsChart(months: Vec<MonthPoints>) -> impl IntoView {
    let t = use_texts();
    let largest = months
        .iter()
        .flat_map(|m| [m.earned, m.spent])
        .max()
        .unwrap_or(0);
    // A bar of the 100-unit-high drawing, standing on its bottom edge.
    let bar = move |x: u8, value: i64, class: &'static str| {
        let h = bar_height(value, largest);
        view! { <rect class=class x=x y=format!("{:.1}", 100.0 - h) width="40" height=format!("{h:.1}") rx="2" /> }
    };
    let rows = months.clone();
    view! {
        <figure class="months-chart">
            <ol class="months-chart__months" aria-hidden="true">
                {months.into_iter().map(|m| view! {
                    <li class="months-chart__month">
                        <svg class="months-chart__svg" viewBox="0 0 100 100" preserveAspectRatio="none">
                            {bar(8, m.earned, "months-chart__earned")}
                            {bar(52, m.spent, "months-chart__spent")}
                        </svg>
                        <span class="months-chart__name">{move || t.get().report_month(&m.month.to_string())}</span>
                        <span class="months-chart__key months-chart__key--earned">{group_thousands(m.earned)}</span>
                        <span class="months-chart__key months-chart__key--spent">{group_thousands(m.spent)}</span>
                    </li>
                }).collect_view()}
            </ol>
            <p class="months-chart__legend" aria-hidden="true">
                <span class="months-chart__key months-chart__key--earned">{tr(|t| t.report_earned)}</span>
                <span class="months-chart__key months-chart__key--spent">{tr(|t| t.report_spent)}</span>
            </p>
            <table class="visually-hidden">
                <caption>{tr(|t| t.report_chart_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(|t| t.report_month_header)}</th>
                        <th scope="col">{tr(|t| t.report_earned)}</th>
                        <th scope="col">{tr(|t| t.report_spent)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|m| view! {
                        <tr>
                            <th scope="row">{move || t.get().report_month(&m.month.to_string())}</th>
                            <td>{m.earned}</td>
                            <td>{m.spent}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::bar_height;

    #[test]
    fn the_largest_fills_the_chart_and_a_small_value_still_shows() {
        assert_eq!(bar_height(500, 500), 100.0);
        assert_eq!(bar_height(250, 500), 50.0);
        assert_eq!(bar_height(1, 10_000), 2.0);
        assert_eq!(bar_height(0, 500), 0.0);
        assert_eq!(bar_height(0, 0), 0.0);
        assert_eq!(bar_height(-5, 500), 0.0);
    }
}
