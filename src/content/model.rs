//! The schema of `content/<guide-id>/guide.yaml`: typed, strict (`deny_unknown_fields`), with the
//! source location of every id and text kept for diagnostics.
//!
//! Text fields hold Fluent patterns (so `{ -wpm }` and `{ $support-email }` work) with inline
//! Markdown; fields documented as "block Markdown" may hold paragraphs and lists.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;

use crate::diagnostics::Location;

pub use crate::yaml::Text;

/// An identifier: lower-case ASCII letters, digits and `-`, starting with a letter. Ids become
/// HTML anchors and Fluent message ids, so they are the same in every language.
#[derive(Clone, Debug, Deserialize)]
#[serde(transparent)]
pub struct Id(pub Text);

impl Id {
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    pub fn location(&self, path: &std::path::Path) -> Location {
        self.0.location(path)
    }

    /// Whether `s` is a valid id.
    pub fn is_valid(s: &str) -> bool {
        let mut chars = s.chars();
        matches!(chars.next(), Some('a'..='z'))
            && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-'))
            && !s.ends_with('-')
            && !s.contains("--")
    }
}

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[a-z]([a-z0-9]|-(?=[a-z0-9]))*$",
            "description": "Stable identifier: becomes the HTML anchor and the Fluent message id."
        })
    }
}

/// One guide: metadata, structure and the text in its source language.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// Language of the text in this file (one of the site's locales).
    pub source_locale: Text,
    /// Page title.
    pub title: Text,
    /// One or two sentences shown under the title and on the index page. Optional: without it,
    /// the index page and the page's description use the first sentence of `intro`.
    #[serde(default)]
    pub summary: Option<Text>,
    /// Who the guide is for, e.g. "Implementation consultants".
    #[serde(default)]
    pub audience: Option<Text>,
    /// Product the guide belongs to (a grouping key on the index page).
    pub product: Id,
    /// Partner product the guide connects to (a grouping key on the index page).
    pub partner: Id,
    /// Date of the last content change, `YYYY-MM-DD` (shown localized; no clock is read).
    #[serde(default)]
    pub updated: Option<Text>,
    /// Comma-separated search keywords (translatable).
    #[serde(default)]
    pub keywords: Option<Text>,
    /// Introduction (block Markdown): what the guide is about.
    #[serde(default)]
    pub intro: Option<Text>,
    /// Key/value card: type, direction, frequency, who sets it up.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// What must be true before starting: a list, or `{intro, items}` with a sentence before it.
    #[serde(default)]
    pub prerequisites: Prerequisites,
    /// The body of the guide.
    pub sections: Vec<Section>,
    /// The "forward this information" checklist.
    #[serde(default)]
    pub collect: Option<Collect>,
    /// What the reader has achieved at the end (block Markdown), e.g. "Invoices now reach
    /// Rackbeat every night"; shown after the last section under a localized "Result" heading.
    #[serde(default)]
    pub result: Option<Text>,
    /// Other guides to read next, by guide id (their directory names), shown at the end under a
    /// localized "Related guides" heading with their titles in the reader's language.
    #[serde(default)]
    pub related: Vec<Id>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: Id,
    pub label: Text,
    pub value: Text,
}

/// The prerequisites: written either as a plain list of items or as `{intro, items}`.
#[derive(Clone, Debug, Default)]
pub struct Prerequisites {
    /// Block Markdown shown before the list, e.g. "You need the following:".
    pub intro: Option<Text>,
    pub items: Vec<Prerequisite>,
}

impl Prerequisites {
    pub fn iter(&self) -> std::slice::Iter<'_, Prerequisite> {
        self.items.iter()
    }
}

impl<'a> IntoIterator for &'a Prerequisites {
    type Item = &'a Prerequisite;
    type IntoIter = std::slice::Iter<'a, Prerequisite>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// The `{intro, items}` form of [`Prerequisites`].
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrerequisiteList {
    /// Block Markdown shown before the list, e.g. "You need the following:".
    #[serde(default)]
    pub intro: Option<Text>,
    /// What must be true before starting.
    pub items: Vec<Prerequisite>,
}

impl<'de> Deserialize<'de> for Prerequisites {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Prerequisites;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of prerequisites, or a mapping with `intro` and `items`")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<Self::Value, A::Error> {
                let items = Vec::<Prerequisite>::deserialize(
                    serde::de::value::SeqAccessDeserializer::new(seq),
                )?;
                Ok(Prerequisites { intro: None, items })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                let list = PrerequisiteList::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                Ok(Prerequisites {
                    intro: list.intro,
                    items: list.items,
                })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for Prerequisites {
    fn schema_name() -> Cow<'static, str> {
        "Prerequisites".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let list = generator.subschema_for::<Vec<Prerequisite>>();
        let with_intro = generator.subschema_for::<PrerequisiteList>();
        json_schema!({
            "description": "What must be true before starting: a list of items, or `{intro, items}` to put a sentence before the list.",
            "anyOf": [list, with_intro]
        })
    }
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Prerequisite {
    pub id: Id,
    /// Block Markdown.
    pub text: Text,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: Id,
    pub title: Text,
    /// Render the section folded (`<details>`), e.g. for technical background.
    #[serde(default)]
    pub collapsed: bool,
    /// Block Markdown shown before the steps.
    #[serde(default)]
    pub intro: Option<Text>,
    #[serde(default)]
    pub note: Option<Text>,
    #[serde(default)]
    pub tip: Option<Text>,
    #[serde(default)]
    pub warning: Option<Text>,
    /// The numbered procedure of this section.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Procedures of which the reader follows one (e.g. per operating system), shown after the
    /// steps, each folded under its title with its steps numbered on their own.
    #[serde(default)]
    pub alternatives: Vec<Alternative>,
    /// Tables, lists, definitions and text shown after the steps.
    #[serde(default)]
    pub blocks: Vec<Block>,
}

impl Section {
    /// The section's steps, then those of its alternatives (substeps not included).
    pub fn all_steps(&self) -> impl Iterator<Item = &Step> {
        self.steps
            .iter()
            .chain(self.alternatives.iter().flat_map(|a| &a.steps))
    }

    pub fn admonitions(&self) -> impl Iterator<Item = (&'static str, &Text)> {
        admonitions(&self.note, &self.tip, &self.warning)
    }
}

fn admonitions<'a>(
    note: &'a Option<Text>,
    tip: &'a Option<Text>,
    warning: &'a Option<Text>,
) -> impl Iterator<Item = (&'static str, &'a Text)> {
    [("note", note), ("tip", tip), ("warning", warning)]
        .into_iter()
        .filter_map(|(kind, text)| text.as_ref().map(|t| (kind, t)))
}

/// One of a section's alternative procedures.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    /// Unique in the guide; the anchor `#alternative-<id>` in every language.
    pub id: Id,
    /// What distinguishes this procedure (inline Markdown), e.g. "On Windows".
    pub title: Text,
    /// When to follow it (inline Markdown), e.g. "if you installed the desktop app".
    #[serde(default)]
    pub when: Option<Text>,
    /// Its steps, numbered from 1 within the alternative; step ids are unique in the guide.
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique in the guide; the anchor `#step-<id>` in every language.
    pub id: Id,
    /// The condition under which the step applies (inline Markdown), written without its
    /// conjunction: "your account uses two-factor authentication"; shown before the step's text
    /// after a localized "Only if:" label.
    #[serde(default)]
    pub when: Option<Text>,
    /// What to do (inline Markdown).
    pub text: Text,
    /// More explanation (block Markdown).
    #[serde(default)]
    pub details: Option<Text>,
    #[serde(default)]
    pub note: Option<Text>,
    #[serde(default)]
    pub tip: Option<Text>,
    #[serde(default)]
    pub warning: Option<Text>,
    /// Screenshot file name, looked up in `images/<lang>/`, `images/<source_locale>/`, `images/`.
    #[serde(default)]
    pub image: Option<Text>,
    /// Alternative text of the screenshot (required with `image`).
    #[serde(default)]
    pub alt: Option<Text>,
    /// Caption shown under the screenshot (inline Markdown; needs `image`).
    #[serde(default)]
    pub caption: Option<Text>,
    /// What the reader sees once the step is done (inline Markdown), e.g. "A green check mark
    /// appears"; shown after the step with a localized "Result:" label.
    #[serde(default)]
    pub result: Option<Text>,
    /// The UI labels the reader clicks through, as terms: `[-ui-account-settings,
    /// -ui-api-keys]`; shown as a path ("Account settings › API keys") with each label in the
    /// page's language, joined by the locale's separator.
    #[serde(default)]
    pub ui_path: Vec<Text>,
    /// The options the reader chooses one of in this step (e.g. the kind of key to create),
    /// shown as a list after the step's details.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// Sub-steps (one level deep).
    #[serde(default)]
    pub substeps: Vec<Step>,
    /// "When X, do Y" entries.
    #[serde(default)]
    pub troubleshooting: Vec<Troubleshooting>,
    /// Id of the `collect` value this step produces.
    #[serde(default)]
    pub collects: Option<Text>,
}

impl Step {
    pub fn admonitions(&self) -> impl Iterator<Item = (&'static str, &Text)> {
        admonitions(&self.note, &self.tip, &self.warning)
    }
}

/// One option of a step's `choices`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Unique within the step; the anchor `#choice-<step>-<id>` in every language.
    pub id: Id,
    /// The option (inline Markdown), e.g. "**Read only**, for reports".
    pub text: Text,
    /// What the option does or when to pick it (block Markdown).
    #[serde(default)]
    pub details: Option<Text>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Troubleshooting {
    pub id: Id,
    /// The symptom (inline Markdown).
    pub when: Text,
    /// The remedy (block Markdown).
    #[serde(rename = "do")]
    pub remedy: Text,
}

/// Content shown after a section's steps.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Block {
    /// A table with translatable header and cells.
    Table(Table),
    /// A list, optionally grouped under headings.
    List(List),
    /// Terms with their definitions, e.g. matching rules.
    Definitions(Definitions),
    /// A paragraph or admonition (block Markdown).
    Text(TextBlock),
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub id: Id,
    #[serde(default)]
    pub intro: Option<Text>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub id: Id,
    pub label: Text,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub id: Id,
    /// Cell text (inline Markdown) by column id.
    pub cells: BTreeMap<String, Text>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct List {
    pub id: Id,
    #[serde(default)]
    pub intro: Option<Text>,
    /// Render as a numbered list.
    #[serde(default)]
    pub ordered: bool,
    /// Ungrouped items.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Items under headings.
    #[serde(default)]
    pub groups: Vec<Group>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: Id,
    pub title: Text,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: Id,
    pub text: Text,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Definitions {
    pub id: Id,
    #[serde(default)]
    pub intro: Option<Text>,
    pub entries: Vec<Definition>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    pub id: Id,
    pub term: Text,
    /// Block Markdown.
    pub text: Text,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextBlock {
    pub id: Id,
    /// Render as an admonition of this kind instead of a plain paragraph.
    #[serde(default)]
    pub style: Option<AdmonitionKind>,
    /// Block Markdown.
    pub text: Text,
}

#[derive(Clone, Copy, Debug, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum AdmonitionKind {
    Note,
    Tip,
    Warning,
}

impl AdmonitionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Note => "note",
            Self::Tip => "tip",
            Self::Warning => "warning",
        }
    }
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Collect {
    /// Heading of the checklist.
    pub title: Text,
    /// Block Markdown shown before the values.
    #[serde(default)]
    pub intro: Option<Text>,
    pub values: Vec<CollectValue>,
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CollectValue {
    pub id: Id,
    pub label: Text,
    /// Inline Markdown: what the value looks like, where to find it.
    #[serde(default)]
    pub hint: Option<Text>,
}
