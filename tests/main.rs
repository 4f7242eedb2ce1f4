//! The integration tests: one binary, a module per feature, fixture sites under
//! `tests/fixtures/`.

mod support;

mod architecture;
mod build;
mod ci;
mod consistency;
mod diagnostics;
mod escaping;
mod glossary;
mod history;
mod hostile;
mod i18n;
mod init;
mod integrity;
mod policy;
mod properties;
mod publish;
mod reader;
mod schema;
mod screenshots;
mod serve;
mod skeleton;
mod snapshots;
