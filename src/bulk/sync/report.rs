//! How a sync shows itself: the `--dry-run` plan (a table of what each file and image would
//! come to; `--json` one object with a list per kind, for a CI job to review) and the results
//! of a real run (`STATUS  ID  SOURCE` lines, or the bulk engine's JSON shape).

use std::io;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::output::{Human, Layout, Output};

use super::action::{STATUS_WORDS, Synced};
use super::plan::{Kind, Plan};

/// What a real run would do with an entry of `kind`.
#[derive(Clone, Copy, Debug)]
pub struct Intent {
    pub delete: bool,
    pub no_replace: bool,
    pub adopt: bool,
}

impl Intent {
    /// The action word of the table and of each element of `--json`.
    pub fn action(&self, kind: Kind) -> &'static str {
        match kind {
            Kind::New => "upload",
            Kind::Changed if self.no_replace => "fail",
            Kind::Changed => "replace",
            Kind::Metadata => "update",
            Kind::Unchanged => "none",
            Kind::Extra if self.delete => "delete",
            Kind::Extra => "keep",
            Kind::Unknown if self.adopt => "adopt",
            Kind::Unknown => "keep",
        }
    }
}

/// One element of a list of `--dry-run --json`.
#[derive(Debug, Serialize)]
struct Planned<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    action: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<&'a str>,
}

/// Print the plan: `--json` (and `--ndjson`, on one line) an object with a list per kind
/// (`new`, `changed`, `metadata`, `unchanged`, `extra`, `unknown`) and their counts; a table
/// of `KIND  ACTION  ID  SOURCE` rows otherwise, unchanged files left out (they are counted
/// on stderr).
pub fn print_plan(out: &Output, plan: &Plan, intent: Intent, prefix: &str) -> io::Result<()> {
    let mut document = Map::new();
    document.insert("prefix".into(), Value::String(prefix.to_string()));
    let mut counts = Map::new();
    for kind in Kind::ALL {
        let list: Vec<Planned<'_>> = plan
            .of(kind)
            .map(|e| Planned {
                id: &e.id,
                source: e.file.as_ref().map(|f| f.label.as_str()),
                action: intent.action(kind),
                why: e.why.as_deref(),
            })
            .collect();
        counts.insert(kind.word().into(), Value::from(list.len()));
        document.insert(
            kind.word().into(),
            serde_json::to_value(list).map_err(io::Error::other)?,
        );
    }
    document.insert("counts".into(), Value::Object(counts));
    out.show(&document, || {
        let rows: Vec<Vec<String>> = plan
            .entries
            .iter()
            .filter(|e| e.kind != Kind::Unchanged)
            .map(|e| {
                vec![
                    e.kind.word().to_string(),
                    intent.action(e.kind).to_string(),
                    e.id.clone(),
                    e.file.as_ref().map(|f| f.label.clone()).unwrap_or_default(),
                ]
            })
            .collect();
        if rows.is_empty() {
            Human::Nothing
        } else {
            Human::Rows {
                header: &["KIND", "ACTION", "ID", "SOURCE"],
                whole: &[2, 3],
                rows,
            }
        }
    })
}

/// The plan's counts, for the line on stderr: `2 new, 3 changed, …`.
pub fn counts_line(plan: &Plan) -> String {
    Kind::ALL
        .iter()
        .map(|k| format!("{} {}", plan.count(*k), k.word()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A real run's results as a table shows them: `uploaded  ID  SOURCE`, columns as wide as
/// the longest status word and `ids`.
pub fn results_layout<'a>(ids: impl IntoIterator<Item = &'a str>) -> Layout<'a, Synced> {
    Layout::results(&crate::bulk::upload::report::COLUMNS, |r: &Synced| {
        use crate::bulk::action::Outcome;
        Some(vec![
            r.status().to_string(),
            r.id.clone().unwrap_or_default(),
            r.source.clone().unwrap_or_default(),
        ])
    })
    .expect(0, STATUS_WORDS)
    .expect(1, ids)
}
