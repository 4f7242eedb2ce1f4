//! The publishing gate: per finding kind, whether `build` and `check` fail on it (`error`),
//! report it (`warning`) or leave it out (`ignore`). The site's `policy:` in `site.yaml` and
//! `--policy KIND=LEVEL` on the command line adjust the default. A policy only decides about
//! findings that were reported as warnings: an error means a page cannot be made correctly and
//! stays an error whatever the policy says.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Diagnostics, Kind, Severity};

/// What the gate does with a kind of finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Fail `build` and `check`; nothing is published.
    Error,
    /// Report it; publishing goes on (`--strict` fails on warnings too).
    Warning,
    /// Leave it out of reports.
    Ignore,
}

impl Level {
    /// The level named `text` (`error`, `warning`, `ignore`).
    pub fn parse(text: &str) -> Option<Level> {
        match text {
            "error" => Some(Level::Error),
            "warning" => Some(Level::Warning),
            "ignore" => Some(Level::Ignore),
            _ => None,
        }
    }
}

/// The gate's level per kind; kinds it does not name keep the severity they were found with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    levels: BTreeMap<&'static str, (Kind, Level)>,
}

/// Findings that make a published page say something its source does not: a translation made
/// from an older source, or one that lost a number, a link or a placeable, or is in another
/// language. Missing and untranslated text is shown marked as such, so it does not fail by
/// default: a help center publishes while its translations catch up.
const DEFAULT_ERRORS: [Kind; 4] = [
    Kind::Stale,
    Kind::LiteralLost,
    Kind::PlaceableMismatch,
    Kind::WrongLanguage,
];

impl Default for Policy {
    fn default() -> Self {
        let mut policy = Policy {
            levels: BTreeMap::new(),
        };
        for kind in DEFAULT_ERRORS {
            policy.levels.insert(kind.as_str(), (kind, Level::Error));
        }
        policy
    }
}

impl Policy {
    /// Set the level of the kind named `name`; an unknown name or a kind that is never a
    /// warning is refused with a message that says what to write instead.
    pub fn set(&mut self, name: &str, level: Level) -> Result<(), String> {
        let Some(kind) = Kind::from_name(name) else {
            let hint = Kind::closest(name)
                .map(|k| format!("; did you mean `{k}`?"))
                .unwrap_or_default();
            return Err(format!("`{name}` is not a kind of finding{hint}"));
        };
        if !kind.can_be_warning() {
            return Err(format!(
                "`{name}` is always an error (the page cannot be made correctly); a policy decides about warnings only"
            ));
        }
        self.levels.insert(kind.as_str(), (kind, level));
        Ok(())
    }

    /// Set a level from `KIND=LEVEL` (the command line's `--policy`).
    pub fn set_from_arg(&mut self, arg: &str) -> Result<(), String> {
        let (name, level) = arg
            .split_once('=')
            .ok_or_else(|| format!("`{arg}`: write KIND=LEVEL, e.g. `missing=error`"))?;
        let level = Level::parse(level.trim()).ok_or_else(|| {
            format!("`{level}`: the level is one of `error`, `warning`, `ignore`")
        })?;
        self.set(name.trim(), level)
    }

    /// The level of `kind`, if the policy names it.
    pub fn level(&self, kind: Kind) -> Option<Level> {
        self.levels.get(kind.as_str()).map(|(_, level)| *level)
    }

    /// `diagnostics` with the policy applied: warnings of a kind it names become errors, stay,
    /// or are left out; errors stay errors. Returns the findings kept and how many were left out.
    pub fn apply(&self, diagnostics: Diagnostics) -> (Diagnostics, usize) {
        let mut ignored = 0;
        let kept = diagnostics
            .into_vec()
            .into_iter()
            .filter_map(|mut d| {
                if d.severity == Severity::Error {
                    return Some(d);
                }
                match self.level(d.kind) {
                    Some(Level::Error) => d.severity = Severity::Error,
                    Some(Level::Ignore) => {
                        ignored += 1;
                        return None;
                    }
                    Some(Level::Warning) | None => {}
                }
                Some(d)
            })
            .collect();
        (kept, ignored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Diagnostic, Location};

    fn findings() -> Diagnostics {
        [
            Diagnostic::warning(Kind::Missing, Location::file("a.ftl"), "m"),
            Diagnostic::warning(Kind::Stale, Location::file("a.ftl"), "s"),
            Diagnostic::warning(Kind::Obsolete, Location::file("a.ftl"), "o"),
            Diagnostic::error(Kind::DuplicateMessage, Location::file("a.ftl"), "d"),
        ]
        .into_iter()
        .collect()
    }

    #[test]
    fn default_fails_on_stale_and_publishes_missing() {
        let (kept, ignored) = Policy::default().apply(findings());
        assert_eq!(ignored, 0);
        let severity = |kind: Kind| kept.iter().find(|d| d.kind == kind).map(|d| d.severity);
        assert_eq!(severity(Kind::Stale), Some(Severity::Error));
        assert_eq!(severity(Kind::Missing), Some(Severity::Warning));
        assert_eq!(severity(Kind::DuplicateMessage), Some(Severity::Error));
    }

    #[test]
    fn levels_raise_lower_and_ignore_warnings_but_never_errors() {
        let mut policy = Policy::default();
        policy.set_from_arg("missing=error").expect("valid");
        policy.set_from_arg("stale = warning").expect("valid");
        policy.set_from_arg("obsolete=ignore").expect("valid");
        policy
            .set_from_arg("duplicate-message=ignore")
            .expect("valid");
        let (kept, ignored) = policy.apply(findings());
        assert_eq!(ignored, 1);
        let severity = |kind: Kind| kept.iter().find(|d| d.kind == kind).map(|d| d.severity);
        assert_eq!(severity(Kind::Missing), Some(Severity::Error));
        assert_eq!(severity(Kind::Stale), Some(Severity::Warning));
        assert_eq!(severity(Kind::Obsolete), None);
        assert_eq!(severity(Kind::DuplicateMessage), Some(Severity::Error));
    }

    #[test]
    fn bad_settings_say_what_to_write() {
        let mut policy = Policy::default();
        let err = policy.set_from_arg("stael=error").expect_err("typo");
        assert!(err.contains("did you mean `stale`"), "{err}");
        let err = policy
            .set_from_arg("yaml-syntax=ignore")
            .expect_err("always an error");
        assert!(err.contains("always an error"), "{err}");
        let err = policy.set_from_arg("missing").expect_err("no level");
        assert!(err.contains("KIND=LEVEL"), "{err}");
        let err = policy.set_from_arg("missing=fatal").expect_err("bad level");
        assert!(err.contains("`error`, `warning`, `ignore`"), "{err}");
    }
}
