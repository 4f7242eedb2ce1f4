//! The `stepdoc` binary: parse the command line, run the command, print the error chain once.

use std::process::ExitCode;

use clap::Parser as _;

// Rendering allocates many short-lived strings on every thread; mimalloc's thread-local heaps
// make that markedly cheaper than the system allocator (see bench/RESULTS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = stepdoc::cli::Cli::parse();
    match stepdoc::commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}
