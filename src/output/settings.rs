//! Settings as code on screen: a plan as a table (one row a changed field) or as JSON, its
//! preview before `settings apply` asks, and the result of each change as it is made.

use std::io;

use serde::Serialize;
use serde_json::Value;

use super::{Column, Document, ErrorReport, Human, Layout, Output, Stream};
use crate::settings::apply::Outcome;
use crate::settings::plan::{Action, Change, Kind, Plan};

const PLAN_HEADER: &[&str] = &["ACTION", "KIND", "NAME", "FIELD", "OLD", "NEW"];
/// Action, kind, name and field are never wrapped; old and new values give way.
const PLAN_WHOLE: &[usize] = &[0, 1, 2, 3];

impl Output {
    /// A plan: for a person one row a changed field (a change's action, kind and name on its
    /// first row), nothing when there is no change; for `--json` `{"changes": [...], "kept":
    /// [...]}`, `--ndjson` one change a line.
    pub fn plan(&self, plan: &Plan) -> io::Result<()> {
        let mut fields = serde_json::Map::new();
        fields.insert(
            "kept".into(),
            serde_json::to_value(&plan.kept).map_err(io::Error::other)?,
        );
        self.list(
            &plan.changes,
            Document::Object {
                key: "changes",
                fields,
            },
            || {
                if plan.changes.is_empty() {
                    Human::Nothing
                } else {
                    Human::Rows {
                        header: PLAN_HEADER,
                        whole: PLAN_WHOLE,
                        rows: plan_rows(plan),
                    }
                }
            },
        )
    }

    /// The plan's table as text, for `settings apply` to show on stderr before it asks.
    pub fn plan_preview(&self, plan: &Plan) -> String {
        self.rows_text(PLAN_HEADER, PLAN_WHOLE, plan_rows(plan))
    }

    /// The results of `settings apply`, one as each change is made: `created  variant  thumb`
    /// for a person (failures are warnings on stderr), the change with `applied` (and `error`
    /// or `skipped`) for scripts.
    pub fn change_results(&self) -> Stream<'_, ChangeResult<'_>> {
        let layout = Layout::results(&RESULT_COLUMNS, |r: &ChangeResult<'_>| {
            r.applied.then(|| {
                vec![
                    r.change.action.done().to_string(),
                    r.change.kind.word().to_string(),
                    r.change.name.clone(),
                ]
            })
        });
        // Every word these columns can hold, so lines written as changes are made line up.
        use Action::{Create, Delete, Rotate, Set, Update};
        let statuses = [Create, Update, Set, Rotate, Delete].map(Action::done);
        let kinds = [Kind::Variant, Kind::Key, Kind::Option].map(Kind::word);
        self.stream(layout.expect(0, statuses).expect(1, kinds))
    }
}

const RESULT_COLUMNS: [Column; 3] = [
    Column::whole("STATUS"),
    Column::whole("KIND"),
    Column::whole("NAME"),
];

/// What became of one change, as scripts read it: the change itself, `applied`, and why not.
#[derive(Serialize)]
pub struct ChangeResult<'a> {
    #[serde(flatten)]
    pub change: &'a Change,
    pub applied: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorReport>,
    /// Why it was not sent, when it was not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<&'static str>,
}

impl<'a> ChangeResult<'a> {
    /// The result of a change that was tried.
    pub fn of(change: &'a Change, outcome: &Outcome) -> Self {
        let (applied, error, skipped) = match outcome {
            Outcome::Applied => (true, None, None),
            Outcome::Failed(e) => (false, Some(ErrorReport::from(e)), None),
            Outcome::Skipped(why) => (false, None, Some(*why)),
        };
        ChangeResult {
            change,
            applied,
            error,
            skipped,
        }
    }

    /// A change that was not tried (the answer at the prompt was no).
    pub fn declined(change: &'a Change) -> Self {
        ChangeResult {
            change,
            applied: false,
            error: None,
            skipped: None,
        }
    }
}

fn plan_rows(plan: &Plan) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for change in &plan.changes {
        let mut first = vec![
            change.action.word().to_string(),
            change.kind.word().to_string(),
            change.name.clone(),
        ];
        if change.fields.is_empty() {
            let new = if change.action == Action::Rotate {
                "a new value"
            } else {
                ""
            };
            first.extend(["".into(), "".into(), new.into()]);
            rows.push(first);
            continue;
        }
        let unknown = if change.action == Action::Set {
            "(unknown)"
        } else {
            "-"
        };
        for (i, field) in change.fields.iter().enumerate() {
            let mut row = if i == 0 {
                std::mem::take(&mut first)
            } else {
                vec![String::new(); 3]
            };
            // An option's one field is the option itself.
            let name = if field.field == change.name {
                ""
            } else {
                field.field
            };
            row.push(name.to_string());
            row.push(cell(field.old.as_ref(), unknown));
            row.push(cell(field.new.as_ref(), "-"));
            rows.push(row);
        }
    }
    rows
}

/// A value as a person reads it: strings without quotes, `-` (or `missing`) for none.
fn cell(value: Option<&Value>, missing: &str) -> String {
    match value {
        None => missing.to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}
