//! Durations and points in time typed by users (`90s`, `1h30m`, `2 days`,
//! `2030-01-01T00:00:00Z`), and the RFC 3339 form times are sent in.
//!
//! The current time is always passed in, never read here, so every result is reproducible.

use std::time::Duration;

use jiff::{SignedDuration, Span, SpanRelativeTo, Timestamp, civil};

const EXAMPLES: &str = "90s, 30m, 2h, 1h30m, 1d or \"1 hour\"";

/// Why a duration or time cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeSpecError {
    #[error("no duration or time given; write a duration such as {EXAMPLES}")]
    Empty,
    #[error(
        "duration {input:?} has no unit; write e.g. {input}s for seconds or {input}m for minutes"
    )]
    MissingUnit { input: String },
    #[error("cannot read {input:?} as a duration; write e.g. {EXAMPLES}")]
    InvalidDuration { input: String },
    #[error(
        "duration {input:?} uses months or years, whose length varies; use days or weeks instead, e.g. 30d"
    )]
    CalendarUnit { input: String },
    #[error("duration {input:?} is not positive; give a length of time greater than zero")]
    NotPositive { input: String },
    #[error("duration or time {input:?} is too far away; give a smaller value")]
    OutOfRange { input: String },
    #[error("time {input:?} has no UTC offset; add Z or an offset, e.g. {input}Z or {input}+02:00")]
    MissingOffset { input: String },
    #[error(
        "cannot read {input:?} as an RFC 3339 time ({reason}); write e.g. 2030-01-31T18:00:00Z"
    )]
    InvalidTime { input: String, reason: String },
}

/// Parses a positive length of time: `90s`, `30m`, `2h`, `1h30m`, `1d`, `1w`, `1 hour`,
/// `2 days, 3 hours`, `1.5h`, or ISO 8601 `PT1H`. Days are 24 hours and weeks 7 days; months
/// and years are refused because their length depends on the date.
pub fn parse_duration(s: &str) -> Result<Duration, TimeSpecError> {
    let input = s.trim();
    let signed = parse_signed(input)?;
    if signed.is_negative() || signed.is_zero() {
        return Err(TimeSpecError::NotPositive {
            input: input.to_owned(),
        });
    }
    // Positive `SignedDuration`s always fit a `Duration`.
    Duration::try_from(signed).map_err(|_| TimeSpecError::OutOfRange {
        input: input.to_owned(),
    })
}

/// Parses either an RFC 3339 time with an offset (`2030-01-31T18:00:00Z`,
/// `2030-01-31T19:00:00+01:00`) or a positive duration counted from `now`.
pub fn parse_time_or_duration(s: &str, now: Timestamp) -> Result<Timestamp, TimeSpecError> {
    time_or_offset(s, now, Timestamp::checked_add)
}

/// Parses either an RFC 3339 time with an offset, or an age: a positive duration counted back
/// from `now` (`30d` is thirty days ago), for filters such as `--uploaded-before 30d`.
pub fn parse_time_or_age(s: &str, now: Timestamp) -> Result<Timestamp, TimeSpecError> {
    time_or_offset(s, now, Timestamp::checked_sub)
}

/// A time, or `now` moved by a duration with `shift` (ahead or back).
fn time_or_offset(
    s: &str,
    now: Timestamp,
    shift: fn(Timestamp, SignedDuration) -> Result<Timestamp, jiff::Error>,
) -> Result<Timestamp, TimeSpecError> {
    let input = s.trim();
    if looks_like_date(input) {
        return parse_time(input);
    }
    let duration = parse_duration(input)?;
    let out_of_range = || TimeSpecError::OutOfRange {
        input: input.to_owned(),
    };
    let signed = SignedDuration::try_from(duration).map_err(|_| out_of_range())?;
    shift(now, signed).map_err(|_| out_of_range())
}

/// A time in RFC 3339 at second precision in UTC (`2030-01-31T18:00:00Z`), the form the API
/// takes for `expiry`. Fractions of a second are dropped.
pub fn rfc3339(ts: Timestamp) -> String {
    ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn parse_signed(input: &str) -> Result<SignedDuration, TimeSpecError> {
    if input.is_empty() {
        return Err(TimeSpecError::Empty);
    }
    let span: Span = input.parse().map_err(|_| {
        if input.bytes().all(|b| b.is_ascii_digit()) {
            TimeSpecError::MissingUnit {
                input: input.to_owned(),
            }
        } else {
            TimeSpecError::InvalidDuration {
                input: input.to_owned(),
            }
        }
    })?;
    if span.get_years() != 0 || span.get_months() != 0 {
        return Err(TimeSpecError::CalendarUnit {
            input: input.to_owned(),
        });
    }
    span.to_duration(SpanRelativeTo::days_are_24_hours())
        .map_err(|_| TimeSpecError::OutOfRange {
            input: input.to_owned(),
        })
}

/// A leading `YYYY-` means the user wrote a date; no duration starts that way.
fn looks_like_date(input: &str) -> bool {
    let b = input.as_bytes();
    b.len() > 4 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-'
}

/// Whether the text has a time of day but nothing after it that could be an offset.
fn lacks_offset(input: &str) -> bool {
    match input.find(['T', 't', ' ']) {
        Some(t) => !input[t..].contains(['Z', 'z', '+', '-', '[']),
        None => false,
    }
}

fn parse_time(input: &str) -> Result<Timestamp, TimeSpecError> {
    input.parse::<Timestamp>().map_err(|e| {
        // A civil date-time that parses fine is only missing its offset: say exactly that
        // instead of a parser message, since guessing the user's zone would be wrong.
        if lacks_offset(input) && input.parse::<civil::DateTime>().is_ok() {
            TimeSpecError::MissingOffset {
                input: input.to_owned(),
            }
        } else {
            TimeSpecError::InvalidTime {
                input: input.to_owned(),
                reason: e.to_string(),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_age_counts_back_from_now_and_a_time_is_taken_as_it_is() {
        let now: Timestamp = "2030-01-31T00:00:00Z".parse().unwrap();
        assert_eq!(
            parse_time_or_age("30d", now).unwrap(),
            "2030-01-01T00:00:00Z".parse::<Timestamp>().unwrap()
        );
        assert_eq!(
            parse_time_or_age("12h", now).unwrap(),
            "2030-01-30T12:00:00Z".parse::<Timestamp>().unwrap()
        );
        assert_eq!(
            parse_time_or_age("2029-05-01T10:00:00+02:00", now).unwrap(),
            "2029-05-01T08:00:00Z".parse::<Timestamp>().unwrap()
        );
        assert!(matches!(
            parse_time_or_age("2029-05-01T10:00:00", now),
            Err(TimeSpecError::MissingOffset { .. })
        ));
        assert!(matches!(
            parse_time_or_age("30", now),
            Err(TimeSpecError::MissingUnit { .. })
        ));
    }

    fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    #[test]
    fn parses_friendly_durations() {
        for (text, expected) in [
            ("90s", secs(90)),
            ("30m", secs(30 * 60)),
            ("2h", secs(2 * 3600)),
            ("1h30m", secs(5400)),
            ("1h 30m", secs(5400)),
            ("1d", secs(86_400)),
            ("1w", secs(7 * 86_400)),
            ("1 hour", secs(3600)),
            ("2 days, 3 hours", secs(2 * 86_400 + 3 * 3600)),
            ("5 minutes", secs(300)),
            ("1.5h", secs(5400)),
            ("PT1H", secs(3600)),
            ("+2h", secs(7200)),
            ("  2h\n", secs(7200)),
            ("250ms", Duration::from_millis(250)),
        ] {
            assert_eq!(parse_duration(text), Ok(expected), "{text:?}");
        }
    }

    #[test]
    fn rejects_bad_durations_with_a_reason() {
        assert_eq!(parse_duration(""), Err(TimeSpecError::Empty));
        assert_eq!(parse_duration("   "), Err(TimeSpecError::Empty));
        let err = parse_duration("90").unwrap_err();
        assert_eq!(err, TimeSpecError::MissingUnit { input: "90".into() });
        assert_eq!(
            err.to_string(),
            "duration \"90\" has no unit; write e.g. 90s for seconds or 90m for minutes"
        );
        assert!(matches!(
            parse_duration("soon"),
            Err(TimeSpecError::InvalidDuration { .. })
        ));
        assert_eq!(
            parse_duration("soon").unwrap_err().to_string(),
            "cannot read \"soon\" as a duration; write e.g. 90s, 30m, 2h, 1h30m, 1d or \"1 hour\""
        );
        assert!(matches!(
            parse_duration("1mo"),
            Err(TimeSpecError::CalendarUnit { .. })
        ));
        assert!(matches!(
            parse_duration("1y 2d"),
            Err(TimeSpecError::CalendarUnit { .. })
        ));
        for text in ["0s", "0", "-1h", "1h ago", "0 days"] {
            let err = parse_duration(text).unwrap_err();
            assert!(
                matches!(
                    err,
                    TimeSpecError::NotPositive { .. } | TimeSpecError::MissingUnit { .. }
                ),
                "{text:?}: {err:?}"
            );
        }
        assert_eq!(
            parse_duration("-5m").unwrap_err().to_string(),
            "duration \"-5m\" is not positive; give a length of time greater than zero"
        );
    }

    fn now() -> Timestamp {
        "2030-01-31T18:00:00.750Z".parse().unwrap()
    }

    #[test]
    fn parses_durations_from_now() {
        let t = parse_time_or_duration("2h", now()).unwrap();
        assert_eq!(t.to_string(), "2030-01-31T20:00:00.75Z");
        let t = parse_time_or_duration("1d", now()).unwrap();
        assert_eq!(rfc3339(t), "2030-02-01T18:00:00Z");
        assert!(matches!(
            parse_time_or_duration("-2h", now()),
            Err(TimeSpecError::NotPositive { .. })
        ));
        assert!(matches!(
            parse_time_or_duration("9999w", Timestamp::MAX),
            Err(TimeSpecError::OutOfRange { .. })
        ));
    }

    #[test]
    fn parses_rfc3339_times_with_an_offset() {
        let t = parse_time_or_duration("2031-05-06T07:08:09Z", now()).unwrap();
        assert_eq!(rfc3339(t), "2031-05-06T07:08:09Z");
        let t = parse_time_or_duration("2031-05-06T09:08:09+02:00", now()).unwrap();
        assert_eq!(rfc3339(t), "2031-05-06T07:08:09Z");
        let t = parse_time_or_duration("2031-05-06T07:08:09.5-00:30", now()).unwrap();
        assert_eq!(rfc3339(t), "2031-05-06T07:38:09Z");
        // A time in the past is still a time; whether it is acceptable is the caller's call.
        assert!(parse_time_or_duration("2000-01-01T00:00:00Z", now()).is_ok());
    }

    #[test]
    fn explains_times_it_cannot_read() {
        let err = parse_time_or_duration("2031-05-06T07:08:09", now()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "time \"2031-05-06T07:08:09\" has no UTC offset; add Z or an offset, e.g. \
             2031-05-06T07:08:09Z or 2031-05-06T07:08:09+02:00"
        );
        assert!(matches!(
            parse_time_or_duration("2031-05-06", now()),
            Err(TimeSpecError::InvalidTime { .. })
        ));
        assert!(matches!(
            parse_time_or_duration("2031-13-06T07:08:09Z", now()),
            Err(TimeSpecError::InvalidTime { .. })
        ));
    }

    #[test]
    fn formats_at_second_precision_in_utc() {
        assert_eq!(rfc3339(now()), "2030-01-31T18:00:00Z");
        assert_eq!(rfc3339(Timestamp::UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = Timestamp::from_second(1_631_289_275).unwrap();
        assert_eq!(rfc3339(t), "2021-09-10T15:54:35Z");
        assert_eq!(rfc3339(t).parse::<Timestamp>().ok(), Some(t));
    }

    proptest! {
        #[test]
        fn parse_duration_never_panics(s in any::<String>()) {
            let _ = parse_duration(&s);
        }

        #[test]
        fn parse_time_or_duration_never_panics(s in any::<String>(), secs in -10_000_000_000i64..10_000_000_000) {
            let now = Timestamp::from_second(secs).unwrap();
            let _ = parse_time_or_duration(&s, now);
        }

        #[test]
        fn accepted_durations_are_positive(s in "[0-9]{1,6}(s|m|h|d|w| hours| mins)") {
            if let Ok(d) = parse_duration(&s) {
                prop_assert!(!d.is_zero());
            }
        }

        #[test]
        fn rfc3339_round_trips_whole_seconds(secs in -10_000_000_000i64..200_000_000_000) {
            let t = Timestamp::from_second(secs).unwrap();
            prop_assert_eq!(rfc3339(t).parse::<Timestamp>().ok(), Some(t));
        }
    }
}
