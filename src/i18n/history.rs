//! The basis of a translation that the lock has no record of, from the repository history of the
//! site: the source text as it was in the commit that last changed the translation's lines.
//!
//! Only messages without a lock record ask (the common case, every translation recorded, runs
//! no `git` at all); one `git blame` per translation file and one `git show` per guide and
//! commit. Without `git`, outside a repository, or for lines not committed yet there is no
//! evidence, and the message stays `untracked`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};

use crate::content::catalog::{self, MessageKey};
use crate::content::model::Guide;

/// What the history says a translation was made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Basis {
    /// The message's source text (as the lock records it) in `commit`.
    pub source: String,
    /// The commit that last changed the translation's lines (abbreviated).
    pub commit: String,
}

/// Where one guide's history is: the site root and the guide's file, relative to it; the
/// guide's source texts read from commits so far, shared by its translations into every locale.
#[derive(Clone, Copy, Debug)]
pub struct GuideHistory<'a> {
    pub root: &'a Path,
    pub guide_file: &'a Path,
    pub sources: &'a SourceCache,
}

/// The source texts of one guide by commit (`None`: the commit has no such guide, or it does
/// not parse), so that each commit is read once per guide.
pub type SourceCache = RefCell<HashMap<String, Option<HashMap<MessageKey, String>>>>;

/// A translation file: its path relative to the site root, and its text (as read now).
#[derive(Clone, Copy, Debug)]
pub struct TranslationText<'a> {
    pub path: &'a Path,
    pub text: &'a str,
}

/// The id git gives the lines of the working tree that are not committed.
const NOT_COMMITTED: &str = "0000000000000000000000000000000000000000";

impl GuideHistory<'_> {
    /// The basis of each of `keys` (translated in `translation`) that the history gives.
    pub fn bases(
        &self,
        translation: TranslationText<'_>,
        keys: &[&MessageKey],
    ) -> HashMap<MessageKey, Basis> {
        let mut out = HashMap::new();
        if keys.is_empty() || !is_repository(self.root) {
            return out;
        }
        let ranges: Vec<(&MessageKey, (usize, usize))> = keys
            .iter()
            .filter_map(|key| Some((*key, key_lines(translation.text, key)?)))
            .collect();
        let Some(blame) = self.blame(translation.path, &ranges) else {
            return out;
        };
        let mut sources = self.sources.borrow_mut();
        for (key, (first, last)) in ranges {
            let Some(commit) = blame.newest(first, last) else {
                continue;
            };
            let texts = sources
                .entry(commit.to_owned())
                .or_insert_with(|| self.source_texts(commit));
            if let Some(source) = texts.as_ref().and_then(|t| t.get(key)) {
                out.insert(
                    key.clone(),
                    Basis {
                        source: source.clone(),
                        commit: commit.chars().take(12).collect(),
                    },
                );
            }
        }
        out
    }

    /// One `git blame` of the lines `ranges` of `path`.
    fn blame(&self, path: &Path, ranges: &[(&MessageKey, (usize, usize))]) -> Option<Blame> {
        if ranges.is_empty() {
            return None;
        }
        let mut args: Vec<String> = vec!["blame".into(), "--porcelain".into()];
        for (_, (first, last)) in ranges {
            args.push(format!("-L{first},{last}"));
        }
        args.push("--".into());
        args.push(path.to_string_lossy().into_owned());
        let output = git(self.root, &args)?;
        Some(Blame::parse(&String::from_utf8_lossy(&output)))
    }

    /// Every message's source text in the guide as `commit` has it; `None` when that commit has
    /// no such guide or it does not parse.
    fn source_texts(&self, commit: &str) -> Option<HashMap<MessageKey, String>> {
        let spec = format!("{commit}:./{}", self.guide_file.to_string_lossy());
        let bytes = git(self.root, &["show".into(), spec])?;
        let text = crate::input::decode(self.guide_file, &bytes).ok()?;
        let guide = crate::yaml::parse::<Guide>(self.guide_file, &text).ok()?;
        Some(
            catalog::entries(&guide)
                .into_iter()
                .map(|e| (e.key, e.text.as_str().trim().to_owned()))
                .collect(),
        )
    }
}

/// The commit of each blamed line, and each commit's time.
#[derive(Debug, Default)]
struct Blame {
    lines: HashMap<usize, String>,
    times: HashMap<String, i64>,
}

impl Blame {
    /// Read `git blame --porcelain`: a header `<commit> <old line> <new line> [<count>]` for each
    /// line, the commit's fields (`committer-time …`) after its first header, the line's text
    /// after a tab.
    fn parse(text: &str) -> Self {
        let mut blame = Self::default();
        let mut current: Option<String> = None;
        for line in text.lines() {
            if line.starts_with('\t') {
                continue;
            }
            let mut words = line.split(' ');
            let first = words.next().unwrap_or_default();
            if first.len() == 40 && first.bytes().all(|b| b.is_ascii_hexdigit()) {
                let new_line = words.nth(1).and_then(|n| n.parse::<usize>().ok());
                if let Some(n) = new_line {
                    blame.lines.insert(n, first.to_owned());
                }
                current = Some(first.to_owned());
            } else if first == "committer-time" {
                let time = words.next().and_then(|t| t.parse::<i64>().ok());
                if let (Some(commit), Some(time)) = (&current, time) {
                    blame.times.insert(commit.clone(), time);
                }
            }
        }
        blame
    }

    /// The newest commit of lines `first..=last`; `None` when one of them is not committed
    /// (or not blamed).
    fn newest(&self, first: usize, last: usize) -> Option<&str> {
        let mut newest: Option<(&str, i64)> = None;
        for n in first..=last {
            let commit = self.lines.get(&n)?;
            if commit == NOT_COMMITTED {
                return None;
            }
            let time = self.times.get(commit).copied().unwrap_or(i64::MIN);
            if newest.is_none_or(|(_, t)| time > t) {
                newest = Some((commit, time));
            }
        }
        newest.map(|(commit, _)| commit)
    }
}

/// The lines (1-based, inclusive) of `key` in FTL `text`: a message's value is its first line
/// and the lines up to its first attribute; an attribute runs to the next one. Blank lines at
/// the end are left out.
fn key_lines(text: &str, key: &MessageKey) -> Option<(usize, usize)> {
    let block = super::ftl::message_blocks(text)
        .get(key.id.as_str())
        .copied()?;
    let start = block.as_ptr() as usize - text.as_ptr() as usize;
    let first_line = text[..start].matches('\n').count() + 1;
    let lines: Vec<&str> = block.lines().collect();
    let (from, to) = match &key.attr {
        None => {
            let end = lines[1..]
                .iter()
                .position(|l| attribute_of(l).is_some())
                .map_or(lines.len(), |i| i + 1);
            (0, end)
        }
        Some(attr) => {
            let from = lines
                .iter()
                .rposition(|l| attribute_of(l) == Some(attr.as_str()))?;
            let end = lines[from + 1..]
                .iter()
                .position(|l| attribute_of(l).is_some())
                .map_or(lines.len(), |i| from + 1 + i);
            (from, end)
        }
    };
    let mut to = to;
    while to > from + 1 && lines[to - 1].trim().is_empty() {
        to -= 1;
    }
    Some((first_line + from, first_line + to - 1))
}

/// The attribute name an FTL line `    .name = …` starts.
fn attribute_of(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix('.')?;
    let name_end = rest.find([' ', '\t', '=']).unwrap_or(rest.len());
    let (name, after) = rest.split_at(name_end);
    (line.starts_with([' ', '\t']) && after.trim_start().starts_with('=')).then_some(name)
}

/// Whether `root` is in a git work tree (asked once per root and process).
/// What the history says a localized screenshot was made from: the source screenshot's bytes in
/// the commit that last changed the localized file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageBasis {
    pub source: Vec<u8>,
    /// That commit (abbreviated).
    pub commit: String,
}

/// The basis of the localized screenshot `localized` (relative to `root`) whose source-language
/// screenshot is `source`: `None` outside a repository, when the localized file is not committed
/// as it is now, or when that commit has no source screenshot.
pub fn image_basis(root: &Path, localized: &Path, source: &Path) -> Option<ImageBasis> {
    if !is_repository(root) {
        return None;
    }
    let path = localized.to_string_lossy().into_owned();
    let changed = git(
        root,
        &[
            "status".into(),
            "--porcelain".into(),
            "--".into(),
            path.clone(),
        ],
    )?;
    if !changed.is_empty() {
        return None;
    }
    let log = git(
        root,
        &[
            "log".into(),
            "-1".into(),
            "--format=%H".into(),
            "--".into(),
            path,
        ],
    )?;
    let commit = String::from_utf8_lossy(&log).trim().to_owned();
    if commit.is_empty() {
        return None;
    }
    let spec = format!("{commit}:./{}", source.to_string_lossy());
    let bytes = git(root, &["show".into(), spec])?;
    Some(ImageBasis {
        source: bytes,
        commit: commit.chars().take(12).collect(),
    })
}

/// The bytes of `path` (relative to `root`) in the newest of its last `limit` commits whose
/// version `matches`: an earlier version of a screenshot found by its hash.
pub fn file_version(
    root: &Path,
    path: &Path,
    limit: usize,
    matches: impl Fn(&[u8]) -> bool,
) -> Option<Vec<u8>> {
    if !is_repository(root) {
        return None;
    }
    let rel = path.to_string_lossy().into_owned();
    let log = git(
        root,
        &[
            "log".into(),
            format!("-{limit}"),
            "--format=%H".into(),
            "--".into(),
            rel.clone(),
        ],
    )?;
    String::from_utf8_lossy(&log).lines().find_map(|commit| {
        let bytes = git(root, &["show".into(), format!("{commit}:./{rel}")])?;
        matches(&bytes).then_some(bytes)
    })
}

fn is_repository(root: &Path) -> bool {
    static KNOWN: OnceLock<Mutex<HashMap<PathBuf, bool>>> = OnceLock::new();
    let known = KNOWN.get_or_init(Mutex::default);
    let mut known = known
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *known.entry(root.to_path_buf()).or_insert_with(|| {
        git(root, &["rev-parse".into(), "--is-inside-work-tree".into()])
            .is_some_and(|out| out.starts_with(b"true"))
    })
}

/// Run `git -C root args…` (no pager, no prompt); its output when it succeeds.
fn git(root: &Path, args: &[String]) -> Option<Vec<u8>> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output.status.success().then_some(output.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_lines_split_value_and_attributes() {
        let text = "# c\ntitle = T\n\nstep-a = A\n    more\n    .note = N\n      n2\n\n    .alt = X\n\nstep-b = B\n";
        assert_eq!(key_lines(text, &MessageKey::value("title")), Some((2, 2)));
        assert_eq!(key_lines(text, &MessageKey::value("step-a")), Some((4, 5)));
        assert_eq!(
            key_lines(text, &MessageKey::attr("step-a", "note")),
            Some((6, 7))
        );
        assert_eq!(
            key_lines(text, &MessageKey::attr("step-a", "alt")),
            Some((9, 9))
        );
        assert_eq!(key_lines(text, &MessageKey::value("nope")), None);
    }

    #[test]
    fn porcelain_blame_gives_each_line_its_commit() {
        let a = "a".repeat(40);
        let text = format!(
            "{a} 1 1 1\nauthor x\ncommitter-time 100\n\tline\n{NOT_COMMITTED} 2 2 1\ncommitter-time 200\n\tl2\n{a} 3 3\n\tl3\n"
        );
        let blame = Blame::parse(&text);
        assert_eq!(blame.newest(1, 1), Some(a.as_str()));
        assert_eq!(blame.newest(3, 3), Some(a.as_str()));
        assert_eq!(blame.newest(1, 2), None);
        assert_eq!(blame.newest(4, 4), None);
    }
}
