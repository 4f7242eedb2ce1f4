//! The navigation pass of a streamed build: before any guide is rendered, what previous/next
//! links need of every guide (product, partner, each locale's title), read from the head of its
//! YAML and the `title` of each translation; the files read are kept for the guide's own pass.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use fluent_bundle::FluentResource;
use rayon::prelude::*;
use serde::Deserialize;

use crate::config::Config;
use crate::content::catalog;
use crate::content::ids::Part;
use crate::content::model::{Id, Text};
use crate::i18n::bundle;
use crate::i18n::terms::Terms;
use crate::render::{self, GuideLink, Nav};

/// Previous/next navigation of every guide: its neighbours in its product (ordered by partner,
/// then id, as on the index page) and their titles in each locale.
pub(super) struct NavTable {
    /// By guide index (the order of the guide directories): previous and next guide index.
    order: Vec<(Option<usize>, Option<usize>)>,
    /// By guide index: the guide id and its title by locale as links show it (plain text; empty
    /// when the guide failed to parse).
    titles: Vec<(String, BTreeMap<String, String>)>,
    /// By guide index: the files the navigation pass read, kept for the guide's own pass while
    /// they fit in [`READ_AHEAD_BYTES`]; taken by that pass.
    read_ahead: Vec<std::sync::Mutex<ReadAhead>>,
}

/// How many bytes of guide and translation text the navigation pass keeps for the guides' own
/// pass (which then neither reads nor decodes them again). Files beyond it are read twice.
const READ_AHEAD_BYTES: usize = 96 << 20;

/// Decoded files of one guide read by the navigation pass.
#[derive(Default)]
pub(super) struct ReadAhead {
    /// `guide.yaml`.
    pub(super) yaml: Option<String>,
    /// Translation files by locale.
    pub(super) translations: BTreeMap<String, String>,
}

impl NavTable {
    pub(super) fn build(
        root: &Path,
        config: &Config,
        terms: &BTreeMap<String, Terms>,
        dirs: &[(String, PathBuf)],
    ) -> NavTable {
        let budget = std::sync::atomic::AtomicUsize::new(READ_AHEAD_BYTES);
        let (skims, read_ahead): (Vec<Option<Skim>>, Vec<_>) = dirs
            .par_iter()
            .map(|(id, dir)| {
                let mut ahead = ReadAhead::default();
                let skim = Skim::read(root, config, terms, (id, dir), &mut ahead);
                let size = ahead.yaml.as_ref().map_or(0, String::len)
                    + ahead.translations.values().map(String::len).sum::<usize>();
                let fits = budget
                    .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                        left.checked_sub(size)
                    })
                    .is_ok();
                (
                    skim,
                    std::sync::Mutex::new(if fits { ahead } else { ReadAhead::default() }),
                )
            })
            .unzip();
        let order = render::neighbour_order(skims.iter().zip(dirs).map(|(s, (id, _))| {
            s.as_ref()
                .map(|s| (s.product.as_str(), s.partner.as_str(), id.as_str()))
        }));
        // As the links show them: each guide's titles once, not once per page linking to it.
        let titles = skims
            .into_iter()
            .zip(dirs)
            .map(|(s, (id, _))| {
                let mut titles = s.map(|s| s.titles).unwrap_or_default();
                for title in titles.values_mut() {
                    *title = GuideLink::plain_title(title);
                }
                (id.clone(), titles)
            })
            .collect();
        NavTable {
            order,
            titles,
            read_ahead,
        }
    }

    /// The files of guide `index` the navigation pass kept (once).
    pub(super) fn take_read_ahead(&self, index: usize) -> ReadAhead {
        self.read_ahead
            .get(index)
            .map_or_else(ReadAhead::default, |m| {
                std::mem::take(&mut *m.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
            })
    }

    pub(super) fn links(&self, index: usize, locale: &str) -> Nav {
        let link = |i: usize| {
            let (id, titles) = &self.titles[i];
            GuideLink::with_plain_title(id, titles.get(locale).cloned().unwrap_or_default())
        };
        let (previous, next) = self.order[index];
        (previous.map(link), next.map(link))
    }
}

/// The titles the navigation pass read serve the related guides of every page.
impl render::OtherGuides for NavTable {
    fn title(&self, id: &str, locale: &str) -> Option<String> {
        let i = self
            .titles
            .binary_search_by(|(other, _)| other.as_str().cmp(id))
            .ok()
            .or_else(|| self.titles.iter().position(|(other, _)| other == id))?;
        Some(self.titles[i].1.get(locale).cloned().unwrap_or_default())
    }

    fn ids(&self) -> Vec<&str> {
        self.titles.iter().map(|(id, _)| id.as_str()).collect()
    }
}

/// What navigation needs of one guide.
struct Skim {
    product: String,
    partner: String,
    /// The title by locale: the translation's when it has one, else the source text's.
    titles: BTreeMap<String, String>,
}

impl Skim {
    /// Read the guide's YAML and the title of each translation; `None` when the guide does not
    /// parse (the guide's own pass reports why).
    /// The decoded files it reads go to `ahead`.
    fn read(
        root: &Path,
        config: &Config,
        terms: &BTreeMap<String, Terms>,
        (id, dir): (&str, &Path),
        ahead: &mut ReadAhead,
    ) -> Option<Skim> {
        let (head, yaml) = Head::read(root, dir)?;
        ahead.yaml = Some(yaml);
        let source_locale = head.source_locale.as_str().to_owned();
        let source_terms = terms.get(&source_locale)?;
        let args = bundle::args(&config.variables);
        let key = Part::Title.key();
        // Most titles are plain text: formatting them would give back the same text.
        let source_title = match plain_pattern(head.title.as_str()) {
            Some(plain) => plain.to_owned(),
            None => {
                let b = source_title(&head, source_terms);
                bundle::format(&b, &key, &args, &mut Vec::new()).unwrap_or_default()
            }
        };
        let titles = config
            .locales
            .iter()
            .map(|locale| {
                let translated = (*locale != source_locale)
                    .then(|| {
                        let text = read_translation(root, locale, id)?;
                        let title =
                            crate::i18n::ftl::message_text(&text, "title").map(str::to_owned);
                        ahead.translations.insert(locale.clone(), text);
                        Some((title?, terms.get(locale)?))
                    })
                    .flatten()
                    .and_then(|(snippet, locale_terms)| {
                        if let Some(plain) = snippet
                            .strip_prefix("title =")
                            .and_then(|rest| rest.strip_suffix('\n'))
                            .map(|value| value.trim_start_matches(' '))
                            .and_then(plain_pattern)
                        {
                            return Some(plain.to_owned());
                        }
                        let resource = FluentResource::try_new(snippet).ok()?;
                        let b = bundle::new_bundle(
                            locale,
                            &[Arc::clone(&locale_terms.resource), Arc::new(resource)],
                        );
                        bundle::format(&b, &key, &args, &mut Vec::new())
                    });
                (
                    locale.clone(),
                    translated.unwrap_or_else(|| source_title.clone()),
                )
            })
            .collect();
        Some(Skim {
            product: head.product.as_str().to_owned(),
            partner: head.partner.as_str().to_owned(),
            titles,
        })
    }
}

/// The fields of a guide's YAML that navigation needs.
#[derive(Deserialize)]
struct Head {
    #[serde(skip)]
    path: PathBuf,
    source_locale: Text,
    title: Text,
    product: Id,
    partner: Id,
}

/// Top-level keys of `guide.yaml` that [`Head`] reads.
const HEAD_KEYS: [&str; 4] = ["source_locale", "title", "product", "partner"];

impl Head {
    /// Read the head of `dir/guide.yaml`: from the lines of its four top-level keys alone when
    /// the file is a plain block mapping, else (or when that fails) from the whole file.
    fn read(root: &Path, dir: &Path) -> Option<(Head, String)> {
        let path = dir.join(crate::layout::GUIDE_FILE);
        let source = crate::input::read_text(root, &path).ok()?;
        let head = head_lines(&source)
            .and_then(|lines| crate::yaml::parse::<Head>(&path, &lines).ok())
            .or_else(|| crate::yaml::parse::<Head>(&path, &source).ok())?;
        Some((Head { path, ..head }, source))
    }
}

/// The lines of the [`HEAD_KEYS`] entries of a YAML block mapping (each key's line and the
/// indented or blank lines after it), or `None` when a line at the first column is not a plain
/// `key:`, a comment or an item of a list that belongs to another key.
fn head_lines(source: &str) -> Option<String> {
    let mut out = String::new();
    let mut in_head = false;
    for line in source.split_inclusive('\n') {
        match line.as_bytes().first() {
            Some(b' ' | b'\n') => {
                if in_head {
                    out.push_str(line);
                }
            }
            Some(b'#') => in_head = false,
            Some(b'-') if !in_head && !line.starts_with("---") => {}
            Some(b'a'..=b'z' | b'_') => {
                let key_len = line
                    .bytes()
                    .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
                    .count();
                let rest = &line[key_len..];
                if !(rest.starts_with(": ") || rest.starts_with(":\n") || rest == ":") {
                    return None;
                }
                in_head = HEAD_KEYS.contains(&&line[..key_len]);
                if in_head {
                    out.push_str(line);
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

/// A bundle holding the source locale's terms and the guide's title as written in its YAML.
fn source_title(head: &Head, terms: &Terms) -> bundle::Bundle {
    let entries = [catalog::Entry {
        key: Part::Title.key(),
        part: Part::Title,
        text: &head.title,
        format: catalog::Format::Inline,
    }];
    let (source, _) = crate::i18n::source::build(&head.path, &entries);
    bundle::new_bundle(
        head.source_locale.as_str(),
        &[Arc::clone(&terms.resource), source.resource],
    )
}

/// `text` when it is a one-line pattern that formats to itself: no placeables, escapes or
/// characters Fluent treats specially, no surrounding blanks.
fn plain_pattern(text: &str) -> Option<&str> {
    let special = |b: u8| matches!(b, b'{' | b'}' | b'\\' | b'\r' | b'\n' | b'\t' | b' ');
    let bytes = text.as_bytes();
    let ends_plain = !special(*bytes.first()?) && !special(*bytes.last()?);
    let plain = ends_plain
        && !bytes
            .iter()
            .any(|b| matches!(b, b'{' | b'}' | b'\\' | b'\r' | b'\n' | b'\t'))
        && !matches!(bytes[0], b'[' | b'*' | b'.' | b'#' | b'-')
        && !text.chars().any(|c| {
            c.is_control()
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}')
                || matches!(c, '\u{2060}'..='\u{206F}' | '\u{E000}'..='\u{F8FF}' | '\u{FEFF}')
        });
    plain.then_some(text)
}

/// The decoded text of `locales/<locale>/<id>.ftl`; `None` when it is missing or unreadable
/// (the guide's own pass reports why).
fn read_translation(root: &Path, locale: &str, id: &str) -> Option<String> {
    crate::input::read_text(root, &crate::layout::translation_file(locale, id)).ok()
}

#[cfg(test)]
mod tests {
    use super::{Head, head_lines, plain_pattern};
    use proptest::prelude::*;

    /// `text` formatted as a message value by Fluent, the way titles are formatted otherwise.
    fn formatted(text: &str) -> Option<String> {
        let resource = fluent_bundle::FluentResource::try_new(format!("title = {text}\n")).ok()?;
        let bundle = crate::i18n::bundle::new_bundle("en", &[std::sync::Arc::new(resource)]);
        let key = crate::content::ids::Part::Title.key();
        let mut errors = Vec::new();
        let out = crate::i18n::bundle::format(
            &bundle,
            &key,
            &fluent_bundle::FluentArgs::new(),
            &mut errors,
        )?;
        errors.is_empty().then_some(out)
    }

    #[test]
    fn plain_titles_are_recognized() {
        for title in [
            "Connect Acme to Tessera",
            "Connecter « Acme » à l’outil",
            "Yhdistä [beta] *x*",
        ] {
            assert_eq!(plain_pattern(title), Some(title));
            assert_eq!(formatted(title).as_deref(), Some(title));
        }
        for title in [
            "Use { -acme }",
            "a\\b",
            " padded",
            "padded ",
            "two\nlines",
            "",
            "[x] y",
            "*x",
        ] {
            assert_eq!(plain_pattern(title), None, "{title:?}");
        }
    }

    proptest! {
        #[test]
        fn a_plain_title_formats_to_itself(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", " ", "é", "’", "«", "{", "}", "\\", "\"", "[", "]", "*", ".", "#", "-",
                "\t", "\n", "\u{a0}", "\u{200e}", "\u{2068}", "\u{e000}", "$", "=", "%",
            ]), 1..12)
        ) {
            let text = pieces.concat();
            if let Some(plain) = plain_pattern(&text) {
                let out = formatted(&text);
                prop_assert_eq!(out.as_deref(), Some(plain));
            }
        }
    }

    #[test]
    fn head_lines_keep_only_the_head_keys_with_their_continuations() {
        let yaml = "source_locale: en\ntitle: >\n  Connect\n\n  Acme\n# a comment\nsummary: Send\n  more\nproduct: acme\nfacts:\n- id: a\n  label: b\npartner: mailer\n";
        assert_eq!(
            head_lines(yaml).as_deref(),
            Some(
                "source_locale: en\ntitle: >\n  Connect\n\n  Acme\nproduct: acme\npartner: mailer\n"
            )
        );
    }

    #[test]
    fn head_lines_give_up_on_anything_but_a_plain_block_mapping() {
        for yaml in [
            "{title: x, product: a}\n",
            "---\ntitle: x\n",
            "\"title\": x\n",
            "title:\n- x\n",
            "\ttitle: x\n",
            "Title: x\n",
            "title x\n",
        ] {
            assert_eq!(head_lines(yaml), None, "{yaml:?}");
        }
    }

    /// A head key's value written in one of YAML's scalar styles (raw: some are not valid).
    fn scalar() -> impl Strategy<Value = String> {
        let text = "[a-zA-Z0-9 :#'\"{}*&!|>%@-]{0,12}( [a-z:#]{0,6}){0,2}";
        (text, 0..6usize).prop_map(|(t, style)| match style {
            0 => format!(" {t}"),
            1 => format!(" {}", serde_json::to_string(&t).unwrap_or_default()),
            2 => format!(" '{}'", t.replace('\'', "''")),
            3 => format!(" |\n  {t}\n  {t}"),
            4 => format!(" >-\n  {t}\n\n  {t}"),
            _ => format!(" {t}\n  {t}"),
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Whenever the head lines alone parse and the whole file parses, both give the same
        /// head: navigation never shows another title than the guide's.
        #[test]
        fn head_lines_parse_like_the_whole_file(
            title in scalar(),
            summary in scalar(),
            product in "[a-z]{1,6}",
            comment in "[ -~]{0,10}",
            order in 0..3usize,
        ) {
            let head = format!("source_locale: en\ntitle:{title}\nproduct: {product}\n");
            let other = format!("summary:{summary}\n# {comment}\nsections:\n- id: s\n  steps:\n  - id: a\n    text: x\n");
            let doc = match order {
                0 => format!("{head}{other}partner: p\n"),
                1 => format!("{other}{head}partner: p\n"),
                _ => format!("partner: p\n{head}\n{other}"),
            };
            let path = std::path::Path::new("content/g/guide.yaml");
            let full = crate::yaml::parse::<Head>(path, &doc).ok();
            let mini = head_lines(&doc).and_then(|l| crate::yaml::parse::<Head>(path, &l).ok());
            if let (Some(full), Some(mini)) = (full, mini) {
                prop_assert_eq!(full.title.as_str(), mini.title.as_str(), "{}", doc);
                prop_assert_eq!(full.product.as_str(), mini.product.as_str());
                prop_assert_eq!(full.partner.as_str(), mini.partner.as_str());
                prop_assert_eq!(full.source_locale.as_str(), mini.source_locale.as_str());
            }
        }
    }
}
