//! `stepdoc i18n status` and `stepdoc i18n sync`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::report;
use crate::cli::{Format, I18nCommand, StatusArgs, StatusFormat, SyncArgs};
use crate::diagnostics::display_path;
use crate::i18n::consistency::Counts;
use crate::i18n::sync;
use crate::site::Site;

pub(super) fn run(command: &I18nCommand) -> anyhow::Result<ExitCode> {
    match command {
        I18nCommand::Status(args) => status(args),
        I18nCommand::Sync(args) => sync_files(args),
    }
}

/// Load the site; on errors print them and return `None`.
fn load(root: &Path) -> Option<Site> {
    load_with_findings(root).map(|(site, _)| site)
}

/// The site and what its checks found. A guide with errors is left out (its errors are printed
/// and it is named), so translators can work on every other guide; errors of the site itself
/// (configuration, glossaries, theme) stop here.
fn load_with_findings(root: &Path) -> Option<(Site, crate::diagnostics::Diagnostics)> {
    let (site, diagnostics, broken) = crate::site::load_skipping_broken(root);
    if site.is_none() {
        report::print(&diagnostics, root, Format::Human, false);
        eprintln!(
            "the site has {} error(s); fix them first (see `stepdoc check`)",
            diagnostics.error_count()
        );
        return None;
    }
    if !broken.is_empty() {
        let errors: crate::diagnostics::Diagnostics = diagnostics
            .iter()
            .filter(|d| d.severity == crate::diagnostics::Severity::Error)
            .cloned()
            .collect();
        report::print(&errors, root, Format::Human, false);
        eprintln!(
            "skipped {} guide(s) with errors: {} (their files are left as they are; see `stepdoc check`)",
            broken.len(),
            broken.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
    site.map(|site| (site, diagnostics))
}

fn check_locales(site: &Site, locales: &[String]) -> anyhow::Result<()> {
    for locale in locales {
        if !site.config.has_locale(locale) {
            anyhow::bail!(
                "--locale {locale}: not one of the site's locales ({})",
                site.config.locales.join(", ")
            );
        }
    }
    Ok(())
}

/// One row of the status report.
#[derive(Serialize)]
pub(super) struct Row {
    pub locale: String,
    pub guide: String,
    pub source_locale: String,
    #[serde(flatten)]
    pub counts: Counts,
    pub percent_words: u32,
    pub screenshots: Screenshots,
}

/// The screenshots of one guide in one locale.
#[derive(Serialize)]
pub(super) struct Screenshots {
    /// Language-specific source screenshots, which the locale is expected to redo.
    pub expected: usize,
    pub localized: usize,
    /// Expected ones the locale lacks (readers see the source one).
    pub missing: usize,
    /// Localized ones made from an older source screenshot.
    pub stale: usize,
}

impl Row {
    /// Whether the translation is complete and current, screenshots included.
    fn is_complete(&self) -> bool {
        self.counts.translated == self.counts.messages
            && self.counts.stale == 0
            && self.counts.translated_terms == self.counts.terms
            && self.screenshots.missing == 0
            && self.screenshots.stale == 0
    }

    /// `localized/expected`, and how many are outdated.
    fn screenshot_cell(&self) -> String {
        let s = &self.screenshots;
        match s.stale {
            0 => format!("{}/{}", s.localized, s.expected),
            n => format!("{}/{} ({n} outdated)", s.localized, s.expected),
        }
    }
}

/// The status rows of `site` (translations only: the source locale of a guide is not a row).
pub(super) fn rows(site: &Site, locales: &[String]) -> Vec<Row> {
    let mut rows = Vec::new();
    for locale in &site.config.locales {
        if !locales.is_empty() && !locales.contains(locale) {
            continue;
        }
        for guide in &site.guides {
            let Some(status) = guide.status.get(locale) else {
                continue;
            };
            let percent = guide.coverage.get(locale).map_or(0, |c| c.percent());
            rows.push(Row {
                locale: locale.clone(),
                guide: guide.id().to_owned(),
                source_locale: guide.source_locale().to_owned(),
                counts: status.counts,
                percent_words: percent,
                screenshots: Screenshots {
                    expected: status.images.expected,
                    localized: status.images.localized,
                    missing: status.images.missing,
                    stale: status.images.stale.len(),
                },
            });
        }
    }
    rows
}

fn status(args: &StatusArgs) -> anyhow::Result<ExitCode> {
    let Some(site) = load(&args.site.root) else {
        return Ok(ExitCode::FAILURE);
    };
    check_locales(&site, &args.locales)?;
    let rows = rows(&site, &args.locales);
    let text = match args.format {
        StatusFormat::Json => serde_json::to_string_pretty(&serde_json::json!({ "rows": rows }))?,
        StatusFormat::Markdown => markdown(&rows),
        StatusFormat::Table => table(&rows),
    };
    println!("{}", text.trim_end());
    Ok(ExitCode::SUCCESS)
}

fn table(rows: &[Row]) -> String {
    let header = [
        "locale",
        "guide",
        "from",
        "translated",
        "missing",
        "stale",
        "obsolete",
        "unchanged",
        "words",
        "terms",
        "screenshots",
    ];
    let cells: Vec<[String; 11]> = rows
        .iter()
        .map(|r| {
            [
                r.locale.clone(),
                r.guide.clone(),
                r.source_locale.clone(),
                format!("{}/{}", r.counts.translated, r.counts.messages),
                r.counts.missing.to_string(),
                r.counts.stale.to_string(),
                r.counts.obsolete.to_string(),
                r.counts.unchanged.to_string(),
                format!("{}%", r.percent_words),
                format!("{}/{}", r.counts.translated_terms, r.counts.terms),
                r.screenshot_cell(),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            cells
                .iter()
                .map(|c| c[i].chars().count())
                .chain(std::iter::once(header[i].len()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    let line = |out: &mut String, cols: &[String]| {
        for (i, col) in cols.iter().enumerate() {
            let pad = widths[i] - col.chars().count();
            if i >= 3 {
                let _ = write!(out, "{}{col}  ", " ".repeat(pad));
            } else {
                let _ = write!(out, "{col}{}  ", " ".repeat(pad));
            }
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
    };
    line(&mut out, &header.map(String::from));
    for row in &cells {
        line(&mut out, row);
    }
    out
}

fn markdown(rows: &[Row]) -> String {
    let mut out = String::from(
        "### Translation status\n\n| locale | guide | translated | missing | stale | obsolete | unchanged | words | terms | screenshots |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in rows {
        let untranslated_terms = r.counts.terms - r.counts.translated_terms;
        let flag = if r.counts.missing + r.counts.stale + r.counts.obsolete + untranslated_terms > 0
            || !r.is_complete()
        {
            " ⚠️"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "| {} | `{}`{flag} | {}/{} | {} | {} | {} | {} | {}% | {}/{} | {} |",
            r.locale,
            r.guide,
            r.counts.translated,
            r.counts.messages,
            r.counts.missing,
            r.counts.stale,
            r.counts.obsolete,
            r.counts.unchanged,
            r.percent_words,
            r.counts.translated_terms,
            r.counts.terms,
            r.screenshot_cell()
        );
    }
    let complete = rows.iter().filter(|r| r.is_complete()).count();
    let _ = writeln!(
        out,
        "\n{complete} of {} translations complete and current.",
        rows.len()
    );
    out
}

fn sync_files(args: &SyncArgs) -> anyhow::Result<ExitCode> {
    let root = &args.site.root;
    let Some((site, findings)) = load_with_findings(root) else {
        return Ok(ExitCode::FAILURE);
    };
    check_locales(&site, &args.locales)?;
    let not_recorded = sync::NotRecorded::of(&findings);
    for d in &not_recorded.findings {
        eprintln!("not recorded: {} ({}: {})", d.location, d.kind, d.message);
    }
    let mut changed_files = 0;
    let mut refused = false;
    for locale in &site.config.locales {
        if !args.locales.is_empty() && !args.locales.contains(locale) {
            continue;
        }
        if refuse_unreadable_lock(root, locale, &findings) {
            refused = true;
            continue;
        }
        let guides: Vec<sync::GuideText<'_>> = site
            .guides
            .iter()
            .map(|guide| sync::GuideText {
                id: guide.id(),
                guide: &guide.loaded.guide,
                loaded: &guide.loaded,
                source: &guide.source,
                translation: guide
                    .translations
                    .get(locale)
                    .map(|t| (t.path.as_path(), &*t.resource)),
                stale: guide.status.get(locale).map(|s| &s.stale),
            })
            .collect();
        let lock = site.locks.get(locale).cloned().unwrap_or_default();
        let report = sync::sync_locale(
            root,
            locale,
            &guides,
            &site.terms,
            lock,
            &not_recorded,
            args.prune,
        )?;
        if let Some((path, names)) = &report.terms {
            changed_files += 1;
            println!(
                "{}: {} term stub(s){}",
                display_path(path),
                names.len(),
                if names.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", names.join(", "))
                }
            );
        }
        for (path, changes) in &report.files {
            changed_files += 1;
            let pruned = if changes.pruned > 0 {
                format!(", {} obsolete entr(y/ies) moved", changes.pruned)
            } else {
                String::new()
            };
            println!("{}: {} stub(s){pruned}", display_path(path), changes.stubs);
        }
        if let Some(lock_path) = &report.lock {
            println!("{}: updated", display_path(lock_path));
        }
    }
    if changed_files == 0 && !refused {
        println!("translation files are in sync");
    }
    Ok(if refused {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether sync must leave `locale` alone because entries of its lock cannot be read (a merge
/// conflict, a hand edit): rewriting the lock would drop what those translations were made from,
/// and with it every stale finding they would give. The entries are reported.
fn refuse_unreadable_lock(
    root: &Path,
    locale: &str,
    findings: &crate::diagnostics::Diagnostics,
) -> bool {
    let lock = crate::i18n::lock::Lock::path(locale);
    let unreadable: crate::diagnostics::Diagnostics = findings
        .iter()
        .filter(|d| d.kind == crate::diagnostics::Kind::LockInvalid && d.location.path == lock)
        .cloned()
        .collect();
    if unreadable.is_empty() {
        return false;
    }
    report::print(&unreadable, root, Format::Human, false);
    eprintln!(
        "{}: not synced: {} lock entr(y/ies) cannot be read; fix them (resolve the merge conflict, or restore the file from version control), then sync again",
        display_path(&lock),
        unreadable.len()
    );
    true
}
