//! The words of the search index: how text is cut into words and folded the way the browser
//! folds a query (`themes/default/static/search.js`), and each language's stemmer.
//!
//! The browser lower-cases a query, decomposes it (NFD), drops the combining accents
//! U+0300–U+036F and splits it on everything that is not a letter or a digit. Here the text is
//! split first (accents kept, so the stemmer sees `connecté`, not `connecte`), then folded:
//! both give the same words for the scripts the shipped languages use.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization as _;

/// Whether `c` belongs to a word: a letter, a digit, or a combining accent (which the browser
/// drops before splitting, so it must not split a word here either).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Call `f` with each word of `text`, lower-cased (accents kept). One pass over the text, ASCII
/// bytes handled without decoding (most of the text even in French or Finnish).
pub(super) fn each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut lower = String::with_capacity(32);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits, copied at once.
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let at = lower.len();
            lower.push_str(&text[start..i]);
            lower[at..].make_ascii_lowercase();
            continue;
        }
        if b.is_ascii() {
            if !lower.is_empty() {
                f(&lower);
                lower.clear();
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if is_word_char(c) {
            lower.extend(c.to_lowercase());
        } else if !lower.is_empty() {
            f(&lower);
            lower.clear();
        }
        i += c.len_utf8();
    }
    if !lower.is_empty() {
        f(&lower);
    }
}

/// `word` as the browser compares it: without its combining accents (`clé` → `cle`), and the
/// Greek final sigma as a sigma (words are lower-cased a character at a time here, as a whole
/// string in the browser, which differ only there).
pub(super) fn fold(word: &str) -> String {
    fold_cow(word).into_owned()
}

/// [`fold`], borrowing an ASCII word (most words) instead of copying it.
pub(super) fn fold_cow(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        return std::borrow::Cow::Borrowed(word);
    }
    std::borrow::Cow::Owned(
        word.nfd()
            .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
            .map(|c| if c == 'ς' { 'σ' } else { c })
            .collect(),
    )
}

/// The Snowball stemmer of a language (`nl`, `fr-CA`…), when there is one.
pub(super) fn stemmer(locale: &str) -> Option<Stemmer> {
    let language = locale.split(['-', '_']).next().unwrap_or(locale);
    let algorithm = match language.to_ascii_lowercase().as_str() {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "en" => Algorithm::English,
        "es" => Algorithm::Spanish,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "nl" => Algorithm::Dutch,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

#[cfg(test)]
mod tests {
    use super::{each_word, fold, stemmer};

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_word(text, |w| out.push(fold(w)));
        out
    }

    #[test]
    fn words_are_lowercased_folded_and_split_like_the_browser_does() {
        assert_eq!(
            words("Clé API — « Connecteur » (2FA), e\u{301}té; Ääkkönen ΟΔΟΣ"),
            ["cle", "api", "connecteur", "2fa", "ete", "aakkonen", "οδοσ"]
        );
    }

    #[test]
    fn the_four_languages_stem_their_inflections_alike() {
        let stem = |locale: &str, word: &str| fold(&stemmer(locale).expect("stemmer").stem(word));
        assert_eq!(stem("en", "configuring"), stem("en", "configure"));
        assert_eq!(stem("nl", "koppelingen"), stem("nl", "koppeling"));
        assert_eq!(stem("fr", "connecteurs"), stem("fr", "connecteur"));
        assert_eq!(stem("fi", "integraatiosta"), stem("fi", "integraatio"));
        assert!(stemmer("xx").is_none());
        assert!(stemmer("fr-CA").is_some());
    }
}
