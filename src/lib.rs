//! stepdoc: a static-site generator for multilingual integration setup guides.
//!
//! The pipeline: `config` + `content` (load, parse, validate) → `i18n` (Fluent text) → `site`
//! (the checked model) → `render` (HTML in memory) → `write` (atomic publish). The `commands`
//! only orchestrate these stages. Every import points down the layers that ARCHITECTURE.md
//! lists (a test holds it so).

pub mod cli;
pub mod commands;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod i18n;
pub mod input;
pub mod layout;
pub mod markers;
pub mod render;
pub mod serve;
pub mod site;
pub mod stream;
pub mod theme;
pub mod timing;
pub mod write;
pub mod yaml;
