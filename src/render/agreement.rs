//! Test: the guide view and the search entries ask for exactly the messages the catalog defines
//! (the id scheme of `content::ids` is shared; this catches a part one side forgets), on every
//! fixture guide and the shipped site, which together use every part and attribute.

use std::collections::BTreeSet;
use std::path::Path;

use super::guide::{self, ViewContext};
use super::localize::Localizer;
use super::search;
use crate::content::catalog::{self, MessageKey};

/// Message keys the catalog defines and the view asks for, over every guide and locale of the
/// site at `root`.
fn keys_of(root: &Path, defined: &mut BTreeSet<String>, problems: &mut Vec<String>) {
    let (site, _) = crate::site::load(root);
    let site = site.unwrap_or_else(|| panic!("{} does not load", root.display()));
    for data in &site.guides {
        let catalog: BTreeSet<MessageKey> = catalog::entries(&data.loaded.guide)
            .into_iter()
            .map(|e| e.key)
            .collect();
        defined.extend(catalog.iter().map(ToString::to_string));
        for locale in &site.config.locales {
            let mut l = Localizer::for_page(&site, data, locale, false);
            let cx = ViewContext {
                guide_id: data.id(),
                guide_dir: &site.root.join(&data.loaded.dir),
                images: &data.loaded.images,
                strings: &site.theme.strings[locale.as_str()],
                stale_images: None,
            };
            let view = guide::build(&data.loaded.guide, &cx, &mut l, &mut Vec::new());
            search::fragment(data.id(), &data.loaded.guide, &view.title_plain, &mut l);
            let asked: BTreeSet<MessageKey> = l.asked().cloned().collect();
            for key in asked.difference(&catalog) {
                problems.push(format!(
                    "{}: the page asks for `{key}`, which the catalog does not define",
                    data.id()
                ));
            }
            for key in catalog.difference(&asked) {
                problems.push(format!(
                    "{}: the catalog defines `{key}`, which the page never shows",
                    data.id()
                ));
            }
        }
    }
}

#[test]
fn view_and_catalog_name_the_same_messages() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut defined = BTreeSet::new();
    let mut problems = Vec::new();
    keys_of(repo, &mut defined, &mut problems);
    for fixture in [
        "basic",
        "blocks",
        "fields",
        "multilingual",
        "reader",
        "task",
    ] {
        keys_of(
            &repo.join("tests/fixtures").join(fixture),
            &mut defined,
            &mut problems,
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every kind of part and attribute is exercised somewhere, so a new one is too.
    let shapes: BTreeSet<String> = defined
        .iter()
        .map(|key| {
            let (id, attr) = key.split_once('.').unwrap_or((key, ""));
            let prefix = id.split('-').next().unwrap_or(id);
            let attr = if attr.starts_with("col-") {
                "col-"
            } else {
                attr
            };
            format!("{prefix}.{attr}")
        })
        .collect();
    let expected = [
        "title.",
        "summary.",
        "audience.",
        "keywords.",
        "intro.",
        "fact.",
        "fact.label",
        "prereq.",
        "section.",
        "section.intro",
        "section.note",
        "section.tip",
        "section.warning",
        "step.",
        "step.details",
        "step.note",
        "step.tip",
        "step.warning",
        "step.alt",
        "step.caption",
        "step.result",
        "step.when",
        "choice.",
        "choice.details",
        "alternative.",
        "alternative.when",
        "prereqs.intro",
        "result.",
        "trouble.when",
        "trouble.do",
        "table.intro",
        "table.col-",
        "list.intro",
        "group.",
        "item.",
        "defs.intro",
        "def.",
        "def.term",
        "text.",
        "collect.",
        "collect.intro",
        "value.",
        "value.hint",
    ];
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|shape| !shapes.contains(*shape))
        .collect();
    assert!(
        missing.is_empty(),
        "no fixture uses {missing:?}; shapes: {shapes:?}"
    );
}
