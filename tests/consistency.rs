//! Translation consistency: every drift kind is caught with its location, `--strict` fails on
//! it, stale detection needs no bookkeeping, and `i18n sync` never loses a translator's text.

use crate::support::{SiteTest, attrs, html, texts};

const NL: &str = "locales/nl/demo.ftl";
const GUIDE: &str = "content/demo/guide.yaml";

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not found"))
        + 1
}

fn json_findings(site: &SiteTest, strict: bool) -> Vec<serde_json::Value> {
    let mut args = vec!["check", "--format", "json"];
    if strict {
        args.push("--strict");
    }
    let run = site.run(&args);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json report");
    report["findings"].as_array().cloned().unwrap_or_default()
}

/// The finding of `kind` about `message` must be a warning at `file:line`, and fail `--strict`.
#[track_caller]
fn assert_finding(
    site: &SiteTest,
    kind: &str,
    message: &str,
    file: &str,
    line: usize,
) -> serde_json::Value {
    let findings = json_findings(site, false);
    let finding = findings
        .iter()
        .find(|f| f["kind"] == kind && f["message_id"] == message)
        .unwrap_or_else(|| panic!("no {kind} finding for {message}: {findings:#?}"))
        .clone();
    assert_eq!(finding["file"], file);
    assert_eq!(finding["line"], line, "{finding:#}");
    assert_eq!(finding["locale"], "nl");
    assert_eq!(finding["guide"], "demo");
    // The default publishing gate fails on text that says something its source does not, and
    // publishes the rest with a warning; `--policy` sets a kind's level for one run.
    let gated = [
        "stale",
        "literal-lost",
        "placeable-mismatch",
        "wrong-language",
    ];
    if gated.contains(&kind) {
        site.run(&["check"])
            .failure()
            .stderr_has(&format!("error[{kind}]"));
        site.run(&["check", "--policy", &format!("{kind}=warning")])
            .success();
    } else {
        site.run(&["check"]).success();
        site.run(&["check", "--policy", &format!("{kind}=error")])
            .failure();
    }
    site.run(&["check", "--policy", &format!("{kind}=ignore")])
        .success()
        .stderr_has("left out by the policy");
    site.run(&["check", "--strict"]).failure();
    site.run(&["build", "--strict"])
        .failure()
        .stderr_has("nothing was written");
    finding
}

#[test]
fn clean_shipped_site_has_no_findings() {
    let site = SiteTest::shipped();
    assert!(json_findings(&site, true).is_empty());
    site.run(&["check", "--strict"]).success();
    site.run(&["build", "--strict"]).success();
    let run = site.run(&["i18n", "sync"]);
    run.success().stdout_has("translation files are in sync");
    assert!(!run.stdout.contains("updated"), "{}", run.stdout);
}

#[test]
fn missing_message() {
    let site = SiteTest::fixture("multilingual");
    assert_finding(
        &site,
        "missing",
        "step-open-settings.alt",
        NL,
        line_of(&site.read(NL), "step-open-settings ="),
    );
}

#[test]
fn obsolete_message() {
    let site = SiteTest::fixture("multilingual");
    site.write(NL, format!("{}step-gone = Weg\n", site.read(NL)));
    assert_finding(
        &site,
        "obsolete",
        "step-gone",
        NL,
        line_of(&site.read(NL), "step-gone"),
    );
}

#[test]
fn placeable_mismatch_names_the_term() {
    let site = SiteTest::fixture("multilingual");
    site.edit(NL, "Klik op { -ui-save }.", "Klik op Opslaan.");
    let finding = assert_finding(
        &site,
        "placeable-mismatch",
        "step-confirm-key",
        NL,
        line_of(&site.read(NL), "Klik op Opslaan"),
    );
    assert!(
        finding["message"]
            .as_str()
            .unwrap_or_default()
            .contains("missing { -ui-save }"),
        "{finding:#}"
    );
    assert!(finding["help"].as_str().is_some());
}

#[test]
fn literal_lost() {
    let site = SiteTest::fixture("multilingual");
    site.edit(NL, "Begint met `ak_`.", "Begint met ak.");
    let finding = assert_finding(
        &site,
        "literal-lost",
        "value-api-key.hint",
        NL,
        line_of(&site.read(NL), "value-api-key"),
    );
    assert!(
        finding["message"]
            .as_str()
            .unwrap_or_default()
            .contains("`ak_`")
    );
}

#[test]
fn unchanged_text_and_its_marker() {
    let site = SiteTest::fixture("multilingual");
    site.edit(
        NL,
        "step-name-key = Noem de sleutel `mailer`.",
        "step-name-key = Name the key `mailer`.",
    );
    assert_finding(
        &site,
        "unchanged",
        "step-name-key",
        NL,
        line_of(&site.read(NL), "step-name-key"),
    );
    site.edit(
        NL,
        "step-name-key = Name",
        "# stepdoc: same-as-source\nstep-name-key = Name",
    );
    assert!(
        !json_findings(&site, false)
            .iter()
            .any(|f| f["kind"] == "unchanged")
    );
}

#[test]
fn duplicate_ids_in_a_file_and_shadowed_terms() {
    let site = SiteTest::fixture("multilingual");
    site.write(
        NL,
        format!("{}title = Nog een titel\n-acme = Acme\n", site.read(NL)),
    );
    let findings = json_findings(&site, false);
    let duplicate = findings
        .iter()
        .find(|f| f["kind"] == "duplicate-message" && f["message_id"] == "title")
        .expect("duplicate");
    assert_eq!(duplicate["severity"], "error");
    assert!(findings.iter().any(|f| f["kind"] == "duplicate-message"
        && f["message_id"] == "-acme"
        && f["severity"] == "warning"));
    site.build().failure();
}

#[test]
fn json_findings_have_the_documented_shape() {
    let site = SiteTest::fixture("multilingual");
    let run = site.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    for key in ["errors", "warnings", "strict"] {
        assert!(report["summary"].get(key).is_some(), "summary.{key}");
    }
    let findings = report["findings"].as_array().expect("findings");
    // Two untranslated messages and the Dutch screenshot the fixture lacks.
    assert_eq!(findings.len(), 3, "{findings:#?}");
    for f in findings {
        for key in [
            "kind",
            "severity",
            "locale",
            "guide",
            "message_id",
            "file",
            "line",
            "column",
            "message",
            "help",
        ] {
            assert!(f.get(key).is_some(), "finding lacks {key}: {f:#}");
        }
        assert!(f["line"].is_u64() && f["column"].is_u64());
    }
}

#[test]
fn stale_lifecycle_translate_sync_change_edit() {
    let site = SiteTest::fixture("multilingual");
    // The fixture's lock records every translation: nothing stale, nothing untracked.
    site.run(&["i18n", "sync"]).success();
    assert!(
        json_findings(&site, false)
            .iter()
            .all(|f| f["kind"] != "stale" && f["kind"] != "untracked")
    );

    // The writer changes the source: the Finnish translation becomes stale.
    site.edit(
        GUIDE,
        "text: Paste the key in the mailer.",
        "text: Paste the key into the mailer settings.",
    );
    let findings = json_findings(&site, false);
    let stale = findings
        .iter()
        .find(|f| f["kind"] == "stale" && f["locale"] == "fi")
        .expect("stale finding");
    assert_eq!(stale["message_id"], "step-paste-key");
    let message = stale["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("\"Paste the key in the mailer.\"")
            && message.contains("\"Paste the key into the mailer settings.\""),
        "{message}"
    );
    assert_eq!(stale["old_source"], "Paste the key in the mailer.");
    assert_eq!(
        stale["new_source"],
        "Paste the key into the mailer settings."
    );
    // The gate fails on the stale translation; with stale allowed the page shows it marked.
    site.build().failure().stderr_has("error[stale]");
    site.run(&["build", "--policy", "stale=warning"]).success();
    let page = site.out("fi/demo/index.html");
    assert!(page.contains("Liitä avain postituspalveluun. <span class=\"badge outdated\">Voi olla vanhentunut</span>"), "{page}");
    let review = site.out("review/fi/demo/index.html");
    assert!(
        review.contains("<ins>into</ins>") && review.contains("<del>in</del>"),
        "{review}"
    );
    // Sync does not make it fresh by itself.
    site.run(&["i18n", "sync"]).success();
    assert!(
        json_findings(&site, false)
            .iter()
            .any(|f| f["kind"] == "stale")
    );

    // The translator edits the translation: fresh again, and sync records it.
    site.edit(
        "locales/fi/demo.ftl",
        "Liitä avain postituspalveluun.",
        "Liitä avain postituspalvelun asetuksiin.",
    );
    assert!(
        json_findings(&site, false)
            .iter()
            .all(|f| f["kind"] != "stale")
    );
    site.run(&["i18n", "sync"]).success();
    assert!(
        site.read("locales/fi/translations.lock")
            .contains("Paste the key into the mailer settings.")
    );
    assert!(
        json_findings(&site, false)
            .iter()
            .all(|f| f["kind"] != "stale")
    );
}

#[test]
fn sync_adds_stubs_keeps_every_byte_and_is_idempotent() {
    let site = SiteTest::fixture("multilingual");
    let before = site.read(NL);
    site.run(&["i18n", "sync", "--locale", "nl"])
        .success()
        .stdout_has("locales/nl/demo.ftl: 2 stub(s)");
    let after = site.read(NL);
    // Every original line is still there, in order.
    let mut rest = after.as_str();
    for line in before.lines() {
        let i = rest
            .find(line)
            .unwrap_or_else(|| panic!("lost line {line:?}\n{after}"));
        rest = &rest[i + line.len()..];
    }
    assert!(
        after.contains("# (en) step-paste-key = Paste the key in the mailer.\n"),
        "{after}"
    );
    assert!(
        after.contains(
            "step-open-settings = Open { -ui-settings }.\n# (en)     .alt = The settings page.\n"
        ),
        "{after}"
    );
    // The stub sits after the previous message of the guide.
    assert!(line_of(&after, "# (en) step-paste-key") > line_of(&after, "trouble-no-save"));
    assert!(
        fluent_syntax::parser::parse(after.as_str()).is_ok(),
        "sync output must parse"
    );
    // Stubs are comments: still missing, still marked on the page, but now located at the stub.
    let finding = json_findings(&site, false)
        .into_iter()
        .find(|f| f["message_id"] == "step-paste-key")
        .expect("missing");
    assert_eq!(finding["line"], line_of(&after, "# (en) step-paste-key"));
    site.run(&["i18n", "sync", "--locale", "nl"])
        .success()
        .stdout_has("translation files are in sync");
    assert_eq!(site.read(NL), after);
    // The writer changes the source: the stub is refreshed, not duplicated.
    site.edit(
        GUIDE,
        "text: Paste the key in the mailer.",
        "text: Paste the key into the mailer.",
    );
    site.run(&["i18n", "sync", "--locale", "nl"]).success();
    let refreshed = site.read(NL);
    assert!(refreshed.contains("# (en) step-paste-key = Paste the key into the mailer.\n"));
    assert_eq!(
        refreshed.matches("# (en) step-paste-key").count(),
        1,
        "{refreshed}"
    );
}

#[test]
fn sync_creates_missing_files_and_prune_keeps_obsolete_text() {
    let site = SiteTest::fixture("basic");
    site.run(&["i18n", "sync"])
        .success()
        .stdout_has("locales/nl/demo.ftl: 21 stub(s)");
    let created = site.read(NL);
    assert!(fluent_syntax::parser::parse(created.as_str()).is_ok());
    assert!(created.contains("# (en) step-create-key = Create an API key and copy it.\n#     .warning = The key is shown only once.\n"), "{created}");

    let site = SiteTest::fixture("multilingual");
    site.write(
        NL,
        format!(
            "{}# Oud bericht\nstep-gone = Weg\n    .note = Nog een regel\n",
            site.read(NL)
        ),
    );
    site.run(&["i18n", "sync"]).success();
    assert!(
        site.read(NL).contains("step-gone = Weg"),
        "without --prune nothing moves"
    );
    site.run(&["i18n", "sync", "--prune"])
        .success()
        .stdout_has("1 obsolete");
    let pruned = site.read(NL);
    assert!(pruned.contains("## Obsolete"), "{pruned}");
    assert!(
        pruned.contains("# step-gone = Weg\n#     .note = Nog een regel\n"),
        "{pruned}"
    );
    assert!(
        json_findings(&site, false)
            .iter()
            .all(|f| f["kind"] != "obsolete")
    );
}

#[test]
fn status_report_formats() {
    let site = SiteTest::fixture("multilingual");
    let table = site.run(&["i18n", "status"]);
    table.success();
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert!(lines[0].starts_with("locale  guide"), "{}", table.stdout);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("nl") && l.contains("19/21")),
        "{}",
        table.stdout
    );
    let json = site.run(&["i18n", "status", "--format", "json", "--locale", "nl"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let rows = report["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["missing"], 2);
    assert_eq!(rows[0]["translated"], 19);
    assert!(rows[0]["percent_words"].as_u64().unwrap_or(100) < 100);
    let md = site.run(&["i18n", "status", "--format", "markdown"]);
    assert!(
        md.stdout.contains("| nl | `demo` ⚠️ | 19/21 | 2 |"),
        "{}",
        md.stdout
    );
    site.run(&["i18n", "status", "--locale", "xx"])
        .failure()
        .stderr_has("not one of the site's locales");
}

#[test]
fn status_and_review_pages_are_built_but_not_advertised() {
    let site = SiteTest::fixture("multilingual");
    site.build().success();
    let status = html(&site.out("status/index.html"));
    let cells = texts(&status, ".status-matrix td");
    assert_eq!(cells[0], "source");
    assert!(
        cells[1].starts_with("87%") && cells[1].contains("missing: 2"),
        "{cells:?}"
    );
    let review = site.out("review/nl/demo/index.html");
    assert!(review.contains("noindex"));
    assert!(
        review.contains("review-missing\" id=\"m-step-paste-key\""),
        "{review}"
    );
    assert!(!site.out("sitemap.xml").contains("review"));
    assert!(!site.out("en/demo/index.html").contains("review/"));
}

#[test]
fn review_pages_only_where_a_reviewer_has_work_unless_configured() {
    let site = SiteTest::fixture("multilingual");
    site.build().success();
    // nl misses two messages; fi is complete.
    assert!(
        site.path()
            .join("public/review/nl/demo/index.html")
            .is_file()
    );
    assert!(!site.path().join("public/review/fi/demo").exists());
    let status = html(&site.out("status/index.html"));
    assert_eq!(
        attrs(&status, ".status-matrix td a", "href"),
        ["../review/nl/demo/"]
    );
    site.edit(
        "site.yaml",
        "default_locale: en",
        "default_locale: en\nreview_pages: all",
    );
    site.build().success();
    assert!(
        site.path()
            .join("public/review/fi/demo/index.html")
            .is_file()
    );
    let status = html(&site.out("status/index.html"));
    assert_eq!(
        attrs(&status, ".status-matrix td a", "href"),
        ["../review/nl/demo/", "../review/fi/demo/"]
    );
    site.edit("site.yaml", "review_pages: all", "review_pages: none");
    site.build().success();
    assert!(!site.path().join("public/review").exists());
    site.edit("site.yaml", "review_pages: none", "review_pages: some");
    site.build().failure().stderr_has("site.yaml:");
}

#[test]
fn broken_internal_links_and_anchors_are_errors() {
    let site = SiteTest::fixture("multilingual");
    site.edit(
        GUIDE,
        "text: Paste the key in the mailer.",
        "text: Paste the key in the mailer (see [step](#step-nope)).",
    );
    let run = site.run(&["check"]);
    // One finding for the link as written, naming every page that shows it.
    run.failure().stderr_has(
        "error[broken-link]: link `#step-nope` on 2 pages (en/demo/index.html, nl/demo/index.html) points to `#step-nope`, which the page does not have",
    );
    assert_eq!(
        run.stderr.matches("error[broken-link]").count(),
        1,
        "{}",
        run.stderr
    );
    let line = line_of(&site.read(GUIDE), "#step-nope");
    assert!(!run.stderr.contains("did you mean"), "{}", run.stderr);
    // A near miss of an existing anchor is named.
    site.edit(GUIDE, "(#step-nope)", "(#step-create-kye)");
    site.run(&["check"])
        .failure()
        .stderr_has("did you mean `#step-create-key`?");
    site.edit(GUIDE, "(#step-create-kye)", "(#step-nope)");
    // So is a near miss of another guide's id.
    site.edit(GUIDE, "(#step-nope)", "(../demoo/#step-create-key)");
    site.run(&["check"])
        .failure()
        .stderr_has("did you mean `../demo/#step-create-key`?");
    site.edit(GUIDE, "(../demoo/#step-create-key)", "(#step-nope)");
    run.stderr_has(&format!("{GUIDE}:{line}:"));
    site.edit(GUIDE, "(#step-nope)", "(#step-create-key)");
    // The translations of the edited step are now stale: the gate fails on them, not on links.
    let run = site.run(&["check"]);
    run.failure().stderr_has("error[stale]");
    assert!(!run.stderr.contains("broken-link"), "{}", run.stderr);
}

#[test]
fn untracked_translations_until_sync_records_them() {
    let site = SiteTest::fixture("multilingual");
    site.remove("locales/fi/translations.lock");
    let findings = json_findings(&site, false);
    let untracked: Vec<_> = findings
        .iter()
        .filter(|f| f["kind"] == "untracked" && f.get("image").is_none())
        .collect();
    assert!(!untracked.is_empty());
    assert!(
        untracked
            .iter()
            .all(|f| f["locale"] == "fi" && f["line"].as_u64() > Some(0))
    );
    let paste = untracked
        .iter()
        .find(|f| f["message_id"] == "step-paste-key")
        .expect("untracked step");
    assert_eq!(
        paste["line"],
        line_of(&site.read("locales/fi/demo.ftl"), "step-paste-key =")
    );
    site.run(&["check", "--strict"]).failure();
    site.run(&["i18n", "sync", "--locale", "fi"]).success();
    assert!(
        json_findings(&site, false)
            .iter()
            .all(|f| f["kind"] != "untracked")
    );
}

/// Every kind a translation check reports is in the findings table of docs/translating.md.
#[test]
fn every_translation_finding_kind_is_documented() {
    use stepdoc::diagnostics::{Area, Kind};
    let root = crate::support::repo_root();
    let doc = std::fs::read_to_string(root.join("docs/translating.md")).expect("doc");
    let kinds: Vec<&Kind> = Kind::ALL
        .iter()
        .filter(|k| k.area() == Area::Translation)
        .collect();
    assert!(kinds.len() >= 10, "{kinds:?}");
    for kind in kinds {
        assert!(
            doc.contains(&format!("`{kind}`")),
            "docs/translating.md does not document `{kind}`"
        );
    }
}

#[test]
fn sync_refuses_a_lock_it_cannot_read_and_leaves_it_as_it_is() {
    let site = SiteTest::fixture("multilingual");
    let lock = "locales/nl/translations.lock";
    let damaged = site.read(lock).replacen(
        "{\"guide\":\"demo\",\"message\":\"audience\"",
        "<<<<<<< HEAD\n{\"guide\":\"demo\",\"message\":\"audience\"",
        1,
    );
    site.write(lock, &damaged);
    let run = site.run(&["i18n", "sync"]);
    run.failure()
        .stderr_has("warning[lock-invalid]")
        .stderr_has("locales/nl/translations.lock: not synced");
    assert_eq!(site.read(lock), damaged, "the lock must not be rewritten");
    assert!(
        !run.stderr.contains("fi/translations.lock"),
        "{}",
        run.stderr
    );
}

#[test]
fn sync_keeps_line_endings_byte_order_mark_and_permissions() {
    let site = SiteTest::fixture("multilingual");
    let original = site.read(NL);
    let crlf = format!("\u{feff}{}", original.replace('\n', "\r\n"));
    site.write(NL, &crlf);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let file = site.path().join(NL);
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    }
    site.run(&["i18n", "sync", "--locale", "nl"])
        .success()
        .stdout_has("locales/nl/demo.ftl: 2 stub(s)");
    let after = site.read(NL);
    assert!(after.starts_with('\u{feff}'), "BOM lost");
    assert!(
        !after.replace("\r\n", "").contains('\n'),
        "a bare LF: {after:?}"
    );
    // Every original line is still there, byte for byte, in order.
    let mut rest = after.as_str();
    for line in crlf.split_inclusive("\r\n") {
        let i = rest.find(line).unwrap_or_else(|| panic!("lost {line:?}"));
        rest = &rest[i + line.len()..];
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(site.path().join(NL))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    // Nothing left behind by the atomic write, and a second sync has nothing to do.
    let leftovers: Vec<_> = std::fs::read_dir(site.path().join("locales/nl"))
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    site.run(&["i18n", "sync", "--locale", "nl"])
        .success()
        .stdout_has("translation files are in sync");
}

#[test]
fn a_lock_entry_spelled_decomposed_is_not_a_change() {
    let site = SiteTest::fixture("multilingual");
    site.edit(
        GUIDE,
        "audience: Administrators",
        "audience: Administrators café",
    );
    let lock = "locales/nl/translations.lock";
    // The record's source as a JSON escape of the decomposed é (e + U+0301).
    site.edit(
        lock,
        "\"source\":\"Administrators\"}",
        "\"source\":\"Administrators cafe\\u0301\"}",
    );
    let stale: Vec<_> = json_findings(&site, false)
        .into_iter()
        .filter(|f| f["kind"] == "stale" && f["message_id"] == "audience" && f["locale"] == "nl")
        .collect();
    assert!(stale.is_empty(), "{stale:?}");
}
