//! `stepdoc build`: load, check and render the site guide by guide into a staging directory,
//! then publish it atomically.

use std::process::ExitCode;
use std::time::Instant;

use super::report;
use crate::cli::{BuildArgs, Format};

pub(super) fn run(args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let root = &args.site.root;
    let out = args.out.clone().unwrap_or_else(|| root.join("public"));
    crate::write::check_out(root, &out)?;
    // Before anything else: take the output's lock (waiting for another build) and restore a
    // previous output that an interrupted build set aside. Pages go to the staging directory as
    // they are rendered; it replaces `out` only at the end, and is removed when the build fails.
    let staging = crate::write::Staging::create(
        &out,
        crate::write::Options {
            static_dir: Some(root.join(crate::layout::STATIC_DIR)),
            delete_other_files: args.delete_other_files,
        },
    )?;
    // Check `--locale` before any work (the configuration is read again by the build).
    let mut config_findings = crate::diagnostics::Diagnostics::new();
    if let Some(config) = crate::config::load(root, &mut config_findings) {
        for locale in &args.locales {
            if !config.has_locale(locale) {
                anyhow::bail!(
                    "--locale {locale}: not one of the site's locales ({})",
                    config.locales.join(", ")
                );
            }
        }
    }
    let mut outcome = crate::stream::run(root, &args.locales, &staging);
    if outcome.guides == 0 && !args.allow_empty && !outcome.diagnostics.has_errors() {
        outcome.diagnostics.push(crate::content::empty_site());
    }
    let (diagnostics, ignored) = report::gate(outcome.policy, &args.policy, outcome.diagnostics);
    report::print(&diagnostics, root, Format::Human, args.strict);
    let failed = report::fails(&diagnostics, args.strict);
    let Some(rendered) = outcome.rendered.filter(|_| !failed) else {
        eprintln!(
            "build failed: {} error(s), {} warning(s){}{}; nothing was written",
            diagnostics.error_count(),
            diagnostics.warning_count(),
            report::ignored_note(ignored),
            if args.strict { " (--strict)" } else { "" }
        );
        return Ok(ExitCode::FAILURE);
    };
    let t0 = Instant::now();
    staging.finish(&rendered)?;
    crate::timing::stage("publish", t0);
    let fallback_pages = rendered
        .pages
        .iter()
        .filter(|p| p.fallback_messages > 0)
        .count();
    println!(
        "built {} guide page(s) ({} guide(s) × {} locale(s)), {} file(s) in {} ms → {}",
        rendered.pages.len(),
        outcome.guides,
        outcome.locales,
        rendered.file_count(),
        started.elapsed().as_millis(),
        out.display()
    );
    if fallback_pages > 0 {
        println!("{fallback_pages} page(s) show untranslated text (see `stepdoc check`)");
    }
    // The process ends here: let the OS reclaim the metadata at once instead of freeing
    // hundreds of thousands of allocations one by one.
    std::mem::forget(rendered);
    Ok(ExitCode::SUCCESS)
}
