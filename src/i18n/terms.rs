//! The glossary of a locale, `locales/<lang>/terms.ftl`: product names and UI labels as Fluent
//! terms, shared by every guide of that locale. `-ui-*` terms are marked so that they render as
//! UI labels.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Pattern, PatternElement};

use super::ftl;
use crate::diagnostics::{Diagnostic, Diagnostics, Kind, Location};
use crate::markers::{UI_CLOSE_STR, UI_OPEN_STR};

/// Terms whose name starts with this render as UI labels.
pub const UI_PREFIX: &str = "ui-";

/// The terms of one locale.
#[derive(Clone, Debug)]
pub struct Terms {
    /// `locales/<lang>/terms.ftl`, relative to the site root.
    pub path: PathBuf,
    /// The file's text (empty when there is no file).
    pub source: String,
    /// Term name (without `-`) → references it makes, for checks.
    pub names: BTreeMap<String, Vec<super::refs::Reference>>,
    /// The runtime resource, with UI terms wrapped in markers.
    pub resource: Arc<FluentResource>,
    /// UI labels in another language than the locale's (a `-ui-*` term with a `.lang`
    /// attribute, e.g. English labels of software without a Dutch interface): (label text,
    /// language), so that pages can mark them with `lang`.
    pub foreign_ui: Vec<(String, String)>,
}

impl Terms {
    pub fn contains(&self, name: &str) -> bool {
        self.names.contains_key(name)
    }
}

/// Load the terms of `locale` from `root`.
pub fn load(root: &Path, locale: &str, diagnostics: &mut Diagnostics) -> Terms {
    let path = crate::layout::terms_file(locale);
    let source = match crate::input::read_text_if_exists(root, &path) {
        Ok(text) => text.unwrap_or_default(),
        Err(d) => {
            diagnostics.push(d);
            String::new()
        }
    };
    from_source(path, source, diagnostics)
}

/// Build the terms of a locale from the text of its `terms.ftl`.
pub fn from_source(path: PathBuf, source: String, diagnostics: &mut Diagnostics) -> Terms {
    if source.len() > ftl::MAX_FTL_BYTES {
        diagnostics.push(Diagnostic::error(
            Kind::FileTooLarge,
            Location::file(&path),
            format!("file is over the limit of {} bytes", ftl::MAX_FTL_BYTES),
        ));
        return from_source(path, String::new(), diagnostics);
    }
    let mut ast = match fluent_syntax::parser::parse(source.as_str()) {
        Ok(ast) => ast,
        Err((ast, errors)) => {
            for error in &errors {
                diagnostics.push(ftl::syntax_error(&path, &source, error));
            }
            ast
        }
    };
    let mut names = BTreeMap::new();
    let mut foreign_ui = Vec::new();
    ast.body.retain(|entry| match entry {
        Entry::Message(message) => {
            let location = ftl::find_entry(&path, &source, message.id.name)
                .unwrap_or_else(|| Location::file(&path));
            diagnostics.push(
                Diagnostic::warning(
                    Kind::NotATerm,
                    location,
                    format!(
                        "`{}` is a message; terms.ftl holds terms only",
                        message.id.name
                    ),
                )
                .with_help(format!(
                    "rename it to `-{}` to make it a term",
                    message.id.name
                )),
            );
            false
        }
        _ => true,
    });
    for entry in &mut ast.body {
        if let Entry::Term(term) = entry {
            let mut refs = super::refs::collect(&term.value);
            for attribute in &term.attributes {
                refs.extend(super::refs::collect(&attribute.value));
            }
            names.insert(term.id.name.to_owned(), refs);
            if term.id.name.starts_with(UI_PREFIX) {
                if let Some(foreign) = foreign_label(term) {
                    foreign_ui.push(foreign);
                }
                wrap_ui(&mut term.value);
            }
        }
    }
    let serialized = fluent_syntax::serializer::serialize(&ast);
    let resource = FluentResource::try_new(serialized).unwrap_or_else(|(r, _)| r);
    Terms {
        path,
        source,
        names,
        resource: Arc::new(resource),
        foreign_ui,
    }
}

/// (label, language) of a UI term with a `.lang` attribute and plain text.
fn foreign_label(term: &fluent_syntax::ast::Term<&str>) -> Option<(String, String)> {
    let text = |pattern: &Pattern<&str>| -> Option<String> {
        pattern
            .elements
            .iter()
            .map(|e| match e {
                PatternElement::TextElement { value } => Some(*value),
                PatternElement::Placeable { .. } => None,
            })
            .collect()
    };
    let lang = term.attributes.iter().find(|a| a.id.name == "lang")?;
    let lang = text(&lang.value)?.trim().to_owned();
    let valid = !lang.is_empty() && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    valid.then_some(())?;
    Some((text(&term.value)?, lang))
}

fn wrap_ui(pattern: &mut Pattern<&str>) {
    pattern
        .elements
        .insert(0, PatternElement::TextElement { value: UI_OPEN_STR });
    pattern.elements.push(PatternElement::TextElement {
        value: UI_CLOSE_STR,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ui_terms_are_wrapped_and_others_not() {
        let mut diags = Diagnostics::new();
        let terms = from_source(
            PathBuf::from("locales/en/terms.ftl"),
            "-wpm = Workplace Management\n-ui-setup = Setup\n".into(),
            &mut diags,
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert!(terms.contains("wpm") && terms.contains("ui-setup"));
        let source = terms.resource.source();
        assert!(
            source.contains("-ui-setup = \u{E000}Setup\u{E001}"),
            "{source:?}"
        );
        assert!(
            source.contains("-wpm = Workplace Management\n"),
            "{source:?}"
        );
    }

    #[test]
    fn ui_terms_with_a_lang_attribute_are_listed_as_foreign() {
        let mut diags = Diagnostics::new();
        let terms = from_source(
            PathBuf::from("locales/nl/terms.ftl"),
            "-ui-menu = Company menu\n    .lang = en\n-ui-save = Opslaan\n-ui-x = { -ui-save }\n    .lang = en\n"
                .into(),
            &mut diags,
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            terms.foreign_ui,
            [("Company menu".to_owned(), "en".to_owned())]
        );
    }

    #[test]
    fn messages_in_terms_file_are_warned_about() {
        let mut diags = Diagnostics::new();
        let terms = from_source(
            PathBuf::from("locales/en/terms.ftl"),
            "wpm = Workplace Management\n".into(),
            &mut diags,
        );
        assert_eq!(diags.len(), 1);
        assert_eq!(diags.iter().next().map(|d| d.kind), Some(Kind::NotATerm));
        assert!(!terms.contains("wpm"));
    }
}
