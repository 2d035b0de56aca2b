//! The one place that renders: tables for people, `--json` (one document) and `--ndjson` (one
//! object a line) for scripts. Commands hand it typed data and never look at the mode; lists
//! and bulk results go through the one streaming writer (`stream`), so memory stays flat however
//! long a listing is.
//!
//! Everything here writes to stdout and returns `io::Error`; a closed pipe surfaces as
//! `BrokenPipe`, which `main` turns into a quiet exit 0.

mod columns;
mod error_report;
mod settings;
mod stream;

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::api::direct_upload::DirectUpload;
use crate::api::images::Image;
use crate::api::keys::SigningKey;
use crate::api::stats::Stats;
use crate::api::variants::Variant;

pub use columns::Column;
pub use error_report::ErrorReport;
pub use settings::ChangeResult;
pub use stream::{Layout, Stream};

/// The shape stdout takes, chosen once by `--json` / `--ndjson`, and seen only here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Table,
    Json,
    Ndjson,
}

#[derive(Clone, Debug)]
pub struct Output {
    mode: Mode,
    /// Terminal width for tables, when stdout is a terminal.
    width: Option<u16>,
}

/// What a person is shown of a value; scripts get the value itself.
pub enum Human {
    /// A table under a heading row, fitted to the terminal: the columns in `whole` (ids,
    /// names, values people copy) keep their full width, the others wrap to make room.
    Rows {
        header: &'static [&'static str],
        whole: &'static [usize],
        rows: Vec<Vec<String>>,
    },
    /// Name and value pairs, values whole: what a single object looks like to a person.
    Fields(Vec<(&'static str, String)>),
    /// One line as it is (a path, a URL), so `$(cfimg …)` works.
    Line(String),
    /// Nothing on stdout: the status line on stderr said it.
    Nothing,
}

/// The `--json` document a whole list is printed as.
pub enum Document {
    /// The items as one array.
    Array,
    /// An object with the items under `key`, beside `fields`.
    Object {
        key: &'static str,
        fields: serde_json::Map<String, serde_json::Value>,
    },
}

impl Output {
    /// The output `--json` and `--ndjson` ask for (clap lets only one be given); `width` is
    /// the terminal's, when stdout is one, for fitting tables.
    pub fn new(json: bool, ndjson: bool, width: Option<u16>) -> Self {
        let mode = if json {
            Mode::Json
        } else if ndjson {
            Mode::Ndjson
        } else {
            Mode::Table
        };
        Output { mode, width }
    }

    /// Whether stdout is promised to scripts as JSON (`--json` or `--ndjson`): what is not
    /// JSON (an image's bytes, a shell script) cannot go there.
    pub fn is_json(&self) -> bool {
        self.mode != Mode::Table
    }

    fn write(&self, text: &str) -> io::Result<()> {
        self.bytes(text.as_bytes())
    }

    /// Bytes as they are (a completion script, an image).
    pub fn bytes(&self, data: &[u8]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(data)?;
        out.flush()
    }

    /// A value as JSON: pretty for `--json`, one line for `--ndjson`.
    fn json<T: Serialize + ?Sized>(&self, value: &T) -> io::Result<()> {
        let text = match self.mode {
            Mode::Ndjson => serde_json::to_string(value),
            _ => serde_json::to_string_pretty(value),
        }
        .map_err(io::Error::other)?;
        self.write(&format!("{text}\n"))
    }

    /// One value: what `human` makes of it for a person, the value itself for a script.
    pub fn show<T: Serialize + ?Sized>(
        &self,
        value: &T,
        human: impl FnOnce() -> Human,
    ) -> io::Result<()> {
        match self.mode {
            Mode::Table => self.human(human()),
            _ => self.json(value),
        }
    }

    /// A list had whole (variants, keys, profiles): what `human` makes of it for a person;
    /// `--json` the `document`, `--ndjson` one item a line.
    pub fn list<T: Serialize>(
        &self,
        items: &[T],
        document: Document,
        human: impl FnOnce() -> Human,
    ) -> io::Result<()> {
        match (self.mode, document) {
            (Mode::Table, _) => self.human(human()),
            (Mode::Ndjson, _) => items.iter().try_for_each(|item| self.json(item)),
            (Mode::Json, Document::Array) => self.json(items),
            (Mode::Json, Document::Object { key, mut fields }) => {
                let items = serde_json::to_value(items).map_err(io::Error::other)?;
                fields.insert(key.to_string(), items);
                self.json(&fields)
            }
        }
    }

    /// A line written while a command goes on (`cfimg emulator`'s URL, first on stdout): the
    /// text, or under either JSON flag the value on one line, so a script reads one line.
    pub fn announce<T: Serialize + ?Sized>(&self, text: &str, value: &T) -> io::Result<()> {
        match self.mode {
            Mode::Table => self.write(&format!("{text}\n")),
            _ => self.write(&format!(
                "{}\n",
                serde_json::to_string(value).map_err(io::Error::other)?
            )),
        }
    }

    /// An item only `--ndjson` carries: a single upload's result, the line a bulk run prints
    /// for each file (a person and `--json` get the image itself instead: see `uploaded`).
    pub fn ndjson_only<T: Serialize + ?Sized>(&self, item: &T) -> io::Result<()> {
        match self.mode {
            Mode::Ndjson => self.json(item),
            _ => Ok(()),
        }
    }

    /// Start a stream of items: a listing or a bulk job's results (see `stream`).
    pub fn stream<'a, T: Serialize>(&'a self, layout: Layout<'a, T>) -> Stream<'a, T> {
        Stream::new(self, layout)
    }

    fn human(&self, human: Human) -> io::Result<()> {
        match human {
            Human::Rows {
                header,
                whole,
                rows,
            } => self.rows(header, whole, rows),
            Human::Fields(fields) => self.fields(&fields),
            Human::Line(line) => self.write(&format!("{line}\n")),
            Human::Nothing => Ok(()),
        }
    }

    /// A two-column table of fields: what a single object looks like to a person. Values are
    /// printed whole, never wrapped or cut: they are ids, URLs and tokens that people copy.
    fn fields(&self, rows: &[(&str, String)]) -> io::Result<()> {
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
    /// not below their longest word (up to 16 columns), so they never turn into a column
    /// of letters; on a terminal too narrow even for that the lines run long. comfy-table
    /// measures cells by display width, as the floors here do.
    fn rows(&self, header: &[&str], whole: &[usize], rows: Vec<Vec<String>>) -> io::Result<()> {
        self.write(&self.rows_text(header, whole, rows))
    }

    /// The text of [`Output::rows`]' table, for stdout or, as a preview, stderr.
    fn rows_text(&self, header: &[&str], whole: &[usize], rows: Vec<Vec<String>>) -> String {
        use comfy_table::{ColumnConstraint, Width};
        const WORD_CAP: usize = 16;
        let longest_word = |text: &str| {
            text.split_whitespace()
                .map(crate::text::width)
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
        render(table)
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
        self.show(image, || Human::Fields(image_fields(image)))
    }

    /// The end of a one-image upload: the image as `images get` shows it, or with
    /// `print_urls` its delivery URL alone. Under `--ndjson` the run has printed its result
    /// line already, as a bulk run does for each file, and nothing more is written.
    pub fn uploaded(&self, image: &Image, print_urls: bool) -> io::Result<()> {
        if self.mode == Mode::Ndjson {
            return Ok(());
        }
        self.show(image, || {
            if print_urls {
                delivery_url(image).map_or(Human::Nothing, |url| Human::Line(url.to_string()))
            } else {
                Human::Fields(image_fields(image))
            }
        })
    }

    /// How many items match (`images list --count`): the number alone for a person, so
    /// `$(cfimg images list --count …)` works; `{"count": N}` for a script.
    pub fn count(&self, count: u64) -> io::Result<()> {
        self.show(&serde_json::json!({ "count": count }), || {
            Human::Line(count.to_string())
        })
    }

    /// Variants: one row each for a person; `--json` an array of the API's variant
    /// objects (the API's map, as a list sorted by name), `--ndjson` one a line.
    pub fn variants(&self, variants: &[Variant]) -> io::Result<()> {
        self.list(variants, Document::Array, || Human::Rows {
            header: &[
                "NAME",
                "FIT",
                "WIDTH",
                "HEIGHT",
                "METADATA",
                "ALWAYS PUBLIC",
            ],
            whole: &[0],
            rows: variants
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
        })
    }

    pub fn variant(&self, variant: &Variant) -> io::Result<()> {
        self.show(variant, || {
            Human::Fields(vec![
                ("name", variant.id.clone()),
                ("fit", variant.options.fit.clone()),
                ("width", variant.options.width.to_string()),
                ("height", variant.options.height.to_string()),
                ("metadata", variant.options.metadata.clone()),
                ("always public", yes_no(variant.never_require_signed_urls)),
            ])
        })
    }

    /// Signing keys. Tables mask the values unless asked; JSON prints them, since a script
    /// that asks for JSON asked for the keys.
    pub fn keys(&self, keys: &[SigningKey], show_values: bool) -> io::Result<()> {
        self.list(keys, Document::Array, || Human::Rows {
            header: &["NAME", "VALUE"],
            whole: &[0, 1],
            rows: keys
                .iter()
                .map(|k| {
                    let value = if show_values {
                        k.value.clone()
                    } else {
                        crate::api::Secret::new(k.value.clone()).masked()
                    };
                    vec![k.name.clone(), value]
                })
                .collect(),
        })
    }

    pub fn stats(&self, stats: &Stats) -> io::Result<()> {
        self.show(stats, || {
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
            Human::Fields(vec![
                ("images", stats.count.current.to_string()),
                ("allowed", stats.count.allowed.to_string()),
                ("used", share),
            ])
        })
    }

    /// A direct upload: the URL alone in plain mode, so `$(cfimg direct-upload)` works.
    pub fn direct_upload(&self, upload: &DirectUpload) -> io::Result<()> {
        self.show(upload, || Human::Line(upload.upload_url.clone()))
    }

    /// Start a streamed image listing: a heading line and a row per image for a person (ids
    /// never cut, the other columns cut or left out to fit the terminal), the API's own
    /// `{"images": [...], "continuation_token": ...}` for `--json`, one image a line for
    /// `--ndjson`. Call `page_end` after each page, and end with the continuation token.
    pub fn image_list(&self) -> Stream<'_, Image> {
        self.stream(Layout::listing(&LIST_COLUMNS, |image| Some(list_row(image))).inside("images"))
    }
}

/// The URL to show for an image: its `public` variant, else its first.
pub fn delivery_url(image: &Image) -> Option<&str> {
    image
        .variants
        .iter()
        .find(|v| v.ends_with("/public"))
        .or_else(|| image.variants.first())
        .map(String::as_str)
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

const LIST_COLUMNS: [Column; 5] = [
    Column::whole("ID"),
    Column::shrinks("FILENAME"),
    Column::shrinks("UPLOADED"),
    Column::shrinks("SIGNED"),
    Column::shrinks("META"),
];

fn list_row(image: &Image) -> Vec<String> {
    vec![
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
