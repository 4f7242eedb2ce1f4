//! The command line (clap derive); doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// stepdoc: multilingual integration setup guides, written once, translated with Fluent,
/// published as a static help center.
#[derive(Debug, Parser)]
#[command(name = "stepdoc", version = env!("STEPDOC_VERSION"), about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command that reads a site shares.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site directory (holding site.yaml).
    #[arg(long, short = 'r', default_value = ".", global = true)]
    pub root: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate and render the site into the output directory (atomically).
    Build(BuildArgs),
    /// Preview the site with live reload while you edit.
    Serve(ServeArgs),
    /// Run every validation of `build` without writing anything.
    Check(CheckArgs),
    /// Translation status and maintenance.
    #[command(subcommand)]
    I18n(I18nCommand),
    /// Start a new site in an empty (or new) directory: configuration, an example guide and its
    /// translations, schemas for editors, .gitignore and a CI workflow.
    Init(InitArgs),
    /// Scaffold a new guide under content/.
    New(NewArgs),
    /// Work with the theme.
    #[command(subcommand)]
    Theme(ThemeCommand),
    /// Print a shell completion script, e.g. `stepdoc completions bash > ~/.local/share/bash-completion/completions/stepdoc`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `stepdoc man > ~/.local/share/man/man1/stepdoc.1`.
    Man,
    /// Print the JSON Schema of guide.yaml (or of site.yaml with --config).
    Schema(SchemaArgs),
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Output directory (default: `public` in the site directory).
    #[arg(long, short = 'o')]
    pub out: Option<PathBuf>,
    /// Treat warnings as errors; nothing is written when there is any finding.
    #[arg(long)]
    pub strict: bool,
    /// Set the publishing gate for a kind of finding, over site.yaml's `policy:` (repeatable),
    /// e.g. `--policy missing=error`; LEVEL is `error`, `warning` or `ignore`.
    #[arg(long = "policy", value_name = "KIND=LEVEL", value_parser = policy_arg)]
    pub policy: Vec<String>,
    /// Only render these locales (repeatable).
    #[arg(long = "locale", short = 'l')]
    pub locales: Vec<String>,
    /// Publish a site without guides (an error otherwise: `content/` moved away would replace
    /// the site with an empty one).
    #[arg(long)]
    pub allow_empty: bool,
    /// Remove files of the output directory that stepdoc did not write (kept, with a note, by
    /// default; `.git` is always kept).
    #[arg(long)]
    pub delete_other_files: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Port to listen on (0 picks a free one).
    #[arg(long, short = 'p', default_value_t = 4040)]
    pub port: u16,
    /// Address to listen on; anything but loopback exposes the preview to the network.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: std::net::IpAddr,
    /// Open the preview in the default browser.
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,
    /// Set the publishing gate for a kind of finding, over site.yaml's `policy:` (repeatable),
    /// e.g. `--policy missing=error`; LEVEL is `error`, `warning` or `ignore`.
    #[arg(long = "policy", value_name = "KIND=LEVEL", value_parser = policy_arg)]
    pub policy: Vec<String>,
    /// Output format of the findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Accept a site without guides (an error otherwise, as for `build`).
    #[arg(long)]
    pub allow_empty: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Grouped, with source lines; colored on a terminal.
    Human,
    /// `{ "findings": [...], "summary": {...} }`.
    Json,
    /// GitHub Actions workflow annotations.
    Github,
    /// A SARIF 2.1.0 log, for code scanning.
    Sarif,
}

#[derive(Debug, Subcommand)]
pub enum I18nCommand {
    /// Per locale and guide: translated, missing, stale, obsolete and unchanged messages.
    Status(StatusArgs),
    /// Add stubs for missing messages and record translations in the lock; never deletes text.
    Sync(SyncArgs),
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Only these locales (repeatable).
    #[arg(long = "locale", short = 'l')]
    pub locales: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
    pub format: StatusFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    /// Aligned columns for the terminal.
    Table,
    /// Machine-readable.
    Json,
    /// A Markdown table, e.g. for a pull-request comment.
    Markdown,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Only these locales (repeatable).
    #[arg(long = "locale", short = 'l')]
    pub locales: Vec<String>,
    /// Move obsolete entries, commented out, to an "Obsolete" section at the end of the file.
    #[arg(long)]
    pub prune: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The guide id (directory name and URL segment), e.g. `acme-crm`.
    pub id: String,
    /// Language the guide is written in (default: the site's default locale).
    #[arg(long)]
    pub source_locale: Option<String>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Directory of the new site; created if missing, refused if not empty.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Language the example guide is written in.
    #[arg(long, default_value = "en")]
    pub source: String,
    /// The site's languages, comma-separated (the source language is added if missing).
    #[arg(long, value_delimiter = ',', default_value = "en,nl,fr,fi")]
    pub locales: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum ThemeCommand {
    /// Copy the built-in theme into themes/NAME/ to change its templates, styles and strings.
    Eject(EjectArgs),
}

#[derive(Debug, Args)]
pub struct EjectArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Directory name under themes/; `default` overrides the built-in theme file by file.
    #[arg(long, default_value = "default")]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Print the schema of site.yaml instead of guide.yaml.
    #[arg(long)]
    pub config: bool,
}

/// A `--policy` value, checked as the command line is read (a wrong one is a usage error).
fn policy_arg(arg: &str) -> Result<String, String> {
    crate::diagnostics::Policy::default().set_from_arg(arg)?;
    Ok(arg.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }
}
