//! The theme: Tera templates, static assets and localized theme strings. The default theme is
//! embedded in the binary from one directory listing (`themes/default`); a site's own
//! `themes/<name>/` files override it by path.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentResource;
use include_dir::{Dir, include_dir};

use crate::diagnostics::{Diagnostic, Diagnostics, Kind, Location, display_path};
use crate::i18n::bundle::{Bundle, new_bundle};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Locale whose theme strings fill in for strings missing in another locale.
const STRINGS_FALLBACK: &str = "en";

/// A loaded theme.
pub struct Theme {
    pub tera: tera::Tera,
    /// Static files: path under `static/` → bytes.
    pub assets: BTreeMap<String, Vec<u8>>,
    /// Theme strings per locale (with the English fallback applied).
    pub strings: BTreeMap<String, Strings>,
}

/// The theme strings of one locale.
pub struct Strings {
    bundle: Bundle,
    fallback: Option<Bundle>,
    /// Every string without arguments, formatted once: `skip-to-content` is `skip_to_content`.
    all: BTreeMap<String, String>,
    /// `all` as a template value, converted once (templates see it as `t`).
    value: tera::Value,
    /// Strings with arguments formatted so far, by id and argument values (`step-label` with
    /// `number = 3` is asked for on every page): formatting depends on nothing else.
    formatted: std::sync::RwLock<rustc_hash::FxHashMap<String, String>>,
}

impl Strings {
    /// The string `id` with `args`, or `id` itself if no locale defines it.
    pub fn get_with(&self, id: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]) -> String {
        let Some(memo_key) = memo_key(id, args) else {
            return self.format(id, args);
        };
        let known = self
            .formatted
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&memo_key)
            .cloned();
        if let Some(text) = known {
            return text;
        }
        let text = self.format(id, args);
        self.formatted
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(memo_key, text.clone());
        text
    }

    /// [`Strings::get_with`] without the memo.
    fn format(&self, id: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]) -> String {
        let mut fargs = fluent_bundle::FluentArgs::new();
        for (name, value) in args {
            fargs.set(*name, value.clone());
        }
        let key = crate::content::catalog::MessageKey::value(id);
        let mut errors = Vec::new();
        crate::i18n::bundle::format(&self.bundle, &key, &fargs, &mut errors)
            .or_else(|| {
                self.fallback
                    .as_ref()
                    .and_then(|b| crate::i18n::bundle::format(b, &key, &fargs, &mut errors))
            })
            .unwrap_or_else(|| id.to_owned())
    }

    pub fn get(&self, id: &str) -> String {
        match self.all.get(&id.replace('-', "_")) {
            Some(text) => text.clone(),
            None => self.get_with(id, &[]),
        }
    }

    /// Every string without arguments as a template value, `t` in templates (`skip-to-content` is
    /// `t.skip_to_content`); cheap to clone, maps are shared.
    pub fn value(&self) -> tera::Value {
        self.value.clone()
    }
}

/// The memo key of a string with arguments: its id and each argument's name and value, or
/// `None` when an argument is not a string or a number (those are formatted every time).
fn memo_key(id: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]) -> Option<String> {
    use fluent_bundle::FluentValue;
    let mut key = String::with_capacity(id.len() + 16);
    key.push_str(id);
    for (name, value) in args {
        key.push('\u{0}');
        key.push_str(name);
        key.push('\u{0}');
        match value {
            FluentValue::String(s) => {
                key.push('s');
                key.push_str(s);
            }
            FluentValue::Number(n) => {
                // Every option counts (plural rules see `1.0` differently from `1`).
                key.push_str(&format!("n{n:?}"));
            }
            _ => return None,
        }
    }
    Some(key)
}

/// Every file of the theme named `name`: embedded default overridden by `root/themes/<name>/`.
fn theme_files(
    root: &Path,
    name: &str,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, (PathBuf, Vec<u8>)> {
    let mut files = BTreeMap::new();
    if name == "default" {
        collect_embedded(&DEFAULT_THEME, &mut files);
    }
    let theme_rel = Path::new(crate::layout::THEMES_DIR).join(name);
    let dir = match crate::input::resolve_inside(root, &theme_rel) {
        Ok(dir) => dir,
        Err(refusal) => {
            diagnostics.push(refusal.diagnostic(&theme_rel));
            return files;
        }
    };
    if dir.is_dir() {
        read_theme_dir(root, &dir, &theme_rel, &mut files, diagnostics);
    } else if name != "default" {
        diagnostics.push(
            Diagnostic::error(
                Kind::MissingTheme,
                Location::file("site.yaml"),
                format!("theme `{name}` not found in themes/"),
            )
            .with_help("create themes/<name>/, or remove `theme:` to use the built-in default"),
        );
    }
    files
}

/// Read every file under the theme directory `dir` (`theme_rel` in the site) through the one
/// reader: a symlink is read only when it resolves to a file inside the site; one that leads
/// out, a FIFO or a device is reported and not read; symlinked directories are not entered.
fn read_theme_dir(
    root: &Path,
    dir: &Path,
    theme_rel: &Path,
    files: &mut BTreeMap<String, (PathBuf, Vec<u8>)>,
    diagnostics: &mut Diagnostics,
) {
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_dir() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let key = display_path(rel);
        let site_rel = theme_rel.join(rel);
        if entry.path_is_symlink() && std::fs::metadata(entry.path()).is_ok_and(|m| m.is_dir()) {
            // A symlinked directory inside the site is not entered; one outside is refused.
            if let Err(refusal) = crate::input::resolve_inside(root, &site_rel) {
                diagnostics.push(refusal.diagnostic(&site_rel));
            }
            continue;
        }
        match crate::input::read_site_file(root, &site_rel, crate::input::MAX_INPUT_BYTES) {
            Ok(bytes) => {
                files.insert(key, (site_rel, bytes));
            }
            Err(refusal) => diagnostics.push(refusal.diagnostic(&site_rel)),
        }
    }
}

fn collect_embedded(dir: &Dir<'static>, out: &mut BTreeMap<String, (PathBuf, Vec<u8>)>) {
    for file in dir.files() {
        let key = display_path(file.path());
        let site_rel = Path::new("themes/default").join(file.path());
        out.insert(key, (site_rel, file.contents().to_vec()));
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

/// Load the theme for `locales`.
pub fn load(
    root: &Path,
    name: &str,
    locales: &[String],
    diagnostics: &mut Diagnostics,
) -> Option<Theme> {
    let files = theme_files(root, name, diagnostics);
    let sorted = sort_files(files, diagnostics);
    // Unreadable files were reported above; the theme fails on what follows.
    let before = diagnostics.error_count();
    let tera = compile_templates(&sorted.templates, diagnostics);
    let strings = locale_strings(name, locales, sorted.strings, diagnostics);
    if diagnostics.error_count() > before {
        return None;
    }
    Some(Theme {
        tera,
        assets: sorted.assets,
        strings,
    })
}

/// A theme's files by what they are.
struct ThemeFiles {
    /// (template name, path in the site, text)
    templates: Vec<(String, PathBuf, String)>,
    /// Static files by path under `static/`.
    assets: BTreeMap<String, Vec<u8>>,
    /// Strings by locale: (path in the site, text).
    strings: BTreeMap<String, (PathBuf, String)>,
}

/// Sort a theme's files (by path in the theme) into templates, assets and strings; text files
/// are decoded.
fn sort_files(
    files: BTreeMap<String, (PathBuf, Vec<u8>)>,
    diagnostics: &mut Diagnostics,
) -> ThemeFiles {
    let mut sorted = ThemeFiles {
        templates: Vec::new(),
        assets: BTreeMap::new(),
        strings: BTreeMap::new(),
    };
    for (key, (site_rel, bytes)) in files {
        if let Some(tpl) = key.strip_prefix("templates/") {
            match crate::input::decode(&site_rel, &bytes) {
                Ok(text) => sorted.templates.push((tpl.to_owned(), site_rel, text)),
                Err(d) => diagnostics.push(d),
            }
        } else if let Some(asset) = key.strip_prefix("static/") {
            sorted.assets.insert(asset.to_owned(), bytes);
        } else if let Some(file) = key.strip_prefix("strings/")
            && let Some(locale) = file.strip_suffix(".ftl")
        {
            match crate::input::decode(&site_rel, &bytes) {
                Ok(text) => {
                    sorted.strings.insert(locale.to_owned(), (site_rel, text));
                }
                Err(d) => diagnostics.push(d),
            }
        }
    }
    sorted
}

/// The templates compiled, HTML and XML autoescaped; an error names the template at fault.
fn compile_templates(
    templates: &[(String, PathBuf, String)],
    diagnostics: &mut Diagnostics,
) -> tera::Tera {
    let mut tera = tera::Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    if let Err(err) = tera.add_raw_templates(
        templates
            .iter()
            .map(|(tpl, _, text)| (tpl.as_str(), text.as_str())),
    ) {
        // Tera names the template at fault in its report; point at that file.
        let report = err.to_string();
        let path = templates
            .iter()
            .find(|(tpl, _, _)| {
                report.contains(&format!("'{tpl}'")) || report.contains(tpl.as_str())
            })
            .map_or_else(
                || PathBuf::from(crate::layout::THEMES_DIR),
                |(_, site_rel, _)| site_rel.clone(),
            );
        diagnostics.push(template_error(&path, &err));
    }
    tera
}

/// The strings of each locale, with English behind them; a locale without strings of its own is
/// reported.
fn locale_strings(
    name: &str,
    locales: &[String],
    sources: BTreeMap<String, (PathBuf, String)>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, Strings> {
    let mut parsed: BTreeMap<String, Arc<FluentResource>> = BTreeMap::new();
    for (locale, (site_rel, text)) in sources {
        let (resource, errors) = crate::i18n::ftl::parse(&site_rel, text);
        for d in errors {
            diagnostics.push(d);
        }
        parsed.insert(locale, Arc::new(resource));
    }
    let fallback = parsed.get(STRINGS_FALLBACK).cloned();
    let mut strings = BTreeMap::new();
    for locale in locales {
        let own = parsed.get(locale);
        if own.is_none() {
            diagnostics.push(
                Diagnostic::warning(
                    Kind::MissingThemeStrings,
                    Location::file(format!("themes/{name}/strings/{locale}.ftl")),
                    format!("the theme has no strings for locale `{locale}`; English is used"),
                )
                .with_help(strings_help(name, locale)),
            );
        }
        strings.insert(locale.clone(), Strings::new(locale, own, fallback.as_ref()));
    }
    strings
}

/// How to add the strings of `locale` to theme `name`: the built-in theme's files are not in the
/// site until `stepdoc theme eject` copies them there.
fn strings_help(name: &str, locale: &str) -> String {
    let copy =
        format!("copy themes/{name}/strings/en.ftl to strings/{locale}.ftl and translate it");
    if name == "default" {
        format!("{copy} (`stepdoc theme eject` first writes the built-in theme to themes/default/)")
    } else {
        copy
    }
}

/// Write the built-in theme's files under `dest` (e.g. `themes/default`); returns how many.
/// Refuses to overwrite: an existing file is an error, and nothing after it is written.
pub fn eject(dest: &Path) -> std::io::Result<usize> {
    let mut files = BTreeMap::new();
    collect_embedded(&DEFAULT_THEME, &mut files);
    for (rel, (_, bytes)) in &files {
        let path = dest.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)?;
        std::io::Write::write_all(&mut file, bytes)?;
    }
    Ok(files.len())
}

impl Strings {
    /// The strings of `locale` (`own`), falling back to `fallback` (English).
    fn new(
        locale: &str,
        own: Option<&Arc<FluentResource>>,
        fallback: Option<&Arc<FluentResource>>,
    ) -> Self {
        let mut ids: Vec<String> = own
            .into_iter()
            .chain(fallback)
            .flat_map(|r| message_ids(r))
            .collect();
        ids.sort();
        ids.dedup();
        let mut entry = Strings {
            bundle: new_bundle(locale, own.map_or(&[], std::slice::from_ref)),
            fallback: fallback.map(|r| new_bundle(STRINGS_FALLBACK, std::slice::from_ref(r))),
            all: BTreeMap::new(),
            value: tera::Value::none(),
            formatted: std::sync::RwLock::default(),
        };
        entry.all = ids
            .iter()
            .map(|id| (id.replace('-', "_"), entry.get_with(id, &[])))
            .collect();
        entry.value = tera::Value::from_serializable(&entry.all);
        entry
    }
}

fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

fn template_error(path: &Path, err: &tera::Error) -> Diagnostic {
    Diagnostic::error(
        Kind::Template,
        Location::file(path),
        format!("template error: {err}"),
    )
    .with_help("fix the template syntax; Tera reports the line and column above")
}

#[cfg(test)]
mod tests {
    use super::{load, memo_key};
    use crate::diagnostics::Diagnostics;
    use fluent_bundle::FluentValue;

    #[test]
    fn strings_with_arguments_are_remembered_by_their_argument_values() {
        let mut diagnostics = Diagnostics::new();
        let locales = ["en".to_owned(), "fi".to_owned()];
        let theme = load(
            std::path::Path::new("/nonexistent"),
            "default",
            &locales,
            &mut diagnostics,
        )
        .expect("the default theme loads");
        for locale in &locales {
            let strings = &theme.strings[locale];
            for number in ["3", "4", "3.2", "3"] {
                let args = [("number", FluentValue::from(number))];
                let fresh = strings.format("step-label", &args);
                assert!(fresh.contains(number), "{locale}: {fresh}");
                assert_eq!(strings.get_with("step-label", &args), fresh);
            }
            for percent in [0, 40, 100, 40] {
                let args = [("percent", FluentValue::from(percent))];
                let fresh = strings.format("fallback-banner", &args);
                assert!(fresh.contains(&percent.to_string()), "{locale}: {fresh}");
                assert_eq!(strings.get_with("fallback-banner", &args), fresh);
            }
        }
    }

    #[test]
    fn memo_keys_tell_every_argument_apart() {
        let one: FluentValue<'_> = "1.0"
            .parse::<fluent_bundle::types::FluentNumber>()
            .map_or_else(|_| FluentValue::None, FluentValue::Number);
        let keys = [
            memo_key("a", &[("n", FluentValue::from(1))]),
            memo_key("a", &[("n", one)]),
            memo_key("a", &[("n", FluentValue::from("1"))]),
            memo_key("a", &[("m", FluentValue::from("1"))]),
            memo_key("b", &[("n", FluentValue::from("1"))]),
            memo_key(
                "a",
                &[("n", FluentValue::from("1")), ("m", FluentValue::from("2"))],
            ),
            memo_key("a", &[]),
        ];
        for (i, a) in keys.iter().enumerate() {
            assert!(a.is_some());
            for b in &keys[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(memo_key("a", &[("n", FluentValue::None)]), None);
    }
}
