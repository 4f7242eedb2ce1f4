//! Which language a translated text is written in: the `whatlang` trigram detector, limited to
//! the languages of the site (so Dutch text in the French file is told from French, not from
//! the 60-odd other languages the detector knows), on the words a translator wrote — UI labels,
//! code, URLs and numbers left out.

use whatlang::{Detector, Lang};

use crate::markers::{UI_CLOSE, UI_OPEN};

/// Fewest words of its own a text must have to be judged (short texts are too often cognates or
/// names to tell languages apart).
pub const MIN_WORDS: usize = 8;

/// Least confidence (0–1) of the detector, asked to choose between the locale's language and the
/// one it found among the site's, that the text is in the one found. Tuned on the shipped guides
/// (every message of 8 words or more of one locale put into each other locale's file): at 0.7,
/// 268 of 274 message values are found (`tests/integrity.rs`) and none of the real translations
/// is reported; at 0.5 one real translation is.
pub const CONFIDENCE: f64 = 0.7;

/// The detector's language for a locale code (`fi`, `nl-BE`), for the languages it knows.
pub fn lang_of(locale: &str) -> Option<Lang> {
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

/// A detector for the site's locales; `None` when fewer than two of them are known to it.
pub fn detector(locales: &[String]) -> Option<Detector> {
    let mut langs: Vec<Lang> = locales.iter().filter_map(|l| lang_of(l)).collect();
    langs.sort_by_key(|l| l.code());
    langs.dedup();
    (langs.len() >= 2).then(|| Detector::with_allowlist(langs))
}

/// The words of formatted `text` that a translator wrote: without UI labels (between the
/// markers), code spans, link destinations, URLs and tokens without a letter.
pub fn own_words(text: &str) -> String {
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
pub fn other_language(detector: &Detector, words: &str, expected: Lang) -> Option<Lang> {
    let count = words.split(' ').count();
    if count < MIN_WORDS || words.matches(',').count() * 3 >= count {
        return None;
    }
    // The detector's time grows with the text; its judgement does not after ~16 words (on the
    // shipped guides the same messages are found with 16 words as with all). A long text is
    // judged by its first and its last WINDOW words, so a paragraph left untranslated at either
    // end is seen too.
    if count > 2 * WINDOW {
        let cut: Vec<&str> = words.split(' ').collect();
        return judge(detector, &cut[..WINDOW].join(" "), expected)
            .or_else(|| judge(detector, &cut[count - WINDOW..].join(" "), expected));
    }
    judge(detector, words, expected)
}

/// Words judged at a time (see [`other_language`]).
const WINDOW: usize = 20;

fn judge(detector: &Detector, words: &str, expected: Lang) -> Option<Lang> {
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

    fn site() -> Detector {
        let locales: Vec<String> = ["en", "nl", "fr", "fi"].map(String::from).to_vec();
        detector(&locales).expect("detector")
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
