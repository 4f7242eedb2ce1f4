//! `stepdoc check`: every validation of `build`, rendering included, without writing.

use std::process::ExitCode;

use super::report;
use crate::cli::CheckArgs;

pub(super) fn run(args: &CheckArgs) -> ExitCode {
    let root = &args.site.root;
    // Pages are rendered (templates, links and anchors are checked) and then dropped.
    let mut outcome = crate::stream::run(root, &[], &crate::render::Discard);
    // What `build` would refuse to publish, `check` refuses too.
    if outcome.guides == 0 && !args.allow_empty && !outcome.diagnostics.has_errors() {
        outcome.diagnostics.push(crate::content::empty_site());
    }
    let (diagnostics, ignored) = report::gate(outcome.policy, &args.policy, outcome.diagnostics);
    report::print(&diagnostics, root, args.format, args.strict);
    if report::fails(&diagnostics, args.strict) {
        if args.format == crate::cli::Format::Human {
            eprintln!(
                "check failed: {} error(s), {} warning(s){}",
                diagnostics.error_count(),
                diagnostics.warning_count(),
                report::ignored_note(ignored)
            );
        }
        ExitCode::FAILURE
    } else {
        if args.format == crate::cli::Format::Human {
            eprintln!(
                "check passed: {} warning(s){}",
                diagnostics.warning_count(),
                report::ignored_note(ignored)
            );
        }
        ExitCode::SUCCESS
    }
}
