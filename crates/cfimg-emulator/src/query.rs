//! Query strings: decoded pairs for the API's parameters, and the raw form the signed-URL
//! check needs.

use percent_encoding::percent_decode_str;

/// `application/x-www-form-urlencoded` pairs, decoded (`+` is a space), in order.
pub fn pairs(query: Option<&str>) -> Vec<(String, String)> {
    let Some(q) = query else { return Vec::new() };
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let s = s.replace('+', " ");
    percent_decode_str(&s).decode_utf8_lossy().into_owned()
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
    }
}
