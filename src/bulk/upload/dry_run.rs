//! `--dry-run`: what the run would upload or skip, in the chosen output shape, and a closing
//! line on stderr; nothing is sent. Each line has the shape of a real run's result, under the
//! same `status` key: an item the manifest settled reads exactly as the real run will report
//! it (`skipped` or `unknown`, reason `manifest`), and one still to send says `upload`, a
//! value no real result has, since its outcome is not known yet.

use std::io;

use serde::Serialize;

use crate::output::{Layout, Output};
use crate::ui::Ui;

use super::manifest::Verdict;
use super::plan::Item;
use super::report::Reason;
use super::report::{COLUMNS, expected_ids};

/// One line of `--dry-run`.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Planned<'a> {
    pub source: &'a str,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
}

/// The status of an item the run would send.
const TO_SEND: &str = "upload";

/// What the id column says of an item whose id the API will pick.
const API_PICKS: &str = "(the API picks)";

/// Print the plan for `items`, given what the manifest says of each: in the shape of a real
/// run's results, through the same stream.
pub fn print(out: &Output, ui: &Ui, items: &[Item], verdicts: &[Verdict]) -> io::Result<()> {
    let planned = lines(items, verdicts);
    let layout = Layout::results(&COLUMNS, |p: &Planned<'_>| {
        Some(vec![
            p.status.to_string(),
            p.id.unwrap_or(API_PICKS).to_string(),
            p.source.to_string(),
        ])
    })
    .expect(0, planned.iter().map(|p| p.status))
    .expect(1, expected_ids(items, verdicts, API_PICKS));
    let mut stream = out.stream(layout);
    for p in &planned {
        stream.item(p)?;
    }
    stream.finish()?;
    ui.status(&closing(&planned));
    Ok(())
}

/// Each item as it would fare: sent under its own id (`upload`), or settled by the manifest
/// under the id an earlier run recorded.
pub fn lines<'a>(items: &'a [Item], verdicts: &'a [Verdict]) -> Vec<Planned<'a>> {
    items
        .iter()
        .zip(verdicts)
        .map(|(item, verdict)| {
            let (status, id, reason) = match verdict {
                Verdict::Upload => (TO_SEND, item.id.as_deref(), None),
                Verdict::Changed(_) => (TO_SEND, item.id.as_deref(), Some(Reason::Changed)),
                Verdict::Done(e) => ("skipped", e.id.as_deref(), Some(Reason::Manifest)),
                Verdict::Unknown(e) => ("unknown", e.id.as_deref(), Some(Reason::Manifest)),
            };
            Planned {
                source: &item.label,
                status,
                id,
                bytes: Some(item.bytes()).filter(|b| *b > 0),
                reason,
            }
        })
        .collect()
}

/// The stderr line after the plan, so it is plain that nothing went out.
pub fn closing(planned: &[Planned<'_>]) -> String {
    let uploads: Vec<&Planned<'_>> = planned.iter().filter(|p| p.status == TO_SEND).collect();
    let bytes: u64 = uploads.iter().filter_map(|p| p.bytes).sum();
    format!(
        "dry run: {} to upload ({:.1} MiB), {} to skip; nothing was sent",
        uploads.len(),
        bytes as f64 / 1_048_576.0,
        planned.len() - uploads.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn planned(status: &'static str, bytes: Option<u64>) -> Planned<'static> {
        Planned {
            source: "a.png",
            status,
            id: None,
            bytes,
            reason: None,
        }
    }

    #[test]
    fn lines_take_the_id_an_earlier_run_recorded() {
        use crate::bulk::upload::manifest::Entry;
        use crate::bulk::upload::plan::ItemSource;
        use crate::bulk::upload::report::Status;

        let url = |label: &str, id: Option<&str>| Item {
            source: ItemSource::Url(label.to_string()),
            label: label.to_string(),
            id: id.map(str::to_string),
        };
        let entry = Entry::about;
        let items = [url("a", Some("new")), url("b", None), url("c", None)];
        let verdicts = [
            Verdict::Upload,
            Verdict::Done(entry("old", Status::Uploaded)),
            Verdict::Unknown(entry("maybe", Status::Unknown)),
        ];
        let plan = lines(&items, &verdicts);
        let shape: Vec<_> = plan
            .iter()
            .map(|p| (p.status, p.id, p.reason, p.bytes))
            .collect();
        assert_eq!(
            shape,
            [
                ("upload", Some("new"), None, None),
                ("skipped", Some("old"), Some(Reason::Manifest), None),
                ("unknown", Some("maybe"), Some(Reason::Manifest), None),
            ]
        );
    }

    #[test]
    fn closing_counts_only_uploads_bytes() {
        let plan = [
            planned("upload", Some(1_048_576)),
            planned("upload", None),
            planned("skipped", Some(5 * 1_048_576)),
        ];
        assert_eq!(
            closing(&plan),
            "dry run: 2 to upload (1.0 MiB), 1 to skip; nothing was sent"
        );
    }

    #[test]
    fn closing_of_an_empty_plan() {
        assert_eq!(
            closing(&[]),
            "dry run: 0 to upload (0.0 MiB), 0 to skip; nothing was sent"
        );
    }
}
