//! Values in the query strings the app writes: its own addresses (`/sign-in?next=…`,
//! `/mall?q=…`) and the backend's (`/mall/items?q=…`).

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// What a query value may carry as it is: RFC 3986's unreserved characters and `/` (so a
/// path given as a value still reads as one). Everything else is percent-encoded as UTF-8.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'/');

/// One value of a query string, encoded: `a b&c` -> `a%20b%26c`.
pub fn encode_value(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_cannot_end_the_value_or_the_query() {
        assert_eq!(encode_value("a b&c=d?e#f"), "a%20b%26c%3Dd%3Fe%23f");
        assert_eq!(encode_value("/mall/orders"), "/mall/orders");
        assert_eq!(encode_value("流量"), "%E6%B5%81%E9%87%8F");
        assert_eq!(encode_value("1+1%"), "1%2B1%25");
    }
}
