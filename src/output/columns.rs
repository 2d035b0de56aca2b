//! The columns of a streamed table: widths decided once, from the rows seen first, and every
//! later row laid out to them, so a listing can be written page by page and a bulk run line by
//! line. Widths are display widths (`crate::text`), so wide characters line up.

use crate::text::{self, Keep};

/// One column of a streamed table.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub heading: &'static str,
    /// Whether the column may be cut (with `…`), or left out, to fit the terminal. Ids, names
    /// and paths people copy are never cut.
    pub shrinks: bool,
}

impl Column {
    /// A column shown whole, however wide.
    pub const fn whole(heading: &'static str) -> Self {
        Column {
            heading,
            shrinks: false,
        }
    }

    /// A column that gives way on a narrow terminal.
    pub const fn shrinks(heading: &'static str) -> Self {
        Column {
            heading,
            shrinks: true,
        }
    }
}

/// The narrowest a shrinking column is cut to, whatever its heading.
const MIN_CUT: usize = 4;

/// Columns are two spaces apart.
const GAP: usize = 2;

/// One width per column shown, from `floors` (widths known before any row: the heading, when
/// shown, and values the caller expects) and the rows seen so far. On a terminal narrower than
/// that, shrinking columns give way from the last: cut down to their heading's width, then
/// left out, so a line never wraps; columns shown whole keep their width, and a line of them
/// alone may run long.
pub fn widths(
    columns: &[Column],
    floors: &[usize],
    rows: &[Vec<String>],
    terminal: Option<u16>,
) -> Vec<usize> {
    let mut widths = floors.to_vec();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(text::width(cell));
        }
    }
    let Some(total) = terminal.map(usize::from) else {
        return widths;
    };
    let line = |widths: &[usize]| widths.iter().sum::<usize>() + GAP * (widths.len() - 1);
    for (i, column) in columns.iter().enumerate().rev() {
        let sum = line(&widths);
        if sum <= total {
            break;
        }
        if column.shrinks {
            let floor = text::width(column.heading).max(MIN_CUT);
            widths[i] -= (sum - total).min(widths[i].saturating_sub(floor));
        }
    }
    while widths.len() > 1 && line(&widths) > total && columns[widths.len() - 1].shrinks {
        widths.pop();
    }
    widths
}

/// One line: the cells of the columns shown, each padded to its width (by display width),
/// shrinking ones cut to it, and no blanks at the end.
pub fn line(columns: &[Column], cells: &[String], widths: &[usize]) -> String {
    let mut line = String::new();
    let last = widths.len().saturating_sub(1);
    for (i, ((cell, width), column)) in cells.iter().zip(widths).zip(columns).enumerate() {
        let text = if column.shrinks {
            text::truncate(cell, *width, Keep::Start)
        } else {
            cell.into()
        };
        line.push_str(&text);
        if i < last {
            let pad = width.saturating_sub(text::width(&text)) + GAP;
            line.extend(std::iter::repeat_n(' ', pad));
        }
    }
    let mut line = line.trim_end().to_string();
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: [Column; 5] = [
        Column::whole("ID"),
        Column::shrinks("FILENAME"),
        Column::shrinks("UPLOADED"),
        Column::shrinks("SIGNED"),
        Column::shrinks("META"),
    ];

    fn headings() -> Vec<usize> {
        LIST.iter().map(|c| text::width(c.heading)).collect()
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn ids_keep_their_width_and_other_columns_give_way() {
        let rows = vec![row(&[
            "a-very-long-image-id-0123456789",
            "filename-that-is-long.png",
            "2024-01-01T00:00:00.000Z",
            "no",
            "{\"k\":\"a long value that goes on\"}",
        ])];
        let widths = widths(&LIST, &headings(), &rows, Some(80));
        assert_eq!(widths[0], 31);
        assert!(widths.iter().sum::<usize>() + 8 <= 80, "{widths:?}");
        let line = line(&LIST, &rows[0], &widths);
        assert!(line.starts_with("a-very-long-image-id-0123456789  "));
        assert!(line.contains('…'));
    }

    #[test]
    fn columns_that_cannot_fit_are_left_out_rather_than_wrapping_the_line() {
        let id = "a-long-custom-id/that/must/stay/whole-0123456789";
        let rows = vec![row(&[
            id,
            "logo.png",
            "2024-01-01T00:00:00.000Z",
            "no",
            "{\"note\":\"long\"}",
        ])];
        let fitted = widths(&LIST, &headings(), &rows, Some(72));
        assert!(fitted.len() < 5, "{fitted:?}");
        let text = line(&LIST, &rows[0], &fitted);
        assert!(text.starts_with(id));
        assert!(text::width(text.trim_end()) <= 72, "{text}");
        // An id wider than the terminal is still shown whole, alone.
        let alone = widths(&LIST, &headings(), &rows, Some(20));
        assert_eq!(alone, vec![id.len()]);
        assert_eq!(line(&LIST, &rows[0], &alone), format!("{id}\n"));
    }

    #[test]
    fn wide_characters_line_up_by_display_width() {
        let rows = vec![
            row(&["a", "写真.png", "x"]),
            row(&["b", "😀.png", "x"]),
            row(&["c", "photo.png", "x"]),
        ];
        let columns = &LIST[..3];
        let widths = widths(columns, &[0, 0, 0], &rows, None);
        assert_eq!(widths, [1, 9, 1]);
        for r in &rows {
            assert_eq!(
                text::width(line(columns, r, &widths).trim_end()),
                1 + 2 + 9 + 2 + 1
            );
        }
        // Cut to fit, a wide name is cut by columns too.
        let fitted = self::widths(columns, &[0, 0, 0], &rows, Some(11));
        let cut = line(columns, &rows[0], &fitted);
        assert!(text::width(cut.trim_end()) <= 11, "{cut:?}");
    }

    #[test]
    fn whole_columns_are_never_left_out() {
        let columns = [
            Column::whole("STATUS"),
            Column::whole("ID"),
            Column::whole("PATH"),
        ];
        let rows = vec![row(&["uploaded", "some-id", "a/long/path/to/a/file.png"])];
        let widths = widths(&columns, &[0, 0, 0], &rows, Some(10));
        assert_eq!(widths.len(), 3);
    }
}
