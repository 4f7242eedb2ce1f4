//! Structural checks of a parsed guide: ids (format and uniqueness), references between parts
//! (`collects`), screenshots, dates and locales. Text (Fluent) checks live in `i18n`.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::LoadedGuide;
use super::images;
use super::model::{Block, Guide, Id, Step, Text};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Kind};

/// Check one guide; findings go to `diagnostics`.
pub fn validate(config: &Config, loaded: &LoadedGuide, diagnostics: &mut Diagnostics) {
    let mut v = Validator {
        path: &loaded.path,
        diagnostics,
        seen: HashMap::new(),
    };
    v.header(config, &loaded.guide);
    v.related(loaded);
    v.empty_texts(&loaded.guide);
    let steps = v.structure(&loaded.guide);
    v.step_references(loaded, steps);
}

impl<'g> Validator<'_> {
    /// Every text of the guide has something to show (an empty screenshot alt text is
    /// `missing-alt`'s).
    fn empty_texts(&mut self, guide: &Guide) {
        for entry in super::catalog::entries(guide) {
            if !entry.text.as_str().trim().is_empty() || entry.key.attr.as_deref() == Some("alt") {
                continue;
            }
            self.diagnostics.push(
                Diagnostic::error(
                    Kind::EmptyText,
                    entry.text.location(self.path),
                    format!("`{}` is empty", entry.key),
                )
                .with_help("write the text; a field that is optional can be left out instead of left empty"),
            );
        }
    }

    /// The guide's own fields: its source locale, product and partner ids, date.
    fn header(&mut self, config: &Config, guide: &Guide) {
        let source_locale = guide.source_locale.as_str();
        if !config.has_locale(source_locale) {
            self.diagnostics.push(
                Diagnostic::error(
                    Kind::InvalidLocale,
                    guide.source_locale.location(self.path),
                    format!("source_locale `{source_locale}` is not one of the site's locales"),
                )
                .with_field("source_locale")
                .with_help(format!("use one of: {}", config.locales.join(", "))),
            );
        }
        self.id_format(&guide.product, "product");
        self.id_format(&guide.partner, "partner");
        if let Some(updated) = &guide.updated
            && !is_iso_date(updated.as_str())
        {
            self.diagnostics.push(
                Diagnostic::error(
                    Kind::InvalidDate,
                    updated.location(self.path),
                    format!(
                        "`{}` is not a date in the form YYYY-MM-DD",
                        updated.as_str()
                    ),
                )
                .with_field("updated")
                .with_help("write the date as e.g. `2026-11-23`"),
            );
        }
    }

    /// The related guides: well-formed, each listed once, not the guide itself (whether each
    /// exists is checked when the page is rendered, where every guide is known).
    fn related(&mut self, loaded: &LoadedGuide) {
        for (i, id) in loaded.guide.related.iter().enumerate() {
            let field = format!("related[{i}]");
            if id.as_str() == loaded.id {
                self.diagnostics.push(
                    Diagnostic::error(
                        Kind::UnknownReference,
                        id.location(self.path),
                        format!("the guide `{}` lists itself as related", loaded.id),
                    )
                    .with_field(field)
                    .with_help("list other guides under `related`, or remove this entry"),
                );
                continue;
            }
            self.unique(id, "related guide", &field);
        }
    }

    /// Ids of facts, prerequisites, sections, steps, blocks and values: well-formed and unique.
    /// Returns every step (substeps included) with its field path.
    fn structure(&mut self, guide: &'g Guide) -> Vec<(String, &'g Step)> {
        for (i, fact) in guide.facts.iter().enumerate() {
            self.unique(&fact.id, "fact", &format!("facts[{i}].id"));
        }
        for (i, p) in guide.prerequisites.iter().enumerate() {
            self.unique(&p.id, "prerequisite", &format!("prerequisites[{i}].id"));
        }
        if guide.sections.is_empty() {
            self.diagnostics.push(
                Diagnostic::error(
                    Kind::MissingField,
                    guide.title.location(self.path),
                    "the guide has no sections",
                )
                .with_field("sections")
                .with_help("add at least one section with steps"),
            );
        }
        let mut steps = Vec::new();
        for (si, section) in guide.sections.iter().enumerate() {
            let field = format!("sections[{si}]");
            self.unique(&section.id, "section", &format!("{field}.id"));
            for (i, step) in section.steps.iter().enumerate() {
                self.step(step, &format!("{field}.steps[{i}]"), 0, &mut steps);
            }
            for (ai, alternative) in section.alternatives.iter().enumerate() {
                let af = format!("{field}.alternatives[{ai}]");
                self.unique(&alternative.id, "alternative", &format!("{af}.id"));
                if alternative.steps.is_empty() {
                    self.diagnostics.push(
                        Diagnostic::error(
                            Kind::MissingField,
                            alternative.id.location(self.path),
                            format!("alternative `{}` has no steps", alternative.id.as_str()),
                        )
                        .with_field(format!("{af}.steps"))
                        .with_help("add the steps of this procedure, or remove the alternative"),
                    );
                }
                for (i, step) in alternative.steps.iter().enumerate() {
                    self.step(step, &format!("{af}.steps[{i}]"), 0, &mut steps);
                }
            }
            for (bi, block) in section.blocks.iter().enumerate() {
                self.block(block, &format!("{field}.blocks[{bi}]"));
            }
        }
        if let Some(collect) = &guide.collect {
            for (i, value) in collect.values.iter().enumerate() {
                self.unique(
                    &value.id,
                    "collect value",
                    &format!("collect.values[{i}].id"),
                );
            }
        }
        steps
    }

    /// What steps refer to: the value each collects, and its screenshot.
    fn step_references(&mut self, loaded: &LoadedGuide, steps: Vec<(String, &Step)>) {
        let value_ids: BTreeSet<&str> = loaded
            .guide
            .collect
            .iter()
            .flat_map(|c| c.values.iter().map(|value| value.id.as_str()))
            .collect();
        for (field, step) in steps {
            if let Some(collects) = &step.collects
                && !value_ids.contains(collects.as_str())
            {
                let help = if value_ids.is_empty() {
                    "add a `collect:` list with this value, or remove `collects`".to_owned()
                } else {
                    format!(
                        "use one of the collect values: {}",
                        value_ids.iter().copied().collect::<Vec<_>>().join(", ")
                    )
                };
                self.diagnostics.push(
                    Diagnostic::error(
                        Kind::UnknownReference,
                        collects.location(self.path),
                        format!(
                            "step collects `{}`, which is not a collect value",
                            collects.as_str()
                        ),
                    )
                    .with_field(format!("{field}.collects"))
                    .with_help(help),
                );
            }
            if let Some(image) = &step.image {
                self.image(loaded, image, step.alt.as_ref(), &field);
            } else if let Some(caption) = &step.caption {
                self.diagnostics.push(
                    Diagnostic::error(
                        Kind::MissingField,
                        caption.location(self.path),
                        "a caption without a screenshot: `caption` belongs to `image`",
                    )
                    .with_field(format!("{field}.image"))
                    .with_help("add `image:` (and `alt:`) to the step, or remove `caption:`"),
                );
            }
        }
    }
}

struct Validator<'a> {
    path: &'a Path,
    diagnostics: &'a mut Diagnostics,
    /// (kind, id) → field path of the first occurrence.
    seen: HashMap<(String, String), String>,
}

impl<'a> Validator<'a> {
    fn id_format(&mut self, id: &Id, field: &str) -> bool {
        if Id::is_valid(id.as_str()) {
            return true;
        }
        self.diagnostics.push(
            Diagnostic::error(
                Kind::InvalidId,
                id.location(self.path),
                format!("`{}` is not a valid id", id.as_str()),
            )
            .with_field(field)
            .with_help(
                "ids use lower-case letters a-z, digits and single dashes, and start with a letter",
            ),
        );
        false
    }

    /// Check format and uniqueness of `id` among ids of `kind`.
    fn unique(&mut self, id: &Id, kind: &str, field: &str) {
        if !self.id_format(id, field) {
            return;
        }
        let key = (kind.to_owned(), id.as_str().to_owned());
        if let Some(first) = self.seen.get(&key) {
            self.diagnostics.push(
                Diagnostic::error(
                    Kind::DuplicateId,
                    id.location(self.path),
                    format!(
                        "duplicate {kind} id `{}` (first used at `{first}`)",
                        id.as_str()
                    ),
                )
                .with_field(field)
                .with_help(format!(
                    "{kind} ids must be unique in a guide; rename one of them"
                )),
            );
        } else {
            self.seen.insert(key, field.to_owned());
        }
    }

    fn step<'g>(
        &mut self,
        step: &'g Step,
        field: &str,
        depth: usize,
        steps: &mut Vec<(String, &'g Step)>,
    ) {
        self.unique(&step.id, "step", &format!("{field}.id"));
        for (i, segment) in step.ui_path.iter().enumerate() {
            let well_formed = segment
                .as_str()
                .strip_prefix("-ui-")
                .is_some_and(Id::is_valid);
            if !well_formed {
                self.diagnostics.push(
                    Diagnostic::error(
                        Kind::InvalidId,
                        segment.location(self.path),
                        format!("`{}` is not a UI label term", segment.as_str()),
                    )
                    .with_field(format!("{field}.ui_path[{i}]"))
                    .with_help("name a UI label term of the glossary, e.g. `-ui-account-settings` (a dash, `ui-`, then lower-case letters, digits and single dashes)"),
                );
            }
        }
        let mut choices = Vec::new();
        for (i, choice) in step.choices.iter().enumerate() {
            let f = format!("{field}.choices[{i}].id");
            self.unique_within(&choice.id, &mut choices, "choice", &f, "step");
        }
        for (i, t) in step.troubleshooting.iter().enumerate() {
            self.unique(
                &t.id,
                "troubleshooting",
                &format!("{field}.troubleshooting[{i}].id"),
            );
        }
        if depth > 0 && !step.substeps.is_empty() {
            self.diagnostics.push(
                Diagnostic::error(
                    Kind::TooDeep,
                    step.id.location(self.path),
                    "substeps cannot have substeps of their own",
                )
                .with_field(format!("{field}.substeps"))
                .with_help(
                    "split the procedure into more steps, or use `details` for the extra level",
                ),
            );
        }
        steps.push((field.to_owned(), step));
        for (i, substep) in step.substeps.iter().enumerate() {
            self.step(substep, &format!("{field}.substeps[{i}]"), depth + 1, steps);
        }
    }

    fn block(&mut self, block: &Block, field: &str) {
        match block {
            Block::Table(table) => {
                self.unique(&table.id, "block", &format!("{field}.table.id"));
                let mut columns = Vec::new();
                for (i, column) in table.columns.iter().enumerate() {
                    let cf = format!("{field}.table.columns[{i}].id");
                    self.unique_in(&column.id, &mut columns, "column", &cf);
                }
                let mut rows = Vec::new();
                for (i, row) in table.rows.iter().enumerate() {
                    let rf = format!("{field}.table.rows[{i}]");
                    self.unique_in(&row.id, &mut rows, "row", &format!("{rf}.id"));
                    for (key, cell) in &row.cells {
                        if !table.columns.iter().any(|c| c.id.as_str() == key) {
                            self.diagnostics.push(
                                Diagnostic::error(
                                    Kind::UnknownReference,
                                    cell.location(self.path),
                                    format!("cell for unknown column `{key}`"),
                                )
                                .with_field(format!("{rf}.cells.{key}"))
                                .with_help(format!(
                                    "use one of the table's column ids: {}",
                                    columns.join(", ")
                                )),
                            );
                        }
                    }
                }
            }
            Block::List(list) => {
                self.unique(&list.id, "block", &format!("{field}.list.id"));
                let mut items = Vec::new();
                for (i, item) in list.items.iter().enumerate() {
                    let f = format!("{field}.list.items[{i}].id");
                    self.unique_in(&item.id, &mut items, "item", &f);
                }
                let mut groups = Vec::new();
                for (gi, group) in list.groups.iter().enumerate() {
                    let gf = format!("{field}.list.groups[{gi}]");
                    self.unique_in(&group.id, &mut groups, "group", &format!("{gf}.id"));
                    for (i, item) in group.items.iter().enumerate() {
                        let f = format!("{gf}.items[{i}].id");
                        self.unique_in(&item.id, &mut items, "item", &f);
                    }
                }
            }
            Block::Definitions(defs) => {
                self.unique(&defs.id, "block", &format!("{field}.definitions.id"));
                let mut entries = Vec::new();
                for (i, entry) in defs.entries.iter().enumerate() {
                    let f = format!("{field}.definitions.entries[{i}].id");
                    self.unique_in(&entry.id, &mut entries, "entry", &f);
                }
            }
            Block::Text(text) => {
                self.unique(&text.id, "block", &format!("{field}.text.id"));
            }
        }
    }

    /// Uniqueness within one block (a table's rows, a list's items).
    fn unique_in(&mut self, id: &Id, seen: &mut Vec<String>, kind: &str, field: &str) {
        self.unique_within(id, seen, kind, field, "block");
    }

    /// Uniqueness within one parent, a `scope` such as a block or a step.
    fn unique_within(
        &mut self,
        id: &Id,
        seen: &mut Vec<String>,
        kind: &str,
        field: &str,
        scope: &str,
    ) {
        if !self.id_format(id, field) {
            return;
        }
        if seen.iter().any(|s| s == id.as_str()) {
            self.diagnostics.push(
                Diagnostic::error(
                    Kind::DuplicateId,
                    id.location(self.path),
                    format!("duplicate {kind} id `{}`", id.as_str()),
                )
                .with_field(field)
                .with_help(format!(
                    "{kind} ids must be unique within their {scope}; rename one"
                )),
            );
        } else {
            seen.push(id.as_str().to_owned());
        }
    }

    fn image(&mut self, loaded: &LoadedGuide, image: &Text, alt: Option<&Text>, field: &str) {
        let name = image.as_str();
        if let Err(problem) = images::check_name(name) {
            self.diagnostics.push(
                Diagnostic::error(Kind::InvalidPath, image.location(self.path), problem)
                    .with_field(format!("{field}.image")),
            );
            return;
        }
        let source_locale = loaded.guide.source_locale.as_str();
        if images::resolve(&loaded.images, name, source_locale, source_locale).is_none() {
            let dir = crate::diagnostics::display_path(&loaded.dir);
            self.diagnostics.push(
                Diagnostic::error(
                    Kind::MissingImage,
                    image.location(self.path),
                    format!("image `{name}` not found"),
                )
                .with_field(format!("{field}.image"))
                .with_help(format!(
                    "add {dir}/images/{source_locale}/{name} (or {dir}/images/{name} for a language-neutral image); names are case-sensitive"
                )),
            );
        }
        if alt.is_none_or(|a| a.as_str().trim().is_empty()) {
            self.diagnostics.push(
                Diagnostic::error(
                    Kind::MissingAlt,
                    image.location(self.path),
                    format!("image `{name}` has no alternative text"),
                )
                .with_field(format!("{field}.alt"))
                .with_help("add `alt:` describing what the screenshot shows, for readers who cannot see it"),
            );
        }
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}
