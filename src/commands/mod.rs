//! Commands: each one orchestrates the pipeline stages and reports; no logic of its own.

mod build;
mod check;
mod i18n;
mod init;
mod new;
mod report;
mod schema;
mod theme;

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
        Command::Init(args) => init::run(&args),
        Command::New(args) => new::run(&args),
        Command::Theme(command) => theme::run(&command),
        Command::Completions(args) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(args.shell, &mut command, "stepdoc", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let page = clap_mangen::Man::new(<Cli as clap::CommandFactory>::command());
            page.render(&mut std::io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema(args) => schema::run(&args),
    }
}
