//! Building links that keep (or change) the current URL query.

/// `pairs` encoded as a query string, with a leading `?` when non-empty.
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut ser = form_urlencoded::Serializer::new(String::new());
    let mut any = false;
    for (k, v) in pairs {
        ser.append_pair(k, v);
        any = true;
    }
    if any {
        format!("?{}", ser.finish())
    } else {
        String::new()
    }
}

/// The page's query pairs, and the same encoded without the `?`. The query
/// travels to server functions as one encoded string: a list of pairs does
/// not survive the URL-encoded server-function body when it is empty.
pub fn current_query() -> (Vec<(String, String)>, String) {
    use leptos::prelude::ReadUntracked;
    let pairs: Vec<(String, String)> = leptos_router::hooks::use_query_map()
        .read_untracked()
        .clone()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let encoded = query_string(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .trim_start_matches('?')
        .to_string();
    (pairs, encoded)
}

/// The current pairs with `key` set to `value` (or removed when None).
pub fn with_param(current: &[(String, String)], key: &str, value: Option<&str>) -> String {
    let mut pairs: Vec<(&str, &str)> =
        current.iter().filter(|(k, _)| k != key).map(|(k, v)| (k.as_str(), v.as_str())).collect();
    if let Some(v) = value {
        pairs.push((key, v));
    }
    query_string(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_and_replaces() {
        let cur = vec![("q".to_string(), "a b".to_string()), ("page".to_string(), "2".to_string())];
        assert_eq!(with_param(&cur, "page", Some("3")), "?q=a+b&page=3");
        assert_eq!(with_param(&cur, "page", None), "?q=a+b");
        assert_eq!(query_string(std::iter::empty()), "");
    }
}
