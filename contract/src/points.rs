//! Points arithmetic shared by the backend and the app: lots with an expiry date, spending
//! oldest-expiring first, what expires next, tier multipliers, the daily check-in reward and
//! the first-exchange discount. Integers only; every operator number comes in as a
//! parameter (the backend keeps them in its configuration).
//!
//! A lot's `expires_on` is the last day its points can be spent: on `expires_on` they still
//! count, from the day after they are gone.

use chrono::{Datelike, Days, NaiveDate};

/// Points earned together, with what is left of them and the last day they count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lot {
    pub id: i64,
    /// Points not yet spent (never negative).
    pub remaining: i64,
    /// The last day these points can be spent.
    pub expires_on: NaiveDate,
}

impl Lot {
    /// Still spendable on `today` (expiring today counts).
    pub fn is_live(&self, today: NaiveDate) -> bool {
        self.remaining > 0 && self.expires_on >= today
    }
}

/// Spendable points on `today`: expired lots count for nothing.
pub fn balance(lots: &[Lot], today: NaiveDate) -> i64 {
    lots.iter()
        .filter(|l| l.is_live(today))
        .map(|l| l.remaining)
        .sum()
}

/// How many points expire on one date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expiry {
    pub points: i64,
    pub date: NaiveDate,
}

/// The next date on which live points expire, and how many expire then.
pub fn next_expiry(lots: &[Lot], today: NaiveDate) -> Option<Expiry> {
    let date = lots
        .iter()
        .filter(|l| l.is_live(today))
        .map(|l| l.expires_on)
        .min()?;
    let points = lots
        .iter()
        .filter(|l| l.is_live(today) && l.expires_on == date)
        .map(|l| l.remaining)
        .sum();
    Some(Expiry { points, date })
}

/// Live points that expire within `days` days of `today` (today and `today + days`
/// included), with the earliest of those dates: the reminder banner. `None` when nothing
/// expires that soon.
pub fn expiring_within(lots: &[Lot], today: NaiveDate, days: u32) -> Option<Expiry> {
    let horizon = today.checked_add_days(Days::new(u64::from(days)))?;
    let soon: Vec<&Lot> = lots
        .iter()
        .filter(|l| l.is_live(today) && l.expires_on <= horizon)
        .collect();
    let date = soon.iter().map(|l| l.expires_on).min()?;
    Some(Expiry {
        points: soon.iter().map(|l| l.remaining).sum(),
        date,
    })
}

/// Not enough live points for a spend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Insufficient {
    pub balance: i64,
    pub needed: i64,
}

/// Which lots a spend of `amount` takes from, oldest-expiring first (ties by lot id), as
/// `(lot id, points taken)`. Expired lots are never touched. `amount` must be positive.
pub fn plan_spend(
    lots: &[Lot],
    today: NaiveDate,
    amount: i64,
) -> Result<Vec<(i64, i64)>, Insufficient> {
    let available = balance(lots, today);
    if amount <= 0 || amount > available {
        return Err(Insufficient {
            balance: available,
            needed: amount,
        });
    }
    let mut live: Vec<&Lot> = lots.iter().filter(|l| l.is_live(today)).collect();
    live.sort_by_key(|l| (l.expires_on, l.id));
    let mut left = amount;
    let mut plan = Vec::new();
    for lot in live {
        if left == 0 {
            break;
        }
        let take = left.min(lot.remaining);
        plan.push((lot.id, take));
        left -= take;
    }
    Ok(plan)
}

/// Applies a tier multiplier given in percent (150 = ×1.5), rounding down.
pub fn apply_multiplier(base: i64, multiplier_percent: u32) -> i64 {
    base * i64::from(multiplier_percent) / 100
}

/// A tier multiplier in percent as people say it: 150 -> "1.5", 100 -> "1", 125 -> "1.25".
pub fn multiplier_text(percent: u32) -> String {
    let (whole, hundredths) = (percent / 100, percent % 100);
    if hundredths == 0 {
        whole.to_string()
    } else if hundredths % 10 == 0 {
        format!("{whole}.{}", hundredths / 10)
    } else {
        format!("{whole}.{hundredths:02}")
    }
}

/// Points earned in `earned_on`'s year expire on 31 December of the year `years_after`
/// later (the operator clears them at the end of a later year).
pub fn expiry_for(earned_on: NaiveDate, years_after: u32) -> NaiveDate {
    let year = earned_on.year() + years_after as i32;
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// The daily check-in rule: the reward on the n-th consecutive day is `rewards[n - 1]`, and
/// the last entry repeats; at most `month_cap` points a calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckInRule<'a> {
    pub rewards: &'a [i64],
    pub month_cap: i64,
}

impl CheckInRule<'_> {
    /// The reward for the `streak`-th consecutive day, before the monthly cap.
    pub fn reward_for_day(&self, streak: u32) -> i64 {
        let index = (streak.max(1) as usize - 1).min(self.rewards.len().saturating_sub(1));
        self.rewards.get(index).copied().unwrap_or(0)
    }
}

/// The last check-in, as far as the next one needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LastCheckIn {
    pub day: NaiveDate,
    /// The streak that day reached.
    pub streak: u32,
}

/// What a check-in on a given day earns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckInOutcome {
    /// Consecutive days including this one.
    pub streak: u32,
    /// Points earned (after the monthly cap; may be 0 once the cap is reached).
    pub reward: i64,
    /// Points from check-ins in this calendar month, this one included.
    pub month_total: i64,
}

/// The check-in on `today`, given the last one before it and the points check-ins already
/// earned in `today`'s calendar month. A missed day restarts the streak at 1.
pub fn check_in(
    rule: &CheckInRule<'_>,
    last: Option<LastCheckIn>,
    month_total_before: i64,
    today: NaiveDate,
) -> CheckInOutcome {
    let streak = match last {
        Some(l) if today.pred_opt() == Some(l.day) => l.streak.saturating_add(1),
        _ => 1,
    };
    let room = (rule.month_cap - month_total_before).max(0);
    let reward = rule.reward_for_day(streak).min(room);
    CheckInOutcome {
        streak,
        reward,
        month_total: month_total_before + reward,
    }
}

/// True when `a` and `b` fall in the same calendar month.
pub fn same_month(a: NaiveDate, b: NaiveDate) -> bool {
    a.year() == b.year() && a.month() == b.month()
}

/// The first-exchange discount in points on a price: `percent_off` of it, rounded down
/// (so the customer never pays less than the advertised discount allows).
pub fn discount_points(points: i64, percent_off: u32) -> i64 {
    points * i64::from(percent_off.min(100)) / 100
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipliers_read_as_people_say_them() {
        assert_eq!(multiplier_text(100), "1");
        assert_eq!(multiplier_text(150), "1.5");
        assert_eq!(multiplier_text(120), "1.2");
        assert_eq!(multiplier_text(125), "1.25");
        assert_eq!(multiplier_text(105), "1.05");
        assert_eq!(multiplier_text(200), "2");
        assert_eq!(multiplier_text(0), "0");
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn lot(id: i64, remaining: i64, expires_on: NaiveDate) -> Lot {
        Lot {
            id,
            remaining,
            expires_on,
        }
    }

    const OPERATOR: CheckInRule<'static> = CheckInRule {
        rewards: &[5, 10, 15, 20],
        month_cap: 150,
    };

    #[test]
    fn points_expiring_today_still_count_and_are_gone_tomorrow() {
        let today = d(2025, 6, 30);
        let lots = [lot(1, 100, today), lot(2, 50, d(2025, 12, 31))];
        assert_eq!(balance(&lots, today), 150);
        assert_eq!(balance(&lots, d(2025, 7, 1)), 50);
        assert_eq!(
            next_expiry(&lots, today),
            Some(Expiry {
                points: 100,
                date: today
            })
        );
        assert_eq!(
            next_expiry(&lots, d(2025, 7, 1)),
            Some(Expiry {
                points: 50,
                date: d(2025, 12, 31)
            })
        );
        assert_eq!(next_expiry(&lots, d(2026, 1, 1)), None);
    }

    #[test]
    fn empty_and_spent_lots_do_not_count() {
        let today = d(2025, 1, 1);
        assert_eq!(balance(&[], today), 0);
        let lots = [lot(1, 0, d(2025, 1, 5)), lot(2, 30, d(2025, 2, 1))];
        assert_eq!(next_expiry(&lots, today).unwrap().date, d(2025, 2, 1));
    }

    #[test]
    fn next_expiry_sums_every_lot_of_that_date() {
        let today = d(2025, 3, 1);
        let lots = [
            lot(1, 10, d(2025, 12, 31)),
            lot(2, 20, d(2025, 12, 31)),
            lot(3, 40, d(2026, 12, 31)),
            lot(4, 99, d(2025, 2, 28)),
        ];
        assert_eq!(
            next_expiry(&lots, today),
            Some(Expiry {
                points: 30,
                date: d(2025, 12, 31)
            })
        );
    }

    #[test]
    fn expiring_within_covers_the_reminder_window_inclusive() {
        let today = d(2025, 1, 1);
        let lots = [
            lot(1, 10, d(2025, 1, 31)),
            lot(2, 20, d(2025, 3, 2)),  // exactly 60 days ahead
            lot(3, 40, d(2025, 3, 3)),  // 61 days
            lot(4, 5, d(2024, 12, 31)), // expired
        ];
        assert_eq!(
            expiring_within(&lots, today, 60),
            Some(Expiry {
                points: 30,
                date: d(2025, 1, 31)
            })
        );
        assert_eq!(expiring_within(&lots, today, 29), None);
        assert_eq!(expiring_within(&lots, today, 30).unwrap().points, 10);
    }

    #[test]
    fn spending_takes_the_oldest_expiring_points_first_across_lots() {
        let today = d(2025, 5, 1);
        let lots = [
            lot(7, 100, d(2026, 12, 31)),
            lot(3, 30, d(2025, 12, 31)),
            lot(5, 50, d(2025, 6, 30)),
            lot(9, 500, d(2025, 4, 30)), // expired yesterday
        ];
        assert_eq!(balance(&lots, today), 180);
        assert_eq!(
            plan_spend(&lots, today, 120).unwrap(),
            vec![(5, 50), (3, 30), (7, 40)]
        );
        assert_eq!(plan_spend(&lots, today, 50).unwrap(), vec![(5, 50)]);
        assert_eq!(plan_spend(&lots, today, 180).unwrap().len(), 3);
    }

    #[test]
    fn ties_on_expiry_go_by_lot_id() {
        let today = d(2025, 5, 1);
        let lots = [lot(2, 10, d(2025, 12, 31)), lot(1, 10, d(2025, 12, 31))];
        assert_eq!(plan_spend(&lots, today, 15).unwrap(), vec![(1, 10), (2, 5)]);
    }

    #[test]
    fn expired_points_cannot_be_spent() {
        let lots = [lot(1, 100, d(2025, 1, 31)), lot(2, 10, d(2025, 12, 31))];
        assert_eq!(
            plan_spend(&lots, d(2025, 2, 1), 50),
            Err(Insufficient {
                balance: 10,
                needed: 50
            })
        );
        assert!(plan_spend(&lots, d(2025, 1, 31), 50).is_ok());
    }

    #[test]
    fn a_spend_must_be_positive_and_covered() {
        let lots = [lot(1, 100, d(2025, 12, 31))];
        let today = d(2025, 1, 1);
        assert!(plan_spend(&lots, today, 0).is_err());
        assert!(plan_spend(&lots, today, -5).is_err());
        assert_eq!(
            plan_spend(&lots, today, 101),
            Err(Insufficient {
                balance: 100,
                needed: 101
            })
        );
        assert_eq!(plan_spend(&lots, today, 100).unwrap(), vec![(1, 100)]);
    }

    /// The lots after a planned spend is taken from them.
    fn after_spending(lots: &[Lot], plan: &[(i64, i64)]) -> Vec<Lot> {
        lots.iter()
            .map(|l| {
                let taken: i64 = plan.iter().filter(|p| p.0 == l.id).map(|p| p.1).sum();
                lot(l.id, l.remaining - taken, l.expires_on)
            })
            .collect()
    }

    #[test]
    fn spending_exactly_the_whole_balance_empties_every_live_lot_and_nothing_else() {
        let today = d(2025, 5, 1);
        let lots = [
            lot(7, 100, d(2026, 12, 31)),
            lot(3, 30, d(2025, 12, 31)),
            lot(4, 0, d(2025, 5, 31)), // already spent
            lot(5, 50, d(2025, 6, 30)),
            lot(9, 500, d(2025, 4, 30)), // expired yesterday
        ];
        let plan = plan_spend(&lots, today, 180).unwrap();
        // Every live lot in full, oldest-expiring first; no empty or expired lot appears.
        assert_eq!(plan, vec![(5, 50), (3, 30), (7, 100)]);
        let left = after_spending(&lots, &plan);
        assert_eq!(balance(&left, today), 0);
        assert_eq!(next_expiry(&left, today), None);
        assert!(left.iter().all(|l| l.remaining >= 0));
        // The expired points stay on their lot: spending never touches them.
        assert_eq!(left.iter().find(|l| l.id == 9).unwrap().remaining, 500);
        // One point more than the balance is refused, saying what there is.
        assert_eq!(
            plan_spend(&lots, today, 181),
            Err(Insufficient {
                balance: 180,
                needed: 181
            })
        );
    }

    #[test]
    fn a_spend_that_empties_a_lot_exactly_stops_there() {
        let today = d(2025, 5, 1);
        let lots = [lot(1, 30, d(2025, 6, 30)), lot(2, 70, d(2025, 12, 31))];
        assert_eq!(plan_spend(&lots, today, 30).unwrap(), vec![(1, 30)]);
        assert_eq!(plan_spend(&lots, today, 31).unwrap(), vec![(1, 30), (2, 1)]);
    }

    #[test]
    fn on_their_last_day_expiring_points_are_spent_first() {
        let today = d(2025, 6, 30);
        let lots = [lot(3, 30, d(2025, 12, 31)), lot(5, 50, today)];
        assert_eq!(
            plan_spend(&lots, today, 60).unwrap(),
            vec![(5, 50), (3, 10)]
        );
    }

    #[test]
    fn points_earned_in_a_year_count_until_31_december_of_the_later_year_and_no_longer() {
        for earned_on in [d(2024, 1, 1), d(2024, 2, 29), d(2024, 12, 31)] {
            for (years_after, last_day) in [
                (0, d(2024, 12, 31)),
                (1, d(2025, 12, 31)),
                (2, d(2026, 12, 31)),
            ] {
                let lots = [lot(1, 10, expiry_for(earned_on, years_after))];
                assert_eq!(balance(&lots, last_day), 10, "{earned_on} +{years_after}");
                assert_eq!(
                    balance(&lots, last_day.succ_opt().unwrap()),
                    0,
                    "{earned_on} +{years_after}"
                );
            }
        }
    }

    #[test]
    fn a_reminder_window_of_zero_days_is_today_only() {
        let today = d(2025, 12, 31);
        let lots = [
            lot(1, 10, today),
            lot(2, 20, d(2026, 1, 1)),
            lot(3, 40, d(2025, 12, 30)), // expired yesterday
        ];
        assert_eq!(
            expiring_within(&lots, today, 0),
            Some(Expiry {
                points: 10,
                date: today
            })
        );
        // The window crosses the year end like any other day.
        assert_eq!(expiring_within(&lots, today, 1).unwrap().points, 30);
        assert_eq!(expiring_within(&lots, d(2026, 1, 2), 365), None);
    }

    #[test]
    fn multipliers_are_percent_and_round_down() {
        assert_eq!(apply_multiplier(128, 100), 128);
        assert_eq!(apply_multiplier(128, 150), 192);
        assert_eq!(apply_multiplier(99, 150), 148);
        assert_eq!(apply_multiplier(0, 200), 0);
    }

    #[test]
    fn points_expire_at_the_end_of_a_later_year() {
        assert_eq!(expiry_for(d(2024, 1, 1), 1), d(2025, 12, 31));
        assert_eq!(expiry_for(d(2024, 12, 31), 1), d(2025, 12, 31));
        assert_eq!(expiry_for(d(2024, 2, 29), 2), d(2026, 12, 31));
    }

    #[test]
    fn check_in_rewards_grow_with_the_streak_and_repeat_the_last_step() {
        let rewards: Vec<i64> = (1..=6).map(|n| OPERATOR.reward_for_day(n)).collect();
        assert_eq!(rewards, vec![5, 10, 15, 20, 20, 20]);
        assert_eq!(OPERATOR.reward_for_day(0), 5);
    }

    #[test]
    fn consecutive_days_extend_the_streak_and_a_missed_day_resets_it() {
        let mut last = None;
        let mut total = 0;
        let mut got = Vec::new();
        for day in [1, 2, 3, 4, 5, 7, 8] {
            let today = d(2025, 3, day);
            let out = check_in(&OPERATOR, last, total, today);
            got.push((out.streak, out.reward));
            total = out.month_total;
            last = Some(LastCheckIn {
                day: today,
                streak: out.streak,
            });
        }
        assert_eq!(
            got,
            vec![(1, 5), (2, 10), (3, 15), (4, 20), (5, 20), (1, 5), (2, 10)]
        );
        assert_eq!(total, 85);
    }

    #[test]
    fn the_monthly_cap_cuts_a_reward_mid_streak_then_pays_nothing() {
        // 5+10+15+20*5 = 130 after 8 days; day 9 would pay 20 but only 20 fit; day 10: 0.
        let mut last = None;
        let mut total = 0;
        let mut rewards = Vec::new();
        for day in 1..=11 {
            let today = d(2025, 4, day);
            let out = check_in(&OPERATOR, last, total, today);
            rewards.push(out.reward);
            total = out.month_total;
            last = Some(LastCheckIn {
                day: today,
                streak: out.streak,
            });
        }
        assert_eq!(rewards, vec![5, 10, 15, 20, 20, 20, 20, 20, 20, 0, 0]);
        assert_eq!(total, 150);
        // A partial step: 145 already earned leaves room for 5.
        let out = check_in(
            &OPERATOR,
            Some(LastCheckIn {
                day: d(2025, 4, 11),
                streak: 11,
            }),
            145,
            d(2025, 4, 12),
        );
        assert_eq!((out.streak, out.reward, out.month_total), (12, 5, 150));
    }

    #[test]
    fn the_streak_carries_over_the_month_boundary_and_the_cap_restarts() {
        let out = check_in(
            &OPERATOR,
            Some(LastCheckIn {
                day: d(2025, 4, 30),
                streak: 9,
            }),
            0, // May has no check-ins yet
            d(2025, 5, 1),
        );
        assert_eq!((out.streak, out.reward), (10, 20));
        assert!(same_month(d(2025, 5, 1), d(2025, 5, 31)));
        assert!(!same_month(d(2025, 5, 1), d(2024, 5, 1)));
    }

    #[test]
    fn first_exchange_discount_rounds_the_discount_down() {
        assert_eq!(discount_points(1000, 20), 200);
        assert_eq!(discount_points(999, 20), 199);
        assert_eq!(discount_points(4, 20), 0);
        assert_eq!(discount_points(500, 0), 0);
        assert_eq!(discount_points(500, 150), 500);
    }
}
