//! Screenshot provenance: a localized screenshot records the source screenshot it was made from;
//! a changed source makes it `stale-image` (finding, figure badge, review page, status counts)
//! until it is redone; missing, orphaned and reshaped screenshots are reported.

use std::process::Command;

use crate::history::git;
use crate::support::{SiteTest, html, texts};

const GUIDE: &str = "content/demo/guide.yaml";
const SOURCE: &str = "content/demo/images/en/settings.png";
const FI: &str = "content/demo/images/fi/settings.png";

fn findings(site: &SiteTest, kind: &str) -> Vec<serde_json::Value> {
    let run = site.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["kind"] == kind)
        .cloned()
        .collect()
}

fn status_row(site: &SiteTest, locale: &str) -> serde_json::Value {
    let run = site.run(&["i18n", "status", "--format", "json", "--locale", locale]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    report["rows"][0].clone()
}

#[test]
fn lifecycle_record_change_badge_review_redo() {
    let site = SiteTest::fixture("multilingual");
    site.allow_stale();
    // The fixture's lock records the Finnish screenshot: fresh.
    assert!(findings(&site, "stale-image").is_empty());
    assert_eq!(status_row(&site, "fi")["screenshots"]["localized"], 1);
    // The writer replaces the source screenshot after a UI change.
    site.write(SOURCE, b"new UI, new screenshot");
    let stale = findings(&site, "stale-image");
    assert_eq!(stale.len(), 1, "{stale:#?}");
    assert_eq!(stale[0]["locale"], "fi");
    assert_eq!(stale[0]["file"], FI);
    let image = &stale[0]["image"];
    assert_eq!(image["name"], "settings.png");
    assert_eq!(image["new"]["bytes"], 22);
    assert_ne!(image["old"]["hash"], image["new"]["hash"]);
    assert_eq!(status_row(&site, "fi")["screenshots"]["stale"], 1);
    // Readers: the Finnish figure says so, the image stays.
    site.build().success();
    let page = html(&site.out("fi/demo/index.html"));
    assert_eq!(
        texts(&page, "figure.screenshot .badge.outdated"),
        ["Tämä kuvakaappaus voi olla vanhentunut"]
    );
    assert_eq!(
        page.select(&scraper::Selector::parse("figure.screenshot img").expect("sel"))
            .count(),
        1
    );
    // Reviewers: both screenshots side by side, marked.
    let review = html(&site.out("review/fi/demo/index.html"));
    let cells = crate::support::attrs(&review, "table.review-images tr.review-stale img", "src");
    assert_eq!(
        cells,
        [
            "../../../en/demo/settings.png",
            "../../../fi/demo/settings.png"
        ]
    );
    // Sync keeps the record: still stale until the screenshot is redone.
    site.run(&["i18n", "sync"]).success();
    assert_eq!(findings(&site, "stale-image").len(), 1);
    // The translator replaces the screenshot: fresh, and sync records it.
    site.write(FI, b"uusi kuvakaappaus");
    assert!(findings(&site, "stale-image").is_empty());
    site.run(&["i18n", "sync"]).success();
    assert!(findings(&site, "stale-image").is_empty());
    assert!(findings(&site, "untracked").is_empty());
    site.build().success();
    assert!(!site.out("fi/demo/index.html").contains("badge outdated"));
}

#[test]
fn a_locale_without_its_own_screenshot_is_told_where_it_belongs() {
    let site = SiteTest::fixture("multilingual");
    let missing = findings(&site, "missing-image");
    assert_eq!(missing.len(), 1, "{missing:#?}");
    assert_eq!(missing[0]["locale"], "nl");
    assert_eq!(missing[0]["severity"], "warning");
    assert_eq!(missing[0]["file"], GUIDE);
    let line = site
        .read(GUIDE)
        .lines()
        .position(|l| l.contains("image: settings.png"))
        .expect("image line")
        + 1;
    assert_eq!(missing[0]["line"], line);
    assert!(
        missing[0]["help"]
            .as_str()
            .is_some_and(|h| h.contains("content/demo/images/nl/settings.png"))
    );
    assert_eq!(status_row(&site, "nl")["screenshots"]["missing"], 1);
    // Adding it makes the finding go; an unused localized screenshot is an orphan.
    site.write("content/demo/images/nl/settings.png", b"nl shot");
    site.write("content/demo/images/nl/old-settings.png", b"old");
    assert!(findings(&site, "missing-image").is_empty());
    let orphans = findings(&site, "orphan-image");
    assert_eq!(orphans.len(), 1, "{orphans:#?}");
    assert_eq!(
        orphans[0]["file"],
        "content/demo/images/nl/old-settings.png"
    );
}

#[test]
fn a_screenshot_of_another_shape_is_reported() {
    let site = SiteTest::fixture("multilingual");
    let svg = |w: u32, h: u32| {
        format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\"></svg>")
    };
    site.edit(GUIDE, "image: settings.png", "image: shot.svg");
    site.write("content/demo/images/en/shot.svg", svg(800, 600));
    site.write("content/demo/images/fi/shot.svg", svg(820, 610));
    assert!(findings(&site, "image-aspect").is_empty());
    site.write("content/demo/images/fi/shot.svg", svg(800, 300));
    let reshaped = findings(&site, "image-aspect");
    assert_eq!(reshaped.len(), 1, "{reshaped:#?}");
    assert_eq!(reshaped[0]["file"], "content/demo/images/fi/shot.svg");
    assert_eq!(reshaped[0]["image"]["old"]["height"], 300);
    assert_eq!(reshaped[0]["image"]["new"]["height"], 600);
}

#[test]
fn without_a_record_the_repository_history_is_the_evidence() {
    let site = SiteTest::fixture("multilingual");
    site.allow_stale();
    let lock = "locales/fi/translations.lock";
    let without: String = site
        .read(lock)
        .lines()
        .filter(|l| !l.contains("\"image\""))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write(lock, without);
    // Not in a repository: nothing tells.
    let untracked = findings(&site, "untracked");
    assert!(untracked.iter().any(|f| f["file"] == FI), "{untracked:#?}");
    // Committed together: fresh.
    git(&site, 1_700_000_000, &["init", "-q"]);
    git(&site, 1_700_000_000, &["add", "-A"]);
    git(
        &site,
        1_700_000_000,
        &["commit", "-q", "-m", "guide and screenshots"],
    );
    assert!(findings(&site, "untracked").iter().all(|f| f["file"] != FI));
    assert!(findings(&site, "stale-image").is_empty());
    // The source screenshot changes in a later commit: the Finnish one is stale.
    site.write(SOURCE, b"new UI");
    git(&site, 1_700_000_100, &["commit", "-q", "-am", "new UI"]);
    let stale = findings(&site, "stale-image");
    assert_eq!(stale.len(), 1, "{stale:#?}");
    assert!(
        stale[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("since commit"))
    );
    // The review page shows the source screenshot the Finnish one was made from.
    site.build().success();
    let review = html(&site.out("review/fi/demo/index.html"));
    let old = base64_of(&git_show(
        &site,
        "HEAD~1:content/demo/images/en/settings.png",
    ));
    let sources = crate::support::attrs(&review, "table.review-images img", "src");
    assert!(
        sources.contains(&format!("data:image/png;base64,{old}")),
        "{sources:?}"
    );
    // Sync records the old source, so it stays stale without git too.
    site.run(&["i18n", "sync", "--locale", "fi"]).success();
    std::fs::remove_dir_all(site.path().join(".git")).expect("rm .git");
    assert_eq!(findings(&site, "stale-image").len(), 1);
}

fn git_show(site: &SiteTest, spec: &str) -> Vec<u8> {
    Command::new("git")
        .arg("-C")
        .arg(site.path())
        .args(["show", spec])
        .output()
        .expect("git show")
        .stdout
}

/// Standard base64 (with padding), as a `data:` URL holds it.
fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[test]
fn the_shipped_lock_records_every_localized_screenshot() {
    let root = crate::support::repo_root();
    for entry in walkdir::WalkDir::new(root.join("content")) {
        let entry = entry.expect("walk");
        let rel = entry
            .path()
            .strip_prefix(root.join("content"))
            .expect("rel");
        let parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let [guide, images, locale, name] = parts.as_slice() else {
            continue;
        };
        if images != "images" || !entry.file_type().is_file() {
            continue;
        }
        let yaml = std::fs::read_to_string(root.join("content").join(guide).join("guide.yaml"))
            .expect("guide");
        if yaml.contains(&format!("source_locale: {locale}")) {
            continue;
        }
        let lock =
            std::fs::read_to_string(root.join("locales").join(locale).join("translations.lock"))
                .expect("lock");
        let record = format!("{{\"guide\":\"{guide}\",\"image\":\"{name}\"");
        assert!(
            lock.contains(&record),
            "{locale}: no record of {guide}/{name}"
        );
    }
}
