//! Freshness from repository history: a translation the lock has no record of takes as its
//! basis the source text of the commit that last changed its lines; without a repository (or
//! for lines not committed yet) it stays `untracked`.

use std::process::Command;

use crate::support::SiteTest;

const FI: &str = "locales/fi/demo.ftl";
const GUIDE: &str = "content/demo/guide.yaml";
const OLD: &str = "Paste the key in the mailer.";
const NEW: &str = "Paste the API key in the mailer.";

/// Run `git args…` in the site, as a fixed author at commit time `time` (seconds).
pub(crate) fn git(site: &SiteTest, time: u64, args: &[&str]) {
    let date = format!("{time} +0000");
    let output = Command::new("git")
        .arg("-C")
        .arg(site.path())
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn commit(site: &SiteTest, time: u64, message: &str) {
    git(site, time, &["add", "-A"]);
    git(site, time, &["commit", "-q", "-m", message]);
}

/// The multilingual fixture in a repository, its Finnish translations written by hand (no lock)
/// and committed.
fn hand_written_and_committed() -> SiteTest {
    let site = SiteTest::fixture("multilingual");
    site.remove("locales/fi/translations.lock");
    git(&site, 1_700_000_000, &["init", "-q"]);
    commit(&site, 1_700_000_000, "translations written by hand");
    site
}

fn fi_findings(site: &SiteTest, kind: &str) -> Vec<serde_json::Value> {
    let run = site.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json report");
    report["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|f| f["kind"] == kind && f["locale"] == "fi")
        .collect()
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect(needle) + 1
}

#[test]
fn committed_translations_of_the_current_source_are_fresh_and_recorded_as_such() {
    let site = hand_written_and_committed();
    assert_eq!(
        fi_findings(&site, "untracked"),
        Vec::<serde_json::Value>::new()
    );
    assert!(fi_findings(&site, "stale").is_empty());
    site.run(&["i18n", "sync", "--locale", "fi"]).success();
    let lock = site.read("locales/fi/translations.lock");
    assert!(lock.contains(&format!("\"source\":\"{OLD}\"")), "{lock}");
}

#[test]
fn a_hand_written_translation_is_stale_after_a_committed_source_edit() {
    let site = hand_written_and_committed();
    site.edit(GUIDE, OLD, NEW);
    commit(&site, 1_700_001_000, "source edited");

    let stale = fi_findings(&site, "stale");
    assert_eq!(stale.len(), 1, "{stale:#?}");
    let finding = &stale[0];
    assert_eq!(finding["message_id"], "step-paste-key");
    assert_eq!(finding["file"], FI);
    assert_eq!(finding["line"], line_of(&site.read(FI), "step-paste-key ="));
    assert_eq!(finding["old_source"], OLD);
    assert_eq!(finding["new_source"], NEW);
    assert!(
        finding["help"]
            .as_str()
            .unwrap_or_default()
            .contains("commit")
    );
    site.run(&["check", "--strict"]).failure();

    // Sync records the source it was made from: it stays stale, in or out of the repository.
    site.run(&["i18n", "sync", "--locale", "fi"]).success();
    let lock = site.read("locales/fi/translations.lock");
    assert!(lock.contains(&format!("\"source\":\"{OLD}\"")), "{lock}");
    assert_eq!(fi_findings(&site, "stale").len(), 1);
    site.remove(".git");
    assert_eq!(fi_findings(&site, "stale").len(), 1);

    // Retranslating is the signal: the next sync records the current source.
    site.edit(FI, "Liitä avain", "Liitä API-avain");
    assert!(fi_findings(&site, "stale").is_empty());
    site.run(&["i18n", "sync", "--locale", "fi"]).success();
    assert!(
        site.read("locales/fi/translations.lock")
            .contains(&format!("\"source\":\"{NEW}\""))
    );
}

#[test]
fn a_source_edit_not_committed_yet_makes_a_committed_translation_stale() {
    let site = hand_written_and_committed();
    site.edit(GUIDE, OLD, NEW);
    let stale = fi_findings(&site, "stale");
    assert_eq!(stale.len(), 1, "{stale:#?}");
    assert_eq!(stale[0]["old_source"], OLD);
}

#[test]
fn translation_lines_not_committed_yet_are_untracked() {
    let site = hand_written_and_committed();
    site.edit(GUIDE, OLD, NEW);
    commit(&site, 1_700_001_000, "source edited");
    site.edit(FI, "Liitä avain", "Liitä API-avain");
    let untracked = fi_findings(&site, "untracked");
    assert_eq!(untracked.len(), 1, "{untracked:#?}");
    assert_eq!(untracked[0]["message_id"], "step-paste-key");
    assert!(fi_findings(&site, "stale").is_empty());
    // Committed, the edit is the evidence: made from the current source.
    commit(&site, 1_700_002_000, "retranslated");
    assert!(fi_findings(&site, "untracked").is_empty());
    assert!(fi_findings(&site, "stale").is_empty());
}

#[test]
fn an_attribute_is_judged_by_its_own_lines() {
    let site = hand_written_and_committed();
    site.edit(
        GUIDE,
        "The key is shown only once.",
        "The key is shown once, then hidden.",
    );
    commit(&site, 1_700_001_000, "source warning edited");
    // The translator touches the message's value later, not its warning.
    site.edit(
        FI,
        "Luo API-avain ja kopioi se.",
        "Luo API-avain ja kopioi se talteen.",
    );
    commit(&site, 1_700_002_000, "value reworded");
    let stale = fi_findings(&site, "stale");
    assert_eq!(stale.len(), 1, "{stale:#?}");
    assert_eq!(stale[0]["message_id"], "step-create-key.warning");
    assert_eq!(stale[0]["old_source"], "The key is shown only once.");
    assert!(fi_findings(&site, "untracked").is_empty());
}

#[test]
fn outside_a_repository_a_hand_written_translation_is_untracked() {
    let site = SiteTest::fixture("multilingual");
    site.remove("locales/fi/translations.lock");
    site.edit(GUIDE, OLD, NEW);
    let untracked = fi_findings(&site, "untracked");
    assert!(
        untracked
            .iter()
            .any(|f| f["message_id"] == "step-paste-key")
    );
    assert!(fi_findings(&site, "stale").is_empty());
}
