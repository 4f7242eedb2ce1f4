//! A locale's search files, made from its guide pages' fragments in guide order:
//!
//! - `search/<lang>/d/<n>.json`, one per guide: the JSON array of its entries (URL, heading,
//!   text, language), fetched only for the results a reader is shown;
//! - `search/<lang>/w/<n>.json`, the word shards: `{"w":{word:postings}}` for the words of one
//!   prefix, so a query downloads only the shards of its words. A word is folded as the browser
//!   folds a query (lower case, no accents); its stem is its language's Snowball stem, folded,
//!   given only where it differs from the word (see [`encode_word`]). The postings say which
//!   entries hold the word and how (see [`encode_postings`]);
//! - `search/<lang>/meta.json`: `{"lang":…,"loose":…,"shards":[prefix, …]}`, shard `n`
//!   holding the words that start with prefix `n` (and no longer prefix of the list); `loose`
//!   turns on the browser's loose inflection rule (Finnish, whose stemmer leaves consonant
//!   gradation alone, and languages without a stemmer).
//!
//! Shards are cut by prefix from the whole vocabulary down: a run of words sharing a prefix
//! stays one shard while its JSON is at most [`SHARD_BYTES`]; a larger run is cut one character
//! deeper (a word equal to the prefix becomes a shard of its own), at most [`MAX_PREFIX`]
//! characters deep. A small site has one shard; 1,000 guides have a few hundred per language.

use std::ops::Range;

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

use super::json::push_json_string;
use super::words::{fold, stemmer};

/// The largest shard worth cutting again, in bytes of JSON.
const SHARD_BYTES: usize = 16 * 1024;
/// The longest prefix a shard is cut by, in characters: words that share their first four
/// letters stay together, so the browser's inflection rule (which needs four letters in common)
/// always finds them in the same shard.
const MAX_PREFIX: usize = 4;

/// The search files of one locale, built guide by guide.
pub struct LocaleIndex {
    locale: String,
    guides: u32,
    words: FxHashMap<String, Word>,
    stemmers: FxHashMap<String, Option<Stemmer>>,
}

/// A posting as numbers: guide, entry, weight.
type Posting = (u32, u16, u8);

/// One folded word: its folded stem (when it differs) and its postings, encoded as they come
/// (see [`encode_postings`]; a few bytes each, where a million postings of a large site would
/// take 8 bytes each as numbers), with the last guide they name.
struct Word {
    stem: Option<String>,
    postings: Vec<u8>,
    last: Option<u32>,
}

impl LocaleIndex {
    pub fn new(locale: &str) -> Self {
        LocaleIndex {
            locale: locale.to_owned(),
            guides: 0,
            words: FxHashMap::default(),
            stemmers: FxHashMap::default(),
        }
    }

    /// Add the next guide's fragment (see [`super::fragment`]); gives its document file.
    pub fn add(&mut self, fragment: &[u8]) -> (String, Vec<u8>) {
        let guide = self.guides;
        self.guides += 1;
        let (entries, words) = super::split_fragment(fragment);
        let mut document = Vec::with_capacity(entries.len() + 2);
        document.push(b'[');
        document.extend_from_slice(entries);
        document.push(b']');
        let mut reader = Reader { bytes: words };
        while let Some((folded, written, language)) = reader.strings() {
            let Some(count) = reader.u16() else { break };
            let entry = match self.words.get_mut(folded) {
                Some(entry) => entry,
                None => {
                    let stemmer = match self.stemmers.get(language) {
                        Some(stemmer) => stemmer,
                        None => self
                            .stemmers
                            .entry(language.to_owned())
                            .or_insert_with(|| stemmer(language)),
                    };
                    let as_written = if written.is_empty() { folded } else { written };
                    let stem = stemmer
                        .as_ref()
                        .map(|s| fold(&s.stem(as_written)))
                        .filter(|stem| stem != folded);
                    self.words.entry(folded.to_owned()).or_insert(Word {
                        stem,
                        postings: Vec::new(),
                        last: None,
                    })
                }
            };
            let mut previous = entry.last;
            for _ in 0..count {
                let (Some(entry_number), Some(weight)) = (reader.u16(), reader.u8()) else {
                    break;
                };
                push_posting(
                    &mut entry.postings,
                    &mut previous,
                    (guide, entry_number, weight),
                );
            }
            entry.last = previous;
        }
        (format!("search/{}/d/{guide}.json", self.locale), document)
    }

    /// The word shards and `meta.json`, as (path, bytes).
    pub fn finish(mut self) -> Vec<(String, Vec<u8>)> {
        if compounds(&self.locale) {
            add_compound_parts(&mut self.words);
        }
        let mut words: Vec<(String, Word)> = self.words.into_iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let encoded: Vec<Vec<u8>> = words.iter().map(|(w, word)| encode_word(w, word)).collect();
        let keys: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
        let mut shards = Vec::new();
        cut(&keys, &encoded, 0..keys.len(), 0, &mut shards);
        let mut files = Vec::with_capacity(shards.len() + 1);
        let mut meta = b"{\"lang\":".to_vec();
        push_json_string(&mut meta, &[&self.locale]);
        // The browser's loose inflection rule, where no stemmer bridges what it does.
        let loose =
            self.locale.split(['-', '_']).next() == Some("fi") || stemmer(&self.locale).is_none();
        meta.extend_from_slice(if loose {
            b",\"loose\":true"
        } else {
            b",\"loose\":false"
        });
        meta.extend_from_slice(b",\"shards\":[");
        for (n, (prefix, range)) in shards.iter().enumerate() {
            if n > 0 {
                meta.push(b',');
            }
            push_json_string(&mut meta, &[prefix]);
            let mut shard = b"{\"w\":{".to_vec();
            for (i, bytes) in encoded[range.clone()].iter().enumerate() {
                if i > 0 {
                    shard.push(b',');
                }
                shard.extend_from_slice(bytes);
            }
            shard.extend_from_slice(b"}}");
            files.push((format!("search/{}/w/{n}.json", self.locale), shard));
        }
        meta.extend_from_slice(b"]}");
        files.push((format!("search/{}/meta.json", self.locale), meta));
        files
    }
}

/// Whether `locale`'s language writes compound words as one (Dutch `koppelingsinstellingen`,
/// Finnish `integraatioasetukset`): their last part is then indexed too.
fn compounds(locale: &str) -> bool {
    let language = locale.split(['-', '_']).next().unwrap_or(locale);
    matches!(
        language.to_ascii_lowercase().as_str(),
        "da" | "de" | "fi" | "nb" | "nl" | "nn" | "no" | "sv"
    )
}

/// Index each compound word's last part: a word that is another indexed word (of four or more
/// letters) after an indexed word of three or more (`integraatio` + `asetukset`), perhaps with
/// a linking `s`, `e` or `n` between (`koppeling` + `s` + `instellingen`), also points from the
/// last part to its entries, weighted [`super::WEIGHT_PART`]: a query for `asetukset` finds
/// `integraatioasetukset`, below the entries that hold `asetukset` itself. The longest last
/// part wins; words are split once.
fn add_compound_parts(words: &mut FxHashMap<String, Word>) {
    let mut parts: Vec<(String, Vec<Posting>)> = Vec::new();
    for (word, entry) in words.iter() {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() < 8 {
            continue;
        }
        for &(at, _) in &chars[3..chars.len() - 3] {
            let (head, tail) = word.split_at(at);
            if !words.contains_key(tail) {
                continue;
            }
            let linked = head
                .strip_suffix(['s', 'e', 'n'])
                .is_some_and(|h| h.chars().count() >= 3 && words.contains_key(h));
            if words.contains_key(head) || linked {
                let postings = decode_postings(&entry.postings)
                    .into_iter()
                    .map(|(g, e, _)| (g, e, super::WEIGHT_PART))
                    .collect();
                parts.push((tail.to_owned(), postings));
                break;
            }
        }
    }
    let mut merged: FxHashMap<String, Vec<Posting>> = FxHashMap::default();
    for (tail, postings) in parts {
        merged.entry(tail).or_default().extend(postings);
    }
    for (tail, mut postings) in merged {
        let Some(entry) = words.get_mut(&tail) else {
            continue;
        };
        postings.extend(decode_postings(&entry.postings));
        // One posting per entry, with the best weight (a part's is the lowest).
        postings.sort_unstable_by(|a, b| (a.0, a.1, b.2).cmp(&(b.0, b.1, a.2)));
        postings.dedup_by(|later, first| (later.0, later.1) == (first.0, first.1));
        entry.postings.clear();
        entry.last = None;
        for posting in postings {
            push_posting(&mut entry.postings, &mut entry.last, posting);
        }
    }
}

/// The postings [`encode_postings`] wrote, as (guide, entry, weight).
fn decode_postings(text: &[u8]) -> Vec<Posting> {
    let mut out = Vec::new();
    let mut guide = 0u32;
    for group in text.split(|&b| b == b' ') {
        let Some(dot) = group.iter().position(|&b| b == b'.') else {
            continue;
        };
        guide += base36(&group[..dot]);
        for posting in group[dot + 1..].split(|&b| b == b',') {
            let (number, weight) = match posting.last() {
                Some(b'^') => (&posting[..posting.len() - 1], super::WEIGHT_TITLE),
                Some(b'!') => (&posting[..posting.len() - 1], super::WEIGHT_HEADING),
                Some(b'~') => (&posting[..posting.len() - 1], super::WEIGHT_PART),
                _ => (posting, super::WEIGHT_TEXT),
            };
            out.push((
                guide,
                u16::try_from(base36(number)).unwrap_or(u16::MAX),
                weight,
            ));
        }
    }
    out
}

fn base36(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |n, &d| {
        let value = match d {
            b'0'..=b'9' => d - b'0',
            b'a'..=b'z' => d - b'a' + 10,
            _ => 0,
        };
        n.saturating_mul(36).saturating_add(u32::from(value))
    })
}

/// Reads the words of a fragment (see `PageWords::write`).
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn u8(&mut self) -> Option<u8> {
        let (&first, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(first)
    }

    fn u16(&mut self) -> Option<u16> {
        let (two, rest) = self.bytes.split_first_chunk::<2>()?;
        self.bytes = rest;
        Some(u16::from_le_bytes(*two))
    }

    fn string(&mut self) -> Option<&'a str> {
        let len = usize::from(self.u8()?);
        let (text, rest) = self.bytes.split_at_checked(len)?;
        self.bytes = rest;
        simdutf8::basic::from_utf8(text).ok()
    }

    fn strings(&mut self) -> Option<(&'a str, &'a str, &'a str)> {
        Some((self.string()?, self.string()?, self.string()?))
    }
}

/// `"word":"postings"` of a shard, the postings led by the word's stem when it differs from
/// the word: `n|` when the stem is the word less its last `n` characters, `=stem|` otherwise.
fn encode_word(word: &str, entry: &Word) -> Vec<u8> {
    use std::io::Write as _;
    let mut out = Vec::with_capacity(word.len() + 8 + entry.postings.len());
    push_json_string(&mut out, &[word]);
    out.push(b':');
    match &entry.stem {
        Some(stem) if word.starts_with(stem.as_str()) => {
            let _ = write!(out, "\"{}|", word[stem.len()..].chars().count());
        }
        Some(stem) => {
            out.extend_from_slice(b"\"=");
            // The opening quote is written: the stem's escaped text, without its own quotes.
            let mut quoted = Vec::new();
            push_json_string(&mut quoted, &[stem]);
            out.extend_from_slice(&quoted[1..quoted.len() - 1]);
            out.push(b'|');
        }
        None => out.push(b'"'),
    }
    out.extend_from_slice(&entry.postings);
    out.push(b'"');
    out
}

/// Postings as text: per guide, `guide.entry,entry…` with the guide number counted from the
/// previous group's (the first from 0) and groups separated by spaces; numbers in base 36; an
/// entry is followed by `!` when the word is in its heading, `^` when in the guide's title, `~`
/// when only inside a compound word (see [`add_compound_parts`]).
/// `0.0^,3! 2.1` is entries 0 (title) and 3 (heading) of guide 0 and entry 1 of guide 2.
#[cfg(test)]
fn encode_postings(postings: &[Posting], out: &mut Vec<u8>) {
    let mut previous = None;
    for &posting in postings {
        push_posting(out, &mut previous, posting);
    }
}

/// Append one posting to encoded postings whose last guide is `previous`.
fn push_posting(
    out: &mut Vec<u8>,
    previous: &mut Option<u32>,
    (guide, entry, weight): (u32, u16, u8),
) {
    if *previous == Some(guide) {
        out.push(b',');
    } else {
        if previous.is_some() {
            out.push(b' ');
        }
        push_base36(out, guide - previous.unwrap_or(0));
        out.push(b'.');
        *previous = Some(guide);
    }
    push_base36(out, u32::from(entry));
    match weight {
        super::WEIGHT_TITLE => out.push(b'^'),
        super::WEIGHT_HEADING => out.push(b'!'),
        super::WEIGHT_PART => out.push(b'~'),
        _ => {}
    }
}

fn push_base36(out: &mut Vec<u8>, mut n: u32) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut digits = [0u8; 7];
    let mut len = 0;
    loop {
        digits[len] = DIGITS[(n % 36) as usize];
        len += 1;
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[..len].iter().rev());
}

/// The first `n` characters of `word` (all of it when shorter).
fn prefix(word: &str, n: usize) -> &str {
    match word.char_indices().nth(n) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

/// Cut the sorted `words[range]` into shards by their first `depth` characters (see the module
/// documentation), appending (prefix, range) to `shards`.
fn cut(
    words: &[&str],
    encoded: &[Vec<u8>],
    range: Range<usize>,
    depth: usize,
    shards: &mut Vec<(String, Range<usize>)>,
) {
    let mut i = range.start;
    while i < range.end {
        let key = prefix(words[i], depth);
        let full = key.chars().count() == depth;
        let mut j = i + 1;
        let mut size = encoded[i].len();
        // A word shorter than the depth is a run of its own (the words after it are longer).
        while full && j < range.end && words[j].starts_with(key) {
            size += encoded[j].len() + 1;
            j += 1;
        }
        if full && size > SHARD_BYTES && depth < MAX_PREFIX {
            let mut start = i;
            if words[i] == key {
                shards.push((key.to_owned(), i..i + 1));
                start = i + 1;
            }
            cut(words, encoded, start..j, depth + 1, shards);
        } else {
            shards.push((key.to_owned(), i..j));
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::{Word, add_compound_parts, cut, decode_postings, encode_postings};
    use rustc_hash::FxHashMap;

    #[test]
    fn the_last_part_of_a_compound_word_points_to_its_entries_at_the_lowest_weight() {
        let word = |postings: Vec<(u32, u16, u8)>| {
            let mut encoded = Vec::new();
            encode_postings(&postings, &mut encoded);
            Word {
                stem: None,
                postings: encoded,
                last: postings.last().map(|p| p.0),
            }
        };
        let mut words: FxHashMap<String, Word> = [
            ("koppeling", word(vec![(0, 1, 1)])),
            ("instellingen", word(vec![(0, 2, 2)])),
            ("koppelingsinstellingen", word(vec![(0, 2, 1), (3, 4, 1)])),
            ("integraatio", word(vec![(1, 1, 1)])),
            ("asetukset", word(vec![(1, 1, 1)])),
            ("integraatioasetukset", word(vec![(2, 0, 3)])),
            // Not a compound: "ecteur" is no word, and "conn" none either.
            ("connecteur", word(vec![(5, 5, 1)])),
            ("teur", word(vec![(6, 6, 1)])),
        ]
        .into_iter()
        .map(|(w, e)| (w.to_owned(), e))
        .collect();
        add_compound_parts(&mut words);
        let postings = |w: &str| decode_postings(&words[w].postings);
        // Entry 0.2 holds "instellingen" itself (as a heading word): that weight stays.
        assert_eq!(postings("instellingen"), [(0, 2, 2), (3, 4, 0)]);
        assert_eq!(postings("asetukset"), [(1, 1, 1), (2, 0, 0)]);
        assert_eq!(postings("koppeling"), [(0, 1, 1)]);
        assert_eq!(postings("teur"), [(6, 6, 1)]);
    }

    #[test]
    fn postings_are_grouped_by_guide_and_marked_by_weight() {
        let mut out = Vec::new();
        encode_postings(&[(0, 0, 3), (0, 3, 2), (2, 1, 1), (40, 37, 1)], &mut out);
        assert_eq!(
            String::from_utf8(out.clone()).expect("UTF-8"),
            "0.0^,3! 2.1 12.11"
        );
        assert_eq!(
            decode_postings(&out),
            [(0, 0, 3), (0, 3, 2), (2, 1, 1), (40, 37, 1)]
        );
    }

    #[test]
    fn large_runs_are_cut_deeper_and_small_ones_kept_whole() {
        let words = ["a", "co", "con", "cona", "conb", "cx", "d"];
        let sizes = [1, 1, 1, 9000, 9000, 1, 1];
        let encoded: Vec<Vec<u8>> = sizes.iter().map(|&n| vec![b'x'; n]).collect();
        let mut shards = Vec::new();
        cut(&words, &encoded, 0..words.len(), 0, &mut shards);
        let keys: Vec<(&str, std::ops::Range<usize>)> = shards
            .iter()
            .map(|(k, r)| (k.as_str(), r.clone()))
            .collect();
        assert_eq!(
            keys,
            [
                ("a", 0..1),
                ("co", 1..2),
                ("con", 2..3),
                ("cona", 3..4),
                ("conb", 4..5),
                ("cx", 5..6),
                ("d", 6..7),
            ]
        );
        let mut shards = Vec::new();
        let small: Vec<Vec<u8>> = words.iter().map(|_| vec![b'x']).collect();
        cut(&words, &small, 0..words.len(), 0, &mut shards);
        assert_eq!(shards.len(), 1);
        assert_eq!(shards[0].0, "");
    }
}
