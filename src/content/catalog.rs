//! The catalog: every translatable text a guide's structure defines, under a message id derived
//! from the structure's ids (never from positions), in document order.
//!
//! | structure                | message id                 | attributes                         |
//! |--------------------------|----------------------------|------------------------------------|
//! | title, summary, audience, keywords, intro | `title`, …    |                                    |
//! | fact                     | `fact-<id>` (value)        | `.label`                           |
//! | prerequisite             | `prereq-<id>`              |                                    |
//! | section                  | `section-<id>` (title)     | `.intro` `.note` `.tip` `.warning` |
//! | step / substep           | `step-<id>` (text)         | `.details` `.note` `.tip` `.warning` `.alt` |
//! | troubleshooting          | `trouble-<id>`             | `.when` `.do`                      |
//! | table                    | `table-<id>`               | `.intro`, `.col-<column>`          |
//! | table row                | `row-<table>-<row>`        | `.<column>` per cell               |
//! | list / group / item      | `list-<id>`, `group-<list>-<group>`, `item-<list>-<item>` | `.intro` on the list |
//! | definitions / entry      | `defs-<id>`, `def-<defs>-<entry>` (text) | `.intro`; `.term`    |
//! | text block               | `text-<id>`                |                                    |
//! | collect / value          | `collect` (title), `value-<id>` (label) | `.intro`; `.hint`     |

use std::fmt;

use serde::Serialize;

use super::model::{Block, Guide, Step, Text};

/// How a message's text is rendered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Inline Markdown, one paragraph without the `<p>`.
    Inline,
    /// Block Markdown: paragraphs, lists.
    Block,
}

/// A message id and optional attribute, e.g. `step-open.note`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct MessageKey {
    pub id: String,
    pub attr: Option<String>,
}

impl MessageKey {
    pub fn value(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            attr: None,
        }
    }

    pub fn attr(id: impl Into<String>, attr: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            attr: Some(attr.into()),
        }
    }
}

impl fmt::Display for MessageKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.attr {
            Some(attr) => write!(f, "{}.{attr}", self.id),
            None => write!(f, "{}", self.id),
        }
    }
}

/// One translatable text of a guide.
#[derive(Clone, Debug)]
pub struct Entry<'g> {
    pub key: MessageKey,
    pub text: &'g Text,
    pub format: Format,
}

struct Builder<'g> {
    entries: Vec<Entry<'g>>,
}

impl<'g> Builder<'g> {
    fn value(&mut self, id: String, text: &'g Text, format: Format) {
        self.entries.push(Entry {
            key: MessageKey::value(id),
            text,
            format,
        });
    }

    fn attr(&mut self, id: &str, attr: &str, text: &'g Text, format: Format) {
        self.entries.push(Entry {
            key: MessageKey::attr(id, attr),
            text,
            format,
        });
    }

    fn opt_attr(&mut self, id: &str, attr: &str, text: Option<&'g Text>, format: Format) {
        if let Some(text) = text {
            self.attr(id, attr, text, format);
        }
    }

    fn step(&mut self, step: &'g Step) {
        let id = format!("step-{}", step.id.as_str());
        self.value(id.clone(), &step.text, Format::Inline);
        self.opt_attr(&id, "details", step.details.as_ref(), Format::Block);
        for (kind, text) in step.admonitions() {
            self.attr(&id, kind, text, Format::Block);
        }
        self.opt_attr(&id, "alt", step.alt.as_ref(), Format::Inline);
        for substep in &step.substeps {
            self.step(substep);
        }
        for t in &step.troubleshooting {
            let id = format!("trouble-{}", t.id.as_str());
            self.attr(&id, "when", &t.when, Format::Inline);
            self.attr(&id, "do", &t.remedy, Format::Block);
        }
    }

    fn block(&mut self, block: &'g Block) {
        match block {
            Block::Table(table) => {
                let id = format!("table-{}", table.id.as_str());
                self.opt_attr(&id, "intro", table.intro.as_ref(), Format::Block);
                for column in &table.columns {
                    let attr = format!("col-{}", column.id.as_str());
                    self.attr(&id, &attr, &column.label, Format::Inline);
                }
                for row in &table.rows {
                    let row_id = format!("row-{}-{}", table.id.as_str(), row.id.as_str());
                    for column in &table.columns {
                        if let Some(cell) = row.cells.get(column.id.as_str()) {
                            self.attr(&row_id, column.id.as_str(), cell, Format::Inline);
                        }
                    }
                }
            }
            Block::List(list) => {
                let id = format!("list-{}", list.id.as_str());
                self.opt_attr(&id, "intro", list.intro.as_ref(), Format::Block);
                for item in &list.items {
                    let item_id = format!("item-{}-{}", list.id.as_str(), item.id.as_str());
                    self.value(item_id, &item.text, Format::Inline);
                }
                for group in &list.groups {
                    let group_id = format!("group-{}-{}", list.id.as_str(), group.id.as_str());
                    self.value(group_id, &group.title, Format::Inline);
                    for item in &group.items {
                        let item_id = format!("item-{}-{}", list.id.as_str(), item.id.as_str());
                        self.value(item_id, &item.text, Format::Inline);
                    }
                }
            }
            Block::Definitions(defs) => {
                let id = format!("defs-{}", defs.id.as_str());
                self.opt_attr(&id, "intro", defs.intro.as_ref(), Format::Block);
                for entry in &defs.entries {
                    let entry_id = format!("def-{}-{}", defs.id.as_str(), entry.id.as_str());
                    self.value(entry_id.clone(), &entry.text, Format::Block);
                    self.attr(&entry_id, "term", &entry.term, Format::Inline);
                }
            }
            Block::Text(text) => {
                self.value(
                    format!("text-{}", text.id.as_str()),
                    &text.text,
                    Format::Block,
                );
            }
        }
    }
}

/// Every message `guide` defines, in document order.
pub fn entries(guide: &Guide) -> Vec<Entry<'_>> {
    let mut b = Builder {
        entries: Vec::new(),
    };
    b.value("title".into(), &guide.title, Format::Inline);
    b.value("summary".into(), &guide.summary, Format::Inline);
    if let Some(audience) = &guide.audience {
        b.value("audience".into(), audience, Format::Inline);
    }
    if let Some(keywords) = &guide.keywords {
        b.value("keywords".into(), keywords, Format::Inline);
    }
    if let Some(intro) = &guide.intro {
        b.value("intro".into(), intro, Format::Block);
    }
    for fact in &guide.facts {
        let id = format!("fact-{}", fact.id.as_str());
        b.value(id.clone(), &fact.value, Format::Inline);
        b.attr(&id, "label", &fact.label, Format::Inline);
    }
    for prerequisite in &guide.prerequisites {
        b.value(
            format!("prereq-{}", prerequisite.id.as_str()),
            &prerequisite.text,
            Format::Block,
        );
    }
    for section in &guide.sections {
        let id = format!("section-{}", section.id.as_str());
        b.value(id.clone(), &section.title, Format::Inline);
        b.opt_attr(&id, "intro", section.intro.as_ref(), Format::Block);
        for (kind, text) in section.admonitions() {
            b.attr(&id, kind, text, Format::Block);
        }
        for step in &section.steps {
            b.step(step);
        }
        for block in &section.blocks {
            b.block(block);
        }
    }
    if let Some(collect) = &guide.collect {
        b.value("collect".into(), &collect.title, Format::Inline);
        b.opt_attr("collect", "intro", collect.intro.as_ref(), Format::Block);
        for value in &collect.values {
            let id = format!("value-{}", value.id.as_str());
            b.value(id.clone(), &value.label, Format::Inline);
            b.opt_attr(&id, "hint", value.hint.as_ref(), Format::Inline);
        }
    }
    b.entries
}
