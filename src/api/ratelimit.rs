//! The server's view of the rate limit, read from the headers of any answer
//! (docs/api-notes.md#rate-limits-and-retries):
//! `Ratelimit: "default";r=<remaining>;t=<seconds to reset>`, with
//! `Ratelimit-Policy: "default";q=<limit>;w=<window seconds>` beside it.
//!
//! Read leniently: header names in any case, items and parameters in any order, several
//! policies (the tightest counts), a missing `t` bounded by the policy's window. Anything that
//! does not parse is ignored, never an error: the answer itself is what matters. The older
//! `x-ratelimit-remaining` with `x-ratelimit-reset` is read when `Ratelimit` is absent.

use std::time::Duration;

use reqwest::header::HeaderMap;

use super::retry::parse_retry_after;

/// What the server says is left: `remaining` more requests may start before `reset_in` has
/// passed, for everyone sharing the credentials; and the policy behind it, when announced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServerBudget {
    pub remaining: u32,
    pub reset_in: Duration,
    pub policy: Option<Policy>,
}

/// `Ratelimit-Policy`: `limit` requests per `window`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    pub limit: u32,
    pub window: Duration,
}

/// A reset further away than this is not a rate-limit window but a broken header; the API's
/// window is five minutes.
const LONGEST_RESET: Duration = Duration::from_secs(3600);

/// The budget an answer's headers announce, if they announce one. `now_unix` is for the
/// legacy reset header, which may be a date.
pub fn read(headers: &HeaderMap, now_unix: i64) -> Option<ServerBudget> {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    match text("ratelimit") {
        Some(state) => parse(state, text("ratelimit-policy")),
        None => parse_legacy(
            text("x-ratelimit-remaining")?,
            text("x-ratelimit-reset")?,
            now_unix,
        ),
    }
}

/// `Ratelimit`, with the `Ratelimit-Policy` item of the same name (for a missing `t`, and what
/// the next window will hold): of several items, the one with the fewest requests left.
pub fn parse(state: &str, policy: Option<&str>) -> Option<ServerBudget> {
    let policies: Vec<(String, Option<u32>, Option<Duration>)> = policy
        .map(|p| {
            items(p)
                .map(|(name, params)| {
                    let limit = param(&params, "q").and_then(|q| q.parse().ok());
                    let window = param(&params, "w")
                        .and_then(seconds)
                        .filter(|w| !w.is_zero() && *w <= LONGEST_RESET);
                    (name, limit, window)
                })
                .collect()
        })
        .unwrap_or_default();
    items(state)
        .filter_map(|(name, params)| {
            let remaining: u32 = param(&params, "r")?.parse().ok()?;
            let (limit, window) = policies
                .iter()
                .find(|(n, _, _)| *n == name)
                .map_or((None, None), |(_, q, w)| (*q, *w));
            let reset_in = match param(&params, "t") {
                Some(t) => seconds(t)?,
                // Without `t`, the reset is at most a window away.
                None => window?,
            };
            let policy = limit
                .zip(window)
                .map(|(limit, window)| Policy { limit, window });
            (reset_in <= LONGEST_RESET).then_some(ServerBudget {
                remaining,
                reset_in,
                policy,
            })
        })
        .min_by_key(|b| (b.remaining, std::cmp::Reverse(b.reset_in)))
}

/// `x-ratelimit-remaining: N` with `x-ratelimit-reset`: seconds, or an HTTP date.
fn parse_legacy(remaining: &str, reset: &str, now_unix: i64) -> Option<ServerBudget> {
    let remaining = remaining.trim().parse().ok()?;
    let reset_in = parse_retry_after(reset, now_unix)?;
    (reset_in <= LONGEST_RESET).then_some(ServerBudget {
        remaining,
        reset_in,
        policy: None,
    })
}

/// The items of a structured-field list: each one's name (a quoted string or a token,
/// unquoted here) and its `key=value` parameters, keys in lower case.
fn items(list: &str) -> impl Iterator<Item = (String, Vec<(String, String)>)> + '_ {
    list.split(',').filter_map(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next()?.trim_matches('"').to_string();
        let params = parts
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Some((name, params))
    })
}

fn param<'a>(params: &'a [(String, String)], key: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Whole (or fractional) seconds, not negative.
fn seconds(v: &str) -> Option<Duration> {
    let secs: f64 = v.parse().ok()?;
    (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(remaining: u32, secs: u64) -> Option<ServerBudget> {
        Some(ServerBudget {
            remaining,
            reset_in: Duration::from_secs(secs),
            policy: None,
        })
    }

    fn with_policy(b: Option<ServerBudget>, limit: u32, secs: u64) -> Option<ServerBudget> {
        b.map(|b| ServerBudget {
            policy: Some(Policy {
                limit,
                window: Duration::from_secs(secs),
            }),
            ..b
        })
    }

    #[test]
    fn reads_the_api_s_headers() {
        assert_eq!(
            parse("\"default\";r=1150;t=270", Some("\"default\";q=1200;w=300")),
            with_policy(budget(1150, 270), 1200, 300)
        );
        assert_eq!(parse("\"default\";r=0;t=12", None), budget(0, 12));
    }

    #[test]
    fn is_lenient_about_spelling_order_and_spacing() {
        assert_eq!(parse(" default ; T=5 ; R=3 ", None), budget(3, 5));
        assert_eq!(
            parse("\"default\";t=2.5;r=1", None).unwrap().reset_in,
            Duration::from_millis(2500)
        );
        // Unknown parameters are skipped.
        assert_eq!(parse("\"default\";r=7;t=9;x=1", None), budget(7, 9));
    }

    #[test]
    fn the_tightest_of_several_policies_counts() {
        assert_eq!(
            parse("\"burst\";r=40;t=1, \"default\";r=5;t=200", None),
            budget(5, 200)
        );
    }

    #[test]
    fn a_missing_reset_is_bounded_by_the_policy_s_window() {
        assert_eq!(
            parse("\"default\";r=4", Some("\"default\";q=1200;w=300")),
            with_policy(budget(4, 300), 1200, 300)
        );
        // A policy without its limit still bounds the reset, but is no policy.
        assert_eq!(
            parse("\"default\";r=4", Some("\"default\";w=60")),
            budget(4, 60)
        );
        // No window for that name either: nothing to go by.
        assert_eq!(parse("\"default\";r=4", Some("\"other\";q=1;w=1")), None);
        assert_eq!(parse("\"default\";r=4", None), None);
    }

    #[test]
    fn anything_malformed_is_ignored() {
        // A policy that does not parse is left out; the budget stands.
        assert_eq!(
            parse("\"default\";r=1;t=2", Some("\"default\";q=x;w=0")),
            budget(1, 2)
        );
        for bad in [
            "",
            "garbage",
            "\"default\";r=-1;t=5",
            "\"default\";r=x;t=5",
            "\"default\";r=1;t=-5",
            "\"default\";r=1;t=NaN",
            "\"default\";r=1;t=999999",
            ";;;,,,",
        ] {
            assert_eq!(parse(bad, Some("\"default\";q=1;w=1")), None, "{bad:?}");
        }
    }

    #[test]
    fn headers_are_found_in_any_case_and_the_old_names_are_a_fallback() {
        let mut h = HeaderMap::new();
        assert_eq!(read(&h, 0), None);
        h.insert("x-ratelimit-remaining", "9".parse().unwrap());
        h.insert(
            "x-ratelimit-reset",
            "Sun, 06 Nov 1994 08:49:47 GMT".parse().unwrap(),
        );
        assert_eq!(read(&h, 784_111_777), budget(9, 10));
        // The new header wins when both are there.
        h.insert("RateLimit", "\"default\";r=2;t=3".parse().unwrap());
        assert_eq!(read(&h, 784_111_777), budget(2, 3));
        // Half of the old pair is nothing.
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-remaining", "9".parse().unwrap());
        assert_eq!(read(&h, 0), None);
    }
}
