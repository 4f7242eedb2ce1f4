//! `stepdoc check`: every validation of `build`, rendering included, without writing.

use std::process::ExitCode;

use super::report;
use crate::cli::CheckArgs;

pub fn run(args: &CheckArgs) -> ExitCode {
    let root = &args.site.root;
    // Pages are rendered (templates, links and anchors are checked) and then dropped.
    let diagnostics = crate::stream::run(root, &[], &crate::render::Discard).diagnostics;
    report::print(&diagnostics, root, args.format, args.strict);
    if report::fails(&diagnostics, args.strict) {
        if args.format == crate::cli::Format::Human {
            eprintln!(
                "check failed: {} error(s), {} warning(s)",
                diagnostics.error_count(),
                diagnostics.warning_count()
            );
        }
        ExitCode::FAILURE
    } else {
        if args.format == crate::cli::Format::Human {
            eprintln!("check passed: {} warning(s)", diagnostics.warning_count());
        }
        ExitCode::SUCCESS
    }
}
