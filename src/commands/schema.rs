//! `stepdoc schema`: the JSON Schema of guide.yaml (or site.yaml), for editors.

use std::process::ExitCode;

use crate::cli::SchemaArgs;

/// The JSON Schema of `guide.yaml`.
pub(super) fn guide_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(crate::content::model::Guide)).unwrap_or_default()
}

/// The JSON Schema of `site.yaml`.
pub(super) fn config_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(crate::config::RawConfig)).unwrap_or_default()
}

pub(super) fn run(args: &SchemaArgs) -> anyhow::Result<ExitCode> {
    let schema = if args.config {
        config_schema()
    } else {
        guide_schema()
    };
    println!("{}", serde_json::to_string_pretty(&schema)?);
    Ok(ExitCode::SUCCESS)
}
