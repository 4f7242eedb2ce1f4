//! The catalog: every translatable text a guide's structure defines, under a message id derived
//! from the structure's ids (never from positions), in document order.
//!
//! Ids come from the one scheme of `ids.rs` (its `TABLE` is the list for people).

use std::fmt;

use serde::Serialize;

use super::ids::{Attr, Part};
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
    /// The part of the guide the text belongs to (for its page anchor).
    pub part: Part<'g>,
    pub text: &'g Text,
    pub format: Format,
}

struct Builder<'g> {
    entries: Vec<Entry<'g>>,
}

impl<'g> Builder<'g> {
    fn value(&mut self, part: Part<'g>, text: &'g Text, format: Format) {
        self.entries.push(Entry {
            key: part.key(),
            part,
            text,
            format,
        });
    }

    fn attr(&mut self, part: Part<'g>, attr: Attr<'_>, text: &'g Text, format: Format) {
        self.entries.push(Entry {
            key: part.attr(attr),
            part,
            text,
            format,
        });
    }

    fn opt_value(&mut self, part: Part<'g>, text: Option<&'g Text>, format: Format) {
        if let Some(text) = text {
            self.value(part, text, format);
        }
    }

    fn opt_attr(&mut self, part: Part<'g>, attr: Attr<'_>, text: Option<&'g Text>, format: Format) {
        if let Some(text) = text {
            self.attr(part, attr, text, format);
        }
    }

    fn step(&mut self, step: &'g Step) {
        let part = Part::Step(step.id.as_str());
        self.value(part, &step.text, Format::Inline);
        self.opt_attr(part, Attr::When, step.when.as_ref(), Format::Inline);
        self.opt_attr(part, Attr::Details, step.details.as_ref(), Format::Block);
        for (kind, text) in step.admonitions() {
            self.attr(part, Attr::Admonition(kind), text, Format::Block);
        }
        self.opt_attr(part, Attr::Alt, step.alt.as_ref(), Format::Inline);
        self.opt_attr(part, Attr::Caption, step.caption.as_ref(), Format::Inline);
        for choice in &step.choices {
            let part = Part::Choice {
                step: step.id.as_str(),
                choice: choice.id.as_str(),
            };
            self.value(part, &choice.text, Format::Inline);
            self.opt_attr(part, Attr::Details, choice.details.as_ref(), Format::Block);
        }
        self.opt_attr(part, Attr::Result, step.result.as_ref(), Format::Inline);
        for substep in &step.substeps {
            self.step(substep);
        }
        for t in &step.troubleshooting {
            let part = Part::Trouble(t.id.as_str());
            self.attr(part, Attr::When, &t.when, Format::Inline);
            self.attr(part, Attr::Do, &t.remedy, Format::Block);
        }
    }

    fn block(&mut self, block: &'g Block) {
        match block {
            Block::Table(table) => {
                let part = Part::Table(table.id.as_str());
                self.opt_attr(part, Attr::Intro, table.intro.as_ref(), Format::Block);
                for column in &table.columns {
                    let attr = Attr::Column(column.id.as_str());
                    self.attr(part, attr, &column.label, Format::Inline);
                }
                for row in &table.rows {
                    let part = Part::Row {
                        table: table.id.as_str(),
                        row: row.id.as_str(),
                    };
                    for column in &table.columns {
                        let cell = row.cells.get(column.id.as_str());
                        self.opt_attr(part, Attr::Cell(column.id.as_str()), cell, Format::Inline);
                    }
                }
            }
            Block::List(list) => {
                let part = Part::List(list.id.as_str());
                self.opt_attr(part, Attr::Intro, list.intro.as_ref(), Format::Block);
                let item = |item: &'g super::model::Item| Part::Item {
                    list: list.id.as_str(),
                    item: item.id.as_str(),
                };
                for i in &list.items {
                    self.value(item(i), &i.text, Format::Inline);
                }
                for group in &list.groups {
                    let part = Part::Group {
                        list: list.id.as_str(),
                        group: group.id.as_str(),
                    };
                    self.value(part, &group.title, Format::Inline);
                    for i in &group.items {
                        self.value(item(i), &i.text, Format::Inline);
                    }
                }
            }
            Block::Definitions(defs) => {
                let part = Part::Definitions(defs.id.as_str());
                self.opt_attr(part, Attr::Intro, defs.intro.as_ref(), Format::Block);
                for entry in &defs.entries {
                    let part = Part::Definition {
                        defs: defs.id.as_str(),
                        entry: entry.id.as_str(),
                    };
                    self.value(part, &entry.text, Format::Block);
                    self.attr(part, Attr::Term, &entry.term, Format::Inline);
                }
            }
            Block::Text(text) => {
                self.value(Part::Text(text.id.as_str()), &text.text, Format::Block);
            }
        }
    }
}

/// Every message `guide` defines, in document order.
pub fn entries(guide: &Guide) -> Vec<Entry<'_>> {
    let mut b = Builder {
        entries: Vec::new(),
    };
    b.value(Part::Title, &guide.title, Format::Inline);
    b.opt_value(Part::Summary, guide.summary.as_ref(), Format::Inline);
    b.opt_value(Part::Audience, guide.audience.as_ref(), Format::Inline);
    b.opt_value(Part::Keywords, guide.keywords.as_ref(), Format::Inline);
    b.opt_value(Part::Intro, guide.intro.as_ref(), Format::Block);
    for fact in &guide.facts {
        let part = Part::Fact(fact.id.as_str());
        b.value(part, &fact.value, Format::Inline);
        b.attr(part, Attr::Label, &fact.label, Format::Inline);
    }
    let intro = guide.prerequisites.intro.as_ref();
    b.opt_attr(Part::Prerequisites, Attr::Intro, intro, Format::Block);
    for prerequisite in &guide.prerequisites {
        let part = Part::Prerequisite(prerequisite.id.as_str());
        b.value(part, &prerequisite.text, Format::Block);
    }
    for section in &guide.sections {
        let part = Part::Section(section.id.as_str());
        b.value(part, &section.title, Format::Inline);
        b.opt_attr(part, Attr::Intro, section.intro.as_ref(), Format::Block);
        for (kind, text) in section.admonitions() {
            b.attr(part, Attr::Admonition(kind), text, Format::Block);
        }
        for step in &section.steps {
            b.step(step);
        }
        for alternative in &section.alternatives {
            let part = Part::Alternative(alternative.id.as_str());
            b.value(part, &alternative.title, Format::Inline);
            b.opt_attr(part, Attr::When, alternative.when.as_ref(), Format::Inline);
            for step in &alternative.steps {
                b.step(step);
            }
        }
        for block in &section.blocks {
            b.block(block);
        }
    }
    b.opt_value(Part::Result, guide.result.as_ref(), Format::Block);
    if let Some(collect) = &guide.collect {
        b.value(Part::Collect, &collect.title, Format::Inline);
        b.opt_attr(
            Part::Collect,
            Attr::Intro,
            collect.intro.as_ref(),
            Format::Block,
        );
        for value in &collect.values {
            let part = Part::Value(value.id.as_str());
            b.value(part, &value.label, Format::Inline);
            b.opt_attr(part, Attr::Hint, value.hint.as_ref(), Format::Inline);
        }
    }
    b.entries
}
