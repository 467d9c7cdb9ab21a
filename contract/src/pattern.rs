//! Regular expressions that say, for the OpenAPI document, exactly which strings the
//! contract's checks accept: the phone a person types, a sign-in code, an idempotency key,
//! and text that is limited after trimming (address fields, the catalogue search, a
//! tracking number, the community's titles, bodies, replies, poll options and notes). Each
//! is built from the same constants as the check, and the tests
//! below hold the two to agreement.
//!
//! One dialect for three readers: JSON Schema's ECMA-262, Python's `re` (API testers) and
//! Rust's `regex` (these tests). Only what all three read alike is used: `^…$` around the
//! whole pattern, character classes with `\uXXXX` escapes, `{m,n}` counts, `(?:…)`
//! groups, `[\s\S]` for any character. Counts are of characters (code points), as the
//! server counts.

/// What `char::is_whitespace` is true for (Unicode White_Space), and so what `str::trim`
/// takes off. Spelled out, because `\s` means a different set in each dialect.
pub const WHITESPACE: &str =
    r"\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";

/// What `char::is_control` is true for (general category Cc).
pub const CONTROL: &str = r"\u0000-\u001F\u007F-\u009F";

/// Any character, newlines included, in every dialect.
const ANY: &str = r"[\s\S]";

/// What `char::is_control` is true for and `char::is_whitespace` is not: the control
/// characters text with lines refuses (it keeps tabs and line breaks).
pub const CONTROL_NOT_WHITESPACE: &str = r"\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F";

/// Text of `min..=max` characters once the whitespace around it is trimmed (so any amount
/// of whitespace may surround it), with no control character inside the trimmed text
/// unless `controls` allows them. `min == 0` accepts empty or all-whitespace text.
pub fn trimmed_text(min: usize, max: usize, controls: bool) -> String {
    // The first and last characters of the trimmed text are not whitespace; those between
    // may be anything the text allows.
    if controls {
        trimmed(min, max, &format!("[^{WHITESPACE}]"), ANY)
    } else {
        trimmed(
            min,
            max,
            &format!("[^{WHITESPACE}{CONTROL}]"),
            &format!("[^{CONTROL}]"),
        )
    }
}

/// Text with lines (a post's body): like [`trimmed_text`] without control characters,
/// except that the whitespace ones (tabs, line breaks) are allowed inside.
pub fn trimmed_lines(min: usize, max: usize) -> String {
    trimmed(
        min,
        max,
        &format!("[^{WHITESPACE}{CONTROL}]"),
        &format!("[^{CONTROL_NOT_WHITESPACE}]"),
    )
}

/// `min..=max` characters between optional whitespace: the first and last of them
/// `edge`, those between `inner`.
fn trimmed(min: usize, max: usize, edge: &str, inner: &str) -> String {
    assert!(min <= max, "min {min} above max {max}");
    let ws = format!("[{WHITESPACE}]*");
    if max == 0 {
        return format!("^{ws}$");
    }
    let core = if max == 1 {
        edge.to_owned()
    } else if min <= 1 {
        format!("{edge}(?:{inner}{{0,{}}}{edge})?", max - 2)
    } else {
        format!("{edge}{inner}{{{},{}}}{edge}", min - 2, max - 2)
    };
    let core = if min == 0 {
        format!("(?:{core})?")
    } else {
        core
    };
    format!("^{ws}{core}{ws}$")
}

/// A mainland mobile number as people type it, as `phone::normalize_phone` accepts it:
/// 11 digits starting 13-19, optionally after +86 or 0086, with whitespace and dashes
/// anywhere.
pub fn phone_input() -> String {
    let sep = format!("[{WHITESPACE}-]*");
    let after = crate::phone::MOBILE_DIGITS - 2;
    format!(
        "^{sep}(?:\\+{sep}8{sep}6|0{sep}0{sep}8{sep}6)?{sep}1{sep}[3-9](?:{sep}[0-9]){{{after}}}{sep}$"
    )
}

/// A family contact's or callback's number as people type it, as
/// `me::contact_phone` accepts it: a mainland mobile number (`phone_input`) or a fixed line
/// with its area code (010 and 02x: 8 more digits; 03xx-09xx: 7 or 8 more), with
/// whitespace and dashes anywhere.
pub fn contact_phone_input() -> String {
    let sep = format!("[{WHITESPACE}-]*");
    let after = crate::phone::MOBILE_DIGITS - 2;
    format!(
        "^{sep}(?:(?:\\+{sep}8{sep}6|0{sep}0{sep}8{sep}6)?{sep}1{sep}[3-9](?:{sep}[0-9]){{{after}}}\
         |0{sep}[12](?:{sep}[0-9]){{9}}|0{sep}[3-9](?:{sep}[0-9]){{9,10}}){sep}$"
    )
}

/// A sign-in code: exactly `CODE_LENGTH` ASCII digits (`auth::is_well_formed_code`).
pub fn sign_in_code() -> String {
    format!("^[0-9]{{{}}}$", crate::limits::CODE_LENGTH)
}

/// The characters of an idempotency key; its length is `minLength`/`maxLength`
/// (`mall::is_valid_idempotency_key`).
pub const IDEMPOTENCY_KEY: &str = "^[A-Za-z0-9_-]*$";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::is_well_formed_code;
    use crate::mall::{
        is_valid_idempotency_key, search_terms, tracking_number, validate_address, AddressField,
        DeliveryAddress, ADDRESS_DETAIL_MAX_CHARS, ADDRESS_DETAIL_MIN_CHARS,
        ADDRESS_NAME_MAX_CHARS, ADDRESS_REGION_MAX_CHARS, IDEMPOTENCY_KEY_MAX, IDEMPOTENCY_KEY_MIN,
        SEARCH_MAX_CHARS, TRACKING_NUMBER_MAX_CHARS,
    };
    use crate::phone::normalize_phone;
    use regex::Regex;

    /// Characters on every edge the checks draw: each whitespace character (and the ones
    /// other dialects call whitespace: U+FEFF, U+001C), control characters at the ends of
    /// their ranges, digits, the phone's punctuation, key characters, Chinese and a
    /// character outside the Basic Multilingual Plane (two UTF-16 units, one character).
    const ALPHABET: &[char] = &[
        '\t',
        '\n',
        '\u{B}',
        '\u{C}',
        '\r',
        ' ',
        '\u{85}',
        '\u{A0}',
        '\u{1680}',
        '\u{2000}',
        '\u{200A}',
        '\u{2028}',
        '\u{2029}',
        '\u{202F}',
        '\u{205F}',
        '\u{3000}',
        '\u{FEFF}',
        '\u{200B}',
        '\u{0}',
        '\u{1C}',
        '\u{1F}',
        '\u{7F}',
        '\u{9F}',
        '\u{A1}',
        '0',
        '1',
        '3',
        '6',
        '8',
        '9',
        '+',
        '-',
        '_',
        'a',
        'Z',
        '.',
        '字',
        '\u{20000}',
        '$',
        '\\',
    ];

    /// A small deterministic generator (xorshift), so a failure names a reproducible case.
    struct Strings(u64);

    impl Strings {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn pick<T: Copy>(&mut self, from: &[T]) -> T {
            from[(self.next() % from.len() as u64) as usize]
        }

        /// `n` characters from `from`.
        fn text(&mut self, from: &[char], n: usize) -> String {
            (0..n).map(|_| self.pick(from)).collect()
        }

        /// Text shaped to sit near the limits: whitespace around a middle of a length
        /// near `lengths`, made of mostly `common` with now and then anything.
        fn near(&mut self, common: &[char], lengths: &[usize]) -> String {
            let whitespace: Vec<char> = ALPHABET
                .iter()
                .copied()
                .filter(|c| c.is_whitespace())
                .collect();
            let before = (self.next() % 3) as usize;
            let after = (self.next() % 3) as usize;
            let n = self.pick(lengths);
            let mut s = self.text(&whitespace, before);
            for _ in 0..n {
                let c = if self.next().is_multiple_of(8) {
                    self.pick(ALPHABET)
                } else {
                    self.pick(common)
                };
                s.push(c);
            }
            s.push_str(&self.text(&whitespace, after));
            s
        }
    }

    /// Every string of up to `max_len` characters of `alphabet`, then `random` strings
    /// near the given lengths: the pattern matches exactly those `accepts` accepts.
    fn agree(
        pattern: &str,
        accepts: impl Fn(&str) -> bool,
        alphabet: &[char],
        max_len: usize,
        common: &[char],
        lengths: &[usize],
    ) {
        let regex = regex::RegexBuilder::new(pattern)
            .size_limit(1 << 30)
            .build()
            .unwrap_or_else(|e| panic!("{pattern}: {e}"));
        let check = |s: &str| {
            assert_eq!(
                regex.is_match(s),
                accepts(s),
                "{s:?} against {pattern}: the pattern and the check disagree"
            );
        };
        let mut level = vec![String::new()];
        check("");
        for _ in 0..max_len {
            let mut next = Vec::new();
            for s in &level {
                for &c in alphabet {
                    let t = format!("{s}{c}");
                    check(&t);
                    next.push(t);
                }
            }
            level = next;
        }
        let mut strings = Strings(0x5eed_cafe_f00d_d00d);
        for _ in 0..20_000 {
            check(&strings.near(common, lengths));
        }
        for _ in 0..5_000 {
            let n = (strings.next() % 12) as usize;
            check(&strings.text(ALPHABET, n));
        }
    }

    /// Around a limit: one below, on it and one above, and the same at the other end.
    fn around(min: usize, max: usize) -> Vec<usize> {
        let mut v = vec![min, min + 1, max.saturating_sub(1), max, max + 1, max + 2];
        if min > 0 {
            v.push(min - 1);
        }
        v
    }

    #[test]
    fn the_phone_pattern_accepts_what_normalize_phone_accepts() {
        let digits = ['0', '1', '3', '8', '9', '2'];
        let typed = [
            '1', '3', '8', '0', '0', '1', '3', '8', '0', '0', '0', ' ', '-', '+', '6',
        ];
        agree(
            &phone_input(),
            |s| normalize_phone(s).is_ok(),
            &[
                '1', '3', ' ', '-', '+', '8', '6', '0', 'a', '\u{3000}', '\u{FEFF}',
            ],
            4,
            &typed,
            &[9, 10, 11, 12, 13, 14, 15, 16],
        );
        // Structured: the real shapes, each with one thing changed.
        let regex = Regex::new(&phone_input()).unwrap();
        let mut strings = Strings(42);
        for _ in 0..20_000 {
            let prefix = strings.pick(&["", "+86", "0086", "86", "+8", "+860", "00086", "+ 86"]);
            let n = strings.pick(&[10, 11, 11, 11, 12]);
            let first = strings.pick(&['1', '1', '1', '2']);
            let second = strings.pick(&['3', '5', '9', '2', '0']);
            let mut s = format!("{prefix}{first}{second}");
            for _ in 2..n {
                s.push(strings.pick(&digits));
                if strings.next().is_multiple_of(5) {
                    s.push(strings.pick(&[' ', '-', '\u{3000}', '\t', '\u{FEFF}', '.']));
                }
            }
            assert_eq!(regex.is_match(&s), normalize_phone(&s).is_ok(), "{s:?}");
        }
        assert!(regex.is_match("+86 138-0013-8000"));
        assert!(regex.is_match(" 0086 13800138000\n"));
        assert!(!regex.is_match("8613800138000"));
    }

    #[test]
    fn the_contact_phone_pattern_accepts_what_contact_phone_accepts() {
        use crate::me::contact_phone;
        let regex = Regex::new(&contact_phone_input()).unwrap();
        let mut strings = Strings(7);
        for _ in 0..20_000 {
            let prefix = strings.pick(&["", "", "+86", "0086", "86"]);
            let n = strings.pick(&[9, 10, 11, 11, 12, 13]);
            let first = strings.pick(&['1', '0', '0', '2']);
            let second = strings.pick(&['3', '1', '2', '7', '0']);
            let mut s = format!("{prefix}{first}{second}");
            for _ in 2..n {
                s.push(strings.pick(&['0', '1', '5', '8']));
                if strings.next().is_multiple_of(5) {
                    s.push(strings.pick(&[' ', '-', '\u{3000}', '.']));
                }
            }
            assert_eq!(regex.is_match(&s), contact_phone(&s).is_ok(), "{s:?}");
        }
        assert!(regex.is_match("010-8888 6666"));
        assert!(regex.is_match("0755 12345678"));
        assert!(regex.is_match("+86 137 0013 7000"));
        assert!(!regex.is_match("010-888866"));
    }

    #[test]
    fn the_code_pattern_is_six_ascii_digits() {
        agree(
            &sign_in_code(),
            is_well_formed_code,
            &['0', '9', ' ', 'a', '\u{FF10}'],
            7,
            &['0', '4', '9'],
            &[5, 6, 7],
        );
    }

    #[test]
    fn the_key_pattern_and_its_lengths_are_the_key_check() {
        let regex = Regex::new(IDEMPOTENCY_KEY).unwrap();
        let accepts = |s: &str| {
            let n = s.chars().count();
            regex.is_match(s) && (IDEMPOTENCY_KEY_MIN..=IDEMPOTENCY_KEY_MAX).contains(&n)
        };
        let mut strings = Strings(7);
        let key_chars = ['a', 'Z', '0', '9', '-', '_'];
        for _ in 0..20_000 {
            let s = strings.near(
                &key_chars,
                &around(IDEMPOTENCY_KEY_MIN, IDEMPOTENCY_KEY_MAX),
            );
            assert_eq!(accepts(&s), is_valid_idempotency_key(&s), "{s:?}");
        }
        assert!(accepts(&"a-_Z".repeat(16)));
        assert!(!accepts("0123456789abcdé0"));
    }

    /// The check `validate_address` makes of one field, as a yes or no.
    fn field_ok(field: AddressField) -> impl Fn(&str) -> bool {
        move |value: &str| {
            let mut a = DeliveryAddress {
                name: "张小明".into(),
                phone: "13800138000".into(),
                region: "广东省 广州市 天河区".into(),
                detail: "天河路 385 号".into(),
            };
            match field {
                AddressField::Name => a.name = value.into(),
                AddressField::Phone => a.phone = value.into(),
                AddressField::Region => a.region = value.into(),
                AddressField::Detail => a.detail = value.into(),
            }
            match validate_address(&a) {
                Ok(_) => true,
                Err(f) if f == field => false,
                Err(other) => panic!("{other:?} refused while checking {field:?}"),
            }
        }
    }

    const TEXT: &[char] = &['字', 'a', ' ', '1', '\u{3000}', '\u{20000}'];
    const SMALL: &[char] = &['a', ' ', '\t', '\u{1}', '\u{85}', '\u{FEFF}', '字'];

    #[test]
    fn the_address_patterns_are_validate_address() {
        for (field, min, max) in [
            (AddressField::Name, 1, ADDRESS_NAME_MAX_CHARS),
            (AddressField::Region, 1, ADDRESS_REGION_MAX_CHARS),
            (
                AddressField::Detail,
                ADDRESS_DETAIL_MIN_CHARS,
                ADDRESS_DETAIL_MAX_CHARS,
            ),
        ] {
            agree(
                &trimmed_text(min, max, false),
                field_ok(field),
                SMALL,
                4,
                TEXT,
                &around(min, max),
            );
        }
        agree(
            &phone_input(),
            field_ok(AddressField::Phone),
            &['1', '3', ' ', '+'],
            3,
            &['1', '3', '8', '0', ' ', '-'],
            &[11, 12, 13],
        );
    }

    #[test]
    fn the_search_pattern_is_search_terms() {
        agree(
            &trimmed_text(0, SEARCH_MAX_CHARS, true),
            |s| search_terms(s).is_ok(),
            SMALL,
            4,
            TEXT,
            &around(0, SEARCH_MAX_CHARS),
        );
    }

    #[test]
    fn the_tracking_number_pattern_is_tracking_number() {
        agree(
            &trimmed_text(0, TRACKING_NUMBER_MAX_CHARS, false),
            |s| tracking_number(Some(s)).is_ok(),
            SMALL,
            4,
            TEXT,
            &around(0, TRACKING_NUMBER_MAX_CHARS),
        );
    }

    #[test]
    fn trimmed_lines_covers_every_shape_of_limit() {
        for (min, max) in [(0, 0), (0, 1), (1, 1), (1, 2), (2, 3), (3, 4), (0, 3)] {
            let accepts = |s: &str| {
                let t = s.trim();
                let n = t.chars().count();
                (min..=max).contains(&n) && !t.chars().any(|c| c.is_control() && !c.is_whitespace())
            };
            agree(
                &trimmed_lines(min, max),
                accepts,
                &['a', ' ', '\n', '\u{1}', '\u{85}', '\u{1C}', '\u{FEFF}'],
                5,
                &['a', ' ', '\n'],
                &around(min, max),
            );
        }
    }

    /// A regex for a long limit: `[...]{0,4998}` of a Unicode class is past `regex`'s
    /// default size (not past what JSON Schema validators read).
    fn big(pattern: &str) -> String {
        regex::RegexBuilder::new(pattern)
            .size_limit(1 << 30)
            .build()
            .unwrap_or_else(|e| panic!("{pattern}: {e}"));
        pattern.to_owned()
    }

    #[test]
    fn the_community_patterns_are_its_checks() {
        use crate::community::*;
        let lines: &[char] = &['字', 'a', ' ', '\n', '\t', '\u{0}', '\u{85}', '\u{3000}'];
        agree(
            &trimmed_text(TITLE_MIN_CHARS, TITLE_MAX_CHARS, false),
            |s| title(s).is_ok(),
            SMALL,
            4,
            TEXT,
            &around(TITLE_MIN_CHARS, TITLE_MAX_CHARS),
        );
        agree(
            &trimmed_text(1, POLL_OPTION_MAX_CHARS, false),
            |s| poll_option(s).is_ok(),
            SMALL,
            4,
            TEXT,
            &around(1, POLL_OPTION_MAX_CHARS),
        );
        agree(
            &trimmed_text(1, SEARCH_MAX_CHARS, true),
            |s| search_text(s).is_ok(),
            SMALL,
            4,
            TEXT,
            &around(1, SEARCH_MAX_CHARS),
        );
        agree(
            &trimmed_lines(0, REPORT_DETAIL_MAX_CHARS),
            |s| optional_note(Some(s), REPORT_DETAIL_MAX_CHARS).is_ok(),
            SMALL,
            3,
            lines,
            &around(0, REPORT_DETAIL_MAX_CHARS),
        );
        agree(
            &big(&trimmed_lines(REPLY_MIN_CHARS, REPLY_MAX_CHARS)),
            |s| reply_body(s).is_ok(),
            SMALL,
            3,
            lines,
            &around(REPLY_MIN_CHARS, REPLY_MAX_CHARS),
        );
        agree(
            &big(&trimmed_lines(THREAD_BODY_MIN_CHARS, THREAD_BODY_MAX_CHARS)),
            |s| thread_body(s).is_ok(),
            SMALL,
            3,
            lines,
            &around(THREAD_BODY_MIN_CHARS, THREAD_BODY_MAX_CHARS),
        );
        assert_eq!(MODERATION_NOTE_MAX_CHARS, REPORT_DETAIL_MAX_CHARS);
    }

    #[test]
    fn the_feedback_patterns_are_its_checks() {
        use crate::feedback::*;
        let lines: &[char] = &['字', 'a', ' ', '\n', '\t', '\u{0}', '\u{85}', '\u{3000}'];
        agree(
            &big(&trimmed_lines(DESCRIPTION_MIN_CHARS, DESCRIPTION_MAX_CHARS)),
            |s| description(s).is_ok(),
            SMALL,
            3,
            lines,
            &around(DESCRIPTION_MIN_CHARS, DESCRIPTION_MAX_CHARS),
        );
        agree(
            &big(&trimmed_lines(MESSAGE_MIN_CHARS, MESSAGE_MAX_CHARS)),
            |s| message_text(s).is_ok(),
            SMALL,
            3,
            lines,
            &around(MESSAGE_MIN_CHARS, MESSAGE_MAX_CHARS),
        );
        agree(
            &big(&trimmed_lines(
                RESOLVE_NOTE_MIN_CHARS,
                RESOLVE_NOTE_MAX_CHARS,
            )),
            |s| resolve_note(s).is_ok(),
            SMALL,
            3,
            lines,
            &around(RESOLVE_NOTE_MIN_CHARS, RESOLVE_NOTE_MAX_CHARS),
        );
        agree(
            &trimmed_lines(0, COMMENT_MAX_CHARS),
            |s| comment(Some(s)).is_ok(),
            SMALL,
            3,
            lines,
            &around(0, COMMENT_MAX_CHARS),
        );
    }

    #[test]
    fn trimmed_text_covers_every_shape_of_limit() {
        // Small limits, every string of up to five characters: 0..=0, 0..=1, 1..=1,
        // 1..=2, 2..=2, 2..=3, 3..=4 and 0..=3, with and without control characters.
        for (min, max) in [
            (0, 0),
            (0, 1),
            (1, 1),
            (1, 2),
            (2, 2),
            (2, 3),
            (3, 4),
            (0, 3),
        ] {
            for controls in [false, true] {
                let accepts = |s: &str| {
                    let t = s.trim();
                    let n = t.chars().count();
                    (min..=max).contains(&n) && (controls || !t.chars().any(char::is_control))
                };
                agree(
                    &trimmed_text(min, max, controls),
                    accepts,
                    &['a', ' ', '\t', '\u{1}', '\u{85}', '\u{FEFF}'],
                    5,
                    &['a', ' '],
                    &around(min, max),
                );
            }
        }
    }
}
