//! The data a guide page template receives: text fields are HTML from the sanitizing Markdown
//! renderer, everything else is plain data that the template escapes.

use serde::Serialize;

#[derive(Serialize)]
pub struct GuideView {
    pub id: String,
    pub title: String,
    pub title_plain: String,
    /// The summary under the title (HTML); `None` when the guide has none.
    pub summary: Option<String>,
    /// The page's description: the summary as plain text or, without one, the first sentence
    /// of the intro (empty when the guide has neither).
    pub summary_plain: String,
    pub audience: Option<String>,
    pub keywords: Option<String>,
    pub updated: Option<String>,
    pub intro: Option<String>,
    pub facts: Vec<FactView>,
    pub prerequisites: Vec<PrerequisiteView>,
    /// The sentence before the prerequisites (HTML).
    pub prerequisites_intro: Option<String>,
    pub sections: Vec<SectionView>,
    pub collect: Option<CollectView>,
    /// The guide's result (HTML), shown after the last section.
    pub result: Option<String>,
    pub step_count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactView {
    pub id: String,
    pub label: String,
    pub value: String,
}

#[derive(Serialize)]
pub struct PrerequisiteView {
    pub anchor: String,
    pub html: String,
}

#[derive(Serialize)]
pub struct AdmonitionView {
    pub kind: &'static str,
    pub label: String,
    pub html: String,
}

#[derive(Serialize)]
pub struct SectionView {
    pub anchor: String,
    pub title: String,
    pub collapsed: bool,
    pub intro: Option<String>,
    pub admonitions: Vec<AdmonitionView>,
    pub steps: Vec<StepView>,
    pub alternatives: Vec<AlternativeView>,
    pub blocks: Vec<BlockView>,
}

/// One of a section's alternative procedures, its steps numbered on their own.
#[derive(Serialize)]
pub struct AlternativeView {
    pub anchor: String,
    /// Inline HTML.
    pub title: String,
    /// When to follow it (inline HTML).
    pub when: Option<String>,
    pub steps: Vec<StepView>,
}

#[derive(Serialize)]
pub struct StepView {
    pub anchor: String,
    /// The number shown ("3"; substeps "3.1").
    pub number: String,
    /// Accessible label of the anchor link, e.g. "Step 3".
    pub label: String,
    /// The condition under which the step applies (inline HTML), shown before its text.
    pub when: Option<String>,
    pub text: String,
    /// The UI labels to click through (HTML each), shown joined by the locale's separator.
    pub ui_path: Vec<String>,
    pub details: Option<String>,
    pub admonitions: Vec<AdmonitionView>,
    /// The options the reader chooses one of.
    pub choices: Vec<ChoiceView>,
    pub image: Option<ImageView>,
    /// What the reader sees after the step (inline HTML).
    pub result: Option<String>,
    pub substeps: Vec<StepView>,
    pub troubleshooting: Vec<TroubleshootingView>,
    pub collects: Option<LinkView>,
}

/// One option of a step's choices.
#[derive(Serialize)]
pub struct ChoiceView {
    pub anchor: String,
    /// Inline HTML.
    pub text: String,
    /// Block HTML.
    pub details: Option<String>,
}

#[derive(Serialize)]
pub struct ImageView {
    /// Path relative to the site root: beside the page of the screenshot's language
    /// (`en/guide/shot.png`), or `media/guide/shot.png` for a language-neutral image.
    pub src: String,
    /// Intrinsic size, when the file tells, so the page reserves the space.
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub alt: String,
    /// Set when the alt text is source-language fallback.
    pub alt_lang: Option<String>,
    /// Set when the screenshot shows another language than the page.
    pub image_lang: Option<String>,
    /// "Screenshot in English" when `image_lang` is set.
    pub image_note: Option<String>,
    /// The localized note that the screenshot may show an older version of the screen (its
    /// source screenshot changed since it was made).
    pub outdated: Option<String>,
    /// The step's caption (inline HTML), shown in the `<figcaption>`.
    pub caption: Option<String>,
}

#[derive(Serialize)]
pub struct TroubleshootingView {
    pub anchor: String,
    pub when: String,
    pub remedy: String,
}

#[derive(Clone, Serialize)]
pub struct LinkView {
    pub href: String,
    pub label: String,
    /// Language of the label when it is source-language fallback.
    pub lang: Option<String>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum BlockView {
    Table {
        id: String,
        intro: Option<String>,
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    List {
        id: String,
        intro: Option<String>,
        ordered: bool,
        items: Vec<String>,
        groups: Vec<GroupView>,
    },
    Definitions {
        id: String,
        intro: Option<String>,
        entries: Vec<DefinitionView>,
    },
    Text {
        id: String,
        style: Option<&'static str>,
        label: Option<String>,
        html: String,
    },
}

#[derive(Serialize)]
pub struct GroupView {
    pub title: String,
    pub items: Vec<String>,
}

#[derive(Serialize)]
pub struct DefinitionView {
    pub term: String,
    pub html: String,
}

#[derive(Serialize)]
pub struct CollectView {
    pub title: String,
    pub intro: Option<String>,
    pub values: Vec<ValueView>,
}

#[derive(Serialize)]
pub struct ValueView {
    pub anchor: String,
    pub label: String,
    pub hint: Option<String>,
    /// "Collected in step" / "Collected in steps" (theme string `collected-in` with `count`),
    /// followed in the page by the numbers of `steps`; `None` when no step collects the value.
    pub collected_in: Option<String>,
    /// Steps that collect this value.
    pub steps: Vec<StepRefView>,
}

/// A reference to a step: its number as the link text, "Step 4" as its accessible name.
#[derive(Clone, Serialize)]
pub struct StepRefView {
    pub href: String,
    pub number: String,
    pub label: String,
}
