//! Query strings of the API's requests, decoded into their parameters.

/// `application/x-www-form-urlencoded` pairs, decoded (`+` is a space, invalid UTF-8 is
/// replaced), in order; empty pairs are skipped and a pair without `=` has an empty value.
pub fn pairs(query: Option<&str>) -> Vec<(String, String)> {
    let Some(q) = query else { return Vec::new() };
    form_urlencoded::parse(q.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The last value of a parameter.
pub fn get<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_pairs() {
        let p = pairs(Some("a=1&meta.x%5Beq%5D=hello+world&b&c=%2F"));
        assert_eq!(
            p,
            vec![
                ("a".into(), "1".into()),
                ("meta.x[eq]".into(), "hello world".into()),
                ("b".into(), "".into()),
                ("c".into(), "/".into()),
            ]
        );
        assert_eq!(get(&p, "c"), Some("/"));
        assert!(pairs(None).is_empty());
        // A broken escape stays as written; bytes that are not UTF-8 are replaced.
        assert_eq!(
            pairs(Some("a=%zz&&b=%FF")),
            vec![("a".into(), "%zz".into()), ("b".into(), "\u{FFFD}".into())]
        );
    }
}
