//! Before a bulk job destroys anything: `--max N` (refuse when more match), the plan shown (how
//! many, the first few, out of how many listed), and the question. On a terminal a person
//! answers yes or no, or for more than a hundred images types the number, so a query that
//! matched far more than meant is caught by a person reading it; anywhere else nothing is asked
//! and nothing destroyed without `--yes`, and that is known before the first request.

use anyhow::Result;

use crate::error::CliError;
use crate::text::grouped;
use crate::ui::Ui;

/// Above this many, a yes is not enough: the person types the count.
pub const TYPE_THE_COUNT_ABOVE: usize = 100;

/// How many ids the plan names before `…`.
const FIRST_FEW: usize = 5;

/// What is about to be destroyed, in the words of the plan and the question.
pub struct Plan<'a> {
    /// `delete`
    pub verb: &'static str,
    /// `deleted`
    pub done: &'static str,
    /// `image`, `images`
    pub one: &'static str,
    pub many: &'static str,
    /// The ids, in the order they will be taken.
    pub ids: &'a [&'a str],
    /// How many images the listing went through, when it was a query.
    pub listed: Option<u64>,
}

impl Plan<'_> {
    /// `1,234 images` or `image 'a/b'`.
    pub fn what(&self) -> String {
        match self.ids {
            [one] => format!("{} '{one}'", self.one),
            many => format!("{} {}", grouped(many.len() as u64), self.many),
        }
    }

    /// The plan's line: `1,234 images match (of 5,000 listed): a, b, c, d, e, …`.
    pub fn summary(&self) -> String {
        let count = self.ids.len();
        let noun = if count == 1 { self.one } else { self.many };
        let mut text = format!("{} {noun}", grouped(count as u64));
        if let Some(listed) = self.listed {
            text.push_str(&format!(" match (of {} listed)", grouped(listed)));
        }
        let first: Vec<&str> = self.ids.iter().take(FIRST_FEW).copied().collect();
        text.push_str(": ");
        text.push_str(&first.join(", "));
        if count > FIRST_FEW {
            text.push_str(", …");
        }
        text
    }
}

/// Refuse, before any request, when nobody will be asked and `--yes` was not given.
pub fn required(ui: &Ui, yes: bool, verb: &str, what: &str) -> Result<(), CliError> {
    if yes || ui.can_prompt() {
        return Ok(());
    }
    Err(
        CliError::usage(format!("refusing to {verb} {what} without confirmation"))
            .with_hint(format!("pass --yes to {verb} without a prompt")),
    )
}

/// `--max N`: refuse, destroying nothing, when more than `max` match.
pub fn within_max(plan: &Plan<'_>, max: Option<u64>) -> Result<(), CliError> {
    match max {
        Some(max) if plan.ids.len() as u64 > max => Err(CliError::failed(format!(
            "{} match, more than --max {}; nothing was {}",
            plan.what(),
            grouped(max),
            plan.done
        ))
        .with_hint(format!(
            "narrow the selection (--dry-run lists what matches), or raise --max if you mean all {}",
            grouped(plan.ids.len() as u64)
        ))),
        _ => Ok(()),
    }
}

/// Ask, after the caller showed the plan; `Ok(false)` is a no (say so, destroy nothing, exit
/// 0). With `yes`, nothing is asked. Off a terminal without `yes`, [`required`] refused
/// already.
pub fn ask(ui: &Ui, plan: &Plan<'_>, yes: bool) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    required(ui, yes, plan.verb, &plan.what())?;
    let count = plan.ids.len();
    if count <= TYPE_THE_COUNT_ABOVE {
        let verb = capitalized(plan.verb);
        return Ok(ui.confirm(&format!("{verb} {}? This cannot be undone", plan.what()))?);
    }
    let typed = ui.input(
        &format!(
            "This cannot be undone. Type {} to {} them, anything else to stop",
            count, plan.verb
        ),
        None,
        |_| Ok(()),
    )?;
    Ok(is_the_count(&typed, count))
}

/// Whether a person typed `count` (with or without thousands separators).
fn is_the_count(typed: &str, count: usize) -> bool {
    let digits: String = typed
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '_')
        .collect();
    digits.parse::<usize>() == Ok(count)
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan<'a>(ids: &'a [&'a str], listed: Option<u64>) -> Plan<'a> {
        Plan {
            verb: "delete",
            done: "deleted",
            one: "image",
            many: "images",
            ids,
            listed,
        }
    }

    #[test]
    fn the_plan_names_the_count_the_first_few_and_what_was_listed() {
        let ids = ["a", "b", "c", "d", "e", "f", "g"];
        assert_eq!(
            plan(&ids, Some(1500)).summary(),
            "7 images match (of 1,500 listed): a, b, c, d, e, …"
        );
        assert_eq!(plan(&ids[..2], None).summary(), "2 images: a, b");
        assert_eq!(plan(&ids[..1], None).what(), "image 'a'");
        assert_eq!(plan(&ids, None).what(), "7 images");
    }

    #[test]
    fn more_than_max_is_refused() {
        let ids = ["a", "b", "c"];
        assert!(within_max(&plan(&ids, None), Some(3)).is_ok());
        assert!(within_max(&plan(&ids, None), None).is_ok());
        let err = within_max(&plan(&ids, Some(10)), Some(2)).unwrap_err();
        assert_eq!(
            err.message,
            "3 images match, more than --max 2; nothing was deleted"
        );
    }

    #[test]
    fn the_count_may_be_typed_with_separators() {
        assert!(is_the_count("1234", 1234));
        assert!(is_the_count(" 1,234 \n", 1234));
        assert!(!is_the_count("y", 1234));
        assert!(!is_the_count("1233", 1234));
        assert!(!is_the_count("", 1234));
    }
}
