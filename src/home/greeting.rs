use crate::i18n::Texts;

/// The greeting for the hour of the day, in the user's own time zone.
pub fn greeting_template(hour: u32, t: &'static Texts) -> &'static str {
    match hour {
        5..=11 => t.greeting_morning,
        12..=17 => t.greeting_afternoon,
        _ => t.greeting_evening,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn greets_by_time_of_day() {
        let t = Locale::ZhCn.texts();
        assert_eq!(greeting_template(8, t), t.greeting_morning);
        assert_eq!(greeting_template(12, t), t.greeting_afternoon);
        assert_eq!(greeting_template(17, t), t.greeting_afternoon);
        assert_eq!(greeting_template(18, t), t.greeting_evening);
        assert_eq!(greeting_template(2, t), t.greeting_evening);
    }
}
