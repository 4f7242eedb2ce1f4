//! The `stepdoc` binary: parse the command line, run the command, print the error chain once.

use std::process::ExitCode;

use clap::Parser as _;

// Rendering allocates many short-lived strings on every thread; mimalloc's thread-local heaps
// make that markedly cheaper than the system allocator (see bench/RESULTS.md). Built with
// `no_thp`: mimalloc then does not ask for transparent huge pages, which made `serve`'s memory
// creep as the kernel filled partly used 2 MiB regions (+90 MiB over 1,000 edits, flat without)
// and raised the peak memory of a 20,000-page build by 50 MiB, for no measurable speed.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = stepdoc::cli::Cli::parse();
    oversubscribe_workers();
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

/// Two worker threads per core (unless `RAYON_NUM_THREADS` says otherwise): a guide's work
/// includes file system calls and page faults during which its core would otherwise idle, and
/// the last guides of a run spread over more threads. Measured 4–5% faster builds on 2 cores
/// (see bench/README.md).
fn oversubscribe_workers() {
    if std::env::var_os("RAYON_NUM_THREADS").is_some() {
        return;
    }
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    // Only fails when a pool exists already; the default one is then used.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(2 * cores)
        .build_global();
}
