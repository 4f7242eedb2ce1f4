//! The one id scheme: how each translatable part of a guide's structure is named as a Fluent
//! message (and its attributes), and the page anchor of the parts a reader can link to. The
//! catalog (what translators translate), the guide view (what the page shows), the search index
//! and the review page all name messages through [`Part`] and [`Attr`], so a new field is added
//! here once; a message the view asks for that the catalog does not define is a finding (see
//! `render::localize`), and a test renders every fixture guide and compares the two sets.
//!
//! Ids are derived from the structure's ids, never from positions, so reordering steps in YAML
//! loses no translation. The table of docs/guide-format.md ("Message ids") is tested against
//! [`TABLE`].

use std::fmt::Write as _;

use super::catalog::MessageKey;

/// A translatable part of a guide, named by its own id and the ids of what holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    Title,
    Summary,
    Audience,
    Keywords,
    Intro,
    Fact(&'a str),
    /// The prerequisites as a whole (their `.intro`).
    Prerequisites,
    Prerequisite(&'a str),
    Section(&'a str),
    /// One of a section's alternative procedures (its title).
    Alternative(&'a str),
    /// A step or a substep (step ids are unique across the guide).
    Step(&'a str),
    /// One option of a step's `choices`.
    Choice {
        step: &'a str,
        choice: &'a str,
    },
    Trouble(&'a str),
    Table(&'a str),
    Row {
        table: &'a str,
        row: &'a str,
    },
    List(&'a str),
    Group {
        list: &'a str,
        group: &'a str,
    },
    Item {
        list: &'a str,
        item: &'a str,
    },
    Definitions(&'a str),
    Definition {
        defs: &'a str,
        entry: &'a str,
    },
    Text(&'a str),
    Collect,
    Value(&'a str),
    /// The guide's result (`result`).
    Result,
}

/// An attribute of a part's message: a second text of the same part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attr<'a> {
    Label,
    Intro,
    Details,
    Alt,
    Caption,
    Result,
    When,
    Do,
    Hint,
    Term,
    /// An admonition: `note`, `tip` or `warning`.
    Admonition(&'static str),
    /// A table's column heading: `col-<column>`.
    Column(&'a str),
    /// A table row's cell in a column: `<column>`.
    Cell(&'a str),
}

impl Part<'_> {
    /// The message id, e.g. `step-open-settings`.
    pub fn id(self) -> String {
        let (prefix, ids): (&str, [&str; 2]) = match self {
            Part::Title => return "title".into(),
            Part::Summary => return "summary".into(),
            Part::Audience => return "audience".into(),
            Part::Keywords => return "keywords".into(),
            Part::Intro => return "intro".into(),
            Part::Collect => return "collect".into(),
            Part::Result => return "result".into(),
            Part::Prerequisites => return "prereqs".into(),
            Part::Fact(id) => ("fact", [id, ""]),
            Part::Prerequisite(id) => ("prereq", [id, ""]),
            Part::Section(id) => ("section", [id, ""]),
            Part::Alternative(id) => ("alternative", [id, ""]),
            Part::Step(id) => ("step", [id, ""]),
            Part::Choice { step, choice } => ("choice", [step, choice]),
            Part::Trouble(id) => ("trouble", [id, ""]),
            Part::Table(id) => ("table", [id, ""]),
            Part::Row { table, row } => ("row", [table, row]),
            Part::List(id) => ("list", [id, ""]),
            Part::Group { list, group } => ("group", [list, group]),
            Part::Item { list, item } => ("item", [list, item]),
            Part::Definitions(id) => ("defs", [id, ""]),
            Part::Definition { defs, entry } => ("def", [defs, entry]),
            Part::Text(id) => ("text", [id, ""]),
            Part::Value(id) => ("value", [id, ""]),
        };
        let mut out = String::with_capacity(prefix.len() + ids[0].len() + ids[1].len() + 2);
        out.push_str(prefix);
        for id in ids.iter().filter(|id| !id.is_empty()) {
            out.push('-');
            out.push_str(id);
        }
        out
    }

    /// The page anchor of the part: its message id (`#step-open-settings`), the same in every
    /// locale.
    pub fn anchor(self) -> String {
        self.id()
    }

    /// The anchor of the element of the page that shows the part, where a search result about
    /// its text lands: the part's own anchor, or its table, list, definition list or the facts;
    /// `None` for the guide's own texts (title, summary, intro…), which land on the page.
    pub fn page_anchor(self) -> Option<String> {
        match self {
            Part::Title | Part::Summary | Part::Audience | Part::Keywords | Part::Intro => None,
            Part::Fact(_) => Some("facts-title".into()),
            Part::Prerequisites => Some("prerequisites".into()),
            Part::Result => Some("result".into()),
            Part::Row { table, .. } => Some(Part::Table(table).anchor()),
            Part::Group { list, .. } | Part::Item { list, .. } => Some(Part::List(list).anchor()),
            Part::Definition { defs, .. } => Some(Part::Definitions(defs).anchor()),
            Part::Prerequisite(_)
            | Part::Section(_)
            | Part::Alternative(_)
            | Part::Step(_)
            | Part::Choice { .. }
            | Part::Trouble(_)
            | Part::Table(_)
            | Part::List(_)
            | Part::Definitions(_)
            | Part::Text(_)
            | Part::Collect
            | Part::Value(_) => Some(self.anchor()),
        }
    }

    /// The key of the part's own text.
    pub fn key(self) -> MessageKey {
        MessageKey::value(self.id())
    }

    /// The key of one of the part's attributes.
    pub fn attr(self, attr: Attr<'_>) -> MessageKey {
        MessageKey::attr(self.id(), attr.name())
    }
}

impl Attr<'_> {
    /// The attribute's name in Fluent, e.g. `note`, `col-status`.
    pub fn name(self) -> String {
        match self {
            Attr::Label => "label".into(),
            Attr::Intro => "intro".into(),
            Attr::Details => "details".into(),
            Attr::Alt => "alt".into(),
            Attr::Caption => "caption".into(),
            Attr::Result => "result".into(),
            Attr::When => "when".into(),
            Attr::Do => "do".into(),
            Attr::Hint => "hint".into(),
            Attr::Term => "term".into(),
            Attr::Admonition(kind) => kind.into(),
            Attr::Column(column) => format!("col-{column}"),
            Attr::Cell(column) => column.into(),
        }
    }
}

/// The scheme for people: (structure, message, attributes), as docs/guide-format.md shows it.
pub const TABLE: &[(&str, &str, &str)] = &[
    (
        "title, summary, audience, keywords, intro",
        "`title`, `summary`, `audience`, `keywords`, `intro`",
        "",
    ),
    ("fact", "`fact-<id>` (the value)", "`.label`"),
    (
        "prerequisites, prerequisite",
        "`prereqs`, `prereq-<id>`",
        "`.intro` on `prereqs`",
    ),
    (
        "section",
        "`section-<id>` (the title)",
        "`.intro`, `.note`, `.tip`, `.warning`",
    ),
    ("alternative", "`alternative-<id>` (the title)", "`.when`"),
    (
        "step, substep",
        "`step-<id>` (the text)",
        "`.when`, `.details`, `.note`, `.tip`, `.warning`, `.alt`, `.caption`, `.result`",
    ),
    (
        "choice",
        "`choice-<step>-<choice>` (the text)",
        "`.details`",
    ),
    ("troubleshooting", "`trouble-<id>`", "`.when`, `.do`"),
    ("table", "`table-<id>`", "`.intro`, `.col-<column>`"),
    ("table row", "`row-<table>-<row>`", "`.<column>` per cell"),
    (
        "list, group, item",
        "`list-<id>`, `group-<list>-<group>`, `item-<list>-<item>`",
        "`.intro` on the list",
    ),
    (
        "definitions, entry",
        "`defs-<id>`, `def-<defs>-<entry>` (the text)",
        "`.intro`; `.term`",
    ),
    ("text block", "`text-<id>`", ""),
    (
        "collect, value",
        "`collect` (the title), `value-<id>` (the label)",
        "`.intro`; `.hint`",
    ),
    ("guide result", "`result`", ""),
];

/// [`TABLE`] as the Markdown table of docs/guide-format.md.
pub fn table_markdown() -> String {
    let mut out = String::from("| structure | message | attributes |\n|---|---|---|\n");
    for (structure, message, attrs) in TABLE {
        let attrs = if attrs.is_empty() {
            " ".to_owned()
        } else {
            format!(" {attrs} ")
        };
        let _ = writeln!(out, "| {structure} | {message} |{attrs}|");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_join_the_structure_ids() {
        assert_eq!(Part::Title.id(), "title");
        assert_eq!(Part::Step("open").id(), "step-open");
        assert_eq!(
            Part::Row {
                table: "t",
                row: "r"
            }
            .id(),
            "row-t-r"
        );
        assert_eq!(Part::Definitions("d").id(), "defs-d");
        assert_eq!(
            Part::Table("t").attr(Attr::Column("status")).to_string(),
            "table-t.col-status"
        );
        assert_eq!(
            Part::Step("s").attr(Attr::Admonition("note")).to_string(),
            "step-s.note"
        );
        assert_eq!(Part::Value("v").anchor(), "value-v");
        assert_eq!(
            Part::Choice {
                step: "s",
                choice: "c"
            }
            .attr(Attr::Details)
            .to_string(),
            "choice-s-c.details"
        );
    }
}
