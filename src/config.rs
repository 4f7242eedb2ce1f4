//! `site.yaml`: the site's title, URL, locales, theme, variables and fallback policy.

use std::collections::BTreeMap;
use std::path::Path;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, Kind, Level, Location, Policy, display_path};
use crate::layout::CONFIG_FILE;
use crate::yaml::Text;

/// The raw, strictly-typed `site.yaml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Site title per locale code; the default locale's entry is required.
    pub title: BTreeMap<String, String>,
    /// Absolute URL the site is published at, e.g. `https://help.example.com/`.
    pub base_url: Text,
    /// Locale codes, in the order of the language switcher.
    pub locales: Vec<Text>,
    /// Locale of `public/index.html`'s fallback and of `x-default`.
    pub default_locale: Text,
    /// Theme directory name under `themes/`; `default` is built in.
    #[serde(default)]
    pub theme: Option<Text>,
    /// Fluent variables available to every message, e.g. `support-email`.
    #[serde(default)]
    pub variables: BTreeMap<String, String>,
    /// What a page shows when a translation is incomplete.
    #[serde(default)]
    pub fallback: FallbackMode,
    /// Which translations get a side-by-side review page (`/review/<lang>/<guide>/`).
    #[serde(default)]
    pub review_pages: ReviewPages,
    /// Where readers who are stuck get help: shown at the end of every guide ("Still stuck?
    /// Contact support") when set.
    #[serde(default)]
    pub support: Option<Support>,
    /// The publishing gate: per kind of finding, `error` (fail `build` and `check`), `warning`
    /// or `ignore`, e.g. `{ missing: error }` for a release that must be fully translated. By
    /// default `stale`, `literal-lost`, `placeable-mismatch` and `wrong-language` are errors.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, crate::diagnostics::Level>")]
    pub policy: BTreeMap<String, Text>,
}

/// The support call to action at the end of every guide.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Support {
    /// The address of the button: `https://…`, `mailto:…` or `tel:…`.
    pub url: Text,
    /// Another address for some locales, e.g. `{ fi: "mailto:tuki@example.fi" }`.
    #[serde(default)]
    pub urls: BTreeMap<String, Text>,
}

impl Support {
    /// The address for `locale`.
    pub fn url(&self, locale: &str) -> &str {
        self.urls.get(locale).unwrap_or(&self.url).as_str()
    }
}

/// `needed`: only translations with missing, stale, obsolete or unchanged messages (the ones a
/// reviewer has work on); `all`: every translation; `none`: no review pages.
#[derive(Clone, Copy, Debug, Default, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewPages {
    #[default]
    Needed,
    All,
    None,
}

/// Per-message fallback shows the source text for each missing message, marked; whole-guide
/// fallback shows an incomplete translation's guide entirely in its source language.
#[derive(Clone, Copy, Debug, Default, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum FallbackMode {
    #[default]
    Message,
    Guide,
}

/// The validated configuration that later stages use.
#[derive(Clone, Debug)]
pub struct Config {
    pub titles: BTreeMap<String, String>,
    pub base_url: String,
    pub locales: Vec<String>,
    pub default_locale: String,
    pub theme: String,
    pub variables: BTreeMap<String, String>,
    pub fallback: FallbackMode,
    pub review_pages: ReviewPages,
    pub support: Option<Support>,
    /// The publishing gate (`policy:` over the default).
    pub policy: Policy,
}

impl Config {
    /// The site title in `locale`, or in the default locale.
    pub fn title(&self, locale: &str) -> &str {
        self.titles
            .get(locale)
            .or_else(|| self.titles.get(&self.default_locale))
            .map_or("", String::as_str)
    }

    pub fn has_locale(&self, locale: &str) -> bool {
        self.locales.iter().any(|l| l == locale)
    }
}

/// Read and validate `site.yaml` in `root`; every problem is pushed to `diagnostics`.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Option<Config> {
    let rel = Path::new(CONFIG_FILE);
    let source = match crate::input::read_text_if_exists(root, rel) {
        Ok(Some(text)) => text,
        Ok(None) => {
            diagnostics.push(
                Diagnostic::error(
                    Kind::Io,
                    Location::file(rel),
                    format!(
                        "cannot read {CONFIG_FILE}: no such file in {}",
                        display_path(root)
                    ),
                )
                .with_help("run stepdoc in a site directory, or pass --root DIR"),
            );
            return None;
        }
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    let raw: RawConfig = match crate::yaml::parse(rel, &source) {
        Ok(raw) => raw,
        Err(d) => {
            diagnostics.extend(d);
            return None;
        }
    };
    let before = diagnostics.error_count();
    check_theme(root, rel, &raw, diagnostics);
    let config = validate(rel, raw, diagnostics);
    config.filter(|_| diagnostics.error_count() == before)
}

/// `theme:` names a directory under `themes/` (or the built-in `default`): a plain name, not a
/// path, so no theme is ever read from outside the site.
fn check_theme(root: &Path, rel: &Path, raw: &RawConfig, diagnostics: &mut Diagnostics) {
    let Some(theme) = &raw.theme else {
        return;
    };
    let name = theme.as_str();
    let available = available_themes(root);
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':', '\0'])
        && !Path::new(name).is_absolute();
    let problem = if !plain {
        format!(
            "theme `{name}` is not a name: write the name of a directory under themes/, not a path"
        )
    } else if name == "default" || available.iter().any(|t| t == name) {
        return;
    } else {
        format!("theme `{name}` not found in themes/")
    };
    let mut help = format!(
        "themes: {}; or remove `theme:` to use the built-in default",
        available.join(", ")
    );
    if let Some(near) = crate::diagnostics::did_you_mean(name, available.iter().map(String::as_str))
    {
        help = format!("did you mean `{near}`? {help}");
    }
    diagnostics.push(
        Diagnostic::error(Kind::MissingTheme, theme.location(rel), problem)
            .with_field("theme")
            .with_help(help),
    );
}

/// `default` and the names of the directories under `root/themes/` (symlinks that resolve to a
/// directory inside the site included), sorted.
fn available_themes(root: &Path) -> Vec<String> {
    let mut names = vec!["default".to_owned()];
    if let Ok(entries) = std::fs::read_dir(root.join(crate::layout::THEMES_DIR)) {
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            let rel = Path::new(crate::layout::THEMES_DIR).join(&name);
            if !name.starts_with('.')
                && crate::input::resolve_inside(root, &rel).is_ok_and(|p| p.is_dir())
                && name != "default"
            {
                names.push(name);
            }
        }
    }
    names.sort();
    names
}

fn validate(rel: &Path, raw: RawConfig, diagnostics: &mut Diagnostics) -> Option<Config> {
    let before = diagnostics.error_count();
    let locales = check_locales(rel, &raw, diagnostics);
    let default_locale = raw.default_locale.as_str().to_owned();
    check_default_locale(rel, &raw, &locales, diagnostics);
    let base_url = raw.base_url.as_str();
    check_base_url(rel, &raw, diagnostics);
    check_variables(rel, &raw, diagnostics);
    if let Some(support) = &raw.support {
        check_support(rel, support, &locales, diagnostics);
    }
    let policy = policy(rel, &raw, diagnostics);
    if diagnostics.error_count() > before {
        return None;
    }
    let mut base_url = base_url.to_owned();
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    Some(Config {
        titles: raw.title,
        base_url,
        locales,
        default_locale,
        theme: raw
            .theme
            .as_ref()
            .map_or_else(|| "default".to_owned(), |t| t.as_str().to_owned()),
        variables: raw.variables,
        fallback: raw.fallback,
        review_pages: raw.review_pages,
        support: raw.support,
        policy,
    })
}

/// The publishing gate: the default, adjusted by `policy:`.
fn policy(rel: &Path, raw: &RawConfig, diagnostics: &mut Diagnostics) -> Policy {
    let mut policy = Policy::default();
    for (name, level) in &raw.policy {
        let set = match Level::parse(level.as_str()) {
            Some(parsed) => policy.set(name, parsed),
            None => Err(format!(
                "`{}` is not a level; write `error`, `warning` or `ignore`",
                level.as_str()
            )),
        };
        if let Err(problem) = set {
            diagnostics.push(
                Diagnostic::error(
                    Kind::InvalidPolicy,
                    level.location(rel),
                    format!("policy: {problem}"),
                )
                .with_field(format!("policy.{name}"))
                .with_help("see docs/publishing.md for the kinds a policy can set"),
            );
        }
    }
    policy
}

/// The valid locale codes of `locales`, in order; invalid and repeated ones are reported.
fn check_locales(rel: &Path, raw: &RawConfig, diagnostics: &mut Diagnostics) -> Vec<String> {
    let mut locales: Vec<String> = Vec::new();
    for locale in &raw.locales {
        let code = locale.as_str();
        if unic_langid::LanguageIdentifier::from_bytes(code.as_bytes()).is_err()
            || code.is_empty()
            || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            diagnostics.push(
                Diagnostic::error(
                    Kind::InvalidLocale,
                    locale.location(rel),
                    format!("`{code}` is not a valid locale code"),
                )
                .with_help("use a BCP 47 code such as `en`, `nl`, `fr-CA`"),
            );
        } else if crate::layout::is_reserved_locale(code) {
            diagnostics.push(
                Diagnostic::error(
                    Kind::InvalidLocale,
                    locale.location(rel),
                    format!(
                        "locale `{code}` has the name of a directory the site generates; its pages would collide with the site's own"
                    ),
                )
                .with_help(format!(
                    "use a BCP 47 code such as `en`, `nl`, `fr-CA`; these names are taken: {}",
                    crate::layout::OUTPUT_DIRS.join(", ")
                )),
            );
        } else if locales.iter().any(|l| l == code) {
            diagnostics.push(Diagnostic::error(
                Kind::DuplicateId,
                locale.location(rel),
                format!("locale `{code}` is listed twice"),
            ));
        } else {
            locales.push(code.to_owned());
        }
    }
    if raw.locales.is_empty() {
        diagnostics.push(
            Diagnostic::error(
                Kind::InvalidLocale,
                Location::new(rel, 1, 1),
                "no locales listed",
            )
            .with_help("add `locales: [en]` (or more) to site.yaml"),
        );
    }
    locales
}

/// The default locale is one of the site's, and the site has a title in it.
fn check_default_locale(
    rel: &Path,
    raw: &RawConfig,
    locales: &[String],
    diagnostics: &mut Diagnostics,
) {
    let default_locale = raw.default_locale.as_str();
    if !locales.iter().any(|l| l == default_locale) {
        diagnostics.push(
            Diagnostic::error(
                Kind::InvalidLocale,
                raw.default_locale.location(rel),
                format!("default locale `{default_locale}` is not in `locales`"),
            )
            .with_help(format!("use one of: {}", locales.join(", "))),
        );
    }
    if !raw.titles_ok(default_locale) {
        diagnostics.push(
            Diagnostic::error(
                Kind::MissingField,
                Location::new(rel, 1, 1),
                format!("`title` has no entry for the default locale `{default_locale}`"),
            )
            .with_help(format!("add `title: {{ {default_locale}: \"…\" }}`")),
        );
    }
}

/// `base_url` is an absolute http(s) URL.
fn check_base_url(rel: &Path, raw: &RawConfig, diagnostics: &mut Diagnostics) {
    let base_url = raw.base_url.as_str();
    if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
        diagnostics.push(
            Diagnostic::error(
                Kind::InvalidUrl,
                raw.base_url.location(rel),
                format!("base_url `{base_url}` is not an absolute http(s) URL"),
            )
            .with_help("write it as `https://help.example.com/`"),
        );
    }
}

/// Every site variable's name is a Fluent identifier.
fn check_variables(rel: &Path, raw: &RawConfig, diagnostics: &mut Diagnostics) {
    for name in raw.variables.keys() {
        if !is_fluent_identifier(name) {
            diagnostics.push(
                Diagnostic::error(
                    Kind::InvalidVariable,
                    Location::new(rel, 1, 1),
                    format!("variable name `{name}` is not a Fluent identifier"),
                )
                .with_help("use letters, digits, `-` and `_`, starting with a letter"),
            );
        }
    }
}

/// The support addresses have an allowed scheme, for locales the site has.
fn check_support(rel: &Path, support: &Support, locales: &[String], diagnostics: &mut Diagnostics) {
    let urls = std::iter::once(&support.url).chain(support.urls.values());
    for text in urls {
        let url = text.as_str();
        let absolute = ["https://", "http://", "mailto:", "tel:"]
            .iter()
            .any(|scheme| url.starts_with(scheme));
        if !absolute || url.chars().any(char::is_whitespace) {
            diagnostics.push(
                Diagnostic::error(
                    Kind::InvalidUrl,
                    text.location(rel),
                    format!("support url `{url}` is not an https, http, mailto or tel address"),
                )
                .with_help(
                    "write it as `https://support.example.com/` or `mailto:support@example.com`",
                ),
            );
        }
    }
    for locale in support.urls.keys() {
        if !locales.contains(locale) {
            diagnostics.push(Diagnostic::error(
                Kind::InvalidLocale,
                Location::new(rel, 1, 1),
                format!("support urls: `{locale}` is not in `locales`"),
            ));
        }
    }
}

impl RawConfig {
    fn titles_ok(&self, default_locale: &str) -> bool {
        self.title.contains_key(default_locale)
    }
}

/// Fluent identifiers: `[a-zA-Z][a-zA-Z0-9_-]*`.
pub fn is_fluent_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
