//! `stepdoc init [DIR]`: a fresh, minimal site that `stepdoc build --strict` accepts as it is —
//! configuration, an example guide with its translations and glossaries, the JSON Schemas for
//! editors, a `.gitignore` and the GitHub Actions workflow of `examples/ci/`.

mod example;

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use crate::cli::{I18nCommand, InitArgs, SiteArgs, SyncArgs};

/// Where the schemas go: editors find them through the `$schema` line of each file.
pub(super) const SCHEMA_DIR: &str = ".stepdoc";
/// The workflow `init` writes (the one docs/ci.md explains).
const GITHUB_WORKFLOW: &str = include_str!("../../examples/ci/github/publish.yml");

pub(super) fn run(args: &InitArgs) -> anyhow::Result<ExitCode> {
    let (source, locales) = languages(args)?;
    let dir = &args.dir;
    refuse_non_empty(dir)?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let Some(source_text) = example::text(&source) else {
        bail!("--source {source}: no example text for it");
    };
    let mut files: Vec<(String, String)> = vec![
        ("site.yaml".into(), site_yaml(&source, &locales)),
        (".gitignore".into(), GITIGNORE.into()),
        (
            ".github/workflows/publish.yml".into(),
            GITHUB_WORKFLOW.into(),
        ),
        (
            crate::layout::guide_file(example::GUIDE_ID)
                .to_string_lossy()
                .into_owned(),
            example::guide(&source, source_text),
        ),
    ];
    files.extend(schema_files()?);
    for locale in &locales {
        files.push((
            crate::layout::terms_file(locale)
                .to_string_lossy()
                .into_owned(),
            example::terms(locale),
        ));
        if *locale == source {
            continue;
        }
        if let Some(text) = example::text(locale) {
            files.push((
                crate::layout::translation_file(locale, example::GUIDE_ID)
                    .to_string_lossy()
                    .into_owned(),
                example::translation(locale, &source, text),
            ));
        }
    }
    for (rel, contents) in &files {
        write(dir, rel, contents)?;
    }
    // Record the translations in the lock, as a translator's `i18n sync` would.
    let sync = I18nCommand::Sync(SyncArgs {
        site: SiteArgs { root: dir.clone() },
        locales: Vec::new(),
        prune: false,
    });
    let code = super::i18n::run(&sync)?;
    if code != ExitCode::SUCCESS {
        return Ok(code);
    }
    println!(
        "created a stepdoc site in {}\nnext: cd {} && stepdoc build --strict (or stepdoc serve --open)",
        dir.display(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The source language and the site's languages, checked against what the binary carries.
fn languages(args: &InitArgs) -> anyhow::Result<(String, Vec<String>)> {
    let known = example::LANGUAGES.join(", ");
    if !example::LANGUAGES.contains(&args.source.as_str()) {
        bail!(
            "--source {}: init writes sites in {known} only (add other languages later)",
            args.source
        );
    }
    let mut locales: Vec<String> = Vec::new();
    for locale in &args.locales {
        let locale = locale.trim();
        if !example::LANGUAGES.contains(&locale) {
            bail!("--locales: `{locale}` is not one of {known} (add other languages later)");
        }
        if !locales.iter().any(|l| l == locale) {
            locales.push(locale.to_owned());
        }
    }
    if !locales.contains(&args.source) {
        locales.insert(0, args.source.clone());
    }
    Ok((args.source.clone(), locales))
}

/// A site starts in an empty or new directory: init never overwrites anything.
fn refuse_non_empty(dir: &Path) -> anyhow::Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        bail!("{} exists and is not a directory", dir.display());
    }
    let mut entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    if entries.next().is_some() {
        bail!(
            "{} is not empty; run `stepdoc init` in an empty or new directory, e.g. `stepdoc init mysite`",
            dir.display()
        );
    }
    Ok(())
}

/// `.stepdoc/guide.schema.json` and `.stepdoc/site.schema.json`, from `stepdoc schema`.
pub(super) fn schema_files() -> anyhow::Result<Vec<(String, String)>> {
    Ok(vec![
        (
            format!("{SCHEMA_DIR}/guide.schema.json"),
            serde_json::to_string_pretty(&super::schema::guide_schema())? + "\n",
        ),
        (
            format!("{SCHEMA_DIR}/site.schema.json"),
            serde_json::to_string_pretty(&super::schema::config_schema())? + "\n",
        ),
    ])
}

fn write(dir: &Path, rel: &str, contents: &str) -> anyhow::Result<()> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(&path, contents).with_context(|| format!("cannot write {}", path.display()))
}

const GITIGNORE: &str = "\
# The built site and what a build leaves while it runs (or after it was killed).
/public/
.public.stepdoc-staging-*
.public.stepdoc-old-*
";

fn site_yaml(source: &str, locales: &[String]) -> String {
    let mut titles = String::new();
    for locale in locales {
        let title = example::text(locale).map_or("Help center", |t| t.site_title);
        titles.push_str(&format!("  {locale}: {title}\n"));
    }
    format!(
        "# yaml-language-server: $schema=.stepdoc/site.schema.json
# The site's configuration. Fields marked REQUIRED must be present; every field is described in
# .stepdoc/site.schema.json (`stepdoc schema --config`).

# REQUIRED: the site title per language; the default language's entry must be there.
title:
{titles}
# REQUIRED: the absolute address the site is published at (links, sitemap, canonical URLs).
base_url: https://help.example.com/

# REQUIRED: the site's languages, in the order of the language switcher.
locales: [{locales}]

# REQUIRED: the language of the root page and of `x-default`; one of `locales`.
default_locale: {source}

# Optional: Fluent variables every text can use as {{ $name }}.
# variables:
#   support-email: support@example.com

# Optional: the \"Still stuck? Contact support\" button at the end of every guide.
# support:
#   url: mailto:support@example.com

# Optional: the publishing gate per kind of finding (error, warning or ignore). By default stale
# translations fail the build and missing ones are published with a badge; see
# `stepdoc check --format json` for the kinds.
# policy:
#   missing: error
",
        locales = locales.join(", "),
    )
}
