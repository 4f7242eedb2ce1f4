//! stepdoc: a static-site generator for multilingual integration setup guides.
//!
//! The pipeline: `config` + `content` (load, parse, validate) → `i18n` (Fluent text) → `site`
//! (the checked model) → `render` (HTML in memory) → `write` (atomic publish). The `commands`
//! only orchestrate these stages.

pub mod cli;
pub mod commands;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod i18n;
pub mod render;
pub mod serve;
pub mod site;
pub mod write;
pub mod yaml;
