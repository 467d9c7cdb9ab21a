//! Bars for a question's results, drawn as SVG by our own component: one row per answer
//! with its label, a bar as long as its share and the count. The chart is a picture for
//! sighted readers (hidden from screen readers); the same numbers follow in a table.

use leptos::prelude::*;

/// One bar: what was answered and how many chose it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub count: u64,
}

/// A bar's length in percent of the longest, so the largest fills the row.
pub fn bar_percent(count: u64, largest: u64) -> f64 {
    if largest == 0 {
        0.0
    } else {
        (count as f64 / largest as f64 * 100.0).clamp(0.0, 100.0)
    }
}

/// A share of all answers, as a whole percent.
pub fn share_percent(count: u64, total: u64) -> u64 {
    if total == 0 {
        0
    } else {
        (count * 200 + total) / (total * 2)
    }
}

#[component]
pub fn BarChart(
    bars: Vec<Bar>,
    #[prop(into)] caption: String,
    #[prop(into)] count_header: String,
    #[prop(into)] answer_header: String,
) -> impl IntoView {
    let largest = bars.iter().map(|b| b.count).max().unwrap_or(0);
    let total: u64 = bars.iter().map(|b| b.count).sum();
    view! {
        <figure class="bar-chart">
            <ol class="bar-chart__rows" aria-hidden="true">
                {bars.iter().map(|bar| view! {
                    <li class="bar-chart__row">
                        <span class="bar-chart__label">{bar.label.clone()}</span>
                        <span class="bar-chart__count">{format!("{} · {}%", bar.count, share_percent(bar.count, total))}</span>
                        <svg class="bar-chart__svg" viewBox="0 0 100 10" preserveAspectRatio="none">
                            <rect class="bar-chart__track" x="0" y="0" width="100" height="10" rx="2" />
                            <rect class="bar-chart__bar" x="0" y="0" width=format!("{:.2}", bar_percent(bar.count, largest)) height="10" rx="2" />
                        </svg>
                    </li>
                }).collect_view()}
            </ol>
            <table class="visually-hidden">
                <caption>{caption}</caption>
                <thead><tr><th scope="col">{answer_header}</th><th scope="col">{count_header}</th></tr></thead>
                <tbody>
                    {bars.into_iter().map(|bar| view! {
                        <tr><th scope="row">{bar.label}</th><td>{bar.count}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_bar_fills_the_row() {
        assert_eq!(bar_percent(5, 10), 50.0);
        assert_eq!(bar_percent(10, 10), 100.0);
        assert_eq!(bar_percent(0, 0), 0.0);
    }

    #[test]
    fn shares_are_rounded_half_up() {
        assert_eq!(share_percent(1, 3), 33);
        assert_eq!(share_percent(2, 3), 67);
        assert_eq!(share_percent(1, 8), 13);
        assert_eq!(share_percent(0, 0), 0);
    }
}
