//! Text as a terminal shows it: its width in columns, cutting it down to a width, and counts
//! people read at a glance.
//!
//! A width is what the terminal draws, not a count of `char`s: a CJK character or an emoji
//! takes two columns, a combining accent none, and a flag or a family emoji is several `char`s
//! drawn as one. Tables and every shortened label measure and cut with these two functions, so
//! `写真.png` and `😀.png` line up with `photo.png`. (comfy-table, which lays out the fitted
//! tables, measures with the same `unicode-width` tables.)

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The mark left where text was cut out.
const CUT: &str = "…";

/// How many terminal columns `text` takes.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Which part of a text to keep when it is too wide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// The beginning, `a-long-na…`: most text reads from its start.
    Start,
    /// The end, `…dir/photo.png`: a path's last part tells files apart.
    End,
}

/// `text` within `max` columns: as it is when it fits, else cut at a character boundary with
/// `…` where the rest was, so the result (the `…` included) is at most `max` columns wide. A
/// character drawn as one (an emoji sequence, a letter with its accents) is kept or dropped
/// whole, never split.
pub fn truncate(text: &str, max: usize, keep: Keep) -> Cow<'_, str> {
    if width(text) <= max {
        return Cow::Borrowed(text);
    }
    let room = max.saturating_sub(width(CUT));
    let mut used = 0;
    let fits = |g: &&str| {
        used += width(g);
        used <= room
    };
    let kept: Vec<&str> = match keep {
        Keep::Start => text.graphemes(true).take_while(fits).collect(),
        Keep::End => {
            let mut tail: Vec<&str> = text.graphemes(true).rev().take_while(fits).collect();
            tail.reverse();
            tail
        }
    };
    if max < width(CUT) {
        return Cow::Borrowed("");
    }
    Cow::Owned(match keep {
        Keep::Start => format!("{}{CUT}", kept.concat()),
        Keep::End => format!("{CUT}{}", kept.concat()),
    })
}

/// A count with its thousands grouped, as people read large numbers: `12,345`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        for (n, text) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (12_345, "12,345"),
            (1_234_567, "1,234,567"),
        ] {
            assert_eq!(grouped(n), text);
        }
    }

    #[test]
    fn wide_characters_take_two_columns_and_accents_none() {
        assert_eq!(width("photo.png"), 9);
        assert_eq!(width("写真.png"), 8);
        assert_eq!(width("😀.png"), 6);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!("写真.png".chars().count(), 6);
    }

    #[test]
    fn text_that_fits_is_kept_as_it_is() {
        assert!(matches!(
            truncate("photo.png", 9, Keep::Start),
            Cow::Borrowed("photo.png")
        ));
        assert_eq!(truncate("写真.png", 8, Keep::End), "写真.png");
    }

    #[test]
    fn cuts_count_columns_and_never_split_a_wide_character() {
        assert_eq!(truncate("abcdefgh", 5, Keep::Start), "abcd…");
        assert_eq!(truncate("abcdefgh", 5, Keep::End), "…efgh");
        // 写 and 真 are two columns each: after 写 there is one column left, too few for 真.
        assert_eq!(truncate("写真写真.png", 4, Keep::Start), "写…");
        assert_eq!(width(&truncate("写真写真.png", 4, Keep::Start)), 3);
        assert_eq!(truncate("dir/写真.png", 7, Keep::End), "…真.png");
        // A family emoji is five chars drawn as one: kept whole or not at all.
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(
            truncate(&format!("{family}{family}"), 3, Keep::Start),
            format!("{family}…")
        );
    }

    #[test]
    fn no_room_leaves_the_mark_or_nothing() {
        assert_eq!(truncate("abc", 1, Keep::Start), "…");
        assert_eq!(truncate("abc", 0, Keep::End), "");
    }
}
