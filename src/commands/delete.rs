//! Deleting named variants and signing keys, the one way for both: one prompt for every name, a
//! result per name, one line per problem, and an exit code that says how it went (0 all
//! deleted or declined, 4 the one name given was not found, 5 some failed). An account has a
//! handful of these, so they are deleted one after another; images, of which there may be
//! millions, go through the bulk engine (`images delete`), which asks the same way.

use anyhow::Result;
use serde_json::{Map, Value};

use crate::api::{ApiError, Client};
use crate::context::Context;
use crate::error::{CliError, Exit, PartialFailure, name_not_found};
use crate::output::{Column, ErrorReport, Layout};

/// What is being deleted, in the words the prompt, the results and the errors use.
pub struct Kind {
    /// `image`, `variant`, `signing key`
    pub one: &'static str,
    /// `images`, `variants`, `signing keys`
    pub many: &'static str,
    /// The field naming each item in JSON results, as the API names it: `id` or `name`.
    pub field: &'static str,
    /// Where to look when a name is not found.
    pub not_found_hint: &'static str,
}

/// How a run ended, for commands that say more afterwards (the keys that are left).
pub enum Outcome<T> {
    /// The person at the prompt said no; nothing was sent.
    Declined,
    /// The last answer of a successful delete, if any succeeded.
    Done(Option<T>),
}

/// Asks once for all `names` (unless `yes`), deletes each with `delete`, and prints a result
/// per name: `deleted  NAME` lines for a person, `[{FIELD, "deleted", "error"?}]` for `--json`
/// and one such object a line for `--ndjson`.
pub fn run<T>(
    ctx: &mut Context,
    kind: &Kind,
    names: &[String],
    yes: bool,
    mut delete: impl FnMut(&Client, &str) -> Result<T, ApiError>,
) -> Result<Outcome<T>> {
    let layout = Layout::results(&COLUMNS, |entry: &Value| {
        // A table lists what was deleted; each failure is a warning on stderr.
        (entry["deleted"] == true).then(|| {
            let name = entry[kind.field].as_str().unwrap_or_default();
            vec!["deleted".to_string(), name.to_string()]
        })
    });
    if !confirm(ctx, yes, &describe(kind, names))? {
        // Declining is an answer, not a failure: say so, and print what became of each name.
        ctx.ui.status("nothing deleted");
        let mut results = ctx.out.stream(layout);
        for name in names {
            results.item(&result(kind, name, None))?;
        }
        results.finish()?;
        return Ok(Outcome::Declined);
    }
    let client = ctx.client()?;
    let mut results = ctx.out.stream(layout);
    let mut failures: Vec<ApiError> = Vec::new();
    let mut last = None;
    for (tried, name) in (1..).zip(names) {
        let outcome = delete(&client, name);
        results.item(&result(kind, name, Some(outcome.as_ref().map(|_| ()))))?;
        match outcome {
            Ok(answer) => last = Some(answer),
            // Refused credentials: every other request would be refused the same way.
            Err(e) if e.is_auth() => {
                results.finish()?;
                return Err(refused(e, names.len() - tried, names.len()));
            }
            Err(e) => {
                // With one name the error line at the end says it all; one line per problem.
                if names.len() > 1 {
                    ctx.ui.warn(&format!("{name}: {e}"));
                }
                failures.push(e);
            }
        }
    }
    results.finish()?;
    match (names, failures.pop()) {
        (_, None) => Ok(Outcome::Done(last)),
        ([name], Some(e)) => Err(name_not_found(
            e,
            &format!("{} '{name}'", kind.one),
            kind.not_found_hint,
        )),
        (_, Some(_)) => Err(PartialFailure {
            failed: failures.len() + 1,
            total: names.len(),
        }
        .into()),
    }
}

/// The API refused the credentials (exit 3, with the API error's token hint): with one name
/// the refusal itself, with more a word on the names not tried.
fn refused(error: ApiError, not_tried: usize, total: usize) -> anyhow::Error {
    if total == 1 {
        return error.into();
    }
    CliError::new(
        Exit::Config,
        format!(
            "the API refused the credentials ({error}); stopped at the first refusal, {not_tried} of {total} not tried"
        ),
    )
    .caused_by(error)
    .into()
}

/// Ask before destroying anything; refuse without `--yes` when nobody can answer, so a script
/// never hangs on a prompt and never deletes by accident. `Ok(false)`: the answer was no,
/// which is not an error (say "nothing deleted" and end with 0).
pub fn confirm(ctx: &Context, yes: bool, what: &str) -> Result<bool> {
    ask(
        ctx,
        yes,
        &format!("Delete {what}? This cannot be undone"),
        CliError::usage(format!("refusing to delete {what} without confirmation"))
            .with_hint("pass --yes to delete without a prompt"),
    )
}

/// [`confirm`] for any change that asks first: `question` on a terminal, `refusal` (a usage
/// error that names `--yes`) anywhere else, and `Ok(true)` at once with `yes`.
pub fn ask(ctx: &Context, yes: bool, question: &str, refusal: CliError) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    if !ctx.ui.can_prompt() {
        return Err(refusal.into());
    }
    Ok(ctx.ui.confirm(question)?)
}

fn describe(kind: &Kind, names: &[String]) -> String {
    match names {
        [one] => format!("{} '{one}'", kind.one),
        many => format!("{} {}", many.len(), kind.many),
    }
}

/// A table's line for a deleted item: `deleted  NAME`.
const COLUMNS: [Column; 2] = [Column::whole("STATUS"), Column::whole("NAME")];

/// One item's result; `None` when it was never tried.
fn result(kind: &Kind, name: &str, outcome: Option<Result<(), &ApiError>>) -> Value {
    let mut entry = Map::new();
    entry.insert(kind.field.into(), name.into());
    entry.insert("deleted".into(), matches!(outcome, Some(Ok(()))).into());
    if let Some(Err(e)) = outcome {
        let report = serde_json::to_value(ErrorReport::from(e)).unwrap_or_default();
        entry.insert("error".into(), report);
    }
    Value::Object(entry)
}
