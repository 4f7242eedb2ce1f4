//! Diagnostics: every problem found in a site's input, with its location, and how to print them.
//!
//! Stages never stop at the first problem: they push `Diagnostic`s into a `Diagnostics` list and
//! carry on, so one run reports everything. Commands decide what to do with the list.

use std::collections::HashMap;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Level as SnippetLevel, Origin, Renderer, Snippet};
use serde::Serialize;

mod kind;
mod policy;

pub use kind::{Area, Kind, reference_markdown};
pub use policy::{Level, Policy};

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A place in an input file: a path relative to the site root, 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    pub path: PathBuf,
    pub line: u32,
    pub column: u32,
}

impl Location {
    pub fn new(path: impl Into<PathBuf>, line: u32, column: u32) -> Self {
        Self {
            path: path.into(),
            line,
            column,
        }
    }

    /// The location of a whole file (no line known).
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Self::new(path, 0, 0)
    }

    /// The location `offset` bytes into `source`.
    pub fn at_offset(path: impl Into<PathBuf>, source: &str, offset: usize) -> Self {
        let (line, column) = line_col(source, offset);
        Self::new(path, line, column)
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = display_path(&self.path);
        if self.line == 0 {
            write!(f, "{path}")
        } else {
            write!(f, "{path}:{}:{}", self.line, self.column)
        }
    }
}

/// Forward slashes on every OS, so reports and snapshots are stable.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(source.len());
    let mut offset = offset;
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine name, e.g. `duplicate-id`, `yaml-syntax`, `unknown-term`.
    pub kind: Kind,
    pub location: Location,
    /// Path of the field in the input, e.g. `sections[1].steps[3].image`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// For translation findings: the locale, guide and message concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guide: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// For stale translations: the source text the translation was made from, and the source
    /// text now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_source: Option<String>,
    /// For screenshot findings: the source screenshot the localized one was made from, and the
    /// source screenshot now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Box<ImageChange>>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A screenshot file as a finding describes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImageFacts {
    /// Content hash (the lock's hash of the file's bytes); empty when not computed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub hash: String,
    /// Size in bytes; 0 when not read.
    #[serde(skip_serializing_if = "is_zero")]
    pub bytes: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

/// The screenshot a finding is about: its name in the guide, and the source screenshot before
/// and now (or the localized one and the source one, for a finding that compares them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImageChange {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<ImageFacts>,
    pub new: ImageFacts,
}

impl Diagnostic {
    pub fn error(kind: Kind, location: Location, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            kind,
            location,
            field: None,
            message: message.into(),
            help: None,
            locale: None,
            guide: None,
            message_id: None,
            old_source: None,
            new_source: None,
            image: None,
        }
    }

    pub fn warning(kind: Kind, location: Location, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(kind, location, message)
        }
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Attach the locale, guide and message a translation finding is about.
    #[must_use]
    pub fn about(mut self, locale: &str, guide: &str, message_id: Option<&str>) -> Self {
        self.locale = Some(locale.to_owned());
        self.guide = Some(guide.to_owned());
        self.message_id = message_id.map(str::to_owned);
        self
    }

    #[must_use]
    /// The source text a translation was made from, and the source text now.
    pub fn with_sources(mut self, old: &str, new: &str) -> Self {
        self.old_source = Some(old.to_owned());
        self.new_source = Some(new.to_owned());
        self
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }
}

/// A value and every finding met making it (`T` is an `Option` when the value may be missing).
pub type Checked<T> = (T, Diagnostics);

/// The findings of one run, in the order they were found until `sort` is called.
///
/// Stages hand back what they made and what they found in one of three shapes (ARCHITECTURE.md):
/// `Result<T, Diagnostic>` where one problem stops the work (reading a file, parsing YAML);
/// [`Checked<T>`] where the stage goes on and reports everything; `Result<T, Diagnostics>` where
/// nothing is made unless everything is right (rendering a page).
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.len() - self.error_count()
    }

    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// Errors first, then warnings, each by file, line, column and kind: what must be fixed
    /// leads, and the output is stable whatever the order of discovery.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (
                std::cmp::Reverse(a.severity),
                &a.location,
                a.kind.as_str(),
                &a.message,
            )
                .cmp(&(
                    std::cmp::Reverse(b.severity),
                    &b.location,
                    b.kind.as_str(),
                    &b.message,
                ))
        });
        self.items.dedup();
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl std::ops::Index<usize> for Diagnostics {
    type Output = Diagnostic;

    fn index(&self, index: usize) -> &Diagnostic {
        &self.items[index]
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Self {
            items: vec![diagnostic],
        }
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<T: IntoIterator<Item = Diagnostic>>(iter: T) -> Self {
        Self {
            items: iter.into_iter().collect(),
        }
    }
}

/// The candidate closest to `name` when it is close enough to be a typo of it (for "did you
/// mean" hints): Jaro-Winkler similarity above 0.8, the first best on a tie.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(name, candidate);
        if score > 0.8 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Whether human output should use ANSI colors: only on a terminal, and never with `NO_COLOR`.
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

/// Characters of a source line kept either side of the caret: more than a terminal shows, so the
/// renderer still cuts what it prints to the terminal's width (marking the cuts with `...`), while
/// a line of hundreds of kilobytes is never handed to it whole.
const LINE_CONTEXT_CHARS: usize = 512;

/// Render diagnostics for people with `annotate-snippets`: severity, kind and message, the
/// location, the source line with a caret (labelled with the field, when known), help.
/// `read` gives the text of a file named by a location, decoded as the stage that reported it
/// decoded it (`input::read_text`), so the caret points at the column the location counts.
pub fn render_human(
    diagnostics: &Diagnostics,
    color: bool,
    read: impl Fn(&Path) -> Option<String>,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut sources: HashMap<PathBuf, Option<String>> = HashMap::new();
    let mut out = String::new();
    for d in diagnostics.iter() {
        let line = if d.location.line > 0 {
            sources
                .entry(d.location.path.clone())
                .or_insert_with(|| read(&d.location.path))
                .as_deref()
                .and_then(|text| text.lines().nth(d.location.line as usize - 1))
        } else {
            None
        };
        out.push_str(&render_one(&renderer, d, line));
        out.push_str("\n\n");
    }
    out
}

fn render_one(renderer: &Renderer, d: &Diagnostic, line: Option<&str>) -> String {
    let level = match d.severity {
        Severity::Error => SnippetLevel::ERROR,
        Severity::Warning => SnippetLevel::WARNING,
    };
    let path = display_path(&d.location.path);
    let title = level.primary_title(d.message.as_str()).id(d.kind.as_str());
    let field = d.field.as_ref().map(|f| format!("at `{f}`"));
    let mut shown_column = None;
    let mut group = match line {
        Some(line) => {
            let (window, caret, column) = around_column(line, d.location.column);
            shown_column = Some(column);
            let caret = AnnotationKind::Primary.span(caret..caret).label(field);
            title.element(
                Snippet::source(window)
                    .line_start(d.location.line as usize)
                    .path(path.as_str())
                    .annotation(caret),
            )
        }
        None => {
            let mut origin = Origin::path(path.as_str());
            if d.location.line > 0 {
                origin = origin
                    .line(d.location.line as usize)
                    .char_column(d.location.column as usize);
            }
            let group = title.element(origin);
            match field {
                Some(field) => group.element(SnippetLevel::NOTE.message(field)),
                None => group,
            }
        }
    };
    if let Some(help) = &d.help {
        group = group.element(SnippetLevel::HELP.message(help.as_str()));
    }
    let text = renderer.render(&[group]);
    // The renderer counts the column in the text it is given; where that is a cut of the line
    // (or the location points past its end), the location line says the column reported.
    match shown_column {
        Some(shown) if shown != d.location.column as usize => {
            let line = d.location.line;
            let (title, rest) = text.split_at(text.find('\n').unwrap_or(text.len()));
            let rest = rest.replacen(
                &format!("{path}:{line}:{shown}"),
                &format!("{path}:{line}:{}", d.location.column),
                1,
            );
            format!("{title}{rest}")
        }
        _ => text,
    }
}

/// At most [`LINE_CONTEXT_CHARS`] characters of `line` either side of the 1-based character
/// `column` (its end, when the column is past it): the cut, the caret's byte offset in it and the
/// caret's 1-based column in it.
fn around_column(line: &str, column: u32) -> (&str, usize, usize) {
    let offset = |text: &str, chars: usize| {
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| i)
    };
    let caret = offset(line, (column as usize).saturating_sub(1));
    let start = line[..caret]
        .char_indices()
        .rev()
        .nth(LINE_CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let end = caret + offset(&line[caret..], LINE_CONTEXT_CHARS);
    let shown = line[start..caret].chars().count() + 1;
    (&line[start..end], caret - start, shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a: 1\nbé: x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 5), (2, 1));
        // 'x' is after "bé: " = 5 bytes but 4 characters
        let x = text.find('x').unwrap_or_default();
        assert_eq!(line_col(text, x), (2, 5));
    }

    fn human(diagnostic: Diagnostic, source: &str) -> String {
        let diags: Diagnostics = [diagnostic].into_iter().collect();
        render_human(&diags, false, |path| {
            (path == Path::new("g.yaml")).then(|| source.to_owned())
        })
    }

    #[test]
    fn human_output_shows_line_and_caret() {
        let text = human(
            Diagnostic::error(
                Kind::UnknownField,
                Location::new("g.yaml", 2, 1),
                "unknown field `titel`",
            )
            .with_field("sections[0]")
            .with_help("expected one of `title`, `id`"),
            "id: a\ntitel: b\n",
        );
        assert_eq!(
            text,
            concat!(
                "error[unknown-field]: unknown field `titel`\n",
                " --> g.yaml:2:1\n",
                "  |\n",
                "2 | titel: b\n",
                "  | ^ at `sections[0]`\n",
                "  |\n",
                "  = help: expected one of `title`, `id`\n",
                "\n",
            )
        );
    }

    #[test]
    fn human_output_without_a_source_line() {
        let file = human(
            Diagnostic::warning(Kind::Missing, Location::file("locales/nl/g.ftl"), "no file")
                .with_field("title")
                .with_help("run `stepdoc i18n sync`"),
            "",
        );
        assert_eq!(
            file,
            concat!(
                "warning[missing]: no file\n",
                "--> locales/nl/g.ftl\n",
                " = note: at `title`\n",
                " = help: run `stepdoc i18n sync`\n",
                "\n",
            )
        );
        let unreadable = human(
            Diagnostic::error(Kind::Io, Location::new("other.yaml", 3, 7), "cannot read"),
            "",
        );
        assert_eq!(
            unreadable,
            concat!("error[io]: cannot read\n", "--> other.yaml:3:7\n", "\n")
        );
    }

    #[test]
    fn a_long_line_is_cut_around_the_column() {
        let line = format!("{}needle{}", "a, ".repeat(140_000), " b,".repeat(1000));
        let column = 420_001;
        let text = human(
            Diagnostic::error(Kind::YamlSyntax, Location::new("g.yaml", 1, column), "here"),
            &line,
        );
        assert!(text.contains(&format!("--> g.yaml:1:{column}\n")), "{text}");
        assert!(text.len() < 1_000, "{} bytes", text.len());
        let shown = text
            .lines()
            .find(|l| l.starts_with("1 | "))
            .unwrap_or_default();
        let caret = text
            .lines()
            .find(|l| l.trim_end().ends_with('^'))
            .unwrap_or_default();
        assert_eq!(shown.find("needle"), caret.find('^'), "{text}");
        assert!(
            shown.starts_with("1 | ...") && shown.ends_with("..."),
            "{text}"
        );
    }

    #[test]
    fn a_column_past_the_end_of_the_line_is_reported_as_given() {
        let text = human(
            Diagnostic::error(Kind::YamlSyntax, Location::new("g.yaml", 1, 40), "end"),
            "key: value\n",
        );
        assert_eq!(
            text,
            concat!(
                "error[yaml-syntax]: end\n",
                " --> g.yaml:1:40\n",
                "  |\n",
                "1 | key: value\n",
                "  |           ^\n",
                "\n",
            )
        );
    }
}
