//! Text of one page in one locale: the translation where there is one, otherwise the source text
//! marked with its real language and a "not yet translated" badge — never silently.

use rustc_hash::FxHashMap;

use fluent_bundle::FluentArgs;

use super::markdown;
use crate::content::catalog::{Format, MessageKey};
use crate::diagnostics::{Diagnostic, Diagnostics, Kind, Location};
use crate::i18n::bundle::{self, Bundle, format};
use crate::i18n::terms::Terms;
use crate::render::escape;
use crate::site::{GuideData, Site, Translation};

/// Formats the messages of one guide page.
pub struct Localizer<'a> {
    locale: &'a str,
    source_locale: &'a str,
    /// The translation (its bundle, and its messages already formatted by the consistency
    /// check); `None` on a source-language page, without translation, or when the page is
    /// shown in the source language as a whole.
    translation: Option<&'a Translation>,
    source: &'a Bundle,
    /// The source messages already formatted (see `GuideData::source_formatted`).
    source_formatted: &'a FxHashMap<MessageKey, String>,
    /// Texts formatted for this page so far (the view and the search entries ask for the same
    /// messages), each with its plain text once it is known.
    memo: FxHashMap<MessageKey, Formatted>,
    /// Translated messages whose source changed since (marked "may be outdated").
    stale: Option<&'a std::collections::BTreeMap<MessageKey, String>>,
    /// Localized badge text for stale translations.
    outdated_label: String,
    /// Mark source-language text on a translated page (off when the whole page is shown in the
    /// source language on purpose).
    mark_fallback: bool,
    args: FluentArgs<'a>,
    /// Localized badge text for fallback text.
    untranslated_label: String,
    /// Messages shown from the source language (on a translated page).
    fallbacks: usize,
    errors: Vec<Diagnostic>,
    path: &'a std::path::Path,
    /// UI labels of the locale's glossary that are in another language: (label, language).
    foreign_ui: &'a [(String, String)],
    /// The glossaries of the page's locale and of the source locale (for UI paths).
    terms: Option<&'a Terms>,
    source_terms: Option<&'a Terms>,
}

impl<'a> Localizer<'a> {
    /// The localizer of `data`'s page in `locale`. With `source_only` (the whole page is shown
    /// in the source language on purpose) no translation is used and nothing is marked.
    pub fn for_page(
        site: &'a Site,
        data: &'a GuideData,
        locale: &'a str,
        source_only: bool,
    ) -> Self {
        let strings = &site.theme.strings[locale];
        Localizer {
            locale,
            source_locale: data.source_locale(),
            translation: if source_only {
                None
            } else {
                data.translations.get(locale)
            },
            mark_fallback: !source_only,
            stale: if source_only {
                None
            } else {
                data.status.get(locale).map(|s| &s.stale)
            },
            outdated_label: strings.get("outdated"),
            source: &data.source_bundle,
            source_formatted: &data.source_formatted,
            // Every message of the guide is asked for once or twice: no regrowth.
            memo: FxHashMap::with_capacity_and_hasher(
                data.source_formatted.len() + 8,
                rustc_hash::FxBuildHasher,
            ),
            args: bundle::args(&site.config.variables),
            untranslated_label: strings.get("untranslated"),
            fallbacks: 0,
            errors: Vec::new(),
            path: &data.loaded.path,
            foreign_ui: site
                .terms
                .get(locale)
                .map_or(&[][..], |t| t.foreign_ui.as_slice()),
            terms: if source_only {
                None
            } else {
                site.terms.get(locale)
            },
            source_terms: site.terms.get(data.source_locale()),
        }
    }

    /// The locale of the page.
    pub fn locale(&self) -> &'a str {
        self.locale
    }

    /// The locale the guide is written in.
    pub fn source_locale(&self) -> &'a str {
        self.source_locale
    }

    /// The localized "not yet translated" badge text.
    pub fn untranslated_label(&self) -> &str {
        &self.untranslated_label
    }

    /// How many texts of the page were shown from the source language so far.
    pub fn fallbacks(&self) -> usize {
        self.fallbacks
    }

    /// The formatting errors met so far (the page must not be published with them).
    pub fn take_errors(&mut self) -> Diagnostics {
        std::mem::take(&mut self.errors).into_iter().collect()
    }

    /// Every message asked for so far (the view's and the search entries' messages).
    pub fn asked(&self) -> impl Iterator<Item = &MessageKey> {
        self.memo.keys()
    }
}

/// A formatted text and whether it is source-language fallback.
#[derive(Clone)]
pub struct Localized {
    pub text: String,
    pub fallback: bool,
}

/// One message as formatted for a page.
#[derive(Debug)]
pub struct Formatted {
    /// Markdown with UI markers.
    text: String,
    fallback: bool,
    /// The text without markup, from the same Markdown parse as the HTML when there was one.
    plain: Option<String>,
}

impl Localizer<'_> {
    fn is_source_page(&self) -> bool {
        self.locale == self.source_locale
    }

    /// `key` formatted, once per page; every call counts a fallback text.
    fn formatted(&mut self, key: &MessageKey) -> &mut Formatted {
        if !self.memo.contains_key(key) {
            let formatted = self.format(key);
            self.memo.insert(key.clone(), formatted);
        }
        let formatted = self.memo.get_mut(key).expect("inserted above");
        if formatted.fallback {
            self.fallbacks += 1;
        }
        formatted
    }

    /// Format `key`: the translation, else the source text (marked as fallback on a translated
    /// page). Errors are reported once; the page then fails to render.
    fn format(&mut self, key: &MessageKey) -> Formatted {
        let mut errors = Vec::new();
        let translated = if self.is_source_page() {
            None
        } else {
            self.translation.and_then(|t| match t.formatted.get(key) {
                Some(text) => Some(text.clone()),
                None => format(&t.bundle, key, &self.args, &mut errors),
            })
        };
        let (text, fallback) = match translated {
            Some(text) => {
                let untranslated = self
                    .translation
                    .is_some_and(|t| t.untranslated.contains(key));
                (text, untranslated && self.mark_fallback)
            }
            None => {
                let text = match self.source_formatted.get(key) {
                    Some(text) => text.clone(),
                    None => format(self.source, key, &self.args, &mut errors).unwrap_or_default(),
                };
                (text, !self.is_source_page() && self.mark_fallback)
            }
        };
        for error in errors {
            self.errors.push(Diagnostic::error(
                Kind::Fluent,
                Location::file(self.path),
                format!("cannot format `{key}` in {}: {error}", self.locale),
            ));
        }
        Formatted {
            text,
            fallback,
            plain: None,
        }
    }

    /// The raw formatted text of `key` (Markdown, with UI markers).
    pub fn text(&mut self, key: &MessageKey) -> Localized {
        let formatted = self.formatted(key);
        Localized {
            text: formatted.text.clone(),
            fallback: formatted.fallback,
        }
    }

    /// `key` as HTML in `format`, wrapped with `lang` and a badge when it is fallback text.
    pub fn html(&mut self, key: &MessageKey, format: Format) -> String {
        let foreign_ui = self.foreign_ui;
        let formatted = self.formatted(key);
        let fallback = formatted.fallback;
        let (html, plain) = markdown::html_and_plain(&formatted.text, format == Format::Block);
        let html = mark_foreign_labels(hyphen_keeps_its_word(html), foreign_ui);
        formatted.plain = Some(plain);
        if !fallback {
            if self.stale.is_some_and(|s| s.contains_key(key)) {
                let badge = escape(&self.outdated_label);
                return match format {
                    Format::Inline => {
                        format!("{html} <span class=\"badge outdated\">{badge}</span>")
                    }
                    Format::Block => {
                        format!("{html}<p><span class=\"badge outdated\">{badge}</span></p>")
                    }
                };
            }
            return html;
        }
        let lang = escape(self.source_locale);
        let badge = escape(&self.untranslated_label);
        match format {
            Format::Inline => format!(
                "<span class=\"fallback\" lang=\"{lang}\">{html}</span> <span class=\"badge untranslated\">{badge}</span>"
            ),
            Format::Block => format!(
                "<div class=\"fallback\" lang=\"{lang}\">{html}</div><p><span class=\"badge untranslated\">{badge}</span></p>"
            ),
        }
    }

    pub fn inline(&mut self, key: &MessageKey) -> String {
        self.html(key, Format::Inline)
    }

    pub fn block(&mut self, key: &MessageKey) -> String {
        self.html(key, Format::Block)
    }

    /// The UI label term `name` (without `-`, e.g. `ui-api-keys`) as HTML: the page locale's
    /// label, or the source locale's marked as fallback when the locale's glossary lacks it
    /// (reported by the site's check); empty when neither defines it (an error reported there).
    pub fn ui_label(&mut self, name: &str) -> String {
        if let Some(text) = self.terms.and_then(|t| term_text(t, self.locale, name)) {
            let html = markdown::inline(&text);
            return mark_foreign_labels(html, self.foreign_ui);
        }
        let Some(text) = self
            .source_terms
            .and_then(|t| term_text(t, self.source_locale, name))
        else {
            return String::new();
        };
        let html = markdown::inline(&text);
        if self.locale == self.source_locale || !self.mark_fallback {
            return html;
        }
        self.fallbacks += 1;
        format!(
            "<span class=\"fallback\" lang=\"{}\">{html}</span> <span class=\"badge untranslated\">{}</span>",
            escape(self.source_locale),
            escape(&self.untranslated_label)
        )
    }

    /// The UI label term `name` as plain text: the page locale's label, else the source's.
    pub fn ui_label_plain(&self, name: &str) -> String {
        self.terms
            .and_then(|t| term_text(t, self.locale, name))
            .or_else(|| {
                self.source_terms
                    .and_then(|t| term_text(t, self.source_locale, name))
            })
            .map(|text| markdown::plain(&text))
            .unwrap_or_default()
    }

    /// Plain text (for attributes, `<title>`), and whether it is fallback.
    pub fn plain(&mut self, key: &MessageKey) -> Localized {
        let formatted = self.formatted(key);
        let plain = formatted
            .plain
            .get_or_insert_with(|| markdown::plain(&formatted.text));
        Localized {
            text: plain.clone(),
            fallback: formatted.fallback,
        }
    }
}

/// The value of term `name` of `terms` formatted in `locale` (with the UI markers of the
/// glossary), or `None` when the glossary does not define it.
fn term_text(terms: &Terms, locale: &str, name: &str) -> Option<String> {
    use fluent_syntax::ast::Entry;
    let term = terms.resource.entries().find_map(|entry| match entry {
        Entry::Term(term) if term.id.name == name => Some(term),
        _ => None,
    })?;
    let bundle = bundle::new_bundle(locale, std::slice::from_ref(&terms.resource));
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(&term.value, None, &mut errors)
            .into_owned(),
    )
}

/// `lang` on the UI labels that are in another language than the page (an English interface
/// label in a Dutch guide), so that screen readers pronounce them in their language.
fn mark_foreign_labels(html: String, foreign: &[(String, String)]) -> String {
    const OPEN: &str = "<span class=\"ui\">";
    if foreign.is_empty() || !html.contains(OPEN) {
        return html;
    }
    let mut html = html;
    for (label, lang) in foreign {
        let plain = format!("{OPEN}{}</span>", escape(label));
        if html.contains(&plain) {
            let marked = format!(
                "<span class=\"ui\" lang=\"{}\">{}</span>",
                escape(lang),
                escape(label)
            );
            html = html.replace(&plain, &marked);
        }
    }
    html
}

/// A space before a hyphen that starts a word becomes a no-break space, so that a line never
/// starts with the hyphen: Finnish joins a suffix to a multi-word name that way
/// ("Workplace Analytics -integraatio"), and the suffix must stay on the name's line. Code is
/// left alone (a command's ` -flag` is copied as typed).
fn hyphen_keeps_its_word(html: String) -> String {
    if !html.contains(" -") {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 8);
    let mut rest = html.as_str();
    loop {
        // Text up to the next code span, which is copied unchanged.
        let (text, code) = match rest.find("<code") {
            Some(open) => {
                let close = rest[open..]
                    .find("</code>")
                    .map_or(rest.len(), |c| open + c + "</code>".len());
                (&rest[..open], &rest[open..close])
            }
            None => (rest, ""),
        };
        let mut chunk = text;
        while let Some(at) = chunk.find(" -") {
            out.push_str(&chunk[..at]);
            let starts_word = chunk[at + 2..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            out.push(if starts_word { '\u{a0}' } else { ' ' });
            chunk = &chunk[at + 1..];
        }
        out.push_str(chunk);
        out.push_str(code);
        rest = &rest[text.len() + code.len()..];
        if rest.is_empty() {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{hyphen_keeps_its_word, mark_foreign_labels};

    #[test]
    fn foreign_ui_labels_get_their_language() {
        let foreign = [("Company menu".to_owned(), "en".to_owned())];
        assert_eq!(
            mark_foreign_labels(
                "Open <span class=\"ui\">Company menu</span> en <span class=\"ui\">Opslaan</span>"
                    .into(),
                &foreign
            ),
            "Open <span class=\"ui\" lang=\"en\">Company menu</span> en <span class=\"ui\">Opslaan</span>"
        );
    }

    #[test]
    fn a_hyphen_that_starts_a_word_stays_on_the_line_of_the_word_before() {
        let fix = |s: &str| hyphen_keeps_its_word(s.to_owned());
        assert_eq!(
            fix("Workplace Analytics -integraatio ja <span class=\"ui\">A</span> -sovellus"),
            "Workplace Analytics\u{a0}-integraatio ja <span class=\"ui\">A</span>\u{a0}-sovellus"
        );
        assert_eq!(fix("a - b, x -1 -"), "a - b, x\u{a0}-1 -");
        assert_eq!(fix("no hyphen"), "no hyphen");
        assert_eq!(
            fix("run <code>cmd -v</code> -nyt <code>x"),
            "run <code>cmd -v</code>\u{a0}-nyt <code>x"
        );
    }
}
