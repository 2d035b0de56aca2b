//! The `cfimg` binary: everything is in the library's `run`, so the binary is this line.

fn main() -> std::process::ExitCode {
    cfimg::run()
}
