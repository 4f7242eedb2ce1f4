//! What a render produces: output files in memory or already handed to a sink, media to copy,
//! and what partial renders need of the last full one (cards, search fragments, status rows, link
//! summaries).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{GuideCard, links, review};

/// The rendered site: output files (path under the output dir → bytes) and media to copy.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    pub files: BTreeMap<String, Vec<u8>>,
    /// Output path → absolute source path.
    pub media: BTreeMap<String, PathBuf>,
    /// Guide pages, sorted by guide and locale.
    pub pages: Vec<PageInfo>,
    /// What each locale index shows of each guide, by (locale, guide), for partial updates.
    pub(super) cards: BTreeMap<(String, String), GuideCard>,
    /// Search entries (as JSON fragments) by (locale, guide), for partial updates.
    pub(super) search: BTreeMap<(String, String), Fragment>,
    /// Rows of the translation status page by guide, for partial updates.
    pub(super) status: BTreeMap<String, review::StatusRow>,
    /// The link check's summary of every HTML page (kept when the page itself went to a sink).
    pub(super) links: BTreeMap<String, links::PageLinks>,
    /// Pages handed to the sink while rendering instead of being kept in `files`.
    pub(super) written: BTreeSet<String>,
    /// In a partial render: files an earlier render produced that must go (e.g. the review
    /// page of a translation that became complete).
    pub(super) removed: BTreeSet<String>,
}

impl Rendered {
    /// Merge a partial render into this one.
    pub fn apply(&mut self, delta: Rendered) {
        for path in &delta.removed {
            self.files.remove(path);
            self.links.remove(path);
            self.written.remove(path);
        }
        for page in self.absorb(delta) {
            match self
                .pages
                .iter_mut()
                .find(|p| p.guide == page.guide && p.locale == page.locale)
            {
                Some(slot) => *slot = page,
                None => self.pages.push(page),
            }
        }
        self.pages
            .sort_by(|a, b| (&a.guide, &a.locale).cmp(&(&b.guide, &b.locale)));
    }

    /// A file of the output, if rendered and kept in memory (media are not read here).
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// How many files the output holds.
    pub fn file_count(&self) -> usize {
        self.files.len() + self.written.len() + self.media.len()
    }

    /// Whether the build produces `path` (a page, an asset or a media file).
    pub fn exists(&self, path: &str) -> bool {
        self.files.contains_key(path)
            || self.written.contains(path)
            || self.media.contains_key(path)
    }

    /// Add what one guide's streamed render kept (see [`super::render_guide_into`]).
    pub fn merge_guide(&mut self, guide: Rendered) {
        let pages = self.absorb(guide);
        self.pages.extend(pages);
    }

    /// Take every file, summary, card, search fragment and status row of `other` (its entries
    /// win); its pages are returned for the caller to place.
    fn absorb(&mut self, other: Rendered) -> Vec<PageInfo> {
        self.files.extend(other.files);
        self.links.extend(other.links);
        self.written.extend(other.written);
        self.media.extend(other.media);
        self.cards.extend(other.cards);
        self.search.extend(other.search);
        self.status.extend(other.status);
        other.pages
    }

    /// Add a rendered guide page: kept in memory unless it went to a sink already (then its
    /// link summary is in `links`).
    pub(super) fn add_page(&mut self, page: super::RenderedPage) {
        let super::RenderedPage {
            path,
            html,
            media,
            info,
            card,
            search,
        } = page;
        let key = (info.locale.clone(), info.guide.clone());
        self.search.insert(key.clone(), search);
        if !self.written.contains(&path) {
            self.put(path, html);
        }
        for m in media {
            self.media.insert(m.output, m.source);
        }
        self.cards.insert(key, card);
        self.pages.push(info);
    }

    /// Add an output file (HTML pages also get their link-check summary).
    pub(super) fn put(&mut self, path: String, mut bytes: Vec<u8>) {
        if path.ends_with(".html") {
            self.links.insert(path.clone(), links::summarize(&bytes));
        }
        // Kept in memory (serve): without the render buffer's spare capacity.
        bytes.shrink_to_fit();
        self.files.insert(path, bytes);
    }
}

/// Where rendered guide pages and their screenshots go as soon as each guide is done: `build`
/// writes them to the staging directory from the rendering threads, so the whole site never has
/// to sit in memory.
pub trait Sink: Sync {
    /// Write the output file `path` (`/`-separated, inside the output directory).
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
    /// Copy the file `source` to the output file `path`.
    fn copy(&self, path: &str, source: &Path) -> std::io::Result<()>;
    /// Whether the search index is written (it holds nothing to check, so a sink that keeps
    /// nothing spares building it).
    fn wants_search(&self) -> bool {
        true
    }
    /// Set `bytes` aside for a file assembled later (read back with [`Sink::read`]); `None` when this
    /// sink does not (the caller keeps the bytes).
    fn spool(&self, bytes: &[u8]) -> std::io::Result<Option<Spooled>> {
        let _ = bytes;
        Ok(None)
    }
    /// The bytes set aside as `spooled` by [`Sink::spool`].
    fn read(&self, spooled: Spooled) -> std::io::Result<Vec<u8>> {
        let _ = spooled;
        Err(std::io::ErrorKind::Unsupported.into())
    }
}

/// Bytes a sink set aside: where they are in its spool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spooled {
    pub offset: u64,
    pub len: u64,
}

/// A page's search entries (a JSON fragment), in memory or spooled by the sink.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fragment {
    Kept(Vec<u8>),
    Spooled(Spooled),
}

impl Fragment {
    pub fn is_empty(&self) -> bool {
        match self {
            Fragment::Kept(bytes) => bytes.is_empty(),
            Fragment::Spooled(s) => s.len == 0,
        }
    }
}

/// A sink that drops everything (`check`: pages are rendered to be checked, not kept).
pub struct Discard;

impl Sink for Discard {
    fn wants_search(&self) -> bool {
        false
    }

    fn put(&self, _: &str, _: &[u8]) -> std::io::Result<()> {
        Ok(())
    }

    fn copy(&self, _: &str, _: &Path) -> std::io::Result<()> {
        Ok(())
    }

    fn spool(&self, _: &[u8]) -> std::io::Result<Option<Spooled>> {
        Ok(Some(Spooled { offset: 0, len: 0 }))
    }
}

/// One guide page, for reports and the sitemap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PageInfo {
    pub guide: String,
    pub locale: String,
    pub path: String,
    pub translated_percent: u32,
    pub fallback_messages: usize,
    /// The guide's source language page.
    pub is_source: bool,
    /// Listed in the sitemap and hreflang as being in its locale.
    pub advertised: bool,
}
