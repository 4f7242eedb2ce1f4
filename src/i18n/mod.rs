//! Fluent text: terms per locale, the source text of guides as a Fluent resource, translation
//! files, reference checks, and formatting with thread-safe bundles.

pub mod bundle;
pub mod consistency;
pub mod coverage;
pub mod ftl;
pub mod glossary;
pub mod history;
pub mod lock;
pub mod refs;
pub mod screenshots;
pub mod source;
pub mod sync;
pub mod terms;
pub mod words;
