//! The one streaming writer: every list printed as it arrives (`images list`) and every bulk
//! job's per-item results (uploads today; delete, edit, sync, export and import plug in the same
//! way, with their result type and a row function, and no rendering code of their own).
//!
//! A stream takes items one at a time and writes each in the run's shape:
//! - a table: a line per item (under a heading line, for a listing). Column widths are decided
//!   at the first flush and kept, so nothing is held back: a listing's first page decides them,
//!   a bulk job's first result does (widened beforehand for the values the job expects);
//! - `--ndjson`: one JSON object a line, as each item comes;
//! - `--json`: one document. A listing writes its array as the pages come, so memory stays flat
//!   however large the account, inside an object when the API has one (`{"images": [...],
//!   "continuation_token": ...}`). A bulk job's results are held and written when it ends, as
//!   one array in input order: they arrive in completion order, which differs from run to run.
//!
//! Either way an array is one item a line: `[`, the items separated by `,` and a newline, `]`.

use std::io;

use serde::Serialize;

use super::columns::{self, Column};
use super::{Mode, Output};

/// A row function: the table cells for an item, or `None` for an item a table leaves out
/// (a failure a warning on stderr already names, say).
type Row<'a, T> = Box<dyn Fn(&T) -> Option<Vec<String>> + Send + Sync + 'a>;

/// How a stream of `T` is shown.
pub struct Layout<'a, T> {
    columns: Vec<Column>,
    /// Widths known before any row: headings, and values the caller expects.
    floors: Vec<usize>,
    kind: Kind,
    /// The key of the array in a `--json` object; `None` for a bare array.
    key: Option<&'static str>,
    row: Row<'a, T>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Pages of a listing: a heading line, widths from the first page, `--json` streamed.
    Listing,
    /// A bulk job's results: each written as it comes, `--json` held for input order.
    Results,
}

impl<'a, T> Layout<'a, T> {
    /// A listing under a heading line, written a page at a time (see `Stream::page_end`).
    pub fn listing(
        columns: &[Column],
        row: impl Fn(&T) -> Option<Vec<String>> + Send + Sync + 'a,
    ) -> Self {
        Layout {
            columns: columns.to_vec(),
            floors: columns
                .iter()
                .map(|c| crate::text::width(c.heading))
                .collect(),
            kind: Kind::Listing,
            key: None,
            row: Box::new(row),
        }
    }

    /// A bulk job's results, one line each as they finish, without a heading line.
    pub fn results(
        columns: &[Column],
        row: impl Fn(&T) -> Option<Vec<String>> + Send + Sync + 'a,
    ) -> Self {
        Layout {
            columns: columns.to_vec(),
            floors: vec![0; columns.len()],
            kind: Kind::Results,
            key: None,
            row: Box::new(row),
        }
    }

    /// Under `--json`, the array is the value of `key` in an object (more fields may follow it:
    /// see `Stream::finish_with`).
    pub fn inside(mut self, key: &'static str) -> Self {
        self.key = Some(key);
        self
    }

    /// Column `column` will hold these values: make it wide enough for them from the first
    /// line, so the lines of a bulk job, written as they finish, line up.
    pub fn expect<'v>(mut self, column: usize, values: impl IntoIterator<Item = &'v str>) -> Self {
        if let Some(floor) = self.floors.get_mut(column) {
            for value in values {
                *floor = (*floor).max(crate::text::width(value));
            }
        }
        self
    }
}

/// A stream being written; see the module's documentation.
pub struct Stream<'a, T> {
    out: &'a Output,
    layout: Layout<'a, T>,
    /// Decided at the first flush of table rows.
    widths: Option<Vec<usize>>,
    /// Table rows waiting for the flush that decides the widths.
    pending: Vec<Vec<String>>,
    /// Text not yet written to stdout.
    buf: String,
    /// Items in the `--json` array so far.
    items: usize,
    /// A bulk job's `--json` results, serialized, by input index.
    held: Vec<(usize, String)>,
    /// Items given so far.
    seen: usize,
}

impl<'a, T: Serialize> Stream<'a, T> {
    pub(super) fn new(out: &'a Output, layout: Layout<'a, T>) -> Self {
        Stream {
            out,
            layout,
            widths: None,
            pending: Vec::new(),
            buf: String::new(),
            items: 0,
            held: Vec::new(),
            seen: 0,
        }
    }

    /// The next item, in order. A bulk job's item is written at once; a listing's at the end
    /// of its page.
    pub fn item(&mut self, item: &T) -> io::Result<()> {
        self.item_at(self.seen, item)
    }

    /// An item that may come out of order (a bulk job's workers finish in any order): `index`
    /// is its place in the input, the order of the `--json` array.
    pub fn item_at(&mut self, index: usize, item: &T) -> io::Result<()> {
        self.seen += 1;
        match self.out.mode {
            Mode::Ndjson => {
                self.buf.push_str(&compact(item)?);
                self.buf.push('\n');
            }
            Mode::Json if self.layout.kind == Kind::Results => {
                self.held.push((index, compact(item)?));
            }
            Mode::Json => self.push_json(compact(item)?),
            Mode::Table => {
                if let Some(cells) = (self.layout.row)(item) {
                    self.pending.push(cells);
                }
            }
        }
        if self.layout.kind == Kind::Results {
            self.flush()?;
        }
        Ok(())
    }

    /// The end of a listing's page: write what it brought (the first decides the widths).
    pub fn page_end(&mut self) -> io::Result<()> {
        self.flush()
    }

    /// End the stream: the rest of the table, or the end of the `--json` document.
    pub fn finish(self) -> io::Result<()> {
        self.finish_with(&[]).map(|_| ())
    }

    /// End the stream; under `--json`, `fields` follow the array in its object (the listing's
    /// `continuation_token`). Returns whether they were written: a table and `--ndjson` have no
    /// place for them, and the caller may say them on stderr instead.
    pub fn finish_with(mut self, fields: &[(&str, serde_json::Value)]) -> io::Result<bool> {
        if self.out.mode != Mode::Json {
            self.flush()?;
            return Ok(false);
        }
        let mut held = std::mem::take(&mut self.held);
        held.sort_by_key(|(index, _)| *index);
        for (_, json) in held {
            self.push_json(json);
        }
        if self.items == 0 {
            self.buf.push_str(&self.open());
        } else {
            self.buf.push('\n');
        }
        self.buf.push(']');
        if self.layout.key.is_some() {
            for (name, value) in fields {
                let name = serde_json::Value::from(*name);
                self.buf.push_str(&format!(",{name}:{value}"));
            }
            self.buf.push('}');
        }
        self.buf.push('\n');
        self.flush()?;
        Ok(self.layout.key.is_some())
    }

    /// `[` or `{"key":[`.
    fn open(&self) -> String {
        match self.layout.key {
            Some(key) => format!("{{{}:[", serde_json::Value::from(key)),
            None => "[".to_string(),
        }
    }

    fn push_json(&mut self, json: String) {
        if self.items == 0 {
            let open = self.open();
            self.buf.push_str(&open);
            self.buf.push('\n');
        } else {
            self.buf.push_str(",\n");
        }
        self.buf.push_str(&json);
        self.items += 1;
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let layout = &self.layout;
            let first = self.widths.is_none();
            let widths = self.widths.get_or_insert_with(|| {
                columns::widths(
                    &layout.columns,
                    &layout.floors,
                    &self.pending,
                    self.out.width,
                )
            });
            if first && layout.kind == Kind::Listing {
                let headings: Vec<String> = layout
                    .columns
                    .iter()
                    .map(|c| c.heading.to_string())
                    .collect();
                self.buf
                    .push_str(&columns::line(&layout.columns, &headings, widths));
            }
            for row in self.pending.drain(..) {
                self.buf
                    .push_str(&columns::line(&layout.columns, &row, widths));
            }
        }
        if !self.buf.is_empty() {
            self.out.write(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }
}

fn compact<T: Serialize + ?Sized>(value: &T) -> io::Result<String> {
    serde_json::to_string(value).map_err(io::Error::other)
}
