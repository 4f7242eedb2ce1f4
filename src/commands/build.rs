//! `stepdoc build`: load and check the site, render it, publish it atomically.

use std::process::ExitCode;
use std::time::Instant;

use super::report;
use crate::cli::{BuildArgs, Format};

pub fn run(args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let root = &args.site.root;
    let (site, diagnostics) = crate::site::load(root);
    crate::timing("load", started);
    report::print(&diagnostics, root, Format::Human, args.strict);
    let failed = report::fails(&diagnostics, args.strict);
    let Some(site) = site.filter(|_| !failed) else {
        eprintln!(
            "build failed: {} error(s), {} warning(s){}; nothing was written",
            diagnostics.error_count(),
            diagnostics.warning_count(),
            if args.strict { " (--strict)" } else { "" }
        );
        return Ok(ExitCode::FAILURE);
    };
    for locale in &args.locales {
        if !site.config.has_locale(locale) {
            anyhow::bail!(
                "--locale {locale}: not one of the site's locales ({})",
                site.config.locales.join(", ")
            );
        }
    }
    let t0 = Instant::now();
    let out = args.out.clone().unwrap_or_else(|| root.join("public"));
    // Pages go to the staging directory as they are rendered; it replaces `out` only at the end.
    let staging = crate::write::Staging::create(&out)?;
    let sink = |path: &str, bytes: &[u8]| staging.put(path, bytes);
    let rendered = match crate::render::render_into(&site, &args.locales, Some(&sink)) {
        Ok(rendered) => rendered,
        Err(diagnostics) => {
            report::print(&diagnostics, root, Format::Human, args.strict);
            eprintln!(
                "build failed: {} error(s) while rendering; nothing was written",
                diagnostics.error_count()
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    crate::timing("render", t0);
    let t0 = Instant::now();
    staging.finish(&rendered)?;
    crate::timing("publish", t0);
    let fallback_pages = rendered
        .pages
        .iter()
        .filter(|p| p.fallback_messages > 0)
        .count();
    println!(
        "built {} guide page(s) ({} guide(s) × {} locale(s)), {} file(s) in {} ms → {}",
        rendered.pages.len(),
        site.guides.len(),
        if args.locales.is_empty() {
            site.config.locales.len()
        } else {
            args.locales.len()
        },
        rendered.file_count(),
        started.elapsed().as_millis(),
        out.display()
    );
    if fallback_pages > 0 {
        println!("{fallback_pages} page(s) show untranslated text (see `stepdoc check`)");
    }
    // The process ends here: let the OS reclaim the site model at once instead of freeing
    // hundreds of thousands of allocations one by one.
    std::mem::forget(site);
    std::mem::forget(rendered);
    Ok(ExitCode::SUCCESS)
}
