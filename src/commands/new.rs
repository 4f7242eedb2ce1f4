//! `stepdoc new <guide-id>`: scaffold `content/<id>/guide.yaml` with a minimal valid guide.

use std::process::ExitCode;

use anyhow::{Context as _, bail};

use crate::cli::NewArgs;
use crate::content::model::Id;

pub(super) fn run(args: &NewArgs) -> anyhow::Result<ExitCode> {
    if !Id::is_valid(&args.id) {
        bail!(
            "`{}` is not a valid guide id: use lower-case letters, digits and single dashes, starting with a letter",
            args.id
        );
    }
    let mut diagnostics = crate::diagnostics::Diagnostics::new();
    let Some(config) = crate::config::load(&args.site.root, &mut diagnostics) else {
        eprint!(
            "{}",
            crate::diagnostics::render_human(
                &diagnostics,
                false,
                crate::input::source_reader(&args.site.root)
            )
        );
        return Ok(ExitCode::FAILURE);
    };
    let locale = args
        .source_locale
        .clone()
        .unwrap_or_else(|| config.default_locale.clone());
    if !config.has_locale(&locale) {
        bail!(
            "--source-locale {locale}: not one of the site's locales ({})",
            config.locales.join(", ")
        );
    }
    let dir = args.site.root.join(crate::layout::guide_dir(&args.id));
    if dir.exists() {
        bail!("{} already exists; choose another id", dir.display());
    }
    std::fs::create_dir_all(dir.join(crate::layout::IMAGES_DIR).join(&locale))
        .with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join("guide.yaml");
    std::fs::write(&path, scaffold(&locale))
        .with_context(|| format!("cannot write {}", path.display()))?;
    println!("created {}", path.display());
    write_missing_schemas(&args.site.root)?;
    Ok(ExitCode::SUCCESS)
}

/// The scaffold's `$schema` line points at `.stepdoc/guide.schema.json`: write the schemas there
/// if the site has none yet (a site not made by `stepdoc init`), so the path exists.
fn write_missing_schemas(root: &std::path::Path) -> anyhow::Result<()> {
    for (rel, contents) in super::init::schema_files()? {
        let path = root.join(&rel);
        if path.exists() {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, contents)
            .with_context(|| format!("cannot write {}", path.display()))?;
        println!("created {}", path.display());
    }
    Ok(())
}

fn scaffold(locale: &str) -> String {
    format!(
        "# yaml-language-server: $schema=../../.stepdoc/guide.schema.json
source_locale: {locale}
title: Connect the product to the partner
summary: What this integration does, in one sentence.
product: my-product
partner: my-partner
prerequisites:
  - id: admin-rights
    text: You are an administrator.
sections:
  - id: setup
    title: Set up the integration
    steps:
      - id: open-settings
        text: Open the settings.
      - id: enable
        text: Enable the integration and save.
"
    )
}
