//! Terms for translators: `i18n sync` stubs the terms the sources use into each locale's
//! glossary, `i18n status` counts them, and a term missing from or renamed in a glossary is
//! reported where a translation uses it, saying what to do.

use crate::support::SiteTest;

const EN_TERMS: &str = "locales/en/terms.ftl";
const FI_TERMS: &str = "locales/fi/terms.ftl";
const NL_TERMS: &str = "locales/nl/terms.ftl";
const FI: &str = "locales/fi/demo.ftl";

/// The fixture with a new term `-ui-export` in the English glossary, used by the source.
fn with_new_term() -> SiteTest {
    let site = SiteTest::fixture("multilingual");
    let en = site.read(EN_TERMS);
    site.write(
        EN_TERMS,
        format!("{en}-ui-export = Export\n    .lang = en\n"),
    );
    site.edit(
        "content/demo/guide.yaml",
        "Paste the key in the mailer.",
        "Paste the key in the mailer, then choose { -ui-export }.",
    );
    site
}

fn status_rows(site: &SiteTest) -> Vec<serde_json::Value> {
    let run = site.run(&["i18n", "status", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    report["rows"].as_array().cloned().unwrap_or_default()
}

fn findings(site: &SiteTest) -> Vec<serde_json::Value> {
    let run = site.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json report");
    report["findings"].as_array().cloned().unwrap_or_default()
}

#[test]
fn sync_stubs_new_terms_into_every_glossary_and_keeps_the_translators_text() {
    let site = with_new_term();
    let fi_before = site.read(FI_TERMS);
    let nl_before = site.read(NL_TERMS);
    let run = site.run(&["i18n", "sync"]);
    run.success()
        .stdout_has("locales/fi/terms.ftl: 1 term stub(s) (-ui-export)");
    for (path, before) in [(FI_TERMS, &fi_before), (NL_TERMS, &nl_before)] {
        let after = site.read(path);
        assert!(after.starts_with(before.as_str()), "{after}");
        assert!(
            after.ends_with("# (en) -ui-export = Export\n#     .lang = en\n"),
            "{after}"
        );
    }
    // Another sync changes nothing; the stub is a comment, so the site still checks (the edited
    // step's translations are stale and lack the new term: let the gate pass them here).
    let once = site.read(FI_TERMS);
    site.run(&["i18n", "sync"]).success();
    assert_eq!(site.read(FI_TERMS), once);
    site.run(&[
        "check",
        "--policy",
        "stale=warning",
        "--policy",
        "placeable-mismatch=warning",
    ])
    .success();
    // The source locale's own glossary gets no stub.
    assert!(!site.read(EN_TERMS).contains("# (en)"));
}

#[test]
fn status_counts_the_terms_a_locale_has_translated() {
    let site = with_new_term();
    site.run(&["i18n", "sync"]).success();
    let rows = status_rows(&site);
    let fi = rows.iter().find(|r| r["locale"] == "fi").expect("fi row");
    assert_eq!(fi["terms"], 4, "{fi:#}");
    assert_eq!(fi["translated_terms"], 3, "{fi:#}");
    let table = site.run(&["i18n", "status", "--locale", "fi"]);
    assert!(
        table
            .stdout
            .lines()
            .next()
            .unwrap_or_default()
            .contains(" terms ")
    );
    assert!(
        table
            .stdout
            .lines()
            .nth(1)
            .unwrap_or_default()
            .contains(" 3/4 "),
        "{}",
        table.stdout
    );
    site.run(&["i18n", "status", "--format", "markdown"])
        .stdout_has("| 3/4 |");
    // The translator uncomments the stub and translates it.
    site.edit(
        FI_TERMS,
        "# (en) -ui-export = Export\n#     .lang = en\n",
        "-ui-export = Vie\n",
    );
    let rows = status_rows(&site);
    let fi = rows.iter().find(|r| r["locale"] == "fi").expect("fi row");
    assert_eq!(fi["translated_terms"], 4, "{fi:#}");
    site.run(&["i18n", "sync"]).success();
    assert!(site.read(FI_TERMS).ends_with("-ui-export = Vie\n"));
}

#[test]
fn a_stubbed_term_used_before_it_is_translated_says_to_translate_the_stub() {
    let site = with_new_term();
    site.run(&["i18n", "sync"]).success();
    site.edit(
        FI,
        "step-paste-key = Liitä avain postituspalveluun.",
        "step-paste-key = Liitä avain postituspalveluun ja valitse { -ui-export }.",
    );
    let unknown: Vec<_> = findings(&site)
        .into_iter()
        .filter(|f| f["kind"] == "unknown-term")
        .collect();
    assert_eq!(unknown.len(), 1, "{unknown:#?}");
    assert_eq!(unknown[0]["file"], FI);
    let help = unknown[0]["help"].as_str().unwrap_or_default();
    assert!(help.contains("has a stub for `-ui-export`"), "{help}");
    assert!(help.contains("uncomment it"), "{help}");
}

#[test]
fn a_term_renamed_in_one_glossary_is_reported_at_every_use_with_a_did_you_mean() {
    let site = SiteTest::fixture("multilingual");
    site.edit(FI_TERMS, "-ui-save = Tallenna", "-ui-tallenna = Tallenna");
    let run = site.run(&["check"]);
    run.failure();
    let fi = site.read(FI);
    let unknown: Vec<_> = findings(&site)
        .into_iter()
        .filter(|f| f["kind"] == "unknown-term")
        .collect();
    assert_eq!(unknown.len(), 2, "{unknown:#?}");
    for finding in &unknown {
        assert_eq!(finding["file"], FI);
        assert_eq!(finding["locale"], "fi");
        let line = finding["line"].as_u64().expect("line") as usize;
        let column = finding["column"].as_u64().expect("column") as usize;
        let text = fi.lines().nth(line - 1).expect("line");
        assert!(text[column - 1..].starts_with("-ui-save"), "{text}");
        let message = finding["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("locales/fi/terms.ftl does not define it"),
            "{message}"
        );
        let help = finding["help"].as_str().unwrap_or_default();
        assert!(help.starts_with("did you mean `-ui-tallenna`?"), "{help}");
        assert!(
            help.contains("rename `-ui-tallenna` to `-ui-save`"),
            "{help}"
        );
    }
    run.stderr_has("help: did you mean `-ui-tallenna`?");
}

/// The labels of a step's UI path are terms the guide uses: sync stubs one a glossary lacks,
/// and `i18n status` counts them.
#[test]
fn sync_stubs_the_labels_of_ui_paths() {
    let site = SiteTest::fixture("task");
    let nl = site.read(NL_TERMS);
    site.edit(NL_TERMS, "-ui-access-rights = Toegangsrechten\n", "");
    site.run(&["i18n", "sync"])
        .success()
        .stdout_has("locales/nl/terms.ftl: 1 term stub(s) (-ui-access-rights)");
    assert!(
        site.read(NL_TERMS)
            .ends_with("# (en) -ui-access-rights = Access rights\n"),
        "{}",
        site.read(NL_TERMS)
    );
    site.write(NL_TERMS, nl);
    let rows = status_rows(&site);
    let nl_connect = rows
        .iter()
        .find(|r| r["guide"] == "connect" && r["locale"] == "nl")
        .expect("a status row for the Dutch connect guide");
    // -acme and the three labels of the path.
    assert_eq!(nl_connect["terms"], 4, "{nl_connect}");
    assert_eq!(nl_connect["translated_terms"], 4, "{nl_connect}");
}
