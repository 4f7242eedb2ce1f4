//! Commands: each one orchestrates the pipeline stages and reports; no logic of its own.

mod build;
mod check;
mod i18n;
mod new;
mod report;
mod schema;

use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// Run the command; `Err` is for failures that are not findings (I/O, refusing to overwrite).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Check(args) => Ok(check::run(&args)),
        Command::Serve(args) => {
            crate::serve::run(&crate::serve::Options {
                root: args.site.root.clone(),
                host: args.host,
                port: args.port,
                open: args.open,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::I18n(command) => i18n::run(&command),
        Command::New(args) => new::run(&args),
        Command::Schema(args) => schema::run(&args),
    }
}
