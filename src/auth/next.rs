//! Where to go after signing in. Only paths inside this app are followed, so a crafted
//! link cannot bounce a user to another site after they sign in.

use crate::query_string::encode_value;

/// The `next` value to follow, or "/" when it is absent or not a path of this app.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.starts_with("/sign-in")
                && !path.chars().any(char::is_control) =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// The sign-in link that brings the user back to `path` afterwards.
pub fn sign_in_href(path: &str) -> String {
    format!("/sign-in?next={}", encode_value(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_paths_of_this_app() {
        assert_eq!(safe_next(Some("/me")), "/me");
        assert_eq!(
            safe_next(Some("/mall/orders?page=2")),
            "/mall/orders?page=2"
        );
    }

    #[test]
    fn refuses_other_sites_and_loops() {
        for bad in [
            "https://evil.test",
            "//evil.test",
            "/\\evil.test",
            "me",
            "/sign-in?next=/me",
            "/a\nb",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad}");
        }
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn encodes_the_return_path_as_one_query_value() {
        assert_eq!(sign_in_href("/me"), "/sign-in?next=/me");
        assert_eq!(
            sign_in_href("/a?b=1&c=2"),
            "/sign-in?next=/a%3Fb%3D1%26c%3D2"
        );
    }
}
