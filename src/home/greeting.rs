use crate::i18n::Texts;

/// A greeting with the subscriber's name.
pub type Greeting = fn(&Texts, &str) -> String;

/// The greeting for the hour of the day, in the user's own time zone.
pub fn greeting(hour: u32) -> Greeting {
    match hour {
        5..=11 => Texts::greeting_morning,
        12..=17 => Texts::greeting_afternoon,
        _ => Texts::greeting_evening,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn greets_by_time_of_day() {
        let t = Locale::ZhCn.texts();
        assert_eq!(greeting(8)(t, "小明"), "小明，早上好");
        assert_eq!(greeting(12)(t, "小明"), greeting(17)(t, "小明"));
        assert_ne!(greeting(17)(t, "小明"), greeting(18)(t, "小明"));
        assert_eq!(greeting(18)(t, "小明"), greeting(2)(t, "小明"));
        let en = Locale::En.texts();
        assert_eq!(greeting(2)(en, "Ming"), "Good evening, Ming");
    }
}
