//! Reading what the arguments only point at, before planning: the `--files-from` list of
//! paths, and an image piped to stdin.

use std::io::{self, BufRead, Read};

use crate::error::CliError;
use crate::image_file::MAX_FILE_BYTES;

/// Paths from `--files-from`: one a line, blank lines ignored, a trailing `\r` dropped.
pub fn list(list: &str) -> Result<Vec<String>, CliError> {
    let reader: Box<dyn BufRead> = if list == "-" {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        Box::new(io::BufReader::new(std::fs::File::open(list).map_err(
            |e| CliError::failed(format!("cannot read --files-from {list}: {e}")),
        )?))
    };
    lines(reader, list)
}

/// The paths in an open list; `list` names it in errors.
pub fn lines(reader: impl BufRead, list: &str) -> Result<Vec<String>, CliError> {
    let mut paths = Vec::new();
    for line in reader.lines() {
        let line = line.map_err(|e| CliError::failed(format!("cannot read {list}: {e}")))?;
        let line = line.strip_suffix('\r').unwrap_or(&line);
        if !line.trim().is_empty() {
            paths.push(line.to_string());
        }
    }
    Ok(paths)
}

/// An image on stdin, read one byte past the size limit so the plan can tell it is too big
/// without reading all of an endless stream.
pub fn stdin_image() -> io::Result<Vec<u8>> {
    let mut data = Vec::new();
    io::stdin()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut data)?;
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_blanks_and_drop_carriage_returns() {
        let text = "a.png\r\n\n  \r\nsub dir/b.png\n c.png \n";
        let paths = lines(text.as_bytes(), "list.txt").unwrap();
        assert_eq!(paths, ["a.png", "sub dir/b.png", " c.png "]);
    }

    #[test]
    fn unreadable_lines_name_the_list() {
        let err = lines(&b"a.png\n\xff\n"[..], "list.txt").unwrap_err();
        assert!(
            err.message.starts_with("cannot read list.txt: "),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_missing_list_is_named() {
        let err = list("/nonexistent/cfimg-list.txt").unwrap_err();
        assert!(
            err.message
                .starts_with("cannot read --files-from /nonexistent/cfimg-list.txt: "),
            "{}",
            err.message
        );
    }
}
