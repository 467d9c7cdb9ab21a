//! `GET`/`PUT /api/care/preferences`: per topic, on or off and a weekly cap. Few messages,
//! and the subscriber decides which.

use serde::{Deserialize, Serialize};

use super::Topic;

/// The largest weekly cap a subscriber may set (and the smallest is 1: "off" is the switch).
pub const MAX_PER_WEEK_LIMIT: u32 = 20;

/// What a subscriber who never changed anything gets: every topic on but offers (marketing
/// only with consent), and a cap that keeps care rare while a ticket's progress is never
/// held back by a low cap.
pub fn default_preference(topic: Topic) -> TopicPreference {
    let (enabled, max_per_week) = match topic {
        Topic::Care => (true, 3),
        Topic::Offers => (false, 2),
        Topic::Community => (true, 10),
        Topic::Service => (true, 20),
    };
    TopicPreference {
        topic,
        enabled,
        max_per_week,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicPreference {
    pub topic: Topic,
    pub enabled: bool,
    /// At most this many messages of the topic in any 7 days (1 to `MAX_PER_WEEK_LIMIT`).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 20))]
    #[serde(deserialize_with = "crate::integer::whole")]
    pub max_per_week: u32,
}

/// Every topic's preference, in `Topic::ALL` order (`GET`); a `PUT` may list only the
/// topics it changes (a topic listed twice: the last one counts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Preferences {
    pub topics: Vec<TopicPreference>,
}

/// Checks a `PUT`'s caps (1 to `MAX_PER_WEEK_LIMIT`, as the schema says): the first topic
/// whose cap is outside.
pub fn check_preferences(p: &Preferences) -> Result<(), Topic> {
    match p
        .topics
        .iter()
        .find(|t| !(1..=MAX_PER_WEEK_LIMIT).contains(&t.max_per_week))
    {
        Some(t) => Err(t.topic),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pref(topic: Topic, max_per_week: u32) -> TopicPreference {
        TopicPreference {
            topic,
            enabled: true,
            max_per_week,
        }
    }

    #[test]
    fn offers_are_off_until_the_subscriber_opts_in() {
        assert!(!default_preference(Topic::Offers).enabled);
        assert!(default_preference(Topic::Care).enabled);
        assert_eq!(default_preference(Topic::Care).max_per_week, 3);
    }

    #[test]
    fn a_cap_is_one_to_the_limit() {
        let ok = Preferences {
            topics: vec![
                pref(Topic::Care, 1),
                pref(Topic::Offers, MAX_PER_WEEK_LIMIT),
            ],
        };
        assert_eq!(check_preferences(&ok), Ok(()));
        let zero = Preferences {
            topics: vec![pref(Topic::Care, 0)],
        };
        assert_eq!(check_preferences(&zero), Err(Topic::Care));
        let high = Preferences {
            topics: vec![pref(Topic::Care, MAX_PER_WEEK_LIMIT + 1)],
        };
        assert!(check_preferences(&high).is_err());
    }
}
