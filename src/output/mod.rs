//! The one place that renders: tables for people, `--json` (one document) and `--ndjson` (one
//! object a line) for scripts. Lists stream, so memory stays flat however long they are.
//!
//! Everything here writes to stdout and returns `io::Error`; a closed pipe surfaces as
//! `BrokenPipe`, which `main` turns into a quiet exit 0.

mod error_report;

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::api::direct_upload::DirectUpload;
use crate::api::images::Image;
use crate::api::keys::SigningKey;
use crate::api::stats::Stats;
use crate::api::variants::Variant;

pub use error_report::ErrorReport;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Table,
    Json,
    Ndjson,
}

#[derive(Clone, Debug)]
pub struct Output {
    pub mode: Mode,
    /// Terminal width for tables, when stdout is a terminal.
    pub width: Option<u16>,
}

impl Output {
    pub fn new(mode: Mode, width: Option<u16>) -> Self {
        Output { mode, width }
    }

    pub fn is_table(&self) -> bool {
        self.mode == Mode::Table
    }

    fn write(&self, text: &str) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()
    }

    /// Bytes as they are (a completion script).
    pub fn bytes(&self, data: &[u8]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(data)?;
        out.flush()
    }

    /// One line of plain text (an id, a URL), whatever the mode.
    pub fn line(&self, text: &str) -> io::Result<()> {
        self.write(&format!("{text}\n"))
    }

    /// A value as JSON: pretty for `--json`, one line for `--ndjson`.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> io::Result<()> {
        let text = match self.mode {
            Mode::Ndjson => serde_json::to_string(value),
            _ => serde_json::to_string_pretty(value),
        }
        .map_err(io::Error::other)?;
        self.write(&format!("{text}\n"))
    }

    /// A two-column table of fields: what a single object looks like to a person. Values are
    /// printed whole, never wrapped or cut: they are ids, URLs and tokens that people copy.
    pub fn fields(&self, rows: &[(&str, String)]) -> io::Result<()> {
        let mut table = Table::new();
        table.load_preset(presets::NOTHING);
        table.set_content_arrangement(ContentArrangement::Disabled);
        for (name, value) in rows {
            table.add_row(vec![name.to_string(), value.clone()]);
        }
        self.write(&render(table))
    }

    /// A table with a header row, fitted to the terminal: the columns in `whole` (ids, names,
    /// values people copy) keep their full width, and the others wrap to make room, though
    /// not below their longest word (up to 16 characters), so they never turn into a column
    /// of letters; on a terminal too narrow even for that the lines run long.
    pub fn rows(&self, header: &[&str], whole: &[usize], rows: Vec<Vec<String>>) -> io::Result<()> {
        use comfy_table::{ColumnConstraint, Width};
        const WORD_CAP: usize = 16;
        let longest_word = |text: &str| {
            text.split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
        };
        let mut floors: Vec<usize> = header.iter().map(|h| longest_word(h)).collect();
        for row in &rows {
            for (i, cell) in row.iter().enumerate().take(floors.len()) {
                floors[i] = floors[i].max(longest_word(cell).min(WORD_CAP));
            }
        }
        let mut table = self.table();
        table.set_header(header.to_vec());
        for row in rows {
            table.add_row(row);
        }
        for (i, floor) in floors.into_iter().enumerate() {
            let Some(column) = table.column_mut(i) else {
                continue;
            };
            column.set_constraint(if whole.contains(&i) {
                ColumnConstraint::ContentWidth
            } else {
                // The two spaces between columns count as part of the width.
                ColumnConstraint::LowerBoundary(Width::Fixed(floor as u16 + 2))
            });
        }
        self.write(&render(table))
    }

    fn table(&self) -> Table {
        let mut table = Table::new();
        table.load_preset(presets::NOTHING);
        table.set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(width) = self.width {
            table.set_width(width);
        } else {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
        table
    }

    /// One image: its fields for a person, the API's object for a script.
    pub fn image(&self, image: &Image) -> io::Result<()> {
        match self.mode {
            Mode::Table => self.fields(&image_fields(image)),
            _ => self.json(image),
        }
    }

    /// Variants: one row each for a person; `--json` an array of the API's variant
    /// objects (the API's map, as a list sorted by name), `--ndjson` one a line.
    pub fn variants(&self, variants: &[Variant]) -> io::Result<()> {
        match self.mode {
            Mode::Table => self.rows(
                &[
                    "NAME",
                    "FIT",
                    "WIDTH",
                    "HEIGHT",
                    "METADATA",
                    "ALWAYS PUBLIC",
                ],
                &[0],
                variants
                    .iter()
                    .map(|v| {
                        vec![
                            v.id.clone(),
                            v.options.fit.clone(),
                            v.options.width.to_string(),
                            v.options.height.to_string(),
                            v.options.metadata.clone(),
                            yes_no(v.never_require_signed_urls),
                        ]
                    })
                    .collect(),
            ),
            Mode::Json => self.json(variants),
            Mode::Ndjson => variants.iter().try_for_each(|v| self.json(v)),
        }
    }

    pub fn variant(&self, variant: &Variant) -> io::Result<()> {
        match self.mode {
            Mode::Table => self.fields(&[
                ("name", variant.id.clone()),
                ("fit", variant.options.fit.clone()),
                ("width", variant.options.width.to_string()),
                ("height", variant.options.height.to_string()),
                ("metadata", variant.options.metadata.clone()),
                ("always public", yes_no(variant.never_require_signed_urls)),
            ]),
            _ => self.json(variant),
        }
    }

    /// Signing keys. Tables mask the values unless asked; JSON prints them, since a script
    /// that asks for JSON asked for the keys.
    pub fn keys(&self, keys: &[SigningKey], show_values: bool) -> io::Result<()> {
        match self.mode {
            Mode::Table => self.rows(
                &["NAME", "VALUE"],
                &[0, 1],
                keys.iter()
                    .map(|k| {
                        let value = if show_values {
                            k.value.clone()
                        } else {
                            crate::api::Secret::new(k.value.clone()).masked()
                        };
                        vec![k.name.clone(), value]
                    })
                    .collect(),
            ),
            Mode::Json => self.json(keys),
            Mode::Ndjson => keys.iter().try_for_each(|k| self.json(k)),
        }
    }

    pub fn stats(&self, stats: &Stats) -> io::Result<()> {
        match self.mode {
            Mode::Table => {
                let current = stats.count.current.as_f64().unwrap_or(0.0);
                let allowed = stats.count.allowed.as_f64().unwrap_or(0.0);
                let share = if allowed > 0.0 {
                    let percent = 100.0 * current / allowed;
                    // Small shares still show that something is stored.
                    if percent > 0.0 && percent < 1.0 {
                        format!("{percent:.3}%")
                    } else {
                        format!("{percent:.1}%")
                    }
                } else {
                    "-".to_string()
                };
                self.fields(&[
                    ("images", stats.count.current.to_string()),
                    ("allowed", stats.count.allowed.to_string()),
                    ("used", share),
                ])
            }
            _ => self.json(stats),
        }
    }

    /// A direct upload: the URL alone in plain mode, so `$(cfimg direct-upload)` works.
    pub fn direct_upload(&self, upload: &DirectUpload) -> io::Result<()> {
        match self.mode {
            Mode::Table => self.line(&upload.upload_url),
            _ => self.json(upload),
        }
    }

    /// Start a streamed image listing.
    pub fn image_list(&self) -> ImageListWriter<'_> {
        ImageListWriter {
            output: self,
            count: 0,
            widths: None,
            pending: Vec::new(),
        }
    }
}

/// A table as text: columns two spaces apart, no padding at the edges, no trailing blanks.
/// (The last column's two spaces of right padding count towards the width and are trimmed,
/// so a fitted table never quite reaches the terminal's last column.)
fn render(mut table: Table) -> String {
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
    let mut text = String::new();
    for line in table.lines() {
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

fn image_fields(image: &Image) -> Vec<(&'static str, String)> {
    let mut rows = vec![("id", image.id.clone())];
    if let Some(name) = &image.filename {
        rows.push(("filename", name.clone()));
    }
    if let Some(uploaded) = &image.uploaded {
        rows.push(("uploaded", uploaded.clone()));
    }
    rows.push(("signed URLs", yes_no(image.require_signed_urls)));
    if let Some(creator) = &image.creator {
        rows.push(("creator", creator.clone()));
    }
    if let Some(meta) = &image.meta {
        rows.push(("meta", meta.to_string()));
    }
    if image.draft == Some(true) {
        rows.push(("draft", "yes (waiting for its upload)".into()));
    }
    for (i, url) in image.variants.iter().enumerate() {
        rows.push((if i == 0 { "variants" } else { "" }, url.clone()));
    }
    rows
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

/// Writes a listing as it arrives, page by page.
///
/// - table: the first page sets the column widths (ids are never cut; the other columns are
///   cut to fit the terminal), later pages reuse them;
/// - `--json`: the API's own `result` shape, `{"images": [...], "continuation_token": ...}`,
///   written incrementally;
/// - `--ndjson`: one image object a line.
pub struct ImageListWriter<'a> {
    output: &'a Output,
    count: usize,
    widths: Option<Vec<usize>>,
    pending: Vec<Vec<String>>,
}

const LIST_HEADER: [&str; 5] = ["ID", "FILENAME", "UPLOADED", "SIGNED", "META"];

impl ImageListWriter<'_> {
    pub fn count(&self) -> usize {
        self.count
    }

    /// Write one page.
    pub fn page(&mut self, images: &[Image]) -> io::Result<()> {
        match self.output.mode {
            Mode::Ndjson => {
                let mut text = String::new();
                for image in images {
                    text.push_str(&serde_json::to_string(image).map_err(io::Error::other)?);
                    text.push('\n');
                }
                self.output.write(&text)?;
            }
            Mode::Json => {
                let mut text = String::new();
                for image in images {
                    text.push_str(if self.count == 0 && text.is_empty() {
                        "{\"images\":[\n"
                    } else {
                        ",\n"
                    });
                    text.push_str(&serde_json::to_string(image).map_err(io::Error::other)?);
                    self.count += 1;
                }
                self.output.write(&text)?;
                return Ok(());
            }
            Mode::Table => {
                self.pending
                    .extend(images.iter().map(|i| list_row(i).to_vec()));
                self.flush_table()?;
            }
        }
        self.count += images.len();
        Ok(())
    }

    fn flush_table(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let first = self.widths.is_none();
        let widths = self
            .widths
            .get_or_insert_with(|| column_widths(&LIST_HEADER, &self.pending, self.output.width));
        let mut text = String::new();
        if first {
            let header: Vec<String> = LIST_HEADER.iter().map(|s| s.to_string()).collect();
            text.push_str(&format_row(&header, widths));
        }
        for row in self.pending.drain(..) {
            text.push_str(&format_row(&row, widths));
        }
        self.output.write(&text)
    }

    /// End the listing. `next` is the continuation token for the rest, if any.
    pub fn finish(mut self, next: Option<&str>) -> io::Result<()> {
        match self.output.mode {
            Mode::Json => {
                let head = if self.count == 0 {
                    "{\"images\":["
                } else {
                    "\n"
                };
                let token = serde_json::to_string(&next).map_err(io::Error::other)?;
                self.output
                    .write(&format!("{head}],\"continuation_token\":{token}}}\n"))
            }
            Mode::Table => self.flush_table(),
            Mode::Ndjson => Ok(()),
        }
    }
}

fn list_row(image: &Image) -> [String; 5] {
    [
        image.id.clone(),
        image.filename.clone().unwrap_or_default(),
        image.uploaded.clone().unwrap_or_default(),
        yes_no(image.require_signed_urls),
        image
            .meta
            .as_ref()
            .filter(|m| m.as_object().is_none_or(|o| !o.is_empty()))
            .map(|m| m.to_string())
            .unwrap_or_default(),
    ]
}

/// Widths from the header and the first rows. Column 0 (the id) keeps its full width; when a
/// terminal is narrower than the rest, the last columns give way first: cut down to their
/// header's width, then left out altogether, so a line never wraps. The result has one width
/// per column shown.
fn column_widths(header: &[&str], rows: &[Vec<String>], terminal: Option<u16>) -> Vec<usize> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    if let Some(total) = terminal {
        let total = total as usize;
        let line = |widths: &[usize]| widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
        for i in (1..widths.len()).rev() {
            let sum = line(&widths);
            if sum <= total {
                break;
            }
            let floor = header[i].chars().count().max(4);
            widths[i] -= (sum - total).min(widths[i].saturating_sub(floor));
        }
        while widths.len() > 1 && line(&widths) > total {
            widths.pop();
        }
    }
    widths
}

/// One line of a listing: the cells of the columns shown, the id whole, the others cut to fit.
fn format_row(cells: &[String], widths: &[usize]) -> String {
    let mut line = String::new();
    let last = widths.len() - 1;
    for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
        let text = if i == 0 {
            cell.clone()
        } else {
            fit(cell, *width)
        };
        line.push_str(&text);
        if i < last {
            let pad = width.saturating_sub(text.chars().count()) + 2;
            line.extend(std::iter::repeat_n(' ', pad));
        }
    }
    let trimmed = line.trim_end().to_string();
    trimmed + "\n"
}

fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_keep_their_width_and_other_columns_give_way() {
        let rows = vec![vec![
            "a-very-long-image-id-0123456789".to_string(),
            "filename-that-is-long.png".to_string(),
            "2024-01-01T00:00:00.000Z".to_string(),
            "no".to_string(),
            "{\"k\":\"a long value that goes on\"}".to_string(),
        ]];
        let widths = column_widths(&LIST_HEADER, &rows, Some(80));
        assert_eq!(widths[0], 31);
        assert!(widths.iter().sum::<usize>() + 8 <= 80, "{widths:?}");
        let line = format_row(&rows[0], &widths);
        assert!(line.starts_with("a-very-long-image-id-0123456789  "));
        assert!(line.contains('…'));
    }

    #[test]
    fn columns_that_cannot_fit_are_left_out_rather_than_wrapping_the_line() {
        let id = "a-long-custom-id/that/must/stay/whole-0123456789".to_string();
        let rows = vec![vec![
            id.clone(),
            "logo.png".to_string(),
            "2024-01-01T00:00:00.000Z".to_string(),
            "no".to_string(),
            "{\"note\":\"long\"}".to_string(),
        ]];
        let widths = column_widths(&LIST_HEADER, &rows, Some(72));
        assert!(widths.len() < 5, "{widths:?}");
        let line = format_row(&rows[0], &widths);
        assert!(line.starts_with(&id));
        assert!(line.trim_end().chars().count() <= 72, "{line}");
        // An id wider than the terminal is still shown whole, alone.
        let widths = column_widths(&LIST_HEADER, &rows, Some(20));
        assert_eq!(widths, vec![id.len()]);
        assert_eq!(format_row(&rows[0], &widths), format!("{id}\n"));
    }
}
