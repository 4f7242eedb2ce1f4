//! The view of one guide in one locale: what the `guide.html` template receives. Text fields
//! are HTML produced by the sanitizing Markdown renderer; everything else is plain data that the
//! template escapes.

use std::collections::BTreeMap;

use super::localize::Localizer;
use super::view::{
    AdmonitionView, AlternativeView, ChoiceView, CollectView, FactView, GuideView, ImageView,
    LinkView, PrerequisiteView, SectionView, StepRefView, StepView, TroubleshootingView, ValueView,
};
use crate::content::catalog::MessageKey;
use crate::content::ids::{Attr, Part};
use crate::content::images;
use crate::content::model::{Collect, Guide, Section, Step};
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
    /// Screenshots of the page's locale made from an older source screenshot, by name.
    pub stale_images: Option<&'a std::collections::BTreeSet<String>>,
}

/// Build the view of `guide` for the localizer's locale; images used are added to `media`.
pub fn build(
    guide: &Guide,
    cx: &ViewContext<'_>,
    l: &mut Localizer<'_>,
    media: &mut Vec<MediaFile>,
) -> GuideView {
    let numbers = step_numbers(guide);
    let source_locale = guide.source_locale.as_str();
    let value_links = value_links(guide, source_locale, l);
    let title_plain = l.plain(&Part::Title.key()).text;
    let summary_plain = if guide.summary.is_some() {
        l.plain(&Part::Summary.key()).text
    } else if guide.intro.is_some() {
        super::summary::first_sentence(&l.plain(&Part::Intro.key()).text).to_owned()
    } else {
        String::new()
    };
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
        .map(|section| builder.section(section, l))
        .collect();
    let StepBuilder {
        collected_by,
        step_count,
        ..
    } = builder;
    GuideView {
        id: cx.guide_id.to_owned(),
        title: l.inline(&Part::Title.key()),
        title_plain,
        summary: guide
            .summary
            .as_ref()
            .map(|_| l.inline(&Part::Summary.key())),
        summary_plain,
        audience: guide
            .audience
            .as_ref()
            .map(|_| l.inline(&Part::Audience.key())),
        keywords: guide
            .keywords
            .as_ref()
            .map(|_| l.plain(&Part::Keywords.key()).text),
        updated: guide
            .updated
            .as_ref()
            .map(|d| localized_date(cx.strings, d.as_str())),
        intro: guide.intro.as_ref().map(|_| l.block(&Part::Intro.key())),
        facts: guide
            .facts
            .iter()
            .map(|fact| {
                let part = Part::Fact(fact.id.as_str());
                FactView {
                    id: fact.id.as_str().to_owned(),
                    label: l.inline(&part.attr(Attr::Label)),
                    value: l.inline(&part.key()),
                }
            })
            .collect(),
        prerequisites: guide
            .prerequisites
            .iter()
            .map(|p| {
                let part = Part::Prerequisite(p.id.as_str());
                PrerequisiteView {
                    html: l.block(&part.key()),
                    anchor: part.anchor(),
                }
            })
            .collect(),
        prerequisites_intro: guide
            .prerequisites
            .intro
            .as_ref()
            .map(|_| l.block(&Part::Prerequisites.attr(Attr::Intro))),
        sections,
        collect: guide
            .collect
            .as_ref()
            .map(|collect| collect_view(collect, &collected_by, cx.strings, l)),
        result: guide.result.as_ref().map(|_| l.block(&Part::Result.key())),
        step_count,
    }
}

/// Step numbers, by step id. One numbering runs through the whole guide (it does not restart
/// per section), so "step 4" names one step of the page and every reference to it is
/// unambiguous; substeps are numbered within their step ("4.2"). The steps of an alternative
/// procedure are numbered within it, under its title.
fn step_numbers(guide: &Guide) -> BTreeMap<String, String> {
    let mut numbers = BTreeMap::new();
    let number = |numbers: &mut BTreeMap<String, String>, i: usize, step: &Step| {
        let n = (i + 1).to_string();
        for (j, sub) in step.substeps.iter().enumerate() {
            numbers.insert(sub.id.as_str().to_owned(), format!("{n}.{}", j + 1));
        }
        numbers.insert(step.id.as_str().to_owned(), n);
    };
    let all_steps = guide.sections.iter().flat_map(|section| &section.steps);
    for (i, step) in all_steps.enumerate() {
        number(&mut numbers, i, step);
    }
    // The reader follows one alternative: its steps are numbered on their own, from 1.
    for alternative in guide.sections.iter().flat_map(|s| &s.alternatives) {
        for (i, step) in alternative.steps.iter().enumerate() {
            number(&mut numbers, i, step);
        }
    }
    numbers
}

/// The link to each value to collect, by value id, for the steps that collect it.
fn value_links(
    guide: &Guide,
    source_locale: &str,
    l: &mut Localizer<'_>,
) -> BTreeMap<String, LinkView> {
    guide
        .collect
        .iter()
        .flat_map(|c| c.values.iter())
        .map(|value| {
            let part = Part::Value(value.id.as_str());
            let label = l.plain(&part.key());
            let link = LinkView {
                href: format!("#{}", part.anchor()),
                label: label.text,
                lang: label.fallback.then(|| source_locale.to_owned()),
            };
            (value.id.as_str().to_owned(), link)
        })
        .collect()
}

/// The values to collect, each with links to the steps that collect it.
fn collect_view(
    collect: &Collect,
    collected_by: &BTreeMap<String, Vec<(String, String)>>,
    strings: &Strings,
    l: &mut Localizer<'_>,
) -> CollectView {
    CollectView {
        title: l.inline(&Part::Collect.key()),
        intro: collect
            .intro
            .as_ref()
            .map(|_| l.block(&Part::Collect.attr(Attr::Intro))),
        values: collect
            .values
            .iter()
            .map(|value| {
                let part = Part::Value(value.id.as_str());
                let steps: Vec<StepRefView> = collected_by
                    .get(value.id.as_str())
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(anchor, number)| StepRefView {
                        href: format!("#{anchor}"),
                        label: strings.get_with("step-label", &[("number", number.clone().into())]),
                        number,
                    })
                    .collect();
                ValueView {
                    label: l.inline(&part.key()),
                    hint: value
                        .hint
                        .as_ref()
                        .map(|_| l.inline(&part.attr(Attr::Hint))),
                    collected_in: (!steps.is_empty()).then(|| {
                        strings.get_with("collected-in", &[("count", steps.len().into())])
                    }),
                    steps,
                    anchor: part.anchor(),
                }
            })
            .collect(),
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
    fn section(&mut self, section: &Section, l: &mut Localizer<'_>) -> SectionView {
        let part = Part::Section(section.id.as_str());
        let strings = self.cx.strings;
        SectionView {
            anchor: part.anchor(),
            title: l.inline(&part.key()),
            collapsed: section.collapsed,
            intro: section
                .intro
                .as_ref()
                .map(|_| l.block(&part.attr(Attr::Intro))),
            admonitions: section
                .admonitions()
                .map(|(kind, _)| admonition(strings, l, kind, &part.attr(Attr::Admonition(kind))))
                .collect(),
            steps: section
                .steps
                .iter()
                .map(|step| self.step(step, l))
                .collect(),
            alternatives: section
                .alternatives
                .iter()
                .map(|alternative| {
                    let part = Part::Alternative(alternative.id.as_str());
                    AlternativeView {
                        title: l.inline(&part.key()),
                        when: alternative
                            .when
                            .as_ref()
                            .map(|_| l.inline(&part.attr(Attr::When))),
                        steps: alternative
                            .steps
                            .iter()
                            .map(|step| self.step(step, l))
                            .collect(),
                        anchor: part.anchor(),
                    }
                })
                .collect(),
            blocks: section
                .blocks
                .iter()
                .map(|b| super::blocks::view(b, self.cx, l))
                .collect(),
        }
    }

    fn step(&mut self, step: &Step, l: &mut Localizer<'_>) -> StepView {
        self.step_count += 1;
        let part = Part::Step(step.id.as_str());
        let id = part.anchor();
        let number = self
            .numbers
            .get(step.id.as_str())
            .cloned()
            .unwrap_or_default();
        let image = self.image(step, l);
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
            when: step.when.as_ref().map(|_| l.inline(&part.attr(Attr::When))),
            text: l.inline(&part.key()),
            ui_path: step
                .ui_path
                .iter()
                .map(|segment| l.ui_label(segment.as_str().trim_start_matches('-')))
                .collect(),
            details: step
                .details
                .as_ref()
                .map(|_| l.block(&part.attr(Attr::Details))),
            admonitions: step
                .admonitions()
                .map(|(kind, _)| {
                    admonition(self.cx.strings, l, kind, &part.attr(Attr::Admonition(kind)))
                })
                .collect(),
            choices: step
                .choices
                .iter()
                .map(|choice| {
                    let part = Part::Choice {
                        step: step.id.as_str(),
                        choice: choice.id.as_str(),
                    };
                    ChoiceView {
                        text: l.inline(&part.key()),
                        details: choice
                            .details
                            .as_ref()
                            .map(|_| l.block(&part.attr(Attr::Details))),
                        anchor: part.anchor(),
                    }
                })
                .collect(),
            image,
            result: step
                .result
                .as_ref()
                .map(|_| l.inline(&part.attr(Attr::Result))),
            substeps: step.substeps.iter().map(|s| self.step(s, l)).collect(),
            troubleshooting: step
                .troubleshooting
                .iter()
                .map(|t| {
                    let part = Part::Trouble(t.id.as_str());
                    TroubleshootingView {
                        when: l.inline(&part.attr(Attr::When)),
                        remedy: l.block(&part.attr(Attr::Do)),
                        anchor: part.anchor(),
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
    /// The step's screenshot, if any; the file is added to the media to publish.
    fn image(&mut self, step: &Step, l: &mut Localizer<'_>) -> Option<ImageView> {
        let part = Part::Step(step.id.as_str());
        let image = step.image.as_ref()?;
        let name = image.as_str();
        let resolved = images::resolve(self.cx.images, name, l.locale(), self.source_locale)?;
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
        let alt = step.alt.as_ref().map(|_| l.plain(&part.attr(Attr::Alt)));
        let (alt, alt_fallback) = alt.map_or((String::new(), false), |x| (x.text, x.fallback));
        let alt = if alt_fallback {
            format!("{alt} ({})", l.untranslated_label())
        } else {
            alt
        };
        let image_lang = variant.filter(|lang| lang != l.locale());
        let image_note = image_lang.as_ref().map(|lang| {
            let language = self.cx.strings.get(&format!("language-{lang}"));
            self.cx
                .strings
                .get_with("screenshot-language", &[("language", language.into())])
        });
        let outdated = (image_lang.is_none()
            && self.cx.stale_images.is_some_and(|s| s.contains(name)))
        .then(|| self.cx.strings.get("screenshot-outdated"));
        Some(ImageView {
            outdated,
            src: output,
            width: size.map(|(w, _)| w),
            height: size.map(|(_, h)| h),
            alt,
            alt_lang: alt_fallback.then(|| self.source_locale.to_owned()),
            image_lang,
            image_note,
            caption: step
                .caption
                .as_ref()
                .map(|_| l.inline(&part.attr(Attr::Caption))),
        })
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
