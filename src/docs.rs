//! The command line's generated companions: shell completion scripts and man pages, rendered
//! in memory from the clap tree, and the settings file's JSON Schema, from its types.
//!
//! The checked-in copies under `completions/`, `man/` and `docs/` are written by
//! `cargo run --example generate-docs`, and `tests/cli/generated_docs.rs` fails when they
//! differ from what this module renders, so they never drift from the parser or the types.

use std::io::Write;
use std::path::PathBuf;

use clap_complete::Shell;

/// The binary's name, as completions and man pages call it.
pub const BIN: &str = "cfimg";

/// Each shell and the file its script is kept in under `completions/`, named as each shell
/// looks for it (`_cfimg` for zsh's fpath, `cfimg.fish` for fish, …).
pub const COMPLETION_FILES: [(Shell, &str); 5] = [
    (Shell::Bash, "cfimg.bash"),
    (Shell::Zsh, "_cfimg"),
    (Shell::Fish, "cfimg.fish"),
    (Shell::PowerShell, "_cfimg.ps1"),
    (Shell::Elvish, "cfimg.elv"),
];

/// The completion script for one shell.
pub fn completion(shell: Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::command(), BIN, &mut buf);
    buf
}

/// One man page per command and subcommand: `cfimg.1`, `cfimg-images.1`,
/// `cfimg-images-list.1`, … The top page also documents exit codes, the environment and files.
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    let mut root = crate::cli::command().disable_help_subcommand(true);
    // Building sets each subcommand's display name (`cfimg-images-list`), which names its page.
    root.build();
    let mut pages = Vec::new();
    collect_pages(&root, true, &mut pages);
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    pages
}

fn collect_pages(cmd: &clap::Command, top: bool, pages: &mut Vec<(String, Vec<u8>)>) {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect_pages(sub, false, pages);
    }
    // Every page's footer names the tool and its version, not the subcommand.
    let man =
        clap_mangen::Man::new(cmd.clone()).source(format!("{BIN} {}", env!("CARGO_PKG_VERSION")));
    let mut page = Vec::new();
    render_page(&man, cmd, top, &mut page).expect("writing to memory cannot fail");
    pages.push((man.get_filename(), page));
}

/// clap_mangen's sections, with the after-help text unfilled under EXAMPLES rather than filled
/// under its generic EXTRA heading, and the tool-wide sections on the top page.
fn render_page(
    man: &clap_mangen::Man,
    cmd: &clap::Command,
    top: bool,
    w: &mut Vec<u8>,
) -> std::io::Result<()> {
    man.render_title(w)?;
    man.render_name_section(w)?;
    man.render_synopsis_section(w)?;
    man.render_description_section(w)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(w)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(w)?;
    }
    if let Some(after) = cmd.get_after_help() {
        let heading = if top { "OVERVIEW" } else { "EXAMPLES" };
        // Unfilled, so example command lines keep their own line breaks and alignment.
        writeln!(w, ".SH {heading}\n.nf")?;
        let text = after.to_string();
        // The heading already says it.
        let body = text
            .strip_prefix("Examples:\n")
            .or_else(|| text.strip_prefix("Example:\n"))
            .unwrap_or(&text);
        for line in body.lines() {
            writeln!(w, "{}", roff_line(line))?;
        }
        writeln!(w, ".fi")?;
    }
    if top {
        w.write_all(TOP_SECTIONS.as_bytes())?;
    }
    // Only the top command has a version (`cfimg -V`); every page's footer names it too.
    if cmd.get_version().is_some() {
        man.render_version_section(w)?;
    }
    Ok(())
}

/// One line of text as roff sees it: backslashes and hyphens escaped, and a leading `.` or
/// `'` kept from reading as a request.
fn roff_line(line: &str) -> String {
    let text = line.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with('.') || text.starts_with('\'') {
        format!("\\&{text}")
    } else {
        text
    }
}

/// Hand-written roff for the top page: what the README's exit-code, environment and files
/// sections say, for readers of `man cfimg`.
const TOP_SECTIONS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Success, also when a reader closes the pipe early (\fBcfimg images list | head\fR), and when
the answer at a delete or \fBsettings apply\fR prompt is no (nothing is changed).
.TP
\fB1\fR
Error: the API refused, the network failed, a file could not be read or written, more
images matched than \fB\-\-max\fR allows (nothing was changed), or a settings file is not
valid (the error names its line).
.TP
\fB2\fR
Usage: bad flags or arguments, or a destructive command without \fB\-\-yes\fR off a terminal.
.TP
\fB3\fR
Configuration or authentication: no credentials, a bad profile file, or the API refusing the
credentials (HTTP 401 or 403, code 10000, or HTTP 400 with code 9106 or 6003).
.TP
\fB4\fR
Not found: the image, variant or key named does not exist.
.TP
\fB5\fR
Partial failure: a bulk command, or \fBsettings apply\fR, finished with some items failed (an
image already gone counts as deleted, not failed).
.TP
\fB6\fR
Changes pending: \fBsettings plan \-\-check\fR found the account differs from the settings file.
.TP
\fB130\fR
Interrupted (Ctrl\-C); the work done so far is reported.
.SH ENVIRONMENT
.TP
\fBCLOUDFLARE_API_TOKEN\fR
API token, sent as a bearer token. No flag takes a secret.
.TP
\fBCLOUDFLARE_API_KEY\fR, \fBCLOUDFLARE_EMAIL\fR
Legacy global API key and its e\-mail address.
.TP
\fBCLOUDFLARE_ACCOUNT_ID\fR
Account id, as \fB\-\-account\-id\fR.
.TP
\fBCLOUDFLARE_API_BASE_URL\fR
API base URL, as \fB\-\-api\-url\fR.
.TP
\fBCFIMG_PROFILE\fR, \fBCFIMG_CONFIG\fR
Profile and config file, as \fB\-\-profile\fR and \fB\-\-config\fR.
.TP
\fBCFIMG_SIGNING_KEY\fR
Signing key value for \fBimages url \-\-signed\fR.
.TP
\fBSSL_CERT_FILE\fR, \fBSSL_CERT_DIR\fR
CA certificates (PEM) trusted for HTTPS instead of the system's store, as OpenSSL reads them.
.TP
\fBHTTPS_PROXY\fR, \fBHTTP_PROXY\fR, \fBALL_PROXY\fR, \fBNO_PROXY\fR
Proxies for https and http URLs, and the hosts reached without one (lower case too).
.TP
\fBCFIMG_BATCH_URL\fR
Batch API host for \fB\-\-batch\fR (\fBimages upload\fR, \fBdelete\fR, \fBedit\fR), as \fB\-\-batch\-url\fR.
.TP
\fBCFIMG_EMULATOR_TOKEN\fR
The only token \fBcfimg emulator\fR accepts, as \fB\-\-token\fR.
.TP
\fBNO_COLOR\fR, \fBCLICOLOR\fR, \fBCLICOLOR_FORCE\fR
\fBNO_COLOR\fR turns colour off whatever else is set, \fBCLICOLOR=0\fR turns it off, and \fBCLICOLOR_FORCE\fR turns it on even when stderr is not a terminal.
.TP
\fBCOLUMNS\fR
The width tables are fitted to, when stdout is a terminal.
.SH FILES
.TP
\fI~/.config/cfimg/config.toml\fR
Profiles (on Linux; \fBcfimg config path\fR prints the path on any system). Written with mode 0600.
.TP
\fIcfimg\-settings.toml\fR
The settings file \fBsettings plan\fR and \fBsettings apply\fR read when none is named, in the
current directory; \fBcfimg settings schema\fR prints its JSON Schema.
.TP
\fI~/.local/share/cfimg/emulator\fR
Data of the emulator behind \fB\-\-local\fR (on Linux).
"#;

/// Every generated file, by its path relative to the crate root.
pub fn generated_files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = COMPLETION_FILES
        .iter()
        .map(|(shell, name)| (PathBuf::from("completions").join(name), completion(*shell)))
        .collect();
    files.extend(
        man_pages()
            .into_iter()
            .map(|(name, page)| (PathBuf::from("man").join(name), page)),
    );
    files.push((
        PathBuf::from(SETTINGS_SCHEMA),
        crate::settings::file::schema_json().into_bytes(),
    ));
    files
}

/// The settings file's JSON Schema, beside the other documents (`docs/` holds hand-written
/// files too, so it is not one of the `GENERATED_DIRS`).
pub const SETTINGS_SCHEMA: &str = "docs/cfimg-settings.schema.json";

/// The directories that hold nothing but generated files.
pub const GENERATED_DIRS: [&str; 2] = ["completions", "man"];
