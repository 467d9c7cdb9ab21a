use care_contract::care::PartOfDay;

use crate::i18n::Texts;

/// A greeting with the subscriber's name.
pub type Greeting = fn(&Texts, &str) -> String;

/// The greeting for the hour of the day on the phone's clock (China time for our
/// subscribers), by the contract's parts of the day, as the server greets in messages.
pub fn greeting(hour: u32) -> Greeting {
    match PartOfDay::at_hour(hour) {
        PartOfDay::Morning => Texts::greeting_morning,
        PartOfDay::Noon => Texts::greeting_noon,
        PartOfDay::Afternoon => Texts::greeting_afternoon,
        PartOfDay::Evening => Texts::greeting_evening,
        PartOfDay::Night => Texts::greeting_night,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn greets_by_part_of_day() {
        let t = Locale::ZhCn.texts();
        assert_eq!(greeting(8)(t, "小明"), "小明，早上好");
        assert_eq!(greeting(12)(t, "小明"), "小明，中午好");
        assert_eq!(greeting(13)(t, "小明"), "小明，下午好");
        assert_eq!(greeting(17)(t, "小明"), greeting(13)(t, "小明"));
        assert_eq!(greeting(18)(t, "小明"), "小明，晚上好");
        assert_eq!(greeting(23)(t, "小明"), "小明，夜深了，早点休息");
        assert_eq!(greeting(2)(t, "小明"), greeting(23)(t, "小明"));
        let en = Locale::En.texts();
        assert_eq!(greeting(20)(en, "Ming"), "Good evening, Ming");
        assert_eq!(greeting(4)(en, "Ming"), "It is late, Ming. Rest well");
    }
}
