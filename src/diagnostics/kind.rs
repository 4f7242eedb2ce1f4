//! Every kind of finding stepdoc reports, defined once: its stable name (the `kind` of JSON
//! reports and GitHub annotations), the stage that finds it, and a one-line meaning. The reference
//! table in `docs/findings.md` is generated from this list and a test keeps the two equal
//! (`STEPDOC_UPDATE_DOCS=1 cargo test findings_reference` rewrites it).

use serde::Serialize;

/// The stage of the pipeline that reports a kind; it groups the reference table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Area {
    /// Reading files and YAML: `site.yaml`, `guide.yaml`, the lock.
    Input,
    /// The site configuration and the theme.
    Site,
    /// A guide's structure: ids, references, screenshots.
    Guide,
    /// Fluent files and the consistency of translations with their source.
    Translation,
    /// Rendering pages and checking their links.
    Render,
}

impl Area {
    pub const ALL: [Area; 5] = [
        Area::Input,
        Area::Site,
        Area::Guide,
        Area::Translation,
        Area::Render,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Area::Input => "Reading input",
            Area::Site => "Site and theme",
            Area::Guide => "Guides",
            Area::Translation => "Translations",
            Area::Render => "Pages and links",
        }
    }
}

macro_rules! kinds {
    ($($variant:ident = $name:literal, $area:ident, $meaning:literal;)*) => {
        /// A kind of finding. Its name is stable: CI filters and translators' `allow` markers use it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Kind {
            $($variant,)*
        }

        impl Kind {
            /// Every kind, in the order of the reference table.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            /// The stable machine name, e.g. `duplicate-id`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Kind::$variant => $name,)*
                }
            }

            /// The stage of the pipeline that reports it.
            pub fn area(self) -> Area {
                match self {
                    $(Kind::$variant => Area::$area,)*
                }
            }

            /// What the finding means, in one line (Markdown).
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Kind::$variant => $meaning,)*
                }
            }
        }
    };
}

kinds! {
    Io = "io", Input, "a file or directory cannot be read or written (the operating system's reason is given)";
    FileTooLarge = "file-too-large", Input, "an input file is larger than stepdoc reads (64 MiB)";
    InvalidUtf8 = "invalid-utf8", Input, "a text file is not UTF-8";
    OutsideSite = "outside-site", Input, "an input file or directory is a symbolic link that leads outside the site; nothing of its target is read";
    NotAFile = "not-a-file", Input, "an input path is a FIFO, a device or a directory where a regular file is expected; it is not opened";
    BidiControl = "bidi-control", Input, "a YAML or Fluent file holds a bidirectional control character (U+202A–U+202E, U+2066–U+2069) that can make text read differently from what is published";
    ControlCharacter = "control-character", Input, "a YAML or Fluent file holds NUL or another control character (tab and line breaks are fine)";
    YamlSyntax = "yaml-syntax", Input, "the YAML does not parse";
    UnknownField = "unknown-field", Input, "a field or block kind that the format does not have (a typo, usually)";
    MissingField = "missing-field", Input, "a required field is absent";
    DuplicateKey = "duplicate-key", Input, "a key appears twice in one YAML mapping";
    WrongType = "wrong-type", Input, "a value of the wrong type (a list where text is expected, …)";
    LockInvalid = "lock-invalid", Input, "a line of a translation lock cannot be read; the translations it recorded count as untracked, and `i18n sync` leaves the locale alone until it is fixed";
    InvalidUrl = "invalid-url", Site, "`base_url` or a support address is not an absolute URL of an allowed scheme";
    InvalidVariable = "invalid-variable", Site, "a site variable's name is not a Fluent identifier";
    InvalidLocale = "invalid-locale", Site, "a locale that is not a BCP 47 tag, not one of the site's languages, or the name of a directory the site generates (`assets`, `media`, `review`, `search`, `static`, `status`)";
    InvalidPolicy = "invalid-policy", Site, "`policy:` names a kind that does not exist or is never a warning, or a level other than `error`, `warning`, `ignore`";
    MissingTheme = "missing-theme", Site, "the theme named in `site.yaml` is not the name of a directory under `themes/` (a path, `..` or an unknown name)";
    MissingThemeStrings = "missing-theme-strings", Site, "the theme has no strings for a locale of the site; English is shown";
    EmptySite = "empty-site", Site, "the site has no guides (`content/` is empty or missing); `--allow-empty` (for `check` and `build`) accepts it, and `build` publishes it";
    Template = "template", Site, "a theme template does not parse or fails to render";
    InvalidId = "invalid-id", Guide, "an id (guide directory, section, step, value) is not lowercase ASCII letters, digits and hyphens";
    DuplicateId = "duplicate-id", Guide, "two sections, steps, values or columns share an id";
    MissingFile = "missing-file", Guide, "a guide directory has no `guide.yaml`";
    InvalidDate = "invalid-date", Guide, "`updated` is not a date written `YYYY-MM-DD`";
    UnknownReference = "unknown-reference", Guide, "a step collects a value, or a table cell names a column, that the guide does not define; or `related` names a guide that does not exist";
    TooDeep = "too-deep", Guide, "a substep has substeps of its own";
    InvalidPath = "invalid-path", Guide, "a screenshot path leaves the guide's `images/` directory or is not a relative path";
    MissingImage = "missing-image", Guide, "a screenshot file does not exist (error); or, as a warning, a locale has no screenshot of its own where the source one is language-specific, so readers see the source-language screenshot";
    StaleImage = "stale-image", Translation, "a localized screenshot was made from an older version of the source screenshot (it changed since the lock, or the commit that last changed the localized file, recorded it; JSON: `image.old`, `image.new` with hash, bytes, width, height)";
    OrphanImage = "orphan-image", Translation, "a localized screenshot (`images/<lang>/…`) that no step of the guide uses";
    ImageAspect = "image-aspect", Translation, "a localized screenshot's aspect ratio differs from the source screenshot's by more than 10 % (a crop, or another screen?)";
    MissingAlt = "missing-alt", Guide, "a screenshot has no alternative text";
    EmptyText = "empty-text", Guide, "a text field of a guide (title, step, note, …) is empty, and would show as an empty heading or step";
    FtlSyntax = "ftl-syntax", Translation, "a Fluent file, or a text of `guide.yaml`, does not parse as Fluent; the entry is skipped";
    NotATerm = "not-a-term", Translation, "`terms.ftl` defines a message; it holds terms (`-name = …`) only";
    UnknownTerm = "unknown-term", Translation, "a term is referenced but defined nowhere";
    UnknownVariable = "unknown-variable", Translation, "a variable is referenced but `site.yaml` does not define it";
    DuplicateMessage = "duplicate-message", Translation, "an id defined twice in a file (error), or a glossary term redefined in a guide file (warning)";
    Missing = "missing", Translation, "a message of the guide has no translation; located at its stub, or where the stub belongs";
    Obsolete = "obsolete", Translation, "a translation of a message the guide no longer has";
    Stale = "stale", Translation, "the source changed after the translation was recorded, or (no lock record) after the commit that last changed it (JSON: `old_source`, `new_source`)";
    Untracked = "untracked", Translation, "a translation with no lock record and no commit to tell which source text it was made from";
    PlaceableMismatch = "placeable-mismatch", Translation, "terms or variables of the source missing or extra";
    LiteralLost = "literal-lost", Translation, "a URL, link destination, email, code span or number of the source is missing";
    Incomplete = "incomplete", Translation, "fewer sentences, paragraphs, list items, links, code spans or bold runs than the source";
    Unchanged = "unchanged", Translation, "the translation reads as the source text: not yet translated";
    WrongLanguage = "wrong-language", Translation, "the translator's own words read as another of the site's languages";
    Order = "order", Translation, "two consecutive steps' translations look swapped";
    Fluent = "fluent", Render, "a message cannot be formatted when the page is rendered";
    BrokenLink = "broken-link", Render, "a link or anchor points at a page or id that the site does not have";
}

impl Kind {
    /// Whether findings of this kind are ever reported as warnings (only those can be raised,
    /// kept or ignored by a publishing policy).
    pub fn can_be_warning(self) -> bool {
        matches!(
            self,
            Kind::LockInvalid
                | Kind::MissingThemeStrings
                | Kind::NotATerm
                | Kind::DuplicateMessage
                | Kind::Missing
                | Kind::Obsolete
                | Kind::Stale
                | Kind::Untracked
                | Kind::PlaceableMismatch
                | Kind::LiteralLost
                | Kind::Incomplete
                | Kind::Unchanged
                | Kind::WrongLanguage
                | Kind::Order
                | Kind::MissingImage
                | Kind::StaleImage
                | Kind::OrphanImage
                | Kind::ImageAspect
        )
    }

    /// The kind whose name is closest to `name`, when it is close enough to be a typo of it.
    pub fn closest(name: &str) -> Option<Kind> {
        super::did_you_mean(name, Kind::ALL.iter().map(|k| k.as_str())).and_then(Kind::from_name)
    }

    /// The kind named `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.as_str() == name)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for Kind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The reference table of every kind, grouped by area (the body of `docs/findings.md`).
pub fn reference_markdown() -> String {
    let mut out = String::new();
    for area in Area::ALL {
        out.push_str(&format!(
            "\n## {}\n\n| kind | meaning |\n|---|---|\n",
            area.title()
        ));
        for kind in Kind::ALL.iter().filter(|k| k.area() == area) {
            out.push_str(&format!("| `{}` | {} |\n", kind.as_str(), kind.meaning()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        let mut names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Kind::ALL.len());
        for kind in Kind::ALL {
            assert_eq!(Kind::from_name(kind.as_str()), Some(*kind));
        }
        assert_eq!(Kind::from_name("no-such-kind"), None);
    }
}
