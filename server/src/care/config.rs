//! The operator's care numbers: the birthday gift, how long it can be claimed, the double
//! points holidays and the windows of the guide and the report. Tests set them on their
//! `Config` before starting a server.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CareConfig {
    /// Points in the birthday gift pack (0: no gift, the greeting only).
    pub birthday_gift_points: i64,
    /// Days after the birthday on which its gift can still be claimed.
    pub gift_claim_days: u32,
    /// Points count double on Spring Festival and National Day.
    pub double_points_holidays: bool,
    /// Hours after the subscriber was created during which the new-user guide shows.
    pub guide_hours: i64,
    /// Days after a quarter ends during which its report is announced.
    pub report_days: u32,
    /// From this age the Double Ninth (重阳节, the elders' festival) is a moment.
    pub elder_age: u32,
}

impl Default for CareConfig {
    fn default() -> Self {
        Self {
            birthday_gift_points: 200,
            gift_claim_days: 7,
            double_points_holidays: true,
            guide_hours: 72,
            report_days: 14,
            elder_age: 60,
        }
    }
}
