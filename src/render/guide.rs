//! The view of one guide in one locale: what the `guide.html` template receives. Text fields
//! are HTML produced by the sanitizing Markdown renderer; everything else is plain data that the
//! template escapes.

use std::collections::BTreeMap;

use super::localize::Localizer;
use super::view::{
    AdmonitionView, BlockView, CollectView, DefinitionView, FactView, GroupView, GuideView,
    ImageView, LinkView, PrerequisiteView, SectionView, StepRefView, StepView, TroubleshootingView,
    ValueView,
};
use crate::content::catalog::MessageKey;
use crate::content::images;
use crate::content::model::{Block, Guide, Step};
use crate::theme::Strings;

/// An image a page uses: the file to publish (relative to the guide directory as built,
/// absolute once `render_guide` resolves it) and its output path.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct MediaFile {
    pub source: std::path::PathBuf,
    pub output: String,
}

/// Inputs of the view that are not text.
pub struct ViewContext<'a> {
    pub guide_id: &'a str,
    pub guide_dir: &'a std::path::Path,
    pub images: &'a images::ImageIndex,
    pub strings: &'a Strings,
}

/// Build the view of `guide` for the localizer's locale; images used are added to `media`.
pub fn build(
    guide: &Guide,
    cx: &ViewContext<'_>,
    l: &mut Localizer<'_>,
    media: &mut Vec<MediaFile>,
) -> GuideView {
    let v = |id: &str| MessageKey::value(id);
    let a = |id: &str, attr: &str| MessageKey::attr(id, attr);

    // Step numbers first, so collect values can link to the steps that collect them. One
    // numbering runs through the whole guide (it does not restart per section), so "step 4"
    // names one step of the page and every reference to it is unambiguous.
    let mut numbers: BTreeMap<String, String> = BTreeMap::new();
    let all_steps = guide.sections.iter().flat_map(|section| &section.steps);
    for (i, step) in all_steps.enumerate() {
        let n = (i + 1).to_string();
        for (j, sub) in step.substeps.iter().enumerate() {
            numbers.insert(sub.id.as_str().to_owned(), format!("{n}.{}", j + 1));
        }
        numbers.insert(step.id.as_str().to_owned(), n);
    }
    let source_locale = guide.source_locale.as_str();
    let value_links: BTreeMap<String, LinkView> = guide
        .collect
        .iter()
        .flat_map(|c| c.values.iter())
        .map(|value| {
            let id = value.id.as_str().to_owned();
            let label = l.plain(&v(&format!("value-{id}")));
            let link = LinkView {
                href: format!("#value-{id}"),
                label: label.text,
                lang: label.fallback.then(|| source_locale.to_owned()),
            };
            (id, link)
        })
        .collect();

    let title_plain = l.plain(&v("title")).text;
    let summary_plain = l.plain(&v("summary")).text;
    let mut builder = StepBuilder {
        cx,
        numbers: &numbers,
        value_links: &value_links,
        media,
        source_locale,
        collected_by: BTreeMap::new(),
        step_count: 0,
    };
    let sections: Vec<SectionView> = guide
        .sections
        .iter()
        .map(|section| {
            let id = format!("section-{}", section.id.as_str());
            SectionView {
                anchor: id.clone(),
                title: l.inline(&v(&id)),
                collapsed: section.collapsed,
                intro: section.intro.as_ref().map(|_| l.block(&a(&id, "intro"))),
                admonitions: section
                    .admonitions()
                    .map(|(kind, _)| admonition(cx.strings, l, kind, &a(&id, kind)))
                    .collect(),
                steps: section
                    .steps
                    .iter()
                    .map(|step| builder.step(step, l))
                    .collect(),
                blocks: section.blocks.iter().map(|b| block(b, cx, l)).collect(),
            }
        })
        .collect();
    let StepBuilder {
        collected_by,
        step_count,
        ..
    } = builder;

    GuideView {
        id: cx.guide_id.to_owned(),
        title: l.inline(&v("title")),
        title_plain,
        summary: l.inline(&v("summary")),
        summary_plain,
        audience: guide.audience.as_ref().map(|_| l.inline(&v("audience"))),
        keywords: guide
            .keywords
            .as_ref()
            .map(|_| l.plain(&v("keywords")).text),
        updated: guide
            .updated
            .as_ref()
            .map(|d| localized_date(cx.strings, d.as_str())),
        intro: guide.intro.as_ref().map(|_| l.block(&v("intro"))),
        facts: guide
            .facts
            .iter()
            .map(|fact| {
                let id = format!("fact-{}", fact.id.as_str());
                FactView {
                    id: fact.id.as_str().to_owned(),
                    label: l.inline(&a(&id, "label")),
                    value: l.inline(&v(&id)),
                }
            })
            .collect(),
        prerequisites: guide
            .prerequisites
            .iter()
            .map(|p| {
                let id = format!("prereq-{}", p.id.as_str());
                PrerequisiteView {
                    html: l.block(&v(&id)),
                    anchor: id,
                }
            })
            .collect(),
        sections,
        collect: guide.collect.as_ref().map(|collect| CollectView {
            title: l.inline(&v("collect")),
            intro: collect
                .intro
                .as_ref()
                .map(|_| l.block(&a("collect", "intro"))),
            values: collect
                .values
                .iter()
                .map(|value| {
                    let id = format!("value-{}", value.id.as_str());
                    let steps: Vec<StepRefView> = collected_by
                        .get(value.id.as_str())
                        .cloned()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(anchor, number)| StepRefView {
                            href: format!("#{anchor}"),
                            label: cx
                                .strings
                                .get_with("step-label", &[("number", number.clone().into())]),
                            number,
                        })
                        .collect();
                    ValueView {
                        label: l.inline(&v(&id)),
                        hint: value.hint.as_ref().map(|_| l.inline(&a(&id, "hint"))),
                        collected_in: (!steps.is_empty()).then(|| {
                            cx.strings
                                .get_with("collected-in", &[("count", steps.len().into())])
                        }),
                        steps,
                        anchor: id,
                    }
                })
                .collect(),
        }),
        step_count,
    }
}

struct StepBuilder<'a, 'c> {
    cx: &'a ViewContext<'c>,
    numbers: &'a BTreeMap<String, String>,
    value_links: &'a BTreeMap<String, LinkView>,
    media: &'a mut Vec<MediaFile>,
    source_locale: &'a str,
    /// value id → (step anchor, step number)
    collected_by: BTreeMap<String, Vec<(String, String)>>,
    step_count: usize,
}

impl StepBuilder<'_, '_> {
    fn step(&mut self, step: &Step, l: &mut Localizer<'_>) -> StepView {
        self.step_count += 1;
        let id = format!("step-{}", step.id.as_str());
        let number = self
            .numbers
            .get(step.id.as_str())
            .cloned()
            .unwrap_or_default();
        let a = |attr: &str| MessageKey::attr(&id, attr);
        let image = step.image.as_ref().and_then(|image| {
            let name = image.as_str();
            let resolved = images::resolve(self.cx.images, name, l.locale, self.source_locale)?;
            let variant = resolved.lang.clone();
            // A screenshot sits in the directory of its language's page (a page bundle: no
            // directory of its own per guide and locale); pages of other locales that fall back
            // to it link there, so each file is published once.
            let output = match &variant {
                Some(lang) => format!("{lang}/{}/{name}", self.cx.guide_id),
                None => format!("media/{}/{name}", self.cx.guide_id),
            };
            let size = resolved.size;
            self.media.push(MediaFile {
                source: resolved.rel,
                output: output.clone(),
            });
            let alt = step.alt.as_ref().map(|_| l.plain(&a("alt")));
            let (alt, alt_fallback) = alt.map_or((String::new(), false), |x| (x.text, x.fallback));
            let alt = if alt_fallback {
                format!("{alt} ({})", l.untranslated_label)
            } else {
                alt
            };
            let image_lang = variant.filter(|lang| lang != l.locale);
            let image_note = image_lang.as_ref().map(|lang| {
                let language = self.cx.strings.get(&format!("language-{lang}"));
                self.cx
                    .strings
                    .get_with("screenshot-language", &[("language", language.into())])
            });
            Some(ImageView {
                src: output,
                width: size.map(|(w, _)| w),
                height: size.map(|(_, h)| h),
                alt,
                alt_lang: alt_fallback.then(|| self.source_locale.to_owned()),
                image_lang,
                image_note,
            })
        });
        if let Some(value) = &step.collects {
            self.collected_by
                .entry(value.as_str().to_owned())
                .or_default()
                .push((id.clone(), number.clone()));
        }
        StepView {
            label: self
                .cx
                .strings
                .get_with("step-label", &[("number", number.clone().into())]),
            text: l.inline(&MessageKey::value(&id)),
            details: step.details.as_ref().map(|_| l.block(&a("details"))),
            admonitions: step
                .admonitions()
                .map(|(kind, _)| admonition(self.cx.strings, l, kind, &a(kind)))
                .collect(),
            image,
            substeps: step.substeps.iter().map(|s| self.step(s, l)).collect(),
            troubleshooting: step
                .troubleshooting
                .iter()
                .map(|t| {
                    let tid = format!("trouble-{}", t.id.as_str());
                    TroubleshootingView {
                        when: l.inline(&MessageKey::attr(&tid, "when")),
                        remedy: l.block(&MessageKey::attr(&tid, "do")),
                        anchor: tid,
                    }
                })
                .collect(),
            collects: step
                .collects
                .as_ref()
                .and_then(|value| self.value_links.get(value.as_str()).cloned()),
            number,
            anchor: id,
        }
    }
}

fn admonition(
    strings: &Strings,
    l: &mut Localizer<'_>,
    kind: &'static str,
    key: &MessageKey,
) -> AdmonitionView {
    AdmonitionView {
        kind,
        label: strings.get(kind),
        html: l.block(key),
    }
}

fn block(block: &Block, cx: &ViewContext<'_>, l: &mut Localizer<'_>) -> BlockView {
    match block {
        Block::Table(table) => {
            let id = format!("table-{}", table.id.as_str());
            BlockView::Table {
                intro: table
                    .intro
                    .as_ref()
                    .map(|_| l.block(&MessageKey::attr(&id, "intro"))),
                columns: table
                    .columns
                    .iter()
                    .map(|c| l.inline(&MessageKey::attr(&id, format!("col-{}", c.id.as_str()))))
                    .collect(),
                rows: table
                    .rows
                    .iter()
                    .map(|row| {
                        let row_id = format!("row-{}-{}", table.id.as_str(), row.id.as_str());
                        table
                            .columns
                            .iter()
                            .map(|c| {
                                if row.cells.contains_key(c.id.as_str()) {
                                    l.inline(&MessageKey::attr(&row_id, c.id.as_str()))
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
        Block::List(list) => {
            let id = format!("list-{}", list.id.as_str());
            let item = |l: &mut Localizer<'_>, item_id: &str| {
                l.inline(&MessageKey::value(format!(
                    "item-{}-{item_id}",
                    list.id.as_str()
                )))
            };
            BlockView::List {
                intro: list
                    .intro
                    .as_ref()
                    .map(|_| l.block(&MessageKey::attr(&id, "intro"))),
                ordered: list.ordered,
                items: list.items.iter().map(|i| item(l, i.id.as_str())).collect(),
                groups: list
                    .groups
                    .iter()
                    .map(|g| GroupView {
                        title: l.inline(&MessageKey::value(format!(
                            "group-{}-{}",
                            list.id.as_str(),
                            g.id.as_str()
                        ))),
                        items: g.items.iter().map(|i| item(l, i.id.as_str())).collect(),
                    })
                    .collect(),
                id: list.id.as_str().to_owned(),
            }
        }
        Block::Definitions(defs) => {
            let id = format!("defs-{}", defs.id.as_str());
            BlockView::Definitions {
                intro: defs
                    .intro
                    .as_ref()
                    .map(|_| l.block(&MessageKey::attr(&id, "intro"))),
                entries: defs
                    .entries
                    .iter()
                    .map(|e| {
                        let eid = format!("def-{}-{}", defs.id.as_str(), e.id.as_str());
                        DefinitionView {
                            term: l.inline(&MessageKey::attr(&eid, "term")),
                            html: l.block(&MessageKey::value(&eid)),
                        }
                    })
                    .collect(),
                id: defs.id.as_str().to_owned(),
            }
        }
        Block::Text(text) => BlockView::Text {
            style: text.style.map(|s| s.as_str()),
            label: text.style.map(|s| cx.strings.get(s.as_str())),
            html: l.block(&MessageKey::value(format!("text-{}", text.id.as_str()))),
            id: text.id.as_str().to_owned(),
        },
    }
}

/// `YYYY-MM-DD` in the locale's date format (theme strings `date` and `month-N`).
pub fn localized_date(strings: &Strings, iso: &str) -> String {
    let (Some(year), Some(month), Some(day)) = (iso.get(0..4), iso.get(5..7), iso.get(8..10))
    else {
        return iso.to_owned();
    };
    let month_number: u32 = month.parse().unwrap_or(1);
    let day_number: u32 = day.parse().unwrap_or(1);
    let month_name = strings.get(&format!("month-{month_number}"));
    strings.get_with(
        "date",
        &[
            ("year", year.to_owned().into()),
            ("month", month_name.into()),
            ("day", f64::from(day_number).into()),
        ],
    )
}
