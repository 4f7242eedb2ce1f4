//! `stepdoc theme eject`: copy the built-in theme into the site to change it.

use std::process::ExitCode;

use anyhow::{Context as _, bail};

use crate::cli::ThemeCommand;

pub(super) fn run(command: &ThemeCommand) -> anyhow::Result<ExitCode> {
    let ThemeCommand::Eject(args) = command;
    if !crate::content::model::Id::is_valid(&args.name) {
        bail!(
            "--name {}: use lower-case letters, digits and single dashes, starting with a letter",
            args.name
        );
    }
    let dest = args
        .site
        .root
        .join(crate::layout::THEMES_DIR)
        .join(&args.name);
    if dest.exists() {
        bail!(
            "{} already exists; move it away or choose another --name",
            dest.display()
        );
    }
    let count = crate::theme::eject(&dest)
        .with_context(|| format!("cannot write the theme to {}", dest.display()))?;
    println!("wrote {count} file(s) to {}", dest.display());
    if args.name != "default" {
        println!("use it with `theme: {}` in site.yaml", args.name);
    }
    Ok(ExitCode::SUCCESS)
}
