//! Property test: for generated guides with sections, steps, substeps and alternative
//! procedures, every locale's page has the same step skeleton — the same step anchors, in the
//! same order, with the same numbers, and the same alternatives — whatever is translated.

use proptest::prelude::*;

use crate::support::SiteTest;

/// A generated step: how many substeps it has.
type StepShape = usize;

/// A generated section: its own steps, and its alternatives' steps.
#[derive(Clone, Debug)]
struct SectionShape {
    steps: Vec<StepShape>,
    alternatives: Vec<Vec<StepShape>>,
}

fn steps() -> impl Strategy<Value = Vec<StepShape>> {
    prop::collection::vec(0..3usize, 1..4)
}

fn sections() -> impl Strategy<Value = Vec<SectionShape>> {
    prop::collection::vec(
        (
            prop::collection::vec(0..3usize, 0..4),
            prop::collection::vec(steps(), 0..3),
        )
            .prop_map(|(steps, alternatives)| SectionShape {
                steps,
                alternatives,
            }),
        1..4,
    )
}

/// The guide's YAML, its Dutch (complete) and French (every other message) translations, and
/// the expected skeleton: (step anchor, number) in page order, and the alternatives' anchors.
fn site_of(shape: &[SectionShape]) -> (String, String, String, Vec<(String, String)>, Vec<String>) {
    let mut yaml = String::from(
        "source_locale: en\ntitle: Generated\nsummary: A generated guide.\nproduct: p\npartner: q\nsections:\n",
    );
    let mut messages = vec![("title".to_owned(), "Gegenereerd".to_owned())];
    let mut skeleton = Vec::new();
    let mut alternatives = Vec::new();
    let mut next_id = 0;
    let mut id = |prefix: &str| {
        next_id += 1;
        format!("{prefix}{next_id}")
    };
    let mut main_number = 0;
    // Write `steps` at `indent`, numbered from 1 (`own`) or continuing the guide's numbering.
    let mut write_steps = |yaml: &mut String,
                           messages: &mut Vec<(String, String)>,
                           skeleton: &mut Vec<(String, String)>,
                           id: &mut dyn FnMut(&str) -> String,
                           steps: &[StepShape],
                           indent: &str,
                           own: bool| {
        for (i, substeps) in steps.iter().enumerate() {
            let step = id("s");
            let number = if own {
                (i + 1).to_string()
            } else {
                main_number += 1;
                main_number.to_string()
            };
            yaml.push_str(&format!(
                "{indent}- id: {step}\n{indent}  text: Do {step}.\n"
            ));
            messages.push((format!("step-{step}"), format!("Doe {step}.")));
            skeleton.push((format!("step-{step}"), number.clone()));
            if *substeps > 0 {
                yaml.push_str(&format!("{indent}  substeps:\n"));
            }
            for j in 0..*substeps {
                let sub = id("u");
                yaml.push_str(&format!("{indent}    - {{ id: {sub}, text: Do {sub}. }}\n"));
                messages.push((format!("step-{sub}"), format!("Doe {sub}.")));
                skeleton.push((format!("step-{sub}"), format!("{number}.{}", j + 1)));
            }
        }
    };
    for section in shape {
        let section_id = id("x");
        yaml.push_str(&format!(
            "  - id: {section_id}\n    title: Section {section_id}\n"
        ));
        messages.push((
            format!("section-{section_id}"),
            format!("Sectie {section_id}"),
        ));
        if !section.steps.is_empty() {
            yaml.push_str("    steps:\n");
            write_steps(
                &mut yaml,
                &mut messages,
                &mut skeleton,
                &mut id,
                &section.steps,
                "      ",
                false,
            );
        }
        if !section.alternatives.is_empty() {
            yaml.push_str("    alternatives:\n");
        }
        for steps in &section.alternatives {
            let alternative = id("a");
            yaml.push_str(&format!(
                "      - id: {alternative}\n        title: Way {alternative}\n        when: you like {alternative}\n        steps:\n"
            ));
            messages.push((
                format!("alternative-{alternative}"),
                format!("Manier {alternative}"),
            ));
            alternatives.push(format!("alternative-{alternative}"));
            write_steps(
                &mut yaml,
                &mut messages,
                &mut skeleton,
                &mut id,
                steps,
                "          ",
                true,
            );
        }
    }
    let ftl = |every: usize| -> String {
        messages
            .iter()
            .step_by(every)
            .map(|(id, text)| format!("{id} = {text}\n"))
            .collect()
    };
    (yaml, ftl(1), ftl(2), skeleton, alternatives)
}

/// The step anchors with their numbers, and the alternatives' anchors, as a page shows them.
fn skeleton_of(html: &str) -> (Vec<(String, String)>, Vec<String>) {
    const STEP: &str = "<a class=\"step-number\" href=\"#";
    const ALTERNATIVE: &str = "<details class=\"alternative\" id=\"";
    let mut steps = Vec::new();
    for (at, _) in html.match_indices(STEP) {
        let rest = &html[at + STEP.len()..];
        let anchor = &rest[..rest.find('"').expect("anchor end")];
        let number_start = rest.find("\">").expect("number start") + 2;
        let number = &rest
            [number_start..number_start + rest[number_start..].find("</a>").expect("number end")];
        steps.push((anchor.to_owned(), number.to_owned()));
    }
    let alternatives = html
        .match_indices(ALTERNATIVE)
        .map(|(at, _)| {
            let rest = &html[at + ALTERNATIVE.len()..];
            rest[..rest.find('"').expect("id end")].to_owned()
        })
        .collect();
    (steps, alternatives)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    /// Every locale shows the same steps with the same anchors and numbers (the guide's own
    /// numbering for section steps, each alternative's own from 1), complete, partial or
    /// missing translation alike.
    #[test]
    fn every_locale_has_the_same_step_skeleton(shape in sections()) {
        let (yaml, nl, fr, expected_steps, expected_alternatives) = site_of(&shape);
        let site = SiteTest::empty();
        site.write(
            "site.yaml",
            "title: { en: Skeleton }\nbase_url: https://skeleton.example.org/\nlocales: [en, nl, fr, fi]\ndefault_locale: en\n",
        );
        site.write("content/generated/guide.yaml", yaml);
        site.write("locales/nl/generated.ftl", nl);
        site.write("locales/fr/generated.ftl", fr);
        site.build().success();
        for locale in ["en", "nl", "fr", "fi"] {
            let page = site.out(&format!("{locale}/generated/index.html"));
            let (steps, alternatives) = skeleton_of(&page);
            prop_assert_eq!(&steps, &expected_steps, "{}", locale);
            prop_assert_eq!(&alternatives, &expected_alternatives, "{}", locale);
        }
    }
}
