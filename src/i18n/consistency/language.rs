//! Which language a translated text is written in: the `whatlang` trigram detector, limited to
//! the languages of the site (so Dutch text in the French file is told from French, not from
//! the 60-odd other languages the detector knows), on the words a translator wrote — UI labels,
//! code, URLs and numbers left out.

use whatlang::{Detector, Lang};

use crate::markers::{UI_CLOSE, UI_OPEN};

/// Fewest words of its own a text must have to be judged (short texts are too often cognates or
/// names to tell languages apart).
pub(super) const MIN_WORDS: usize = 8;

/// Least confidence (0–1) of the detector, asked to choose between the locale's language and the
/// one it found among the site's, that the text is in the one found. Tuned on the shipped guides
/// (every message of 8 words or more of one locale put into each other locale's file): at 0.7,
/// 268 of 274 message values are found (`tests/integrity.rs`) and none of the real translations
/// is reported; at 0.5 one real translation is.
pub(super) const CONFIDENCE: f64 = 0.7;

/// The detector's language for a locale code (`fi`, `nl-BE`), for the languages it knows.
pub(super) fn lang_of(locale: &str) -> Option<Lang> {
    let primary = locale.split(['-', '_']).next().unwrap_or_default();
    let code = match primary {
        "en" => "eng",
        "nl" => "nld",
        "fr" => "fra",
        "fi" => "fin",
        "de" => "deu",
        "sv" => "swe",
        "da" => "dan",
        "nb" | "no" => "nob",
        "es" => "spa",
        "it" => "ita",
        "pt" => "por",
        "pl" => "pol",
        "et" => "est",
        "cs" => "ces",
        "hu" => "hun",
        "ru" => "rus",
        "ja" => "jpn",
        "zh" => "cmn",
        _ => return None,
    };
    Lang::from_code(code)
}

/// Judges the language of translated text for one site: the detector limited to the site's
/// languages, and those languages.
pub struct Judge {
    detector: Detector,
    /// Function word → the site language it belongs to; empty when a site language has no list.
    function_words: rustc_hash::FxHashMap<&'static str, Lang>,
}

/// A judge for the site's locales; `None` when fewer than two of them are known to the detector.
pub(super) fn judge(locales: &[String]) -> Option<Judge> {
    let mut langs: Vec<Lang> = locales.iter().filter_map(|l| lang_of(l)).collect();
    langs.sort_by_key(|l| l.code());
    langs.dedup();
    let lists: Option<Vec<(Lang, &[&str])>> = langs
        .iter()
        .map(|&lang| function_words(lang).map(|list| (lang, list)))
        .collect();
    let function_words = lists
        .unwrap_or_default()
        .into_iter()
        .flat_map(|(lang, list)| list.iter().map(move |word| (*word, lang)))
        .collect();
    (langs.len() >= 2).then(|| Judge {
        detector: Detector::with_allowlist(langs),
        function_words,
    })
}

/// Frequent function words of the languages stepdoc ships, none shared by two of them (`de`,
/// `en`, `in`, `is`, `of` are left out). A pre-pass before the detector, kept for a measured
/// reason: the detector took 35 % of `check`'s time on the 4,000-page benchmark corpus; a text
/// with at least two function words of its locale's language and twice as many as of any other
/// site language is taken as written in it without asking the detector. On the shipped guides
/// that settles 201 of 245 real translations of eight words or more, and none of 490 texts put
/// into another locale's file (`tests/integrity.rs` holds the detection rate).
fn function_words(lang: Lang) -> Option<&'static [&'static str]> {
    Some(match lang {
        Lang::Eng => &[
            "the", "and", "to", "you", "your", "for", "on", "with", "that", "this", "it", "are",
            "be", "by", "from", "as", "can", "then", "click", "not", "was", "will", "when",
            "which",
        ],
        Lang::Nld => &[
            "het", "een", "je", "jouw", "uw", "op", "met", "voor", "zijn", "dat", "die", "dit",
            "te", "naar", "niet", "als", "wordt", "kun", "kunt", "om", "aan", "bij", "worden",
            "deze", "ook", "wanneer",
        ],
        Lang::Fra => &[
            "le", "la", "les", "des", "du", "et", "un", "une", "vous", "votre", "vos", "pour",
            "dans", "sur", "avec", "est", "sont", "que", "qui", "pas", "ou", "au", "aux", "si",
            "puis", "cliquez", "ce", "cette", "être",
        ],
        Lang::Fin => &[
            "ja", "on", "ei", "se", "että", "tai", "kun", "jos", "voit", "sinun", "ovat", "myös",
            "kanssa", "tämä", "jotta", "sitten", "valitse", "niin", "ole", "mutta", "joka",
            "jonka", "kohdassa",
        ],
        _ => return None,
    })
}

impl Judge {
    /// Whether `words` are plainly in `expected` by their function words (see
    /// `function_words`); `false` when that cannot be told this way.
    pub fn plainly(&self, words: &str, expected: Lang) -> bool {
        if self.function_words.is_empty() {
            return false;
        }
        let (mut own, mut others) = (0usize, [(Lang::Eng, 0usize); 8]);
        let mut lower = String::new();
        for word in words.split_whitespace() {
            let word = word.trim_matches(|c: char| !c.is_alphabetic());
            let key = if word.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                lower.as_str()
            } else {
                word
            };
            match self.function_words.get(key) {
                Some(&lang) if lang == expected => own += 1,
                Some(&lang) => {
                    if let Some(slot) = others.iter_mut().find(|(l, n)| *l == lang || *n == 0) {
                        *slot = (lang, slot.1 + 1);
                    }
                }
                None => {}
            }
        }
        let most_other = others.iter().map(|(_, n)| *n).max().unwrap_or(0);
        own >= 2 && own >= 2 * most_other && own > most_other
    }
}

/// The words of formatted `text` that a translator wrote: without UI labels (between the
/// markers), code spans, link destinations, URLs and tokens without a letter.
pub(super) fn own_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_ui = false;
    let mut in_code = false;
    for c in text.chars() {
        match c {
            UI_OPEN => in_ui = true,
            UI_CLOSE => in_ui = false,
            '`' => in_code = !in_code,
            _ if in_ui || in_code => {}
            c => out.push(c),
        }
    }
    out.split_whitespace()
        .filter(|w| !w.contains("://") && !w.contains("](") && !w.contains('@'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The language `words` are written in, when the detector is confident of one other than
/// `expected`. Lists of names (`Lucca, Inside Online, connector, …`) are not judged.
pub(super) fn other_language(judge: &Judge, words: &str, expected: Lang) -> Option<Lang> {
    let count = words.split(' ').count();
    if count < MIN_WORDS
        || words.matches(',').count() * 3 >= count
        || judge.plainly(words, expected)
    {
        return None;
    }
    let detector = &judge.detector;
    // The detector's time grows with the text; its judgement does not after ~16 words (on the
    // shipped guides the same messages are found with 16 words as with all). A long text is
    // judged by its first and its last WINDOW words, so a paragraph left untranslated at either
    // end is seen too.
    if count > 2 * WINDOW {
        let cut: Vec<&str> = words.split(' ').collect();
        return detect(detector, &cut[..WINDOW].join(" "), expected)
            .or_else(|| detect(detector, &cut[count - WINDOW..].join(" "), expected));
    }
    detect(detector, words, expected)
}

/// Words judged at a time (see [`other_language`]).
const WINDOW: usize = 20;

fn detect(detector: &Detector, words: &str, expected: Lang) -> Option<Lang> {
    let found = detector.detect(words)?.lang();
    if found == expected {
        return None;
    }
    let pair = Detector::with_allowlist(vec![expected, found]).detect(words)?;
    (pair.lang() == found && pair.confidence() >= CONFIDENCE).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Judge {
        let locales: Vec<String> = ["en", "nl", "fr", "fi"].map(String::from).to_vec();
        judge(&locales).expect("judge")
    }

    #[test]
    fn function_words_settle_plain_text_only() {
        let fr = "Dans le menu, choisissez l’option puis cliquez sur le bouton pour activer";
        assert!(site().plainly(fr, Lang::Fra));
        assert!(!site().plainly(fr, Lang::Nld));
        // Half French, half English: not plain, the detector decides.
        let mixed = "Dans le menu choisissez et cliquez; then click the button and save the form";
        assert!(!site().plainly(mixed, Lang::Fra));
        // A language without a list: never settled this way.
        let de = judge(&["de".to_owned(), "fr".to_owned()]).expect("judge");
        assert!(!de.plainly(fr, Lang::Fra));
    }

    #[test]
    fn dutch_in_a_french_file_is_found() {
        let nl = own_words(
            "Kies in het menu de optie voor integraties en klik daarna op de knop om de koppeling te activeren.",
        );
        assert_eq!(other_language(&site(), &nl, Lang::Fra), Some(Lang::Nld));
        let fr = own_words(
            "Dans le menu, choisissez l’option des intégrations puis cliquez sur le bouton pour activer la connexion.",
        );
        assert_eq!(other_language(&site(), &fr, Lang::Fra), None);
    }

    #[test]
    fn ui_labels_code_and_urls_are_not_the_translators_words() {
        let text =
            format!("Avaa {UI_OPEN}Settings and more{UI_CLOSE} ja `api key` https://x.example/a");
        assert_eq!(own_words(&text), "Avaa ja");
        assert_eq!(other_language(&site(), "too few words", Lang::Fin), None);
    }
}
