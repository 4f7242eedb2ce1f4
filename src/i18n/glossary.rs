//! The glossary as translators meet it: which terms the sources use (and so every translating
//! locale needs), how many of them a locale defines, and what to say when a translation uses a
//! term its locale's glossary lacks (a term not translated yet, renamed, or misspelt).

use std::collections::BTreeSet;

use super::refs::Reference;
use super::terms::Terms;
use crate::diagnostics::display_path;

/// The terms `used` (names without `-`) and every term they reference in turn, as `source`
/// (the glossary of the text that uses them) defines them.
pub fn with_references(used: impl IntoIterator<Item = String>, source: &Terms) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut queue: Vec<String> = used.into_iter().collect();
    while let Some(name) = queue.pop() {
        if let Some(refs) = source.names.get(&name) {
            for reference in refs {
                if let Reference::Term(t) = reference
                    && !out.contains(t)
                {
                    queue.push(t.clone());
                }
            }
        }
        out.insert(name);
    }
    out
}

/// The names of the terms `refs` reference.
pub fn terms_of(refs: &[Reference]) -> impl Iterator<Item = &String> {
    refs.iter().filter_map(|r| match r {
        Reference::Term(t) => Some(t),
        _ => None,
    })
}

/// Whether `terms.ftl` holds a stub for `name` written by `stepdoc i18n sync`.
pub fn has_stub(terms: &Terms, name: &str) -> bool {
    let spelled = format!("-{name}");
    terms.source.lines().any(|line| {
        line.strip_prefix("# (")
            .and_then(|rest| rest.split_once(") "))
            .is_some_and(|(_, entry)| {
                entry
                    .strip_prefix(spelled.as_str())
                    .is_some_and(|after| after.trim_start().starts_with('='))
            })
    })
}

/// What to do about a translation into `locale` that uses `-name`, which `terms` (the locale's
/// glossary) does not define; `source` is the glossary of the guide's source locale.
pub fn unknown_term_help(
    name: &str,
    locale: &str,
    terms: &Terms,
    source: Option<&Terms>,
) -> String {
    let spelled = format!("-{name}");
    let file = display_path(&terms.path);
    if has_stub(terms, name) {
        return format!(
            "{file} has a stub for `{spelled}` with the source text (`# (…) {spelled} = …`): uncomment it and translate its value"
        );
    }
    let in_source = source.is_some_and(|s| s.contains(name));
    if in_source {
        // Names the source glossary lacks: a term renamed in this locale is one of them.
        let renamed = terms
            .names
            .keys()
            .filter(|n| source.is_some_and(|s| !s.contains(n)));
        if let Some(near) = nearest(name, renamed, usize::MAX) {
            return format!(
                "did you mean `-{near}`? {file} defines `-{near}`, which the source glossary does not: a term keeps its name in every language (only its value is translated), so rename `-{near}` to `{spelled}` in {file}"
            );
        }
        return format!(
            "the source uses `{spelled}` but {file} does not define it: add `{spelled} = …` with its translation (`stepdoc i18n sync --locale {locale}` adds a stub with the source value)"
        );
    }
    let limit = (name.chars().count() / 3).max(2);
    match nearest(name, terms.names.keys(), limit) {
        Some(near) => format!("did you mean `-{near}`? correct the spelling"),
        None => format!("define `{spelled} = …` in {file}, or correct the spelling"),
    }
}

/// The name of `names` nearest to `name` by edit distance, if within `limit`.
fn nearest<'a>(
    name: &str,
    names: impl Iterator<Item = &'a String>,
    limit: usize,
) -> Option<&'a str> {
    names
        .map(|n| (strsim::levenshtein(name, n), n))
        .filter(|(d, _)| *d <= limit)
        .min_by(|(a, x), (b, y)| a.cmp(b).then_with(|| x.cmp(y)))
        .map(|(_, n)| n.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(path: &str, text: &str) -> Terms {
        let mut diagnostics = crate::diagnostics::Diagnostics::new();
        super::super::terms::from_source(path.into(), text.to_owned(), &mut diagnostics)
    }

    #[test]
    fn references_of_used_terms_are_needed_too() {
        let source = terms(
            "t",
            "-acme = Acme\n-ui-x = { -acme } settings\n-other = O\n",
        );
        let used = with_references(["ui-x".to_owned()], &source);
        assert_eq!(used, BTreeSet::from(["acme".to_owned(), "ui-x".to_owned()]));
    }

    #[test]
    fn a_renamed_term_gets_a_did_you_mean() {
        let source = terms("locales/en/terms.ftl", "-ui-save = Save\n-acme = Acme\n");
        let fi = terms(
            "locales/fi/terms.ftl",
            "-ui-tallenna = Tallenna\n-acme = Acme\n",
        );
        let help = unknown_term_help("ui-save", "fi", &fi, Some(&source));
        assert!(help.starts_with("did you mean `-ui-tallenna`?"), "{help}");
        assert!(
            help.contains("rename `-ui-tallenna` to `-ui-save`"),
            "{help}"
        );
        let typo = unknown_term_help("acmee", "fi", &fi, Some(&source));
        assert!(typo.starts_with("did you mean `-acme`?"), "{typo}");
        let stubbed = terms(
            "locales/fi/terms.ftl",
            "-acme = Acme\n# (en) -ui-save = Save\n",
        );
        let help = unknown_term_help("ui-save", "fi", &stubbed, Some(&source));
        assert!(help.contains("uncomment it"), "{help}");
        let absent = terms("locales/fi/terms.ftl", "-acme = Acme\n");
        let help = unknown_term_help("ui-save", "fi", &absent, Some(&source));
        assert!(help.contains("i18n sync --locale fi"), "{help}");
    }
}
