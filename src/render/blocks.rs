//! The views of the blocks shown after a section's steps: tables, lists, definitions and text.

use super::guide::ViewContext;
use super::localize::Localizer;
use super::view::{BlockView, DefinitionView, GroupView};
use crate::content::ids::{Attr, Part};
use crate::content::model::{Block, Definitions, List, Table};

/// The view of one block of a section.
pub(super) fn view(block: &Block, cx: &ViewContext<'_>, l: &mut Localizer<'_>) -> BlockView {
    match block {
        Block::Table(table) => table_view(table, l),
        Block::List(list) => list_view(list, l),
        Block::Definitions(defs) => definitions_view(defs, l),
        Block::Text(text) => BlockView::Text {
            style: text.style.map(|s| s.as_str()),
            label: text.style.map(|s| cx.strings.get(s.as_str())),
            html: l.block(&Part::Text(text.id.as_str()).key()),
            id: text.id.as_str().to_owned(),
        },
    }
}

fn table_view(table: &Table, l: &mut Localizer<'_>) -> BlockView {
    let part = Part::Table(table.id.as_str());
    BlockView::Table {
        intro: table
            .intro
            .as_ref()
            .map(|_| l.block(&part.attr(Attr::Intro))),
        columns: table
            .columns
            .iter()
            .map(|c| l.inline(&part.attr(Attr::Column(c.id.as_str()))))
            .collect(),
        rows: table
            .rows
            .iter()
            .map(|row| {
                let row_part = Part::Row {
                    table: table.id.as_str(),
                    row: row.id.as_str(),
                };
                table
                    .columns
                    .iter()
                    .map(|c| {
                        if row.cells.contains_key(c.id.as_str()) {
                            l.inline(&row_part.attr(Attr::Cell(c.id.as_str())))
                        } else {
                            String::new()
                        }
                    })
                    .collect()
            })
            .collect(),
        id: table.id.as_str().to_owned(),
    }
}

fn list_view(list: &List, l: &mut Localizer<'_>) -> BlockView {
    let part = Part::List(list.id.as_str());
    let item = |l: &mut Localizer<'_>, item: &str| {
        l.inline(
            &Part::Item {
                list: list.id.as_str(),
                item,
            }
            .key(),
        )
    };
    BlockView::List {
        intro: list
            .intro
            .as_ref()
            .map(|_| l.block(&part.attr(Attr::Intro))),
        ordered: list.ordered,
        items: list.items.iter().map(|i| item(l, i.id.as_str())).collect(),
        groups: list
            .groups
            .iter()
            .map(|g| GroupView {
                title: l.inline(
                    &Part::Group {
                        list: list.id.as_str(),
                        group: g.id.as_str(),
                    }
                    .key(),
                ),
                items: g.items.iter().map(|i| item(l, i.id.as_str())).collect(),
            })
            .collect(),
        id: list.id.as_str().to_owned(),
    }
}

fn definitions_view(defs: &Definitions, l: &mut Localizer<'_>) -> BlockView {
    let part = Part::Definitions(defs.id.as_str());
    BlockView::Definitions {
        intro: defs
            .intro
            .as_ref()
            .map(|_| l.block(&part.attr(Attr::Intro))),
        entries: defs
            .entries
            .iter()
            .map(|e| {
                let entry = Part::Definition {
                    defs: defs.id.as_str(),
                    entry: e.id.as_str(),
                };
                DefinitionView {
                    term: l.inline(&entry.attr(Attr::Term)),
                    html: l.block(&entry.key()),
                }
            })
            .collect(),
        id: defs.id.as_str().to_owned(),
    }
}
